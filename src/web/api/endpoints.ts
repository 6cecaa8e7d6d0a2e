import type { z } from 'zod';
import type { LoginRequest, Me } from '../../common/contracts/auth';
import type { Overview, SourceSummarySchema } from '../../common/contracts/overview';
import type { CreateRegion, RegionNode } from '../../common/contracts/regions';
import type { CreateUser, UpdateUser, UserView } from '../../common/contracts/users';
import type { Role, SourceType } from '../../common/enums';
import { api, fetchCsrfToken, rememberCsrfToken } from './client';

export type SourceSummary = z.infer<typeof SourceSummarySchema>;
export interface Page<T> {
  items: T[];
  total: number;
}
export interface ProviderOption {
  id: string;
  name: string;
}

export interface SourceQuery {
  q?: string;
  townId?: string;
  sourceType?: SourceType;
  page?: number;
  pageSize?: number;
}
export interface UserQuery {
  q?: string;
  role?: Role;
  page?: number;
  pageSize?: number;
}

export async function login(body: LoginRequest): Promise<Me> {
  await fetchCsrfToken(); // sets the es_csrf cookie the login POST must echo
  const me = await api.post<Me>('/api/auth/login', body, { noAuthRedirect: true });
  rememberCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  await api.post<void>('/api/auth/logout', undefined, { noAuthRedirect: true });
  rememberCsrfToken(null);
}

export async function getMe(): Promise<Me> {
  const me = await api.get<Me>('/api/me', undefined, { noAuthRedirect: true });
  rememberCsrfToken(me.csrfToken);
  return me;
}

export const getOverview = () => api.get<Overview>('/api/overview');

export const listSources = (query: SourceQuery, signal?: AbortSignal) =>
  api.get<Page<SourceSummary>>('/api/sources', { ...query }, { signal });

export const listUsers = (query: UserQuery) => api.get<Page<UserView>>('/api/users', { ...query });
export const createUser = (body: CreateUser) => api.post<UserView>('/api/users', body);
export const updateUser = (id: string, body: UpdateUser) => api.patch<UserView>(`/api/users/${encodeURIComponent(id)}`, body);
export const resetPassword = (id: string, body: { version: number; password: string }) =>
  api.post<UserView>(`/api/users/${encodeURIComponent(id)}/reset-password`, body);

export const listProviders = () => api.get<{ items: ProviderOption[] }>('/api/providers');

export const getRegionTree = () => api.get<{ roots: RegionNode[] }>('/api/regions/tree');
export const createRegion = (body: CreateRegion) => api.post<RegionNode>('/api/regions', body);
export const renameRegion = (id: string, body: { version: number; name: string }) =>
  api.patch<RegionNode>(`/api/regions/${encodeURIComponent(id)}`, body);
