/**
 * Typed endpoint functions of the dossier (一源一档) pages: the list, one dossier, its sections,
 * its history and the reference catalogues (industries, standards, hazardous-waste codes).
 * Types only from the contracts (no zod in the bundle).
 */
import type {
  CreateSource, Dossier, History, Industry, HwCode, SectionKey, SectionRow, SourceList, SourceListQuery, Standard,
  UpdateSourceBasics,
} from '../../common/contracts/dossier';
import type {
  Lifecycle, PermitClassRequest, PermitSuggestion, Proposal, ProposalDecision, ProposalRequest, RelocateRequest, TransitionRequest,
} from '../../common/contracts/lifecycle';
import { api, request, withQuery, type Query } from './client';

export type SourceFilters = Partial<Omit<SourceListQuery, 'sort' | 'page' | 'pageSize'>>;
export type ListQuery = SourceFilters & Partial<Pick<SourceListQuery, 'sort' | 'page' | 'pageSize'>>;

const id = (s: string) => encodeURIComponent(s);

export const listDossierSources = (query: ListQuery, signal?: AbortSignal) =>
  api.get<SourceList>('/api/sources', { ...query }, { signal });

/** The Excel export of the filtered list (a plain download: the session cookie goes along). */
export const sourcesExportUrl = (filters: SourceFilters & { sort?: SourceListQuery['sort'] }) => withQuery('/api/ledgers/sources/export.xlsx', { ...filters } as Query);

export const createSource = (body: CreateSource) => api.post<Dossier>('/api/sources', body);
export const getDossier = (sourceId: string) => api.get<Dossier>(`/api/sources/${id(sourceId)}/dossier`);
export const updateBasics = (sourceId: string, body: UpdateSourceBasics) => api.patch<Dossier>(`/api/sources/${id(sourceId)}`, body);
export const getHistory = (sourceId: string, page: number, pageSize: number) =>
  api.get<History>(`/api/sources/${id(sourceId)}/history`, { page, pageSize });

export const createSectionRow = <K extends SectionKey>(sourceId: string, section: K, body: Record<string, unknown>) =>
  api.post<SectionRow<K>>(`/api/sources/${id(sourceId)}/sections/${section}`, body);
export const updateSectionRow = <K extends SectionKey>(section: K, rowId: string, body: Record<string, unknown> & { version: number }) =>
  api.patch<SectionRow<K>>(`/api/sections/${section}/${id(rowId)}`, body);
export const deleteSectionRow = (section: SectionKey, rowId: string, version: number) =>
  request<void>('DELETE', `/api/sections/${section}/${id(rowId)}`, { query: { version } });

export const searchIndustries = (q: string, level: number, limit = 50) =>
  api.get<{ items: Industry[]; total: number }>('/api/industries', { q: q || undefined, level, limit });
export const listStandards = (query: { id?: string; medium?: 'gas' | 'water' | 'noise' } = {}) =>
  api.get<{ items: Standard[] }>('/api/standards', query);
export const searchHwCodes = (q: string, limit = 30) => api.get<{ items: HwCode[]; total: number }>('/api/hazardous-waste-codes', { q: q || undefined, limit });

// ---------------------------------------------------------------- lifecycle, permit class, proposals

export const getLifecycle = (sourceId: string) => api.get<Lifecycle>(`/api/sources/${id(sourceId)}/lifecycle`);
export const transitionSource = (sourceId: string, body: TransitionRequest) => api.post<Lifecycle>(`/api/sources/${id(sourceId)}/transitions`, body);
export const relocateSource = (sourceId: string, body: RelocateRequest) => api.post<Lifecycle>(`/api/sources/${id(sourceId)}/relocate`, body);
export const suggestPermitClass = (industryCode: string) => api.get<PermitSuggestion>('/api/permit-catalogue/suggest', { industryCode });
export const decidePermitClass = (sourceId: string, body: PermitClassRequest) =>
  api.post<{ sourceId: string; permitClass: string; version: number }>(`/api/sources/${id(sourceId)}/permit-class`, body);

export type ProposalStatus = Proposal['status'];
export const listSourceProposals = (sourceId: string) => api.get<{ items: Proposal[]; total: number }>(`/api/sources/${id(sourceId)}/proposals`);
export const listProposals = (query: { status?: ProposalStatus; page?: number; pageSize?: number }) =>
  api.get<{ items: Proposal[]; total: number }>('/api/proposals', query);
export const createProposal = (sourceId: string, body: ProposalRequest) => api.post<Proposal>(`/api/sources/${id(sourceId)}/proposals`, body);
export const decideProposal = (proposalId: string, body: ProposalDecision) => api.post<Proposal>(`/api/proposals/${id(proposalId)}/decision`, body);
