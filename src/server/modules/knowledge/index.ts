export { knowledgeRoutes } from './routes';
export { lawArticle, lawByKey, lawByName, lawIndex, resolveCitation, resolveLegalBasis, danglingCitations } from './laws';
