/** Enumerations of the pollution-source dossier (一源一档), each with its Chinese and English label. */
import { labelled } from './enums';

/** 企业规模 (统计上大中小微型企业划分). */
export const SCALE = labelled({
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
});
export type Scale = (typeof SCALE.values)[number];

/** 环评文件类型: 报告书 / 报告表 (审批) / 登记表 (备案). */
export const EIA_KIND = labelled({
  report: { zh: '环境影响报告书', en: 'EIA report' },
  table: { zh: '环境影响报告表', en: 'EIA form' },
  registration: { zh: '环境影响登记表', en: 'EIA registration' },
});
export type EiaKind = (typeof EIA_KIND.values)[number];

/** 竣工环境保护验收: 自主验收 (建设单位) / 部门验收 (2017 年前由环保部门验收). */
export const ACCEPTANCE_KIND = labelled({
  self: { zh: '自主验收', en: 'Self-conducted' },
  agency: { zh: '环保部门验收', en: 'By the authority' },
});
export type AcceptanceKind = (typeof ACCEPTANCE_KIND.values)[number];

/** The permit classes a permit can carry (a source with class 'none' holds no permit). */
export const PERMIT_HELD_CLASS = labelled({
  key: { zh: '重点管理', en: 'Key' },
  simplified: { zh: '简化管理', en: 'Simplified' },
  registration: { zh: '登记管理', en: 'Registration' },
});
export type PermitHeldClass = (typeof PERMIT_HELD_CLASS.values)[number];

/** 执行报告频次: the most frequent report the permit requires; the annual report is always due. */
export const REPORT_FREQUENCY = labelled({
  monthly: { zh: '月报', en: 'Monthly' },
  quarterly: { zh: '季报', en: 'Quarterly' },
  semiannual: { zh: '半年报', en: 'Semi-annual' },
  annual: { zh: '年报', en: 'Annual' },
});
export type ReportFrequency = (typeof REPORT_FREQUENCY.values)[number];

export const PERMIT_STATUS = labelled({
  valid: { zh: '有效', en: 'Valid' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已撤销/注销', en: 'Revoked' },
});
export type PermitStatus = (typeof PERMIT_STATUS.values)[number];

export const OUTLET_KIND = labelled({
  gas: { zh: '废气', en: 'Waste gas' },
  water: { zh: '废水', en: 'Waste water' },
  noise: { zh: '噪声', en: 'Noise' },
});
export type OutletKind = (typeof OUTLET_KIND.values)[number];

/** 排放口类型 in a permit: 主要排放口 / 一般排放口. */
export const OUTLET_CATEGORY = labelled({
  main: { zh: '主要排放口', en: 'Main outlet' },
  general: { zh: '一般排放口', en: 'General outlet' },
});
export type OutletCategory = (typeof OUTLET_CATEGORY.values)[number];

/** Where a limit comes from: a national standard's table row, or the permit's own 许可排放浓度. */
export const LIMIT_BASIS = labelled({
  standard: { zh: '排放标准', en: 'Emission standard' },
  permit: { zh: '排污许可证', en: 'Permit' },
});
export type LimitBasis = (typeof LIMIT_BASIS.values)[number];

export const FACILITY_KIND = labelled({
  waste_gas: { zh: '废气治理', en: 'Waste gas treatment' },
  waste_water: { zh: '废水治理', en: 'Waste water treatment' },
  noise: { zh: '噪声治理', en: 'Noise control' },
  solid_waste: { zh: '固废/危废贮存', en: 'Solid waste storage' },
  cooking_fume: { zh: '油烟净化', en: 'Cooking fume purifier' },
  dust: { zh: '扬尘防治', en: 'Dust control' },
  other: { zh: '其他', en: 'Other' },
});
export type FacilityKind = (typeof FACILITY_KIND.values)[number];

/** Running state of a treatment facility or a monitoring device. */
export const EQUIPMENT_STATUS = labelled({
  operating: { zh: '运行', en: 'Operating' },
  stopped: { zh: '停运', en: 'Stopped' },
  removed: { zh: '已拆除', en: 'Removed' },
});
export type EquipmentStatus = (typeof EQUIPMENT_STATUS.values)[number];

/** 突发环境事件风险等级 (企业突发环境事件风险分级方法 HJ 941). */
export const RISK_LEVEL = labelled({
  general: { zh: '一般', en: 'General' },
  larger: { zh: '较大', en: 'Larger' },
  major: { zh: '重大', en: 'Major' },
});
export type RiskLevel = (typeof RISK_LEVEL.values)[number];

export const PENALTY_STATUS = labelled({
  pending: { zh: '待执行', en: 'Pending' },
  executed: { zh: '已执行', en: 'Executed' },
  contested: { zh: '复议/诉讼中', en: 'Under review or appeal' },
  revoked: { zh: '已撤销', en: 'Revoked' },
});
export type PenaltyStatus = (typeof PENALTY_STATUS.values)[number];

/** 企业环境信用评价 (环发〔2013〕150号): the four levels, as data/misc/env_credit_rating.json lists them. */
export const CREDIT_RATING = labelled({
  green: { zh: '环保诚信企业（绿牌）', en: 'Trustworthy (green)' },
  blue: { zh: '环保良好企业（蓝牌）', en: 'Good (blue)' },
  yellow: { zh: '环保警示企业（黄牌）', en: 'Warning (yellow)' },
  red: { zh: '环保不良企业（红牌）', en: 'Poor (red)' },
});
export type CreditRating = (typeof CREDIT_RATING.values)[number];

export const CONTACT_ROLE = labelled({
  legal_representative: { zh: '法定代表人', en: 'Legal representative' },
  env_director: { zh: '环保总监', en: 'Environmental director' },
  env_officer: { zh: '环保专员', en: 'Environmental officer' },
  safety_officer: { zh: '安全员', en: 'Safety officer' },
  other: { zh: '其他', en: 'Other' },
});
export type ContactRole = (typeof CONTACT_ROLE.values)[number];
