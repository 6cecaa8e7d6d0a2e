export { archiveRoutes } from './routes';
export { documentCountsByCategory } from './queries';
