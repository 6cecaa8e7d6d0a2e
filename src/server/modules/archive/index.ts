export { archiveRoutes } from './routes';
export { documentCountsByCategory } from './queries';
export { sourceDocumentRefs, type SourceDocumentRef } from './for-issues';
