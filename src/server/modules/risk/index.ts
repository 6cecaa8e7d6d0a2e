export { riskRoutes } from './routes';
export { recomputeRisk } from './recompute';
