/**
 * Zod contracts of the dossier's sections (一源一档 的各分项): one input schema per section (create);
 * update = the same fields, all optional, plus `version`; the row as the API returns it = input + id,
 * sourceId, version, timestamps. Cross-field rules (e.g. validUntil after validFrom) are checked by the
 * server on the merged row (src/common/dossier-rules.ts), so a PATCH of one field is judged with the rest.
 */
import { z } from 'zod';
import {
  ACCEPTANCE_KIND, CONTACT_ROLE, CREDIT_RATING, EIA_KIND, EQUIPMENT_STATUS, FACILITY_KIND, LIMIT_BASIS, OUTLET_CATEGORY,
  OUTLET_KIND, PENALTY_STATUS, PERMIT_HELD_CLASS, PERMIT_STATUS, REPORT_FREQUENCY, RISK_LEVEL,
} from '../dossier-enums';

export const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const optionalDate = isoDate.nullable().optional();
export const phone = z.string().trim().regex(/^[0-9+\-\s()]{5,20}$/);
export const longitude = z.number().min(-180).max(180);
export const latitude = z.number().min(-90).max(90);

export const EiaApprovalInputSchema = z.strictObject({
  projectName: text(200),
  kind: z.enum(EIA_KIND.values),
  /** 批复文号 (登记表: 备案号); required for 报告书/报告表. */
  documentNumber: optionalText(100),
  approvingAuthority: optionalText(100),
  approvalDate: optionalDate,
});

export const AcceptanceInputSchema = z.strictObject({
  projectName: text(200),
  /** The EIA approval this acceptance closes, of the same source. */
  eiaApprovalId: z.uuid().nullable().optional(),
  kind: z.enum(ACCEPTANCE_KIND.values),
  acceptanceDate: isoDate,
  /** 验收意见文号 or the public notice (公示) where the report was published. */
  documentRef: optionalText(200),
});

export const PermitInputSchema = z.strictObject({
  /** 许可证编号 / 登记编号 (统一社会信用代码 + 流水号 + 类别字母 on the national platform). */
  permitNumber: text(60),
  permitClass: z.enum(PERMIT_HELD_CLASS.values),
  issueDate: optionalDate,
  validFrom: isoDate,
  validUntil: isoDate,
  /** Required for 重点/简化; 登记管理 has no execution report (must be empty). */
  reportFrequency: z.enum(REPORT_FREQUENCY.values).nullable().optional(),
  /** When the annual execution report is due, if the permit says otherwise than 15 January. */
  annualReportDueMonth: z.number().int().min(1).max(12).optional(),
  annualReportDueDay: z.number().int().min(1).max(31).optional(),
  issuingAuthority: optionalText(100),
  status: z.enum(PERMIT_STATUS.values).optional(),
});

export const OutletInputSchema = z.strictObject({
  /** 排放口编号: DA001 (废气), DW001 (废水); noise points e.g. N1, ZS01. */
  code: z.string().trim().min(1).max(20),
  name: text(100),
  kind: z.enum(OUTLET_KIND.values),
  category: z.enum(OUTLET_CATEGORY.values).nullable().optional(),
  longitude: longitude.nullable().optional(),
  latitude: latitude.nullable().optional(),
  /** 排气筒高度, stacks (gas) only. */
  heightM: z.number().gt(0).max(400).nullable().optional(),
  /** 排放去向: 大气 / 市政污水管网 / 某污水处理厂 / 某河道… */
  dischargeDestination: optionalText(200),
});

export const OutletLimitInputSchema = z.strictObject({
  outletId: z.uuid(),
  /** HJ 212-2017 factor code where one exists (a21026 SO2, w01018 COD…), else the standard's short code (SO2, NOx). */
  pollutantCode: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9.+\-()]+$/),
  pollutantName: text(50),
  /** The upper limit; with limitLower for a range such as pH 6~9. */
  limitValue: z.number().min(0),
  limitLower: z.number().min(0).nullable().optional(),
  unit: text(20),
  basis: z.enum(LIMIT_BASIS.values),
  /** basis 'standard': the standard, table and row of GET /api/standards. */
  standardId: optionalText(40),
  standardTable: optionalText(60),
  standardRow: optionalText(120),
  /** basis 'permit': the permit (of the same source) whose 许可排放浓度 this is. */
  permitId: z.uuid().nullable().optional(),
  /** 基准氧含量 % for 折算 (GB 13271, GB 13223…). */
  referenceO2Percent: z.number().min(0).max(21).nullable().optional(),
});

export const FacilityInputSchema = z.strictObject({
  name: text(100),
  kind: z.enum(FACILITY_KIND.values),
  /** 处理工艺, e.g. 活性炭吸附, 静电油烟净化, A/O. */
  process: optionalText(200),
  outletId: z.uuid().nullable().optional(),
  /** 设计处理能力 with its unit, e.g. "20000 m³/h". */
  designCapacity: optionalText(100),
  commissionedOn: optionalDate,
  status: z.enum(EQUIPMENT_STATUS.values).optional(),
});

export const DeviceInputSchema = z.strictObject({
  /** HJ 212 数采仪 MN: 14–24 letters, digits, '-' or '_'; unique over the whole platform. */
  mn: z.string().trim().min(1).max(40),
  outletId: z.uuid().nullable().optional(),
  /** HJ 212-2017 factor codes monitored, e.g. ["a21026", "a21002", "a34013"]. */
  pollutants: z.array(z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9.+\-()]+$/)).min(1).max(50),
  vendor: optionalText(100),
  model: optionalText(100),
  installedOn: optionalDate,
  status: z.enum(EQUIPMENT_STATUS.values).optional(),
});

export const HazardousWasteInputSchema = z.strictObject({
  /** 废物代码 of the 国家危险废物名录（2021年版）, e.g. 900-041-49; its 类别 (HW49) is derived. */
  hwCode: z.string().trim().min(1).max(20),
  /** The enterprise's own name of the waste, e.g. 废活性炭. */
  name: text(100),
  annualAmountT: z.number().min(0).max(10_000_000),
  storageFacility: optionalText(200),
  disposer: optionalText(200),
  /** 危险废物经营许可证编号 of the disposer. */
  disposerLicence: optionalText(60),
  /** 转移联单 note (电子联单, frequency…). */
  transferNote: optionalText(500),
});

export const EmergencyPlanInputSchema = z.strictObject({
  riskLevel: z.enum(RISK_LEVEL.values),
  filingNumber: text(60),
  filedOn: isoDate,
  /** 下次修订日期 (at least every three years). */
  nextRevisionOn: optionalDate,
});

export const PenaltyInputSchema = z.strictObject({
  decisionNumber: text(100),
  decisionDate: isoDate,
  authority: text(100),
  violation: text(500),
  lawArticle: optionalText(200),
  amountYuan: z.number().min(0).max(1_000_000_000).nullable().optional(),
  status: z.enum(PENALTY_STATUS.values).optional(),
});

export const CreditRatingInputSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  rating: z.enum(CREDIT_RATING.values),
  assessor: optionalText(100),
  ratedOn: optionalDate,
});

export const ContactInputSchema = z.strictObject({
  name: text(50),
  role: z.enum(CONTACT_ROLE.values),
  phone: phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
});

/** Section key (as in the URL) → its create schema. */
export const SECTION_INPUT = {
  'eia-approvals': EiaApprovalInputSchema,
  acceptances: AcceptanceInputSchema,
  permits: PermitInputSchema,
  outlets: OutletInputSchema,
  'outlet-limits': OutletLimitInputSchema,
  facilities: FacilityInputSchema,
  devices: DeviceInputSchema,
  'hazardous-wastes': HazardousWasteInputSchema,
  'emergency-plans': EmergencyPlanInputSchema,
  penalties: PenaltyInputSchema,
  'credit-ratings': CreditRatingInputSchema,
  contacts: ContactInputSchema,
} as const;
export type SectionKey = keyof typeof SECTION_INPUT;
export const SECTION_KEYS = Object.keys(SECTION_INPUT) as SectionKey[];
export type SectionInput<K extends SectionKey> = z.infer<(typeof SECTION_INPUT)[K]>;

/** PATCH body of a row: any subset of the fields, with the version the client last saw. */
export function sectionUpdateSchema<K extends SectionKey>(key: K) {
  return SECTION_INPUT[key].partial().extend({ version: z.number().int().min(1) });
}
export type SectionUpdate<K extends SectionKey> = z.infer<ReturnType<typeof sectionUpdateSchema<K>>>;

const rowMeta = { id: z.string(), sourceId: z.string(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() };

/** The stored row: every optional input is always present, null when empty. */
function rowSchema(input: z.ZodObject, extra: z.ZodRawShape = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(input.shape)) shape[k] = v instanceof z.ZodOptional ? (v.unwrap() as z.ZodType).nullable() : v;
  return z.object({ ...rowMeta, ...shape, ...extra });
}

export const SECTION_ROW = {
  'eia-approvals': rowSchema(EiaApprovalInputSchema),
  acceptances: rowSchema(AcceptanceInputSchema),
  permits: rowSchema(PermitInputSchema),
  outlets: rowSchema(OutletInputSchema),
  'outlet-limits': rowSchema(OutletLimitInputSchema),
  facilities: rowSchema(FacilityInputSchema),
  devices: rowSchema(DeviceInputSchema),
  /** category (HW49) and its name are derived from the code. */
  'hazardous-wastes': rowSchema(HazardousWasteInputSchema, { category: z.string(), categoryName: z.string() }),
  'emergency-plans': rowSchema(EmergencyPlanInputSchema),
  penalties: rowSchema(PenaltyInputSchema),
  'credit-ratings': rowSchema(CreditRatingInputSchema),
  contacts: rowSchema(ContactInputSchema),
} as const satisfies Record<SectionKey, z.ZodType>;

/**
 * Row types as the web reads them: input fields, optional ones as `T | null`. Declared from the
 * input schemas so they stay precise (the row schemas above are built generically).
 */
type Stored<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };
type Meta = { id: string; sourceId: string; version: number; createdAt: string; updatedAt: string };
export type SectionRow<K extends SectionKey> = Meta &
  Stored<SectionInput<K>> &
  (K extends 'hazardous-wastes' ? { category: string; categoryName: string } : unknown);
