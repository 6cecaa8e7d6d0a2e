/**
 * The demo district's dossiers (一源一档): the EIA approvals, acceptances, permits, outlets with limits
 * from the shipped standards, facilities, monitoring devices, hazardous wastes, emergency plans,
 * credit ratings, penalties and contacts a district's sources have on file. About three in four
 * dossiers are complete; the others miss what towns typically find missing (an acceptance, limits,
 * the emergency plan), so the 建立率 page has something to show.
 */
import type { Insertable } from 'kysely';
import { addDays, type IsoDate } from '../../../common/compliance-calendar';
import { findStandardRow, hazardousWaste } from '../../modules/registry';
import type { DB } from '../schema';
import { mobile, personName } from './names';
import type { Rng } from './random';
import type { SourceRow } from './sources';

type Rows<T extends keyof DB> = Array<Insertable<DB[T]> & { id: string }>;

export interface DossierRows {
  eia_approvals: Rows<'eia_approvals'>;
  completion_acceptances: Rows<'completion_acceptances'>;
  permits: Rows<'permits'>;
  outlets: Rows<'outlets'>;
  outlet_limits: Rows<'outlet_limits'>;
  treatment_facilities: Rows<'treatment_facilities'>;
  monitoring_devices: Rows<'monitoring_devices'>;
  hazardous_wastes: Rows<'hazardous_wastes'>;
  emergency_plans: Rows<'emergency_plans'>;
  penalties: Rows<'penalties'>;
  credit_ratings: Rows<'credit_ratings'>;
  source_contacts: Rows<'source_contacts'>;
}

/** Insertion order: rows that others point at come first. */
export const DOSSIER_TABLES: ReadonlyArray<keyof DossierRows> = [
  'eia_approvals', 'completion_acceptances', 'permits', 'outlets', 'outlet_limits', 'treatment_facilities', 'monitoring_devices',
  'hazardous_wastes', 'emergency_plans', 'penalties', 'credit_ratings', 'source_contacts',
];

/** A limit row of a shipped standard: [standard, table, row]. */
type StandardRef = readonly [string, string, string];
const GAS_VOC: StandardRef = ['gb16297-1996', 'table2_conc', '33.1'];
const GAS_PM: StandardRef = ['gb16297-1996', 'table2_conc', '3.3'];
const BOILER: StandardRef[] = [['gb13271-2014', 'table2_new', 'PM.gas'], ['gb13271-2014', 'table2_new', 'SO2.gas'], ['gb13271-2014', 'table2_new', 'NOx.gas']];
/** Discharge to the sewer: GB 8978 三级. */
const SEWER: StandardRef[] = [['gb8978-1996', 'table4', '1.1.g3'], ['gb8978-1996', 'table4', '5.5.g3'], ['gb8978-1996', 'table4', '3.5.g3']];
const OIL: StandardRef = ['gb8978-1996', 'table4', '6.1.g3'];
const FOOD_OIL: StandardRef = ['gb8978-1996', 'table4', '7.1.g3'];

/** What an industry emits and stores, by GB/T 4754 prefix (the first that matches). */
interface Profile {
  prefixes: readonly string[];
  gas: StandardRef[];
  gasFacility: string;
  water?: StandardRef[];
  waterFacility?: string;
  wastes: readonly string[];
}
const PROFILES: readonly Profile[] = [
  { prefixes: ['3360'], gas: [GAS_PM], gasFacility: '酸雾喷淋塔', water: [...SEWER, OIL], waterFacility: '含重金属废水处理站（化学沉淀）', wastes: ['336-064-17', '900-041-49'] },
  { prefixes: ['23', '2641', '2642', '29'], gas: [GAS_VOC], gasFacility: '二级活性炭吸附装置', wastes: ['900-039-49', '900-041-49', '900-252-12'] },
  { prefixes: ['26', '27'], gas: [GAS_VOC, GAS_PM], gasFacility: '蓄热式热力焚烧炉（RTO）', water: SEWER, waterFacility: '综合废水处理站（水解酸化+接触氧化）', wastes: ['900-039-49', '900-041-49', '900-047-49'] },
  { prefixes: ['14', '15'], gas: [GAS_PM], gasFacility: '布袋除尘器', water: [...SEWER, FOOD_OIL], waterFacility: '隔油沉淀池', wastes: ['900-249-08'] },
  { prefixes: ['33', '34', '35', '36', '37'], gas: [GAS_PM, GAS_VOC], gasFacility: '布袋除尘+活性炭吸附', wastes: ['900-249-08', '900-006-09', '900-041-49'] },
  { prefixes: ['38', '39', '40'], gas: [GAS_VOC], gasFacility: '活性炭吸附装置', wastes: ['900-039-49', '900-041-49', '900-249-08'] },
  { prefixes: [''], gas: [GAS_PM], gasFacility: '布袋除尘器', wastes: ['900-041-49'] },
];
/** The names enterprises put on their 危废 labels, and the yearly amounts (t) they report. */
const WASTES: Record<string, { name: string; amount: readonly [number, number] }> = {
  '336-064-17': { name: '表面处理废槽液及废水处理污泥', amount: [5, 60] },
  '900-039-49': { name: '废活性炭', amount: [1, 20] },
  '900-041-49': { name: '沾染危险废物的废包装桶', amount: [0.2, 3] },
  '900-252-12': { name: '废油漆渣', amount: [0.2, 5] },
  '900-047-49': { name: '实验室无机废液', amount: [0.1, 2] },
  '900-249-08': { name: '废矿物油', amount: [0.2, 5] },
  '900-006-09': { name: '废切削液（乳化液）', amount: [1, 15] },
  '900-214-08': { name: '废机油', amount: [0.2, 4] },
};
const AUTO_REPAIR_WASTES = ['900-214-08', '900-041-49', '900-249-08'];

function profileOf(code: string): Profile {
  return PROFILES.find((p) => p.prefixes.some((prefix) => code.startsWith(prefix)))!;
}

/** Fails the seed when the code relies on a standard row or waste code that data/ does not ship. */
export function assertDossierReferences(): void {
  const refs = [GAS_VOC, GAS_PM, ...BOILER, ...SEWER, OIL, FOOD_OIL];
  for (const [s, t, r] of refs) if (!findStandardRow(s, t, r)) throw new Error(`seed: standard row ${s}/${t}/${r} is not in data/standards`);
  for (const code of [...PROFILES.flatMap((p) => p.wastes), ...AUTO_REPAIR_WASTES]) {
    if (!hazardousWaste(code) || !WASTES[code]) throw new Error(`seed: hazardous waste ${code} is not in data/hazwaste or has no name here`);
  }
}

const year = (date: IsoDate) => Number(date.slice(0, 4));
const padded = (n: number, width = 3) => String(n).padStart(width, '0');

export function generateDossiers(sources: readonly SourceRow[], today: IsoDate, rng: Rng): DossierRows {
  assertDossierReferences();
  const out: DossierRows = Object.fromEntries(DOSSIER_TABLES.map((t) => [t, []])) as unknown as DossierRows;
  let deviceSeq = 0;
  let filingSeq = 0;
  for (const source of sources) {
    // Most dossiers are kept up; the rest lack a few items each.
    const kept = rng.chance(0.72);
    const has = (p = 1) => kept || rng.chance(p * 0.6);
    const ctx: SourceCtx = { source, today, rng, out, has };
    contacts(ctx);
    if (source.source_type === 'industrial') {
      paperwork(ctx, ++filingSeq);
      const mn = source.permit_class === 'key' ? `88${source.region_path!.split('/')[1]}${padded(++deviceSeq, 6)}` : null;
      emissions(ctx, mn);
    } else if (source.source_type === 'auto_repair') {
      autoRepair(ctx);
    } else if (source.source_type === 'catering') {
      if (has(0.92)) facility(ctx, '静电式油烟净化器', 'cooking_fume', '高压静电吸附', null, `${rng.int(4, 30) * 1000} m³/h`);
    } else if (source.source_type === 'construction') {
      if (has(0.9)) facility(ctx, '围挡喷淋+雾炮', 'dust', '围挡喷淋、雾炮降尘、车辆冲洗', null, null);
    }
  }
  return out;
}

interface SourceCtx {
  source: SourceRow;
  today: IsoDate;
  rng: Rng;
  out: DossierRows;
  has: (p?: number) => boolean;
}

const base = (ctx: SourceCtx) => ({ id: ctx.rng.uuid(), source_id: ctx.source.id });

function contacts(ctx: SourceCtx): void {
  const { source, rng, out, has } = ctx;
  const industrialWithPermit = source.source_type === 'industrial' && source.permit_class !== 'none';
  if (industrialWithPermit && has(0.85)) {
    source.env_director_name = personName(rng);
    source.env_director_phone = mobile(rng);
    out.source_contacts.push({ ...base(ctx), name: source.env_director_name, role: 'env_director', phone: source.env_director_phone, email: null });
  }
  if (has(0.93)) {
    const name = source.contact_name ?? personName(rng);
    out.source_contacts.push({ ...base(ctx), name, role: 'env_officer', phone: source.contact_phone ?? mobile(rng), email: null });
  }
}

/** 环评、验收、排污许可、应急预案、信用评价 and the occasional penalty of an industrial source. */
function paperwork(ctx: SourceCtx, seq: number): void {
  const { source, today, rng, out, has } = ctx;
  const uscc = source.uscc;
  const cls = source.permit_class;
  const built = addDays(today, -rng.int(3 * 365, 15 * 365));
  source.established_on = addDays(built, -rng.int(60, 400));
  source.registered_capital_wan = rng.int(1, 200) * 50;
  const project = `年产${rng.int(1, 50) * 10}${rng.pick(['万件', '吨', '万套'])}${source.name.replace(/^上海/, '').replace(/(股份)?有限公司$/, '')}产品项目`;
  if (has(0.92)) {
    const kind = cls === 'key' ? 'report' : cls === 'none' ? 'registration' : rng.chance(0.85) ? 'table' : 'registration';
    const approved = kind !== 'registration';
    const eiaId = rng.uuid();
    out.eia_approvals.push({
      id: eiaId, source_id: source.id, project_name: project, kind,
      document_number: approved ? `闵环保许评〔${year(built)}〕${rng.int(1, 600)}号` : null,
      approving_authority: approved ? '上海市闵行区生态环境局' : null,
      approval_date: approved ? built : null,
    });
    if (approved && has(0.88)) {
      const accepted = addDays(built, rng.int(200, 700));
      if (accepted < today) {
        out.completion_acceptances.push({
          ...base(ctx), project_name: project, eia_approval_id: eiaId, kind: year(accepted) >= 2018 ? 'self' : 'agency',
          acceptance_date: accepted, document_ref: '全国建设项目竣工环境保护验收信息平台公示',
        });
      }
    }
  }
  if (cls !== 'none' && has(0.9)) {
    // Five-year permits issued over the last five years; one in twenty has lapsed without renewal.
    const validFrom = rng.chance(0.05) ? addDays(today, -rng.int(5 * 365 + 10, 5 * 365 + 200)) : addDays(today, -rng.int(10, 5 * 365 - 20));
    out.permits.push({
      ...base(ctx),
      permit_number: `${uscc}001${cls === 'registration' ? 'W' : cls === 'key' ? 'P' : 'U'}`,
      permit_class: cls, issue_date: validFrom, valid_from: validFrom, valid_until: addDays(addDays(validFrom, 5 * 365 + 1), -1),
      report_frequency: cls === 'key' ? rng.pick(['quarterly', 'quarterly', 'monthly']) : cls === 'simplified' ? rng.pick(['annual', 'semiannual']) : null,
      issuing_authority: '上海市闵行区生态环境局',
    });
  }
  if ((cls === 'key' || cls === 'simplified') && has(0.85)) {
    const filed = addDays(today, -rng.int(30, 3 * 365 - 30));
    out.emergency_plans.push({
      ...base(ctx), risk_level: rng.weighted([['general', 85], ['larger', 13], ['major', 2]] as const),
      filing_number: `310112-${year(filed)}-${padded(seq % 1000)}-${rng.pick(['L', 'M'])}`, filed_on: filed, next_revision_on: addDays(filed, 3 * 365),
    });
    out.credit_ratings.push({
      ...base(ctx), year: year(today) - 1, rating: rng.weighted([['green', 30], ['blue', 62], ['yellow', 7], ['red', 1]] as const),
      assessor: '上海市闵行区生态环境局', rated_on: `${year(today)}-0${rng.int(3, 6)}-${padded(rng.int(1, 28), 2)}`,
    });
  }
  if (rng.chance(0.03)) {
    const decided = addDays(today, -rng.int(30, 3 * 365));
    out.penalties.push({
      ...base(ctx), decision_number: `第2${padded(year(decided) % 100, 2)}12${padded(rng.int(1, 9999), 6)}号`, decision_date: decided,
      authority: '上海市闵行区生态环境局', violation: rng.pick(['未按规定设置危险废物识别标志', '废气处理设施未正常运行', '未按排污许可证规定开展自行监测']),
      law_article: rng.pick(['《中华人民共和国固体废物污染环境防治法》第一百一十二条', '《中华人民共和国大气污染防治法》第九十九条', '《排污许可管理条例》第三十六条']),
      amount_yuan: rng.int(2, 20) * 10_000, status: decided < addDays(today, -90) ? 'executed' : 'pending',
    });
  }
}

function facility(ctx: SourceCtx, name: string, kind: string, process: string | null, outletId: string | null, capacity: string | null): void {
  ctx.out.treatment_facilities.push({ ...base(ctx), name, kind: kind as never, process, outlet_id: outletId, design_capacity: capacity, commissioned_on: ctx.source.established_on ?? null });
}

function outlet(ctx: SourceCtx, code: string, name: string, kind: 'gas' | 'water', limits: readonly StandardRef[], category: 'main' | 'general'): string {
  const { source, rng, out, has } = ctx;
  const id = rng.uuid();
  const jitter = () => (rng.next() - 0.5) * 0.0008;
  out.outlets.push({
    id, source_id: source.id, code, name, kind, category,
    longitude: source.longitude == null ? null : source.longitude + jitter(),
    latitude: source.latitude == null ? null : source.latitude + jitter(),
    height_m: kind === 'gas' ? rng.pick([15, 15, 20, 25]) : null,
    discharge_destination: kind === 'gas' ? '大气' : '市政污水管网',
  });
  // Limits are what dossiers most often lack.
  if (has(0.9)) {
    for (const [standardId, table, key] of limits) {
      const row = findStandardRow(standardId, table, key)!.row;
      out.outlet_limits.push({
        ...base(ctx), outlet_id: id, pollutant_code: row.pollutantCode, pollutant_name: row.pollutantName, limit_value: row.limitValue!,
        limit_lower: row.limitLower, unit: row.unit, basis: 'standard', standard_id: standardId, standard_table: table, standard_row: key,
        permit_id: null, reference_o2_percent: row.referenceO2Percent,
      });
    }
  }
  return id;
}

function wastes(ctx: SourceCtx, codes: readonly string[]): void {
  const { rng, out } = ctx;
  for (const code of codes) {
    const { name, amount: [min, max] } = WASTES[code];
    out.hazardous_wastes.push({
      ...base(ctx), hw_code: code, category: hazardousWaste(code)!.category, name,
      annual_amount_t: Math.round((min + rng.next() * (max - min)) * 100) / 100,
      storage_facility: `危废暂存间（${rng.int(6, 40)} m²）`, disposer: rng.pick(['上海天汉环境资源有限公司', '上海星月环保科技有限公司', '上海绿环危险废物处置有限公司']),
      disposer_licence: null, transfer_note: '按月通过全国固体废物管理信息系统填报转移联单',
    });
  }
}

/** Outlets, limits, facilities, devices and wastes by the industry's profile and the permit class. */
function emissions(ctx: SourceCtx, mn: string | null): void {
  const { source, rng, has, out } = ctx;
  const cls = source.permit_class;
  const profile = profileOf(source.industry_code);
  if (cls !== 'none' && cls !== 'registration') {
    const main = cls === 'key' ? 'main' : 'general';
    const gasId = has(0.95) ? outlet(ctx, 'DA001', '1号排气筒', 'gas', profile.gas, main) : null;
    if (has(0.93)) facility(ctx, profile.gasFacility, 'waste_gas', profile.gasFacility, gasId, `${rng.int(1, 8) * 5000} m³/h`);
    if (profile.water) {
      const waterId = has(0.95) ? outlet(ctx, 'DW001', '废水总排口', 'water', profile.water, main) : null;
      if (has(0.93)) facility(ctx, profile.waterFacility!, 'waste_water', profile.waterFacility!, waterId, `${rng.int(2, 30) * 10} m³/d`);
    }
    if (source.scale === 'large' || source.scale === 'medium') {
      const boilerId = outlet(ctx, 'DA002', '燃气锅炉排气筒', 'gas', BOILER, 'general');
      facility(ctx, '低氮燃烧器', 'waste_gas', '低氮燃烧+烟气再循环', boilerId, `${rng.int(1, 4) * 2} t/h`);
    }
    if (mn && gasId) {
      out.monitoring_devices.push({
        ...base(ctx), mn, outlet_id: gasId, pollutants: JSON.stringify(cls === 'key' && profile.gas.includes(GAS_VOC) ? ['a24088', 'a34013'] : ['a34013', 'a21026', 'a21002']),
        vendor: rng.pick(['聚光科技', '雪迪龙', '先河环保']), model: rng.pick(['CEMS-2000B', 'SCS-900', 'XHCEMS-3000']), installed_on: source.established_on ?? null,
      });
    }
    if (has(0.92)) wastes(ctx, profile.wastes);
  } else if (has(0.9)) {
    facility(ctx, profile.gasFacility, 'waste_gas', profile.gasFacility, null, null);
    if (rng.chance(0.5)) wastes(ctx, profile.wastes.slice(0, 1));
  }
}

function autoRepair(ctx: SourceCtx): void {
  const { source, rng, out, has, today } = ctx;
  if (has(0.85)) {
    const registered = addDays(today, -rng.int(400, 10 * 365));
    out.eia_approvals.push({
      ...base(ctx), project_name: `${source.name.replace(/^上海/, '').replace(/有限公司$/, '')}机动车维修项目`, kind: source.scale === 'medium' ? 'table' : 'registration',
      document_number: source.scale === 'medium' ? `闵环保许评〔${year(registered)}〕${rng.int(1, 600)}号` : null,
      approving_authority: source.scale === 'medium' ? '上海市闵行区生态环境局' : null, approval_date: source.scale === 'medium' ? registered : null,
    });
  }
  if (has(0.9)) facility(ctx, '喷漆房废气处理装置', 'waste_gas', '干式过滤+活性炭吸附', null, `${rng.int(2, 6) * 5000} m³/h`);
  if (has(0.85)) wastes(ctx, AUTO_REPAIR_WASTES.slice(0, source.scale === 'micro' ? 1 : 3));
}
