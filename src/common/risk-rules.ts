/**
 * 分级分类: a source's risk grades from its facts by a rule set that is data (versioned, edited by the
 * administrator), each output with its explanation — which factors, how many points, against which
 * thresholds. Pure: the server computes with it, the UI previews with it.
 *
 * Points: attribute factors (what the source is: permit class, industry, hazardous wastes, emergency-plan
 * level, sensitive neighbours, scale, type) and history factors (what it did in the last 12 months:
 * issues weighted by severity after the UK Environment Agency's breach points 60 / 31 / 4 / 0.1, overdue
 * and returned issues, recurrences, complaints, monitoring anomalies, the credit rating).
 *  - 环境风险 红/黄/绿: attribute points (the hazard the source carries).
 *  - 管理等级 A/B/C: history points (how it is managed).
 *  - 社会风险 I/II/III: complaints and sensitive neighbours.
 *  - 综合 重大/较大/一般/轻微: all points.
 *  - 分要素 水/气/噪声/危废 高/中/低: the points of factors tagged with the medium.
 */
import { CREDIT_RATING, RISK_LEVEL, SCALE } from './dossier-enums';
import { PERMIT_CLASS, SOURCE_TYPE, type Bilingual } from './enums';

/** A code as its Chinese label in an explanation (the code itself when unknown). */
function zh(labels: Record<string, Bilingual>, code: string | null): string {
  return code === null ? '—' : (labels[code]?.zh ?? code);
}

export const COMPOSITE_LEVELS = ['major', 'larger', 'general', 'minor'] as const;
export type CompositeLevel = (typeof COMPOSITE_LEVELS)[number];
export const ENV_COLORS = ['red', 'yellow', 'green'] as const;
export type EnvColor = (typeof ENV_COLORS)[number];
export const MGMT_GRADES = ['C', 'B', 'A'] as const;
export type MgmtGrade = (typeof MGMT_GRADES)[number];
export const SOCIAL_GRADES = ['I', 'II', 'III'] as const;
export type SocialGrade = (typeof SOCIAL_GRADES)[number];
export const MEDIA = ['water', 'air', 'noise', 'hazardous_waste'] as const;
export type Medium = (typeof MEDIA)[number];
export const MEDIUM_LEVELS = ['high', 'medium', 'low'] as const;
export type MediumLevel = (typeof MEDIUM_LEVELS)[number];

export const RISK_LABELS = {
  composite: { major: { zh: '重大', en: 'Major' }, larger: { zh: '较大', en: 'Larger' }, general: { zh: '一般', en: 'General' }, minor: { zh: '轻微', en: 'Minor' } },
  envColor: { red: { zh: '红', en: 'Red' }, yellow: { zh: '黄', en: 'Yellow' }, green: { zh: '绿', en: 'Green' } },
  mgmtGrade: { A: { zh: 'A', en: 'A' }, B: { zh: 'B', en: 'B' }, C: { zh: 'C', en: 'C' } },
  socialGrade: { I: { zh: 'I', en: 'I' }, II: { zh: 'II', en: 'II' }, III: { zh: 'III', en: 'III' } },
  medium: { water: { zh: '水', en: 'Water' }, air: { zh: '气', en: 'Air' }, noise: { zh: '噪声', en: 'Noise' }, hazardous_waste: { zh: '危废', en: 'Hazardous waste' } },
  mediumLevel: { high: { zh: '高', en: 'High' }, medium: { zh: '中', en: 'Medium' }, low: { zh: '低', en: 'Low' } },
  output: {
    composite: { zh: '综合风险', en: 'Composite' },
    envColor: { zh: '环境风险', en: 'Environmental risk' },
    mgmtGrade: { zh: '管理等级', en: 'Management grade' },
    socialGrade: { zh: '社会风险', en: 'Social risk' },
  },
} as const;

/** What the rules read of one source (as of a day). */
export interface RiskFacts {
  sourceType: string;
  permitClass: string;
  industryCode: string;
  scale: string | null;
  /** Hazardous-waste lines in the dossier, and their yearly tonnage. */
  hazardousWasteLines: number;
  hazardousWasteTonnes: number;
  /** The filed emergency plan's risk level (general / larger / major), if any. */
  emergencyPlanLevel: string | null;
  sensitiveNearby: boolean;
  /** Issues found in the last 12 months by breach category (EA CCS 1–4). */
  issues: { cat1: number; cat2: number; cat3: number; cat4: number };
  /** The same, per medium (area of the issue). */
  issuesByMedium: Record<Medium, { cat1: number; cat2: number; cat3: number; cat4: number }>;
  overdue: number;
  returns: number;
  recurrences: number;
  complaints: number;
  anomalies: number;
  /** Latest 环境信用 rating: green / blue / yellow / red. */
  creditRating: string | null;
}

export interface RiskRules {
  /** Points by the value of an attribute; `media` tags the factor's points to media as well. */
  attributes: {
    permitClass: Record<string, number>;
    sourceType: Record<string, number>;
    scale: Record<string, number>;
    emergencyPlanLevel: Record<string, number>;
    /** Industry code prefixes (GB/T 4754) with their points; the longest matching prefix counts. */
    industryPrefixes: Array<{ prefix: string; points: number; label: string; media: Medium[] }>;
    hazardousWastePerLine: number;
    hazardousWasteMax: number;
    sensitiveNearby: number;
  };
  history: {
    /** EA breach points by category: 1 重大/严重, 2 一般, 3 轻微, 4 即知即改. */
    breachPoints: { cat1: number; cat2: number; cat3: number; cat4: number };
    perOverdue: number;
    perReturn: number;
    perRecurrence: number;
    perComplaint: number;
    perAnomaly: number;
    credit: Record<string, number>;
  };
  /** Lower bounds: a value is given when the points reach its bound (checked from the most severe). */
  thresholds: {
    composite: { major: number; larger: number; general: number };
    envColor: { red: number; yellow: number };
    mgmtGrade: { C: number; B: number };
    socialGrade: { I: number; II: number };
    medium: { high: number; medium: number };
  };
  /** Minimum visits a year by composite level, and the most a source may be visited (无事不扰). */
  frequencies: { major: number; larger: number; general: number; minor: number; cap: number };
}

export const DEFAULT_RISK_RULES: RiskRules = {
  attributes: {
    permitClass: { key: 40, simplified: 20, registration: 5, none: 0 },
    sourceType: { industrial: 10, auto_repair: 5, catering: 3, construction: 5, property: 0, other: 0 },
    scale: { large: 15, medium: 10, small: 5, micro: 0 },
    emergencyPlanLevel: { major: 40, larger: 25, general: 10 },
    industryPrefixes: [
      { prefix: '26', points: 25, label: '化学原料和化学制品制造业', media: ['water', 'air', 'hazardous_waste'] },
      { prefix: '27', points: 20, label: '医药制造业', media: ['water', 'hazardous_waste'] },
      { prefix: '33', points: 15, label: '金属制品业（含表面处理）', media: ['water', 'hazardous_waste'] },
      { prefix: '3360', points: 25, label: '金属表面处理及热处理加工', media: ['water', 'hazardous_waste'] },
      { prefix: '39', points: 10, label: '计算机、通信和其他电子设备制造业', media: ['water', 'air'] },
      { prefix: '23', points: 10, label: '印刷和记录媒介复制业', media: ['air'] },
      { prefix: '29', points: 10, label: '橡胶和塑料制品业', media: ['air'] },
      { prefix: '4411', points: 20, label: '火力发电', media: ['air'] },
      { prefix: '8111', points: 10, label: '汽车修理与维护', media: ['air', 'hazardous_waste'] },
    ],
    hazardousWastePerLine: 5,
    hazardousWasteMax: 30,
    sensitiveNearby: 20,
  },
  history: {
    breachPoints: { cat1: 60, cat2: 31, cat3: 4, cat4: 0.1 },
    perOverdue: 15,
    perReturn: 10,
    perRecurrence: 20,
    perComplaint: 10,
    perAnomaly: 5,
    credit: { green: 0, blue: 5, yellow: 20, red: 40 },
  },
  thresholds: {
    composite: { major: 180, larger: 110, general: 50 },
    envColor: { red: 90, yellow: 45 },
    mgmtGrade: { C: 95, B: 30 },
    socialGrade: { I: 40, II: 20 },
    medium: { high: 60, medium: 25 },
  },
  frequencies: { major: 4, larger: 2, general: 1, minor: 1, cap: 6 },
};

export interface Contribution {
  factor: string;
  label: Bilingual;
  points: number;
  /** The fact behind it, e.g. "重点管理" or "2 起". */
  detail: string;
}

export interface Explained<V extends string> {
  value: V;
  points: number;
  contributions: Contribution[];
  /** The bounds the points were compared with, most severe first. */
  thresholds: Array<{ value: V; atLeast: number }>;
}

export interface RiskResult {
  composite: Explained<CompositeLevel>;
  envColor: Explained<EnvColor>;
  mgmtGrade: Explained<MgmtGrade>;
  socialGrade: Explained<SocialGrade>;
  media: Record<Medium, Explained<MediumLevel>>;
  /** Minimum visits a year for the composite level. */
  minVisits: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
const sum = (cs: Contribution[]) => round(cs.reduce((n, c) => n + c.points, 0));

function grade<V extends string>(points: number, bounds: Array<{ value: V; atLeast: number }>, lowest: V): V {
  return bounds.find((b) => points >= b.atLeast)?.value ?? lowest;
}

function explained<V extends string>(contributions: Contribution[], bounds: Array<{ value: V; atLeast: number }>, lowest: V): Explained<V> {
  const kept = contributions.filter((c) => c.points !== 0);
  const points = sum(kept);
  return { value: grade(points, bounds, lowest), points, contributions: kept, thresholds: bounds };
}

function breach(issues: RiskFacts['issues'], p: RiskRules['history']['breachPoints'], prefix: string): Contribution[] {
  const cats = [
    ['cat1', '重大/严重问题', 'major or serious issues'],
    ['cat2', '一般问题', 'general issues'],
    ['cat3', '轻微问题', 'minor issues'],
    ['cat4', '即知即改问题', 'issues fixed on the spot'],
  ] as const;
  return cats.map(([key, zh, en]) => ({
    factor: `${prefix}issues.${key}`,
    label: { zh: `近12个月${zh}`, en: `${en} in the last 12 months` },
    points: round(issues[key] * p[key]),
    detail: `${issues[key]} × ${p[key]}`,
  }));
}

/** The longest industry prefix of the rules that the code starts with. */
export function industryFactor(code: string, rules: RiskRules): RiskRules['attributes']['industryPrefixes'][number] | null {
  return rules.attributes.industryPrefixes.filter((i) => code.startsWith(i.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0] ?? null;
}

export function evaluateRisk(f: RiskFacts, rules: RiskRules): RiskResult {
  const a = rules.attributes;
  const h = rules.history;
  const t = rules.thresholds;
  const industry = industryFactor(f.industryCode, rules);
  const hwPoints = Math.min(a.hazardousWasteMax, f.hazardousWasteLines * a.hazardousWastePerLine);
  const attributes: Contribution[] = [
    { factor: 'permitClass', label: { zh: '排污许可管理类别', en: 'Permit class' }, points: a.permitClass[f.permitClass] ?? 0, detail: zh(PERMIT_CLASS.labels, f.permitClass) },
    { factor: 'sourceType', label: { zh: '污染源类型', en: 'Source type' }, points: a.sourceType[f.sourceType] ?? 0, detail: zh(SOURCE_TYPE.labels, f.sourceType) },
    { factor: 'scale', label: { zh: '企业规模', en: 'Scale' }, points: f.scale ? (a.scale[f.scale] ?? 0) : 0, detail: zh(SCALE.labels, f.scale) },
    { factor: 'industry', label: { zh: '重点行业', en: 'Industry' }, points: industry?.points ?? 0, detail: industry ? `${f.industryCode} ${industry.label}` : f.industryCode },
    { factor: 'hazardousWaste', label: { zh: '产生危险废物', en: 'Hazardous wastes' }, points: hwPoints, detail: `${f.hazardousWasteLines} 类，${round(f.hazardousWasteTonnes)} 吨/年` },
    { factor: 'emergencyPlan', label: { zh: '突发环境事件风险等级', en: 'Emergency-plan risk level' }, points: f.emergencyPlanLevel ? (a.emergencyPlanLevel[f.emergencyPlanLevel] ?? 0) : 0, detail: zh(RISK_LEVEL.labels, f.emergencyPlanLevel) },
    { factor: 'sensitiveNearby', label: { zh: '周边敏感目标', en: 'Sensitive neighbours' }, points: f.sensitiveNearby ? a.sensitiveNearby : 0, detail: f.sensitiveNearby ? '有' : '无' },
  ];
  const history: Contribution[] = [
    ...breach(f.issues, h.breachPoints, ''),
    { factor: 'overdue', label: { zh: '逾期未整改问题', en: 'Overdue issues' }, points: f.overdue * h.perOverdue, detail: `${f.overdue} × ${h.perOverdue}` },
    { factor: 'returns', label: { zh: '整改复核退回', en: 'Returned rectifications' }, points: f.returns * h.perReturn, detail: `${f.returns} × ${h.perReturn}` },
    { factor: 'recurrences', label: { zh: '问题复发', en: 'Recurrences' }, points: f.recurrences * h.perRecurrence, detail: `${f.recurrences} × ${h.perRecurrence}` },
    { factor: 'anomalies', label: { zh: '自动监控异常', en: 'Monitoring anomalies' }, points: f.anomalies * h.perAnomaly, detail: `${f.anomalies} × ${h.perAnomaly}` },
    { factor: 'credit', label: { zh: '环境信用评价', en: 'Credit rating' }, points: f.creditRating ? (h.credit[f.creditRating] ?? 0) : 0, detail: zh(CREDIT_RATING.labels, f.creditRating) },
  ];
  const complaints: Contribution = { factor: 'complaints', label: { zh: '近12个月信访投诉', en: 'Complaints in the last 12 months' }, points: f.complaints * h.perComplaint, detail: `${f.complaints} × ${h.perComplaint}` };
  const sensitive = attributes.find((c) => c.factor === 'sensitiveNearby')!;

  const composite = explained<CompositeLevel>([...attributes, ...history, complaints], [
    { value: 'major', atLeast: t.composite.major }, { value: 'larger', atLeast: t.composite.larger }, { value: 'general', atLeast: t.composite.general },
  ], 'minor');
  const envColor = explained<EnvColor>(attributes, [{ value: 'red', atLeast: t.envColor.red }, { value: 'yellow', atLeast: t.envColor.yellow }], 'green');
  const mgmtGrade = explained<MgmtGrade>(history, [{ value: 'C', atLeast: t.mgmtGrade.C }, { value: 'B', atLeast: t.mgmtGrade.B }], 'A');
  const socialGrade = explained<SocialGrade>([complaints, sensitive], [{ value: 'I', atLeast: t.socialGrade.I }, { value: 'II', atLeast: t.socialGrade.II }], 'III');

  const media = {} as Record<Medium, Explained<MediumLevel>>;
  for (const m of MEDIA) {
    const own: Contribution[] = [...breach(f.issuesByMedium[m], h.breachPoints, `${m}.`)];
    if (industry?.media.includes(m)) own.push({ ...attributes.find((c) => c.factor === 'industry')!, factor: `${m}.industry` });
    if (m === 'hazardous_waste') own.push({ ...attributes.find((c) => c.factor === 'hazardousWaste')!, factor: `${m}.hazardousWaste` });
    if (m === 'water' || m === 'air') {
      const permit = attributes.find((c) => c.factor === 'permitClass')!;
      own.push({ ...permit, factor: `${m}.permitClass`, points: round(permit.points / 2), detail: `${permit.detail} ÷ 2` });
    }
    media[m] = explained<MediumLevel>(own, [{ value: 'high', atLeast: t.medium.high }, { value: 'medium', atLeast: t.medium.medium }], 'low');
  }
  const fr = rules.frequencies;
  return { composite, envColor, mgmtGrade, socialGrade, media, minVisits: Math.min(fr.cap, fr[composite.value]) };
}

export interface RuleProblem {
  path: string;
  message: Bilingual;
}

/** What is wrong with a rule set an administrator wrote: negative points, thresholds out of order, caps below minimums. */
export function validateRiskRules(rules: RiskRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const nonNegative = (path: string, v: number) => {
    if (!Number.isFinite(v) || v < 0) problems.push({ path, message: { zh: '分值须为不小于 0 的数', en: 'Points must be a number ≥ 0' } });
  };
  for (const key of ['permitClass', 'sourceType', 'scale', 'emergencyPlanLevel'] as const) {
    for (const [k, v] of Object.entries(rules.attributes[key])) nonNegative(`attributes.${key}.${k}`, v);
  }
  rules.attributes.industryPrefixes.forEach((i, n) => {
    if (!/^[0-9]{2,4}$/.test(i.prefix)) problems.push({ path: `attributes.industryPrefixes.${n}.prefix`, message: { zh: '行业代码前缀为 2–4 位数字', en: 'An industry prefix has 2–4 digits' } });
    nonNegative(`attributes.industryPrefixes.${n}.points`, i.points);
  });
  for (const [k, v] of Object.entries(rules.history.breachPoints)) nonNegative(`history.breachPoints.${k}`, v);
  for (const [k, v] of Object.entries(rules.history.credit)) nonNegative(`history.credit.${k}`, v);
  const ordered = (path: string, values: number[]) => {
    for (let i = 1; i < values.length; i++) {
      if (!(values[i - 1] > values[i])) problems.push({ path, message: { zh: '阈值须从高到低严格递减', en: 'Thresholds must strictly decrease from the most severe' } });
    }
    values.forEach((v, i) => nonNegative(`${path}.${i}`, v));
  };
  const th = rules.thresholds;
  ordered('thresholds.composite', [th.composite.major, th.composite.larger, th.composite.general]);
  ordered('thresholds.envColor', [th.envColor.red, th.envColor.yellow]);
  ordered('thresholds.mgmtGrade', [th.mgmtGrade.C, th.mgmtGrade.B]);
  ordered('thresholds.socialGrade', [th.socialGrade.I, th.socialGrade.II]);
  ordered('thresholds.medium', [th.medium.high, th.medium.medium]);
  const fr = rules.frequencies;
  for (const level of COMPOSITE_LEVELS) {
    if (!Number.isInteger(fr[level]) || fr[level] < 0) problems.push({ path: `frequencies.${level}`, message: { zh: '最低频次须为不小于 0 的整数', en: 'A minimum must be a whole number ≥ 0' } });
    else if (fr[level] > fr.cap) problems.push({ path: `frequencies.${level}`, message: { zh: '最低频次不能超过每年检查上限', en: 'A minimum cannot exceed the yearly cap' } });
  }
  if (!Number.isInteger(fr.cap) || fr.cap < 1) problems.push({ path: 'frequencies.cap', message: { zh: '每年检查上限须为正整数', en: 'The yearly cap must be a whole number ≥ 1' } });
  return problems;
}

/** The quarter a day falls in, e.g. 2026Q4. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The last day of a quarter (2026Q4 → 2026-12-31). */
export function quarterEnd(period: string): string {
  const year = Number(period.slice(0, 4));
  const q = Number(period.slice(5));
  const month = q * 3;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The quarter before (2026Q1 → 2025Q4). */
export function previousQuarter(period: string): string {
  const year = Number(period.slice(0, 4));
  const q = Number(period.slice(5));
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

/** How far a composite level moved between two quarters: > 0 up (riskier), < 0 down. */
export function compositeMove(from: CompositeLevel, to: CompositeLevel): number {
  return COMPOSITE_LEVELS.indexOf(from) - COMPOSITE_LEVELS.indexOf(to);
}
