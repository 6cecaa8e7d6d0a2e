/** Typed calls of the checklist bank, templates and score preview. Types only from the contracts (no zod in the bundle). */
import type {
  ApplicableTemplates, ChecklistItem, ChecklistItemInput, ChecklistItemList, ChecklistItemListQuery, ChecklistItemUpdate,
  ScoringPreview, ScoringPreviewRequest, Template, TemplateCopy, TemplateInput, TemplateList, TemplateListQuery, TemplateUpdate,
} from '../../common/contracts/checklists';
import { api } from './client';

const id = (s: string) => encodeURIComponent(s);

export const listChecklistItems = (query: ChecklistItemListQuery = {}) => api.get<ChecklistItemList>('/api/checklist-items', query);
export const createChecklistItem = (body: ChecklistItemInput) => api.post<ChecklistItem>('/api/checklist-items', body);
export const updateChecklistItem = (itemId: string, body: ChecklistItemUpdate) => api.patch<ChecklistItem>(`/api/checklist-items/${id(itemId)}`, body);

export const listTemplates = (query: TemplateListQuery = {}) => api.get<TemplateList>('/api/checklist-templates', query);
export const createTemplate = (body: TemplateInput) => api.post<Template>('/api/checklist-templates', body);
export const updateTemplate = (templateId: string, body: TemplateUpdate) => api.patch<Template>(`/api/checklist-templates/${id(templateId)}`, body);
export const copyTemplate = (templateId: string, body: TemplateCopy = {}) => api.post<Template>(`/api/checklist-templates/${id(templateId)}/copy`, body);
export const applicableTemplates = (sourceId: string) => api.get<ApplicableTemplates>('/api/checklist-templates/applicable', { sourceId });

export const previewScore = (body: ScoringPreviewRequest) => api.post<ScoringPreview>('/api/checklist-scoring/preview', body);
