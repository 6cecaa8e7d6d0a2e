export { regionRoutes } from './routes';
export { regionTree } from './service';
