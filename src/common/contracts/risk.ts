import { z } from 'zod';
import { COMPOSITE_LEVELS, ENV_COLORS, MEDIA, MEDIUM_LEVELS, MGMT_GRADES, SOCIAL_GRADES } from '../risk-rules';

/** 分级分类: rule sets, a source's grades with their explanation and history, overrides, the district's distribution. */
const bilingual = z.object({ zh: z.string(), en: z.string() });
const isoDate = z.iso.date();
const period = z.string().regex(/^[0-9]{4}Q[1-4]$/);
const points = z.number().min(0).max(100000);
const pointsMap = z.record(z.string().min(1).max(40), points);
const breach = z.strictObject({ cat1: points, cat2: points, cat3: points, cat4: points });

export const RiskRulesSchema = z.strictObject({
  attributes: z.strictObject({
    permitClass: pointsMap,
    sourceType: pointsMap,
    scale: pointsMap,
    emergencyPlanLevel: pointsMap,
    industryPrefixes: z.array(z.strictObject({ prefix: z.string().regex(/^[0-9]{2,4}$/), points, label: z.string().trim().min(1).max(60), media: z.array(z.enum(MEDIA)) })).max(200),
    hazardousWastePerLine: points,
    hazardousWasteMax: points,
    sensitiveNearby: points,
  }),
  history: z.strictObject({
    breachPoints: breach,
    perOverdue: points,
    perReturn: points,
    perRecurrence: points,
    perComplaint: points,
    perAnomaly: points,
    credit: pointsMap,
  }),
  thresholds: z.strictObject({
    composite: z.strictObject({ major: points, larger: points, general: points }),
    envColor: z.strictObject({ red: points, yellow: points }),
    mgmtGrade: z.strictObject({ C: points, B: points }),
    socialGrade: z.strictObject({ I: points, II: points }),
    medium: z.strictObject({ high: points, medium: points }),
  }),
  frequencies: z.strictObject({ major: z.int().min(0).max(52), larger: z.int().min(0).max(52), general: z.int().min(0).max(52), minor: z.int().min(0).max(52), cap: z.int().min(1).max(52) }),
});

export const RuleSetSchema = z.object({ id: z.string(), version: z.number(), status: z.string(), note: z.string().nullable(), createdAt: z.string(), createdBy: z.string().nullable(), rules: RiskRulesSchema });
export type RuleSet = z.infer<typeof RuleSetSchema>;
export const RuleSetsSchema = z.object({ active: RuleSetSchema, versions: z.array(RuleSetSchema.omit({ rules: true })), canEdit: z.boolean() });
export type RuleSets = z.infer<typeof RuleSetsSchema>;
export const RuleSetInputSchema = z.strictObject({ rules: RiskRulesSchema, note: z.string().trim().max(500).optional(), basedOnVersion: z.int().min(1) });
export type RuleSetInput = z.infer<typeof RuleSetInputSchema>;

const contribution = z.object({ factor: z.string(), label: bilingual, points: z.number(), detail: z.string() });
const explained = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object({ value: z.enum(values), points: z.number(), contributions: z.array(contribution), thresholds: z.array(z.object({ value: z.enum(values), atLeast: z.number() })) });
export const RiskExplanationSchema = z.object({
  composite: explained(COMPOSITE_LEVELS),
  envColor: explained(ENV_COLORS),
  mgmtGrade: explained(MGMT_GRADES),
  socialGrade: explained(SOCIAL_GRADES),
  media: z.object({ water: explained(MEDIUM_LEVELS), air: explained(MEDIUM_LEVELS), noise: explained(MEDIUM_LEVELS), hazardous_waste: explained(MEDIUM_LEVELS) }),
  minVisits: z.number(),
});

export const OVERRIDE_OUTPUTS = ['composite', 'env_color', 'mgmt_grade', 'social_grade'] as const;
export type OverrideOutput = (typeof OVERRIDE_OUTPUTS)[number];
export const OVERRIDE_VALUES: Record<OverrideOutput, readonly string[]> = { composite: COMPOSITE_LEVELS, env_color: ENV_COLORS, mgmt_grade: MGMT_GRADES, social_grade: SOCIAL_GRADES };

const grades = z.object({ composite: z.enum(COMPOSITE_LEVELS), envColor: z.enum(ENV_COLORS), mgmtGrade: z.enum(MGMT_GRADES), socialGrade: z.enum(SOCIAL_GRADES) });
export const RiskOverrideSchema = z.object({
  id: z.string(), output: z.enum(OVERRIDE_OUTPUTS), value: z.string(), reason: z.string(), expiresOn: z.string(), createdBy: z.string().nullable(), createdAt: z.string(),
  revokedAt: z.string().nullable(), active: z.boolean(),
});
export const SourceRiskSchema = z.object({
  sourceId: z.string(),
  period: z.string().nullable(),
  computedAt: z.string().nullable(),
  ruleSetVersion: z.number().nullable(),
  /** What the rules give. */
  computed: grades.nullable(),
  /** What counts: the computed grades with the active overrides applied. */
  effective: grades.nullable(),
  media: z.object({ water: z.enum(MEDIUM_LEVELS), air: z.enum(MEDIUM_LEVELS), noise: z.enum(MEDIUM_LEVELS), hazardous_waste: z.enum(MEDIUM_LEVELS) }).nullable(),
  points: z.number().nullable(),
  minVisits: z.number().nullable(),
  explanation: RiskExplanationSchema.nullable(),
  history: z.array(z.object({ period: z.string(), composite: z.string(), envColor: z.string(), mgmtGrade: z.string(), socialGrade: z.string(), points: z.number(), ruleSetVersion: z.number() })),
  overrides: z.array(RiskOverrideSchema),
  attributes: z.object({ sensitiveNearby: z.boolean(), note: z.string().nullable(), version: z.number() }),
  canOverride: z.boolean(),
  canRecompute: z.boolean(),
});
export type SourceRisk = z.infer<typeof SourceRiskSchema>;

export const OverrideInputSchema = z.strictObject({
  output: z.enum(OVERRIDE_OUTPUTS),
  value: z.string().min(1).max(10),
  reason: z.string().trim().min(2).max(500),
  expiresOn: isoDate,
});
export type OverrideInput = z.infer<typeof OverrideInputSchema>;

export const RiskAttributesInputSchema = z.strictObject({ sensitiveNearby: z.boolean(), note: z.string().trim().max(500).nullish(), version: z.int().min(0) });
export type RiskAttributesInput = z.infer<typeof RiskAttributesInputSchema>;

export const PeriodQuerySchema = z.strictObject({ period: period.optional() });
export const DistributionSchema = z.object({
  period: z.string(),
  periods: z.array(z.string()),
  total: z.number(),
  composite: z.record(z.string(), z.number()),
  envColor: z.record(z.string(), z.number()),
  mgmtGrade: z.record(z.string(), z.number()),
  socialGrade: z.record(z.string(), z.number()),
  byTown: z.array(z.object({ townId: z.string(), townName: z.string(), total: z.number(), composite: z.record(z.string(), z.number()) })),
  overridden: z.number(),
});
export type Distribution = z.infer<typeof DistributionSchema>;

export const MoversSchema = z.object({
  period: z.string(),
  previous: z.string(),
  up: z.number(),
  down: z.number(),
  items: z.array(z.object({
    sourceId: z.string(), sourceName: z.string(), townName: z.string(), from: z.string(), to: z.string(), pointsFrom: z.number(), pointsTo: z.number(),
    /** The factors that changed most between the two quarters. */
    reasons: z.array(z.object({ label: bilingual, delta: z.number() })),
  })),
});
export type Movers = z.infer<typeof MoversSchema>;

/** The current grades of every source in the jurisdiction (overrides applied), for colouring the map. */
export const RiskMapSchema = z.object({
  period: z.string().nullable(),
  items: z.array(z.object({ sourceId: z.string(), composite: z.enum(COMPOSITE_LEVELS), envColor: z.enum(ENV_COLORS) })),
});
export type RiskMap = z.infer<typeof RiskMapSchema>;

export const RecomputeResultSchema = z.object({ period: z.string(), sources: z.number(), ms: z.number() });
export const SourceIdParamSchema = z.object({ id: z.uuid() });
export const OverrideIdParamSchema = z.object({ id: z.uuid() });
export { period as PeriodSchema };
