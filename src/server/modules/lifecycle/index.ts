export { lifecycleRoutes } from './routes';
export { getLifecycle } from './queries';
export { suggestPermitClass } from './permit-catalogue';
