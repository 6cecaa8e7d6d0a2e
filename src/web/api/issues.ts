/** Typed calls of the closed loop of issues and rectification notices. Types only from the contracts (no zod in the bundle). */
import type {
  FollowUpInput, IssueActionInput, IssueDetail, IssueList, IssueListQuery, IssuePhoto, IssueUpdate, NoticeDetail, NoticeList, NoticeListQuery,
} from '../../common/contracts/issues';
import type { IssueActionName } from '../../common/issue-workflow';
import { api, ApiError, cookieCsrfToken, NETWORK_ERROR, type Query } from './client';

const id = (s: string) => encodeURIComponent(s);

export const listIssues = (query: IssueListQuery = {}) => api.get<IssueList>('/api/issues', query as Query);
export const getIssue = (issueId: string) => api.get<IssueDetail>(`/api/issues/${id(issueId)}`);
export const updateIssue = (issueId: string, body: IssueUpdate) => api.patch<IssueDetail>(`/api/issues/${id(issueId)}`, body);
export const takeIssueAction = (issueId: string, action: IssueActionName, body: IssueActionInput) =>
  api.post<IssueDetail>(`/api/issues/${id(issueId)}/actions/${action}`, body);
export const addFollowUp = (issueId: string, body: FollowUpInput) => api.post<IssueDetail>(`/api/issues/${id(issueId)}/follow-ups`, body);

export const listNotices = (query: NoticeListQuery = {}) => api.get<NoticeList>('/api/notices', query as Query);
export const getNotice = (noticeId: string) => api.get<NoticeDetail>(`/api/notices/${id(noticeId)}`);
export const acknowledgeNotice = (noticeId: string, version: number) => api.post<NoticeDetail>(`/api/notices/${id(noticeId)}/acknowledge`, { version });
export const noticePdfUrl = (noticeId: string) => `/api/notices/${id(noticeId)}/pdf`;

/** PUTs one photo (the raw file) under the client's UUID; a retry with the same id stores nothing twice. */
export async function uploadIssuePhoto(issueId: string, photoId: string, file: File, purpose: 'evidence' | 'after' | 'before'): Promise<IssuePhoto> {
  const token = await cookieCsrfToken();
  let res: Response;
  try {
    res = await fetch(`/api/issues/${id(issueId)}/photos/${id(photoId)}?purpose=${purpose}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': file.type && file.type.startsWith('image/') ? file.type : 'application/octet-stream', 'x-csrf-token': token, accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: NETWORK_ERROR });
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.code ? body : { code: `http_${res.status}`, message: NETWORK_ERROR });
  return body as IssuePhoto;
}
