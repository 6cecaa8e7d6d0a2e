export { checklistRoutes } from './routes';
export { listItems } from './items.service';
export { applicableTemplates, listTemplates, previewScore } from './templates.service';
export { getTemplate } from './queries';
