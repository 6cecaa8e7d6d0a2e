export { inspectionRoutes } from './routes';
export { getInspectionDetail } from './detail';
export { listInspections } from './queries';
