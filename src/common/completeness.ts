/**
 * 一企一表 completeness: which dossier items each source must have, by source type and permit class,
 * and the evaluation of one source's facts against them. Documented in docs/domain.md.
 */
import type { Bilingual, PermitClass, SourceType } from './enums';

export const COMPLETENESS_ITEMS = {
  basics: { zh: '基本信息（法定代表人、坐标、规模、从业人数）', en: 'Basic data (legal representative, location, scale, employees)' },
  contacts: { zh: '联系人', en: 'Contacts' },
  env_director: { zh: '环保总监', en: 'Environmental director' },
  eia: { zh: '环评批复/备案', en: 'EIA approval or registration' },
  acceptance: { zh: '竣工环保验收', en: 'Completion acceptance' },
  permit: { zh: '有效的排污许可证/登记', en: 'Valid discharge permit or registration' },
  outlets: { zh: '废气/废水排放口', en: 'Gas or water outlets' },
  outlet_limits: { zh: '每个排放口的污染物限值', en: 'Pollutant limits for every outlet' },
  facilities: { zh: '治理设施', en: 'Treatment facilities' },
  fume_purifier: { zh: '油烟净化设施', en: 'Cooking fume purifier' },
  dust_control: { zh: '扬尘防治设施', en: 'Dust control' },
  hazardous_waste: { zh: '危险废物信息', en: 'Hazardous wastes' },
  emergency_plan: { zh: '突发环境事件应急预案备案', en: 'Filed emergency plan' },
} as const satisfies Record<string, Bilingual>;
export type CompletenessKey = keyof typeof COMPLETENESS_ITEMS;

/** What every source of a type needs. */
export const REQUIRED_BY_TYPE: Record<SourceType, readonly CompletenessKey[]> = {
  industrial: ['basics', 'contacts', 'eia', 'facilities'],
  auto_repair: ['basics', 'contacts', 'eia', 'facilities', 'hazardous_waste'],
  catering: ['basics', 'contacts', 'fume_purifier'],
  construction: ['basics', 'contacts', 'dust_control'],
  property: ['basics', 'contacts'],
  other: ['basics', 'contacts'],
};

/** What the permit class adds, whatever the type. */
export const REQUIRED_BY_PERMIT_CLASS: Record<PermitClass, readonly CompletenessKey[]> = {
  key: ['permit', 'outlets', 'outlet_limits'],
  simplified: ['permit', 'outlets', 'outlet_limits'],
  registration: ['permit'],
  none: [],
};

/** What an industrial enterprise adds by permit class (重点/简化 are the enterprises a 一企一档 follows closely). */
export const REQUIRED_INDUSTRIAL_BY_PERMIT_CLASS: Record<PermitClass, readonly CompletenessKey[]> = {
  key: ['env_director', 'acceptance', 'hazardous_waste', 'emergency_plan'],
  simplified: ['env_director', 'acceptance', 'hazardous_waste', 'emergency_plan'],
  registration: ['env_director'],
  none: [],
};

export function requiredItems(type: SourceType, permitClass: PermitClass): CompletenessKey[] {
  const items = new Set<CompletenessKey>([...REQUIRED_BY_TYPE[type], ...REQUIRED_BY_PERMIT_CLASS[permitClass]]);
  if (type === 'industrial') for (const k of REQUIRED_INDUSTRIAL_BY_PERMIT_CLASS[permitClass]) items.add(k);
  return (Object.keys(COMPLETENESS_ITEMS) as CompletenessKey[]).filter((k) => items.has(k));
}

/** What is on file for one source (established by the server). */
export interface CompletenessFacts {
  /** legal representative, both coordinates, scale and employees are filled in. */
  basics: boolean;
  /** env director's name and phone on the basic data, or a contact with role env_director. */
  envDirector: boolean;
  contacts: boolean;
  eiaApprovals: boolean;
  acceptances: boolean;
  /** a permit with status 'valid' whose validUntil is today or later. */
  validPermit: boolean;
  /** a gas or water outlet (noise points need no limits). */
  outlets: boolean;
  /** a gas or water outlet without any limit. */
  outletWithoutLimits: boolean;
  /** facilities not removed, any kind / 油烟净化 / 扬尘防治. */
  facilities: boolean;
  fumePurifier: boolean;
  dustControl: boolean;
  hazardousWastes: boolean;
  emergencyPlan: boolean;
}

const DONE: Record<CompletenessKey, (f: CompletenessFacts) => boolean> = {
  basics: (f) => f.basics,
  contacts: (f) => f.contacts,
  env_director: (f) => f.envDirector,
  eia: (f) => f.eiaApprovals,
  acceptance: (f) => f.acceptances,
  permit: (f) => f.validPermit,
  outlets: (f) => f.outlets,
  outlet_limits: (f) => f.outlets && !f.outletWithoutLimits,
  facilities: (f) => f.facilities,
  fume_purifier: (f) => f.fumePurifier,
  dust_control: (f) => f.dustControl,
  hazardous_waste: (f) => f.hazardousWastes,
  emergency_plan: (f) => f.emergencyPlan,
};

export interface CompletenessResult {
  percent: number;
  required: Array<{ key: CompletenessKey; zh: string; en: string; done: boolean }>;
  missing: Array<{ key: CompletenessKey; zh: string; en: string }>;
}

export function evaluateCompleteness(type: SourceType, permitClass: PermitClass, facts: CompletenessFacts): CompletenessResult {
  const required = requiredItems(type, permitClass).map((key) => ({ key, ...COMPLETENESS_ITEMS[key], done: DONE[key](facts) }));
  const missing = required.filter((r) => !r.done).map(({ key, zh, en }) => ({ key, zh, en }));
  const done = required.length - missing.length;
  // Rounded down, so 100 means complete.
  const percent = required.length === 0 ? 100 : Math.floor((done * 100) / required.length);
  return { percent, required, missing };
}
