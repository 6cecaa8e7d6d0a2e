export { reportingRoutes } from './routes';
