/**
 * The dossier's sections and fields with their Chinese and English names: the tabs of the detail
 * page, the field names of the change history, and the audit entity type of each section's rows.
 */
import type { Bilingual } from './enums';
import type { SectionKey } from './contracts/sections';

export interface SectionDefinition {
  label: Bilingual;
  /** audit_log.entity_type of the section's rows; actions are `${entity}.create|update|delete`. */
  entity: string;
  fields: Record<string, Bilingual>;
}

export const BASIC_FIELD_LABELS: Record<string, Bilingual> = {
  name: { zh: '名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  sourceType: { zh: '污染源类型', en: 'Source type' },
  industryCode: { zh: '行业代码', en: 'Industry code' },
  permitClass: { zh: '排污许可管理类别', en: 'Permit class' },
  lifecycleStatus: { zh: '生命周期状态', en: 'Lifecycle status' },
  townId: { zh: '街镇', en: 'Town' },
  parkId: { zh: '园区', en: 'Park' },
  gridId: { zh: '网格', en: 'Grid' },
  address: { zh: '地址', en: 'Address' },
  longitude: { zh: '经度', en: 'Longitude' },
  latitude: { zh: '纬度', en: 'Latitude' },
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
  scale: { zh: '企业规模', en: 'Scale' },
  employees: { zh: '从业人数', en: 'Employees' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  envDirectorName: { zh: '环保总监', en: 'Environmental director' },
  envDirectorPhone: { zh: '环保总监电话', en: 'Environmental director phone' },
  registeredCapitalWan: { zh: '注册资本（万元）', en: 'Registered capital (10k yuan)' },
  establishedOn: { zh: '成立日期', en: 'Established on' },
  landAreaM2: { zh: '占地面积（m²）', en: 'Land area (m²)' },
  annualOutputWan: { zh: '年产值（万元）', en: 'Annual output (10k yuan)' },
  mainProducts: { zh: '主要产品及产能', en: 'Main products' },
  mainMaterials: { zh: '主要原辅材料', en: 'Main raw materials' },
  annualOperatingHours: { zh: '年生产时间（小时）', en: 'Operating hours per year' },
};

export const BASICS_LABEL: Bilingual = { zh: '基本信息', en: 'Basic data' };
/** audit_log.entity_type of the source's basic data. */
export const SOURCE_ENTITY = 'source';

const projectName = { zh: '项目名称', en: 'Project' };
const outletId = { zh: '排放口', en: 'Outlet' };
const status = { zh: '状态', en: 'Status' };

export const SECTIONS: Record<SectionKey, SectionDefinition> = {
  'eia-approvals': {
    label: { zh: '环评批复/备案', en: 'EIA approvals' },
    entity: 'source.eia_approval',
    fields: {
      projectName,
      kind: { zh: '环评类型', en: 'Kind' },
      documentNumber: { zh: '批复文号/备案号', en: 'Document number' },
      approvingAuthority: { zh: '审批部门', en: 'Approving authority' },
      approvalDate: { zh: '批复日期', en: 'Approval date' },
    },
  },
  acceptances: {
    label: { zh: '竣工环保验收', en: 'Completion acceptance' },
    entity: 'source.acceptance',
    fields: {
      projectName,
      eiaApprovalId: { zh: '对应环评', en: 'EIA approval' },
      kind: { zh: '验收方式', en: 'Kind' },
      acceptanceDate: { zh: '验收日期', en: 'Acceptance date' },
      documentRef: { zh: '验收意见/公示', en: 'Document' },
    },
  },
  permits: {
    label: { zh: '排污许可', en: 'Discharge permits' },
    entity: 'source.permit',
    fields: {
      permitNumber: { zh: '许可证编号', en: 'Permit number' },
      permitClass: { zh: '管理类别', en: 'Class' },
      issueDate: { zh: '发证日期', en: 'Issue date' },
      validFrom: { zh: '有效期起', en: 'Valid from' },
      validUntil: { zh: '有效期至', en: 'Valid until' },
      reportFrequency: { zh: '执行报告频次', en: 'Execution report frequency' },
      annualReportDueMonth: { zh: '年报截止月', en: 'Annual report due (month)' },
      annualReportDueDay: { zh: '年报截止日', en: 'Annual report due (day)' },
      issuingAuthority: { zh: '发证机关', en: 'Issuing authority' },
      status,
    },
  },
  outlets: {
    label: { zh: '排放口', en: 'Outlets' },
    entity: 'source.outlet',
    fields: {
      code: { zh: '排放口编号', en: 'Code' },
      name: { zh: '名称', en: 'Name' },
      kind: { zh: '类型', en: 'Kind' },
      category: { zh: '排放口类别', en: 'Category' },
      longitude: { zh: '经度', en: 'Longitude' },
      latitude: { zh: '纬度', en: 'Latitude' },
      heightM: { zh: '排气筒高度（m）', en: 'Stack height (m)' },
      dischargeDestination: { zh: '排放去向', en: 'Discharge destination' },
    },
  },
  'outlet-limits': {
    label: { zh: '污染物及限值', en: 'Pollutant limits' },
    entity: 'source.outlet_limit',
    fields: {
      outletId,
      pollutantCode: { zh: '污染物代码', en: 'Pollutant code' },
      pollutantName: { zh: '污染物', en: 'Pollutant' },
      limitValue: { zh: '限值', en: 'Limit' },
      limitLower: { zh: '下限', en: 'Lower limit' },
      unit: { zh: '单位', en: 'Unit' },
      basis: { zh: '限值依据', en: 'Basis' },
      standardId: { zh: '执行标准', en: 'Standard' },
      standardTable: { zh: '标准表', en: 'Standard table' },
      standardRow: { zh: '标准条目', en: 'Standard row' },
      permitId: { zh: '许可证', en: 'Permit' },
      referenceO2Percent: { zh: '基准氧含量（%）', en: 'Reference O2 (%)' },
    },
  },
  facilities: {
    label: { zh: '治理设施', en: 'Treatment facilities' },
    entity: 'source.facility',
    fields: {
      name: { zh: '设施名称', en: 'Name' },
      kind: { zh: '设施类型', en: 'Kind' },
      process: { zh: '处理工艺', en: 'Process' },
      outletId,
      designCapacity: { zh: '设计处理能力', en: 'Design capacity' },
      commissionedOn: { zh: '投运日期', en: 'Commissioned on' },
      status,
    },
  },
  devices: {
    label: { zh: '自动监控设备', en: 'Monitoring devices' },
    entity: 'source.device',
    fields: {
      mn: { zh: 'MN 编码', en: 'MN' },
      outletId,
      pollutants: { zh: '监测因子', en: 'Pollutants' },
      vendor: { zh: '厂商', en: 'Vendor' },
      model: { zh: '型号', en: 'Model' },
      installedOn: { zh: '安装日期', en: 'Installed on' },
      status,
    },
  },
  'hazardous-wastes': {
    label: { zh: '危险废物', en: 'Hazardous wastes' },
    entity: 'source.hazardous_waste',
    fields: {
      hwCode: { zh: '废物代码', en: 'Waste code' },
      category: { zh: '废物类别', en: 'Category' },
      name: { zh: '废物名称', en: 'Name' },
      annualAmountT: { zh: '年产生量（吨）', en: 'Annual amount (t)' },
      storageFacility: { zh: '贮存设施', en: 'Storage facility' },
      disposer: { zh: '处置单位', en: 'Disposer' },
      disposerLicence: { zh: '经营许可证编号', en: "Disposer's licence" },
      transferNote: { zh: '转移联单说明', en: 'Transfer manifest note' },
    },
  },
  'emergency-plans': {
    label: { zh: '应急预案', en: 'Emergency plans' },
    entity: 'source.emergency_plan',
    fields: {
      riskLevel: { zh: '环境风险等级', en: 'Risk level' },
      filingNumber: { zh: '备案编号', en: 'Filing number' },
      filedOn: { zh: '备案日期', en: 'Filed on' },
      nextRevisionOn: { zh: '下次修订日期', en: 'Next revision' },
    },
  },
  penalties: {
    label: { zh: '行政处罚', en: 'Penalties' },
    entity: 'source.penalty',
    fields: {
      decisionNumber: { zh: '处罚决定书文号', en: 'Decision number' },
      decisionDate: { zh: '处罚日期', en: 'Decision date' },
      authority: { zh: '处罚机关', en: 'Authority' },
      violation: { zh: '违法行为', en: 'Violation' },
      lawArticle: { zh: '处罚依据', en: 'Legal basis' },
      amountYuan: { zh: '罚款金额（元）', en: 'Fine (yuan)' },
      status,
    },
  },
  'credit-ratings': {
    label: { zh: '环境信用评价', en: 'Environmental credit rating' },
    entity: 'source.credit_rating',
    fields: {
      year: { zh: '年度', en: 'Year' },
      rating: { zh: '评价等级', en: 'Rating' },
      assessor: { zh: '评价机关', en: 'Assessor' },
      ratedOn: { zh: '评价日期', en: 'Rated on' },
    },
  },
  contacts: {
    label: { zh: '联系人', en: 'Contacts' },
    entity: 'source.contact',
    fields: {
      name: { zh: '姓名', en: 'Name' },
      role: { zh: '职务', en: 'Role' },
      phone: { zh: '电话', en: 'Phone' },
      email: { zh: '电子邮箱', en: 'E-mail' },
    },
  },
};

/** The section whose rows carry `entityType`, or null. */
export function sectionOfEntity(entityType: string): SectionKey | null {
  for (const [key, def] of Object.entries(SECTIONS)) if (def.entity === entityType) return key as SectionKey;
  return null;
}
