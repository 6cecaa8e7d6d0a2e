/**
 * Industry mix of the demo sources: GB/T 4754-2017 小类 with the words their company names use,
 * and the 排污许可 class derived from the 2019 名录 row covering each code.
 */
import type { PermitClass, SourceType } from '../../../common/enums';
import { industryClasses, referenceData, type PermitRow } from './data';
import type { Rng } from './random';

export interface IndustryProfile {
  code: string;
  weight: number;
  words: readonly string[];
}

/** Manufacturing (section C) that fits a Shanghai suburb: machinery, auto parts, electronics, pharma… */
export const MANUFACTURING: readonly IndustryProfile[] = [
  { code: '3484', weight: 6, words: ['精密机械', '机械零部件', '精密零件'] },
  { code: '3489', weight: 3, words: ['机械配件', '五金机械'] },
  { code: '3499', weight: 3, words: ['机械设备', '机电设备', '机械制造'] },
  { code: '3441', weight: 2, words: ['泵业', '真空设备'] },
  { code: '3443', weight: 2, words: ['阀门', '流体控制设备'] },
  { code: '3444', weight: 2, words: ['液压科技', '液压设备'] },
  { code: '3451', weight: 1, words: ['轴承'] },
  { code: '3453', weight: 1, words: ['传动科技', '齿轮'] },
  { code: '3464', weight: 2, words: ['制冷设备', '空调设备'] },
  { code: '3491', weight: 2, words: ['机器人', '智能装备'] },
  { code: '3421', weight: 1, words: ['数控机床', '机床'] },
  { code: '3670', weight: 8, words: ['汽车零部件', '汽车配件', '汽车部件', '汽车电子'] },
  { code: '3982', weight: 3, words: ['电路科技', '线路板'] },
  { code: '3983', weight: 2, words: ['传感技术', '传感器'] },
  { code: '3981', weight: 1, words: ['电子元件'] },
  { code: '3976', weight: 2, words: ['光电科技', '光电子'] },
  { code: '3973', weight: 1, words: ['微电子', '集成电路'] },
  { code: '3989', weight: 2, words: ['电子科技', '电子器件'] },
  { code: '3824', weight: 2, words: ['电力电子', '电气'] },
  { code: '3821', weight: 1, words: ['变压器', '电源设备'] },
  { code: '3831', weight: 2, words: ['线缆', '电线电缆'] },
  { code: '3812', weight: 1, words: ['电机'] },
  { code: '3879', weight: 2, words: ['照明电器', '照明科技'] },
  { code: '2929', weight: 4, words: ['塑胶制品', '塑料制品', '橡塑制品'] },
  { code: '2922', weight: 1, words: ['塑料管业', '塑料型材'] },
  { code: '2926', weight: 1, words: ['塑料包装'] },
  { code: '2913', weight: 1, words: ['橡胶制品', '密封件'] },
  { code: '3311', weight: 2, words: ['钢结构'] },
  { code: '3360', weight: 2, words: ['表面处理', '热处理', '金属表面处理'] },
  { code: '3399', weight: 3, words: ['金属制品', '五金制品'] },
  { code: '3352', weight: 1, words: ['水暖器材', '建筑五金'] },
  { code: '3351', weight: 1, words: ['五金配件'] },
  { code: '3321', weight: 1, words: ['刀具', '工具'] },
  { code: '3525', weight: 2, words: ['模具', '精密模具'] },
  { code: '2319', weight: 3, words: ['印务', '包装印刷', '彩印'] },
  { code: '2311', weight: 1, words: ['印刷'] },
  { code: '2231', weight: 2, words: ['纸制品', '纸业包装'] },
  { code: '2720', weight: 2, words: ['药业', '制药'] },
  { code: '2710', weight: 1, words: ['医药化工', '原料药'] },
  { code: '2761', weight: 2, words: ['生物医药', '生物制品'] },
  { code: '2770', weight: 1, words: ['医用材料', '卫生材料'] },
  { code: '3581', weight: 1, words: ['医疗设备'] },
  { code: '3584', weight: 1, words: ['医疗器械'] },
  { code: '2641', weight: 2, words: ['涂料', '化工涂料'] },
  { code: '2642', weight: 1, words: ['油墨'] },
  { code: '2661', weight: 2, words: ['化学试剂', '化工助剂', '精细化工'] },
  { code: '2662', weight: 1, words: ['化学品', '新材料'] },
  { code: '2682', weight: 2, words: ['化妆品', '日用化学品'] },
  { code: '1411', weight: 1, words: ['食品', '烘焙食品'] },
  { code: '1432', weight: 1, words: ['速冻食品', '食品'] },
  { code: '1525', weight: 1, words: ['饮品', '食品科技'] },
  { code: '4011', weight: 2, words: ['自动化', '控制系统'] },
  { code: '4014', weight: 1, words: ['分析仪器', '仪器'] },
  { code: '4028', weight: 1, words: ['测控技术', '仪器仪表'] },
  { code: '2110', weight: 1, words: ['家具', '木业'] },
  { code: '2130', weight: 1, words: ['办公家具', '家具制造'] },
  { code: '1819', weight: 1, words: ['服饰', '制衣'] },
  { code: '3021', weight: 1, words: ['混凝土', '建材'] },
  { code: '3562', weight: 1, words: ['半导体设备'] },
  { code: '3591', weight: 1, words: ['环保设备'] },
];

/** Catering: the name pattern (XX = 字号) decides the class. */
export const CATERING: ReadonlyArray<{ code: string; weight: number; patterns: readonly string[] }> = [
  { code: '6210', weight: 45, patterns: ['上海XX餐饮管理有限公司', 'XX饭店', 'XX酒家', 'XX本帮菜馆', 'XX餐厅'] },
  { code: '6220', weight: 20, patterns: ['XX快餐店', '上海XX快餐有限公司'] },
  { code: '6291', weight: 15, patterns: ['XX面馆', 'XX小吃店', 'XX馄饨店'] },
  { code: '6241', weight: 8, patterns: ['上海XX餐饮配送有限公司', '上海XX团膳管理有限公司'] },
  { code: '6232', weight: 6, patterns: ['XX咖啡馆'] },
  { code: '6231', weight: 6, patterns: ['XX茶楼'] },
];

export const AUTO_REPAIR_CODE = '8111';
export const AUTO_REPAIR_PATTERNS = ['上海XX汽车维修服务有限公司', '上海XX汽车修理有限公司', '上海XX机动车维修有限公司', '上海XX汽车服务有限公司', '上海XX汽车销售服务有限公司'];

/** Construction: the project kind decides the class (住宅 4710, 体育场馆 4720, 其他房屋 4790, 市政道路 4813, 桥梁 4819). */
export const CONSTRUCTION: ReadonlyArray<{ code: string; weight: number; kinds: readonly string[]; road: boolean }> = [
  { code: '4710', weight: 45, kinds: ['商品住宅项目', '保障性住房项目', '动迁安置房项目'], road: false },
  { code: '4790', weight: 30, kinds: ['商业办公项目', '学校新建项目', '厂房改扩建项目', '社区综合服务中心项目'], road: false },
  { code: '4720', weight: 5, kinds: ['体育中心新建项目'], road: false },
  { code: '4813', weight: 15, kinds: ['道路改建工程项目', '道路新建工程项目'], road: true },
  { code: '4819', weight: 5, kinds: ['桥梁新建工程项目'], road: true },
];

export const PROPERTY_CODE = '7020';

/** Every code the generator can use; checked against data/industry once per process. */
let checked = false;
export function assertIndustryCodes(): void {
  if (checked) return;
  const classes = industryClasses();
  const codes = [
    ...MANUFACTURING.map((p) => p.code),
    ...CATERING.map((c) => c.code),
    ...CONSTRUCTION.map((c) => c.code),
    AUTO_REPAIR_CODE,
    PROPERTY_CODE,
  ];
  const missing = codes.filter((c) => !classes.has(c));
  if (missing.length) throw new Error(`industry codes missing from data/industry: ${missing.join(', ')}`);
  const uncovered = MANUFACTURING.filter((p) => permitRowsFor(p.code).length === 0).map((p) => p.code);
  if (uncovered.length) throw new Error(`manufacturing codes not covered by the 2019 名录: ${uncovered.join(', ')}`);
  checked = true;
}

/** The catalogue rows whose industry codes (2–4 digit prefixes) cover the 小类 `code`; the general-process rows have none. */
export function permitRowsFor(code: string): PermitRow[] {
  return referenceData().permitRows.filter((row) => row.industry_codes.some((prefix) => code.startsWith(prefix)));
}

const CLASS_WEIGHT: Record<Exclude<PermitClass, 'none'>, number> = { key: 6, simplified: 34, registration: 60 };

/**
 * The 排污许可 class: among the columns of the covering rows that are not '/', chosen by weight
 * (few 重点, mostly 简化/登记); large plants lean to 重点. 'none' when no row covers the code.
 */
export function permitClassFor(code: string, type: SourceType, scale: string, rng: Rng): PermitClass {
  const rows = permitRowsFor(code);
  if (rows.length === 0) {
    // Not in the 名录 by industry; a gas boiler (通用工序 row 109) puts a few on the 登记 list.
    if (type === 'catering') return rng.chance(0.08) ? 'registration' : 'none';
    if (type === 'property') return rng.chance(0.15) ? 'registration' : 'none';
    return 'none';
  }
  const available = (['key', 'simplified', 'registration'] as const).filter((c) => rows.some((row) => row[c].trim() !== '/'));
  if (type === 'auto_repair') {
    // Row 106: only 营业面积 ≥ 5000 m² with 涂装 is 简化; other repair shops are outside the 名录.
    return available.includes('simplified') && (scale === 'medium' || scale === 'large') && rng.chance(0.5) ? 'simplified' : 'none';
  }
  const boost = scale === 'large' ? 6 : scale === 'medium' ? 1.5 : 1;
  return rng.weighted(available.map((c) => [c, CLASS_WEIGHT[c] * (c === 'key' ? boost : 1)] as const));
}
