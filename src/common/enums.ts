/** Enumerations shared by server and web, each with its Chinese and English label. */

export type Bilingual = { zh: string; en: string };

export function labelled<const K extends string>(labels: Record<K, Bilingual>) {
  const values = Object.keys(labels) as [K, ...K[]];
  return { values, labels };
}

export const ROLE = labelled({
  admin: { zh: '系统管理员', en: 'Administrator' },
  bureau: { zh: '区生态环境局', en: 'District bureau' },
  town: { zh: '街镇/园区环保办', en: 'Town / park office' },
  provider_manager: { zh: '环保管家负责人', en: 'Provider manager' },
  inspector: { zh: '环保管家巡查员', en: 'Inspector' },
  grid: { zh: '村居网格员', en: 'Grid cadre' },
  enterprise: { zh: '企业环保负责人', en: 'Enterprise' },
  expert: { zh: '专家', en: 'Expert' },
});
export type Role = (typeof ROLE.values)[number];

export const SOURCE_TYPE = labelled({
  industrial: { zh: '工业企业', en: 'Industrial' },
  auto_repair: { zh: '汽修', en: 'Auto repair' },
  catering: { zh: '餐饮', en: 'Catering' },
  construction: { zh: '建设工地', en: 'Construction site' },
  property: { zh: '物业', en: 'Property' },
  other: { zh: '其他', en: 'Other' },
});
export type SourceType = (typeof SOURCE_TYPE.values)[number];

/** 排污许可管理类别 (2019 名录): 重点管理 / 简化管理 / 登记管理, or not covered. */
export const PERMIT_CLASS = labelled({
  key: { zh: '重点管理', en: 'Key' },
  simplified: { zh: '简化管理', en: 'Simplified' },
  registration: { zh: '登记管理', en: 'Registration' },
  none: { zh: '不纳入', en: 'Not covered' },
});
export type PermitClass = (typeof PERMIT_CLASS.values)[number];

export const REGION_LEVEL = labelled({
  district: { zh: '区', en: 'District' },
  town: { zh: '街镇', en: 'Town / street' },
  park: { zh: '园区', en: 'Park' },
  grid: { zh: '网格(村居)', en: 'Grid (village)' },
});
export type RegionLevel = (typeof REGION_LEVEL.values)[number];

/** Roles whose scope is a region subtree. */
export const REGION_ROLES: readonly Role[] = ['bureau', 'town', 'grid', 'expert'];
/** Roles whose scope is their provider's contracted sources. */
export const PROVIDER_ROLES: readonly Role[] = ['provider_manager', 'inspector'];
