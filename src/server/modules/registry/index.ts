export { registryRoutes } from './routes';
export { listSources, getSource, overview, scopeName } from './queries';
