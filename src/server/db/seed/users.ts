/** Third-party providers, their contracts, and the demo users anchored in 闵行. */
import type { Role } from '../../../common/enums';
import { MINHANG, MINHANG_PROVIDERS, OTHER_PROVIDER_NAMES, PARK_MKF, PUJIANG, QIBAO, XINZHUANG } from './minhang';
import { mobile, personName, type UsccFactory } from './names';
import type { Rng } from './random';
import type { DistrictPlan } from './regions';
import type { SourceRow } from './sources';

export const DEMO_USERNAMES = ['admin', 'bureau', 'town', 'provider', 'inspector', 'grid', 'enterprise', 'expert'] as const;

export interface ProviderRow {
  id: string;
  key: string;
  name: string;
  uscc: string;
}

export interface UserPlan {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  region_id: string | null;
  provider_id: string | null;
  source_id: string | null;
  phone: string;
}

/**
 * Providers and the one provider of every source: in 闵行 by park (for park sources) or town;
 * elsewhere the towns of the other districts are dealt to the further providers in turn.
 */
export function contractProviders(plans: DistrictPlan[], sources: SourceRow[], rng: Rng, usccs: UsccFactory) {
  const withOthers = plans.length > 1;
  const defs = [
    ...MINHANG_PROVIDERS.map((p) => ({ key: p.key, name: p.name, covers: [...p.covers] })),
    ...(withOthers ? OTHER_PROVIDER_NAMES.map((name, i) => ({ key: `p${MINHANG_PROVIDERS.length + i + 1}`, name, covers: [] as string[] })) : []),
  ];
  const others = defs.slice(MINHANG_PROVIDERS.length);
  let dealt = 0;
  for (const plan of plans) {
    if (plan.code === MINHANG) continue;
    for (const town of plan.towns) others[dealt++ % others.length].covers.push(town.id);
  }
  const regionCodes = plans.map((p) => p.code);
  const providers: ProviderRow[] = defs.map((d, i) => ({
    id: rng.uuid(),
    key: d.key,
    name: d.name,
    uscc: usccs.next(regionCodes[i % regionCodes.length]),
  }));
  const providerOf = new Map<string, ProviderRow>();
  defs.forEach((d, i) => d.covers.forEach((region) => providerOf.set(region, providers[i])));
  const links = sources.map((s) => {
    const provider = providerOf.get(s.park_id ?? s.town_id);
    if (!provider) throw new Error(`no provider covers ${s.park_id ?? s.town_id}`);
    return { provider_id: provider.id, source_id: s.id };
  });
  return { providers, links };
}

/** The short form staff use for their firm, e.g. 绿澄环境. */
function brand(provider: ProviderRow): string {
  const name = provider.name.replace(/^上海/, '');
  return name.slice(0, 2) + (name.includes('环保') ? '环保' : '环境');
}

export function planUsers(
  plans: DistrictPlan[],
  sources: SourceRow[],
  providers: ProviderRow[],
  links: Array<{ provider_id: string; source_id: string }>,
  rng: Rng,
): UserPlan[] {
  const minhang = plans.find((p) => p.code === MINHANG);
  if (!minhang) throw new Error('the demo users need 闵行区 in the data set');
  const townName = (id: string) => minhang.towns.find((t) => t.id === id)?.name ?? id;
  const providerBySource = new Map(links.map((l) => [l.source_id, l.provider_id]));
  const pujiangProvider = providers.find((p) => MINHANG_PROVIDERS.find((d) => d.key === p.key)?.covers.includes(PUJIANG));
  if (!pujiangProvider) throw new Error('no provider covers 浦江镇');

  // The grid user's village: the 浦江 village with the most sources among those holding an
  // industrial source of 浦江's provider, so grid and enterprise users see the same ground.
  const inPujiang = sources.filter((s) => s.town_id === PUJIANG);
  const countByGrid = new Map<string, number>();
  for (const s of inPujiang) countByGrid.set(s.grid_id, (countByGrid.get(s.grid_id) ?? 0) + 1);
  const isCandidate = (s: SourceRow) => s.source_type === 'industrial' && providerBySource.get(s.id) === pujiangProvider.id;
  const grids = [...countByGrid.entries()]
    .filter(([grid, n]) => n >= 3 && inPujiang.some((s) => s.grid_id === grid && isCandidate(s)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (grids.length === 0) throw new Error('no 浦江 village has 3 sources including an industrial one');
  const gridId = grids[0][0];
  const gridName = minhang.towns.flatMap((t) => t.grids).find((g) => g.id === gridId)!.name;
  const enterprise = inPujiang
    .filter((s) => s.grid_id === gridId && isCandidate(s))
    .sort((a, b) => Number(b.lifecycle_status === 'operating') - Number(a.lifecycle_status === 'operating') || a.uscc.localeCompare(b.uscc))[0];

  const users: UserPlan[] = [];
  const add = (username: string, display_name: string, role: Role, scope: Partial<Pick<UserPlan, 'region_id' | 'provider_id' | 'source_id'>> = {}) =>
    users.push({ id: rng.uuid(), username, display_name, role, region_id: null, provider_id: null, source_id: null, phone: mobile(rng), ...scope });
  const surname = () => personName(rng).slice(0, 1);

  add('admin', '系统管理员', 'admin');
  add('bureau', `${minhang.name}生态环境局 ${surname()}科长`, 'bureau', { region_id: MINHANG });
  add('town', `${townName(PUJIANG)}环保办 ${surname()}主任`, 'town', { region_id: PUJIANG });
  add('provider', `${brand(pujiangProvider)} 项目经理 ${personName(rng)}`, 'provider_manager', { provider_id: pujiangProvider.id });
  add('inspector', `${brand(pujiangProvider)} 巡查员 ${personName(rng)}`, 'inspector', { provider_id: pujiangProvider.id });
  add('grid', `${gridName.replace(/(村委会|居委会)$/, '')} 网格员 ${personName(rng)}`, 'grid', { region_id: gridId });
  add('enterprise', `${enterprise.name} 环保负责人 ${enterprise.contact_name}`, 'enterprise', { source_id: enterprise.id });
  add('expert', `环境专家 ${surname()}教授`, 'expert', { region_id: MINHANG });

  add('town_xinzhuang', `${townName(XINZHUANG)}环保办 ${surname()}主任`, 'town', { region_id: XINZHUANG });
  add('town_qibao', `${townName(QIBAO)}环保办 ${surname()}主任`, 'town', { region_id: QIBAO });
  const mkf = minhang.parks.find((p) => p.id === PARK_MKF)!;
  add('park_mkf', `${mkf.name}管委会 环保科 ${surname()}科长`, 'town', { region_id: mkf.id });
  for (const provider of providers) {
    if (provider.id !== pujiangProvider.id) {
      add(`provider_${provider.key}`, `${brand(provider)} 项目经理 ${personName(rng)}`, 'provider_manager', { provider_id: provider.id });
    }
    for (const n of [1, 2]) {
      add(`inspector_${provider.key}_${n}`, `${brand(provider)} 巡查员 ${personName(rng)}`, 'inspector', { provider_id: provider.id });
    }
  }
  if (plans.length > 1) {
    for (const plan of plans) add(`bureau_${plan.code}`, `${plan.name}生态环境局 ${surname()}科长`, 'bureau', { region_id: plan.code });
  }
  return users;
}
