/** Typed calls of plans and inspections. Types only from the contracts (no zod in the bundle). The field form's syncs go through pages/field/sync.ts. */
import type {
  GeneratedPlan, GeneratePlanInput,
  Assignee, BulkAssign, DerivedPlanInput, InspectionDetail, InspectionList, InspectionListQuery, InspectionSummary, InspectionUpdate,
  PlanCreated, PlanDetail, PlanInput, PlanList, RevisitPlanInput,
} from '../../common/contracts/inspections';
import { api, request } from './client';

const id = (s: string) => encodeURIComponent(s);

export const listPlans = (year?: number) => api.get<PlanList>('/api/inspection-plans', { year });
export const createPlan = (body: PlanInput) => api.post<PlanCreated>('/api/inspection-plans', body);
export const getPlan = (planId: string) => api.get<PlanDetail>(`/api/inspection-plans/${id(planId)}`);
export const secondRound = (planId: string, body: DerivedPlanInput) => api.post<PlanCreated>(`/api/inspection-plans/${id(planId)}/second-round`, body);
export const revisitPlan = (body: RevisitPlanInput) => api.post<PlanCreated>('/api/inspection-plans/revisit', body);

export const listInspections = (query: InspectionListQuery = {}) => api.get<InspectionList>('/api/inspections', query);
export const inspectionReportUrl = (inspectionId: string) => `/api/inspections/${id(inspectionId)}/report.pdf`;
export const getInspection = (inspectionId: string) => api.get<InspectionDetail>(`/api/inspections/${id(inspectionId)}`);
export const updateInspection = (inspectionId: string, body: InspectionUpdate) => api.patch<InspectionSummary>(`/api/inspections/${id(inspectionId)}`, body);
export const bulkAssign = (body: BulkAssign) => api.post<{ updated: number }>('/api/inspections/assign', body);
export const listAssignees = (sourceId?: string) => request<{ items: Assignee[] }>('GET', '/api/inspections/assignees', { query: { sourceId } });
export const generateRiskPlan = (body: GeneratePlanInput) => api.post<GeneratedPlan>('/api/inspection-plans/generate', body);
