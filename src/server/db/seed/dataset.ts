/** Builds the whole demo data set in memory (no I/O besides reading data/), deterministically from a seed. */
import { todayInShanghai, type IsoDate } from '../../../common/compliance-calendar';
import { referenceData } from './data';
import { generateDossiers, type DossierRows } from './dossier';
import { assertIndustryCodes } from './industries';
import { MINHANG } from './minhang';
import { UniqueNames, UsccFactory } from './names';
import { Rng } from './random';
import { planDistrict, type DistrictPlan, type RegionRow } from './regions';
import { generateSources, type SourceRow } from './sources';
import { contractProviders, planUsers, type ProviderRow, type UserPlan } from './users';

export type SeedSize = 'district' | 'province';

export const DEFAULT_SEED = 20260101;
export const DISTRICT_SOURCES = 1500;
export const PROVINCE_SOURCES = 50_000;

export interface Dataset {
  districtName: string;
  plans: DistrictPlan[];
  regions: RegionRow[];
  sources: SourceRow[];
  providers: ProviderRow[];
  links: Array<{ provider_id: string; source_id: string }>;
  users: UserPlan[];
  /** The sections of every dossier, dated relative to the day of the seed. */
  dossiers: DossierRows;
}

/** Province size: sources are spread over the districts in proportion to their villages (largest remainders). */
function sourceCounts(plans: DistrictPlan[], size: SeedSize): Map<string, number> {
  if (size === 'district') return new Map([[MINHANG, DISTRICT_SOURCES]]);
  const villages = plans.map((p) => p.towns.reduce((n, t) => n + t.grids.length, 0));
  const total = villages.reduce((a, b) => a + b, 0);
  const exact = villages.map((v) => (PROVINCE_SOURCES * v) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = PROVINCE_SOURCES - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[byRemainder[k][1]]++;
  return new Map(plans.map((p, i) => [p.code, counts[i]]));
}

export function buildDataset(size: SeedSize, seed: number = DEFAULT_SEED, today: IsoDate = todayInShanghai()): Dataset {
  assertIndustryCodes();
  const root = new Rng(seed);
  const all = referenceData().districts;
  const districts = size === 'district' ? all.filter((d) => d.code === MINHANG) : all;
  const plans = districts.map((d) => planDistrict(d, root.fork(`regions:${d.code}`)));
  const counts = sourceCounts(plans, size);
  const names = new UniqueNames();
  const usccs = new UsccFactory(root.fork('uscc'));
  const sources = plans.flatMap((plan) =>
    generateSources(plan, counts.get(plan.code) ?? 0, { rng: root.fork(`sources:${plan.code}`), names, usccs }),
  );
  const { providers, links } = contractProviders(plans, sources, root.fork('providers'), usccs);
  const users = planUsers(plans, sources, providers, links, root.fork('users'));
  // Its own stream: the dossiers do not change what the district, its sources and users look like.
  const dossiers = generateDossiers(sources, today, root.fork('dossiers'));
  return {
    districtName: size === 'district' ? plans[0].name : '上海市',
    plans,
    regions: plans.flatMap((p) => p.rows),
    sources,
    providers,
    links,
    users,
    dossiers,
  };
}
