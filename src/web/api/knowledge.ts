/**
 * Typed endpoint functions of the knowledge library (法规标准): laws by article, the compliance
 * handbook (合规宝典) and its editions. Emission standards come from GET /api/standards (api/dossier.ts).
 * Types only from the contracts (no zod in the bundle).
 */
import type {
  ArticleList, EditionCreate, EntryInput, EntryUpdate, Handbook, HandbookEditionList, HandbookEditionSummary, HandbookEntry, LawIndex,
} from '../../common/contracts/knowledge';
import { api, request } from './client';

const id = (s: string) => encodeURIComponent(s);

export interface ArticleFilters {
  law?: string;
  q?: string;
  no?: number;
  ref?: string;
  limit?: number;
  offset?: number;
}

export const listLaws = () => api.get<LawIndex>('/api/laws');
export const searchArticles = (filters: ArticleFilters) => api.get<ArticleList>('/api/laws/articles', { ...filters });

export const getHandbook = (year?: number) => api.get<Handbook>('/api/handbook', { year });
export const listEditions = () => api.get<HandbookEditionList>('/api/handbook/editions');
export const createEdition = (body: EditionCreate = {}) => api.post<HandbookEditionSummary>('/api/handbook/editions', body);
export const publishEdition = (editionId: string, version: number) =>
  api.post<HandbookEditionSummary>(`/api/handbook/editions/${id(editionId)}/publish`, { version });
export const createEntry = (editionId: string, body: EntryInput) => api.post<HandbookEntry>(`/api/handbook/editions/${id(editionId)}/entries`, body);
export const updateEntry = (entryId: string, body: EntryUpdate) => api.patch<HandbookEntry>(`/api/handbook/entries/${id(entryId)}`, body);
export const deleteEntry = (entryId: string, version: number) => request<void>('DELETE', `/api/handbook/entries/${id(entryId)}`, { query: { version } });
