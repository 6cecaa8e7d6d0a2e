/**
 * Typed endpoint functions of the map, Excel ledgers, documents, QR card, inbox, compliance
 * calendar, completeness and screening pages. Types only from the contracts (no zod in the bundle).
 */
import type { CompletenessByTown, SourceListItem } from '../../common/contracts/dossier';
import type {
  DocumentDetail, DocumentListQuery, DocumentView, QrCard, RefusedFile, UpdateDocument,
} from '../../common/contracts/documents';
import type {
  CommitImport, ImportReport, ImportResult, LedgerImport, ReportQuerySchema, UpdateMapping,
} from '../../common/contracts/ledgers';
import type {
  NegativeEntry, NegativeEntryInput, NegativeEntryUpdate, PermitSuggestion, RegisterRequest, ScreeningRequest, ScreeningResult,
} from '../../common/contracts/lifecycle';
import type { Calendar, CalendarQuery, Inbox, NotificationView, SourceCompliance } from '../../common/contracts/notifications';
import type { z } from 'zod';
import { ApiError, api, cookieCsrfToken, fetchCsrfToken, request, withQuery, type Query } from './client';
import { listDossierSources, type SourceFilters } from './dossier';

const id = (s: string) => encodeURIComponent(s);

// ---------------------------------------------------------------- multipart uploads with progress

/** A refused upload: the API error plus, for documents, every refused file. */
export class UploadError extends ApiError {
  readonly refused: RefusedFile[];
  constructor(status: number, body: { code: string; message: { zh: string; en: string }; field?: string; refused?: RefusedFile[] }) {
    super(status, body);
    this.refused = body.refused ?? [];
  }
}

const NETWORK = { code: 'network_error', message: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check your connection and try again' } };

/** POSTs a FormData with XMLHttpRequest, so the caller sees the upload's progress (0–1). */
export async function postMultipart<T>(url: string, form: FormData, onProgress?: (share: number) => void, signal?: AbortSignal, retried = false): Promise<T> {
  const token = await cookieCsrfToken();
  const result = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new UploadError(0, NETWORK));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
  if (result.status >= 200 && result.status < 300) return result.body as T;
  const b = result.body as { code?: string; message?: { zh: string; en: string }; field?: string; refused?: RefusedFile[] } | null;
  const err =
    b && typeof b.code === 'string' && b.message
      ? new UploadError(result.status, { code: b.code, message: b.message, field: b.field, refused: b.refused })
      : new UploadError(result.status, { code: `http_${result.status}`, message: { zh: `上传失败（HTTP ${result.status}）`, en: `Upload failed (HTTP ${result.status})` } });
  if (result.status === 403 && err.code.includes('csrf') && !retried) {
    await fetchCsrfToken();
    return postMultipart<T>(url, form, onProgress, signal, true);
  }
  throw err;
}

/** Starts a browser download of a GET endpoint (the session cookie goes along). */
export function startDownload(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

// ---------------------------------------------------------------- map points

export type MapPoint = SourceListItem;
const MAP_PAGE = 200;
/** More than this many points is not a map any more; the page asks the user to narrow the filters. */
export const MAP_MAX_POINTS = 10_000;

/** Every source in scope matching the filters, read page by page from the list endpoint (4 requests at a time). */
export async function listAllSources(filters: SourceFilters, signal?: AbortSignal): Promise<{ items: MapPoint[]; total: number }> {
  const first = await listDossierSources({ ...filters, page: 1, pageSize: MAP_PAGE }, signal);
  const pages = Math.ceil(Math.min(first.total, MAP_MAX_POINTS) / MAP_PAGE);
  const items = [...first.items];
  const rest = Array.from({ length: Math.max(pages - 1, 0) }, (_, i) => i + 2);
  for (let i = 0; i < rest.length; i += 4) {
    const batch = await Promise.all(rest.slice(i, i + 4).map((page) => listDossierSources({ ...filters, page, pageSize: MAP_PAGE }, signal)));
    for (const b of batch) items.push(...b.items);
  }
  return { items, total: first.total };
}

// ---------------------------------------------------------------- Excel ledgers

type ReportQuery = Partial<z.input<typeof ReportQuerySchema>>;
export type CommitResponse = ImportResult & { importId: string; replayed: boolean };
const LEDGER = '/api/ledgers/sources';

export const ledgerTemplateUrl = `${LEDGER}/template.xlsx`;
export const ledgerExportUrl = (filters: SourceFilters) => withQuery(`${LEDGER}/export.xlsx`, { ...filters } as Query);
/** Downloads the filtered source list as .xlsx (for the list page's export button). */
export const downloadExport = (filters: SourceFilters) => startDownload(ledgerExportUrl(filters));

export function uploadLedger(file: File, onProgress?: (share: number) => void): Promise<LedgerImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postMultipart<LedgerImport>(`${LEDGER}/imports`, form, onProgress);
}
export const getImportReport = (importId: string, query: ReportQuery) => api.get<ImportReport>(`${LEDGER}/imports/${id(importId)}`, { ...query } as Query);
export const updateImportMapping = (importId: string, body: UpdateMapping) => api.post<LedgerImport>(`${LEDGER}/imports/${id(importId)}/mapping`, body);
export const commitImport = (importId: string, body: CommitImport) => api.post<CommitResponse>(`${LEDGER}/imports/${id(importId)}/commit`, body);

// ---------------------------------------------------------------- documents (档案)

export interface DocumentList {
  items: DocumentView[];
  total: number;
  byCategory: Array<{ category: DocumentView['category']; count: number }>;
}
export interface UploadReport {
  created: DocumentView[];
  refused: RefusedFile[];
}
export interface UploadFields {
  category: DocumentView['category'];
  confidentiality: DocumentView['confidentiality'];
  documentDate?: string;
}

export const listDocuments = (sourceId: string, query: Partial<DocumentListQuery> = {}) =>
  api.get<DocumentList>(`/api/sources/${id(sourceId)}/documents`, { pageSize: 500, ...query } as Query);
export const getDocument = (docId: string) => api.get<DocumentDetail>(`/api/documents/${id(docId)}`);
export const updateDocument = (docId: string, body: UpdateDocument) => api.patch<DocumentDetail>(`/api/documents/${id(docId)}`, body);
export const deleteDocument = (docId: string, version: number) => request<void>('DELETE', `/api/documents/${id(docId)}`, { query: { version } });
export const documentDownloadUrl = (docId: string, versionNo: number, inline = false) =>
  withQuery(`/api/documents/${id(docId)}/versions/${versionNo}/download`, { disposition: inline ? 'inline' : undefined });
export const archiveZipUrl = (sourceId: string) => `/api/sources/${id(sourceId)}/archive.zip`;

/** One file per request, so each file has its own progress bar and its own error. */
export function uploadDocument(sourceId: string, file: File, fields: UploadFields, onProgress?: (share: number) => void) {
  const form = new FormData();
  form.append('category', fields.category);
  form.append('confidentiality', fields.confidentiality);
  if (fields.documentDate) form.append('documentDate', fields.documentDate);
  form.append('files', file, file.name);
  return postMultipart<UploadReport>(`/api/sources/${id(sourceId)}/documents`, form, onProgress);
}
export function uploadDocumentVersion(docId: string, file: File, version: number, note?: string, onProgress?: (share: number) => void) {
  const form = new FormData();
  form.append('version', String(version));
  if (note) form.append('note', note);
  form.append('file', file, file.name);
  return postMultipart<DocumentDetail>(`/api/documents/${id(docId)}/versions`, form, onProgress);
}

// ---------------------------------------------------------------- 一企一码

export const getQrCard = (sourceId: string) => api.get<QrCard>(`/api/sources/${id(sourceId)}/qr-card.json`);
export const qrSvgUrl = (sourceId: string) => `/api/sources/${id(sourceId)}/qr.svg`;
export const qrPngUrl = (sourceId: string) => `/api/sources/${id(sourceId)}/qr.png`;

// ---------------------------------------------------------------- inbox and compliance calendar

export const listInbox = (query: { unread?: boolean; page?: number; pageSize?: number }) =>
  api.get<Inbox>('/api/inbox', { unread: query.unread ? 'true' : undefined, page: query.page, pageSize: query.pageSize });
export const getUnreadCount = () => api.get<{ unread: number }>('/api/inbox/unread-count');
export const markRead = (notificationId: string) => api.post<NotificationView>(`/api/inbox/${id(notificationId)}/read`);
export const markAllRead = () => api.post<{ updated: number }>('/api/inbox/read-all');
/** Fired after the inbox changes, so the header bell counts again at once. */
export const INBOX_CHANGED = 'es-inbox-changed';
export const announceInboxChange = () => window.dispatchEvent(new Event(INBOX_CHANGED));

export const getCalendar = (query: Partial<CalendarQuery>) => api.get<Calendar>('/api/compliance/calendar', { ...query } as Query);
export const getSourceCompliance = (sourceId: string) => api.get<SourceCompliance>(`/api/sources/${id(sourceId)}/compliance`);

// ---------------------------------------------------------------- completeness, screening, negative list

export const getCompletenessByTown = () => api.get<CompletenessByTown>('/api/completeness/by-town');

export const screenProject = (body: ScreeningRequest) => api.post<ScreeningResult>('/api/screening', body);
export const registerScreened = (body: RegisterRequest) =>
  api.post<{ sourceId: string; status: string; screening: ScreeningResult }>('/api/screening/register', body);
export const suggestPermitClass = (industryCode: string) => api.get<PermitSuggestion>('/api/permit-catalogue/suggest', { industryCode });

export const listNegativeEntries = () => api.get<{ items: NegativeEntry[]; canCreate: boolean }>('/api/negative-list');
export const createNegativeEntry = (body: NegativeEntryInput) => api.post<NegativeEntry>('/api/negative-list', body);
export const updateNegativeEntry = (entryId: string, body: NegativeEntryUpdate) => api.patch<NegativeEntry>(`/api/negative-list/${id(entryId)}`, body);
export const deleteNegativeEntry = (entryId: string, version: number) =>
  request<void>('DELETE', `/api/negative-list/${id(entryId)}`, { query: { version } });
