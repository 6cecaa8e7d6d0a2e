/** Typed calls of risk grading (分级分类). Types only from the contracts (no zod in the bundle). */
import type { Distribution, Movers, RiskMap, OverrideInput, RiskAttributesInput, RuleSet, RuleSetInput, RuleSets, SourceRisk } from '../../common/contracts/risk';
import { api, request } from './client';

const id = (s: string) => encodeURIComponent(s);

export const getSourceRisk = (sourceId: string) => api.get<SourceRisk>(`/api/sources/${id(sourceId)}/risk`);
export const recomputeSourceRisk = (sourceId: string) => api.post<SourceRisk>(`/api/sources/${id(sourceId)}/risk/recompute`, {});
export const overrideRisk = (sourceId: string, body: OverrideInput) => api.post<SourceRisk>(`/api/sources/${id(sourceId)}/risk/overrides`, body);
export const revokeRiskOverride = (overrideId: string) => api.post<SourceRisk>(`/api/risk/overrides/${id(overrideId)}/revoke`, {});
export const saveRiskAttributes = (sourceId: string, body: RiskAttributesInput) => request<SourceRisk>('PUT', `/api/sources/${id(sourceId)}/risk/attributes`, { body });
export const getRiskDistribution = (period?: string) => api.get<Distribution>('/api/risk/distribution', { period });
export const getRiskMovers = (period?: string) => api.get<Movers>('/api/risk/movers', { period });
export const recomputeAllRisk = () => api.post<{ period: string; sources: number; ms: number }>('/api/risk/recompute', {});
export const getRiskRules = () => api.get<RuleSets>('/api/risk/rules');
export const saveRiskRules = (body: RuleSetInput) => request<RuleSet>('PUT', '/api/risk/rules', { body });
export const getRiskMap = () => api.get<RiskMap>('/api/risk/map');
