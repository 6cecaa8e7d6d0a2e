/** Generates the pollution sources of one district: names, codes, places and coordinates. */
import type { Insertable } from 'kysely';
import type { SourceType } from '../../../common/enums';
import type { SourcesTable } from '../schema';
import { scatterInside, type Point } from './geo';
import {
  AUTO_REPAIR_CODE,
  AUTO_REPAIR_PATTERNS,
  CATERING,
  CONSTRUCTION,
  MANUFACTURING,
  PROPERTY_CODE,
  permitClassFor,
} from './industries';
import { GENERIC_ROADS, UniqueNames, UsccFactory, mobile, personName, tradeNameFor } from './names';
import type { Rng } from './random';
import type { DistrictPlan, GridPlan, ParkPlan, TownPlan } from './regions';

export type SourceRow = Insertable<SourcesTable> & { id: string; source_type: SourceType; town_id: string };

/** The mix the district's source lists show: half industry, then catering, auto repair, property, sites. */
const TYPE_SHARES: ReadonlyArray<readonly [SourceType, number]> = [
  ['industrial', 0.5],
  ['auto_repair', 0.15],
  ['catering', 0.2],
  ['construction', 0.07],
  ['property', 0.08],
];
const PARK_SHARE = 0.25;

const SCALES: Record<SourceType, ReadonlyArray<readonly [string, number, number, number]>> = {
  // [scale, weight, min employees, max employees]
  industrial: [['large', 3, 1000, 3000], ['medium', 15, 300, 999], ['small', 45, 20, 299], ['micro', 37, 5, 19]],
  auto_repair: [['medium', 8, 60, 150], ['small', 42, 10, 59], ['micro', 50, 3, 9]],
  catering: [['medium', 5, 100, 300], ['small', 45, 10, 99], ['micro', 50, 3, 9]],
  construction: [['large', 15, 300, 800], ['medium', 45, 100, 299], ['small', 40, 20, 99]],
  property: [['medium', 25, 100, 600], ['small', 60, 10, 99], ['micro', 15, 3, 9]],
  other: [['small', 1, 5, 50]],
};

const RIVERS = ['淀浦河', '春申塘', '俞塘', '六磊塘', '北横泾', '女儿泾', '东川港', '沙港'];

/** Exact counts per type for `total` sources; rounding remainder goes to industry. */
export function typeCounts(total: number): Array<[SourceType, number]> {
  const counts = TYPE_SHARES.map(([type, share]) => [type, Math.round(total * share)] as [SourceType, number]);
  counts[0][1] += total - counts.reduce((n, [, c]) => n + c, 0);
  return counts;
}

function townWeight(town: TownPlan, type: SourceType): number {
  if (town.grids.length === 0) return 0;
  const villages = town.grids.filter((g) => g.kind === 'village').length;
  const communities = town.grids.length - villages;
  switch (type) {
    case 'industrial':
      return (villages * 3 + communities * 0.5 + 1) * (town.kind === 'street' ? 0.4 : town.kind === 'zone' ? 1.5 : 1);
    case 'catering':
      return communities * 2 + villages * 0.5 + 1;
    case 'property':
      return communities * 2 + 1;
    default:
      return town.grids.length + 1;
  }
}

function gridWeight(grid: GridPlan, type: SourceType): number {
  if (type === 'industrial') return grid.kind === 'village' ? 3 : 1;
  if (type === 'catering' || type === 'property') return grid.kind === 'community' ? 3 : 1;
  return 1;
}

function shortTown(name: string): string {
  return name.replace(/(街道|镇|乡)$/, '');
}

interface Place {
  town: TownPlan;
  park: ParkPlan | null;
  grid: GridPlan;
  centre: Point;
  roads: readonly string[];
}

export interface SourceContext {
  rng: Rng;
  names: UniqueNames;
  usccs: UsccFactory;
}

export function generateSources(plan: DistrictPlan, total: number, ctx: SourceContext): SourceRow[] {
  const { rng } = ctx;
  const rows: SourceRow[] = [];
  for (const [type, count] of typeCounts(total)) {
    const towns = plan.towns.map((t) => [t, townWeight(t, type)] as const);
    for (let i = 0; i < count; i++) {
      const park = type === 'industrial' && plan.parks.length > 0 && rng.chance(PARK_SHARE) ? rng.weighted(plan.parks.map((p) => [p, p.weight] as const)) : null;
      const town = park ? park.town : rng.weighted(towns);
      const grid = rng.weighted(town.grids.map((g) => [g, gridWeight(g, type)] as const));
      const place: Place = { town, park, grid, centre: park ? park.centre : town.centre, roads: park?.roads ?? town.roads ?? GENERIC_ROADS };
      rows.push(makeSource(plan, type, place, ctx));
    }
  }
  return rows;
}

function makeSource(plan: DistrictPlan, type: SourceType, place: Place, ctx: SourceContext): SourceRow {
  const { rng } = ctx;
  const [scale, , minEmployees, maxEmployees] = rng.weighted(SCALES[type].map((s) => [s, s[1]] as const));
  const road = rng.pick(place.roads);
  const { name, industryCode, site } = nameAndIndustry(type, scale, place, road, ctx);
  const point = scatterInside(rng, plan.boundary, place.centre, place.park ? plan.spread * 0.5 : plan.spread);
  const legal = personName(rng);
  return {
    id: rng.uuid(),
    name,
    uscc: ctx.usccs.next(plan.code),
    source_type: type,
    industry_code: industryCode,
    permit_class: permitClassFor(industryCode, type, scale, rng),
    lifecycle_status: lifecycle(type, rng),
    town_id: place.town.id,
    park_id: place.park?.id ?? null,
    grid_id: place.grid.id,
    region_path: place.grid.path,
    park_path: place.park?.path ?? null,
    // A road works site has no house number: its address is the stretch of road.
    address: `上海市${plan.name}${place.town.name}${site ?? `${road}${rng.int(1, 1999)}号`}`,
    longitude: point[0],
    latitude: point[1],
    legal_representative: legal,
    scale,
    employees: rng.int(minEmployees, maxEmployees),
    contact_name: scale === 'micro' && rng.chance(0.6) ? legal : personName(rng),
    contact_phone: mobile(rng),
  };
}

function lifecycle(type: SourceType, rng: Rng): string {
  if (type === 'construction') return rng.chance(0.1) ? 'suspended' : 'operating';
  return rng.weighted([
    ['operating', 88],
    ['construction', 4],
    ['trial', type === 'industrial' ? 4 : 0],
    ['suspended', 4],
  ] as const);
}

interface Naming {
  name: string;
  industryCode: string;
  /** For road works: the stretch of road, used as the address. */
  site?: string;
}

function nameAndIndustry(type: SourceType, scale: string, place: Place, road: string, ctx: SourceContext): Naming {
  const { rng, names } = ctx;
  switch (type) {
    case 'industrial': {
      const profile = rng.weighted(MANUFACTURING.map((p) => [p, p.weight] as const));
      const word = rng.pick(profile.words);
      const form = scale === 'large' && rng.chance(0.4) ? '股份有限公司' : '有限公司';
      return { industryCode: profile.code, name: names.take((a) => `上海${tradeNameFor(rng, a)}${word}${form}`) };
    }
    case 'auto_repair': {
      // Dealers (4S) are the larger shops.
      const pattern = scale === 'medium' ? AUTO_REPAIR_PATTERNS[4] : rng.pick(AUTO_REPAIR_PATTERNS.slice(0, 4));
      return { industryCode: AUTO_REPAIR_CODE, name: names.take((a) => pattern.replace('XX', tradeNameFor(rng, a))) };
    }
    case 'catering': {
      const kind = rng.weighted(CATERING.map((c) => [c, c.weight] as const));
      const pattern = rng.pick(kind.patterns);
      const outlet = !pattern.startsWith('上海');
      return {
        industryCode: kind.code,
        name: names.take((a) => {
          const base = pattern.replace('XX', tradeNameFor(rng, a));
          return outlet && (a > 0 || rng.chance(0.3)) ? `${base}（${shortTown(place.town.name)}店）` : base;
        }),
      };
    }
    case 'construction': {
      const kind = rng.weighted(CONSTRUCTION.map((c) => [c, c.weight] as const));
      const project = rng.pick(kind.kinds);
      let site = '';
      const name = names.take((a) => {
        const contractor = `上海${tradeNameFor(rng, a)}${rng.pick(kind.road ? ['市政工程有限公司', '建设集团有限公司'] : ['建设工程有限公司', '建设集团有限公司', '建工集团有限公司'])}`;
        site = kind.road ? roadSite(kind.code, road, place, rng) : `${road}${rng.pick(['东侧', '西侧', '南侧', '北侧'])}${plotNumber(rng)}地块`;
        return `${kind.road ? '' : place.town.name}${site}${project}（${contractor}）`;
      });
      return { industryCode: kind.code, name, site: kind.road ? site : undefined };
    }
    case 'property':
      return { industryCode: PROPERTY_CODE, name: names.take((a) => `上海${tradeNameFor(rng, a)}${rng.pick(['物业管理有限公司', '物业服务有限公司'])}`) };
    default:
      throw new Error(`no generator for source type ${type}`);
  }
}

function plotNumber(rng: Rng): string {
  return `${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 9)).padStart(2, '0')}`;
}

function roadSite(code: string, road: string, place: Place, rng: Rng): string {
  const [b, c] = rng.shuffle(place.roads.filter((r) => r !== road));
  if (code === '4819') return `${road}跨${rng.pick(RIVERS)}`;
  return `${road}（${b}至${c ?? b}段）`;
}
