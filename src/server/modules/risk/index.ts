export { riskRoutes } from './routes';
export { recomputeRisk } from './recompute';
export { visitCap } from './rules.service';
export { gradesForPlanning } from './queries';
