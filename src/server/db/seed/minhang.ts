/**
 * Hand-made geography of the demo district 上海市闵行区 (310112): approximate town centres, the
 * roads used in addresses, the three parks and which third-party provider covers what.
 * Centres are approximate (general knowledge), chosen inside the district polygon of data/geo.
 */
import type { Point } from './geo';

export const MINHANG = '310112';
/** 浦江镇: the demo town user's scope. */
export const PUJIANG = '310112114';
export const XINZHUANG = '310112101';
export const QIBAO = '310112102';

export interface TownGeo {
  centre: Point;
  roads: readonly string[];
}

export const MINHANG_TOWNS: Readonly<Record<string, TownGeo>> = {
  '310112001': { centre: [121.38, 31.01], roads: ['江川路', '沧源路', '鹤庆路', '东川路', '华宁路', '石龙路'] }, // 江川路街道
  '310112006': { centre: [121.4, 31.15], roads: ['古美路', '平南路', '顾戴路', '龙茗路', '万源路', '古龙路'] }, // 古美街道
  '310112008': { centre: [121.32, 31.19], roads: ['申长路', '申虹路', '天山西路', '华翔路', '申滨南路'] }, // 新虹街道
  '310112009': { centre: [121.49, 31.11], roads: ['浦锦路', '江柳路', '浦驰路', '芦恒路', '陈春路'] }, // 浦锦街道
  '310112101': { centre: [121.385, 31.11], roads: ['莘松路', '都市路', '莘建路', '沁春路', '莘东路', '春申路'] }, // 莘庄镇
  '310112102': { centre: [121.35, 31.155], roads: ['漕宝路', '七莘路', '新镇路', '沪松公路', '吴宝路', '新龙路'] }, // 七宝镇
  '310112103': { centre: [121.41, 31.06], roads: ['颛兴路', '沧源路', '北松公路', '光华路', '金都路', '银都路'] }, // 颛桥镇
  '310112106': { centre: [121.3, 31.21], roads: ['纪翟路', '华翔路', '诸光路', '北翟路', '申长路', '纪鹤路'] }, // 华漕镇
  '310112107': { centre: [121.37, 31.18], roads: ['虹梅路', '吴中路', '虹莘路', '宜山路', '红松路', '姚虹路'] }, // 虹桥镇
  '310112108': { centre: [121.43, 31.12], roads: ['莲花南路', '梅陇路', '沪闵路', '罗锦路', '华坪路', '朱梅路'] }, // 梅陇镇
  '310112110': { centre: [121.46, 31.05], roads: ['龙吴路', '剑川路', '紫星路', '永德路', '虹梅南路', '华宁路'] }, // 吴泾镇
  '310112112': { centre: [121.36, 31.03], roads: ['元江路', '望园路', '北松公路', '俞塘路', '金都路', '中春路'] }, // 马桥镇
  '310112114': { centre: [121.51, 31.08], roads: ['浦星公路', '陈行公路', '联航路', '沈杜公路', '江月路', '三鲁公路'] }, // 浦江镇
  '310112501': { centre: [121.365, 31.075], roads: ['申富路', '春东路', '中春路', '光华路', '申旺路', '元江路'] }, // 莘庄工业区
};

export interface ParkDef {
  id: string;
  name: string;
  /** The town whose villages the park's enterprises are registered in. */
  townId: string;
  centre: Point;
  roads: readonly string[];
  plots: readonly string[];
  /** Share of the district's park-based industry. */
  weight: number;
}

export const MINHANG_PARKS: readonly ParkDef[] = [
  {
    id: '310112P01',
    name: '闵行经济技术开发区',
    townId: '310112001',
    centre: [121.4, 31.02],
    roads: ['文井路', '江川东路', '昆阳路', '剑川路', '东川路', '金平路'],
    plots: ['一期地块', '二期地块', '三期地块'],
    weight: 40,
  },
  {
    id: '310112P02',
    name: '莘庄工业区',
    townId: '310112501',
    centre: [121.365, 31.075],
    roads: ['申富路', '春东路', '中春路', '申旺路', '光华路'],
    plots: ['北区地块', '中区地块', '南区地块'],
    weight: 35,
  },
  {
    id: '310112P03',
    name: '紫竹高新技术产业开发区',
    townId: '310112110',
    centre: [121.45, 31.02],
    roads: ['紫星路', '东川路', '紫月路', '紫秀路', '剑川路'],
    plots: ['研发基地地块', '产业基地地块'],
    weight: 25,
  },
];

/** The park user's park (闵开发). */
export const PARK_MKF = '310112P01';

export interface ProviderDef {
  key: string;
  name: string;
  /** Towns and parks the provider is contracted for; a park source goes to its park's provider. */
  covers: readonly string[];
}

/** Three third-party 环保管家 firms (fictional names) splitting 闵行 by towns and parks. */
export const MINHANG_PROVIDERS: readonly ProviderDef[] = [
  {
    key: 'p1',
    name: '上海绿澄环境科技有限公司',
    covers: ['310112114', '310112009', '310112110', '310112001', '310112112', '310112P01', '310112P03'],
  },
  {
    key: 'p2',
    name: '上海澄川环保技术服务有限公司',
    covers: ['310112101', '310112501', '310112103', '310112108', '310112006', '310112P02'],
  },
  { key: 'p3', name: '上海青岚环境咨询有限公司', covers: ['310112102', '310112107', '310112106', '310112008'] },
];

/** Further firms for the province-size data set, each given towns of the other districts in turn. */
export const OTHER_PROVIDER_NAMES: readonly string[] = [
  '上海沪清环境工程技术有限公司',
  '上海蓝屿环保科技有限公司',
  '上海碧泓环境服务有限公司',
  '上海申澈生态环境咨询有限公司',
  '上海汀洲环保工程有限公司',
  '上海禾青环境技术有限公司',
  '上海朗源环境管理咨询有限公司',
];
