import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../../../common/uscc';
import { verifyPassword } from '../../modules/identity/passwords';
import { migrateToLatest, openPGlite, type Database } from '../index';
import type { DistrictFeature } from './data';
import { buildDataset } from './dataset';
import { contains } from './geo';
import { DEMO_USERNAMES, isDatabaseEmpty, seedDemo, type SeedSummary } from './index';

const PASSWORD = 'Seed@Test2026';
const MINHANG = '310112';
const PUJIANG = '310112114';

// Read the shipped data directly, not through the generator's loader.
const readData = <T>(relative: string): T => JSON.parse(fs.readFileSync(new URL(`../../../../data/${relative}`, import.meta.url), 'utf8')) as T;
const industryClasses = new Set(
  readData<Array<{ level: number; code: string }>>('industry/gbt4754-2017.json')
    .filter((r) => r.level === 4)
    .map((r) => r.code),
);
const boundaries = readData<{ features: DistrictFeature[] }>('geo/shanghai-districts.geojson').features;
const boundaryOf = (code: string) => boundaries.find((f) => f.properties.adcode === code)!;

async function seeded(seed?: number): Promise<{ database: Database; summary: SeedSummary }> {
  const database = await openPGlite();
  await migrateToLatest(database.db);
  const summary = await seedDemo(database.db, { size: 'district', password: PASSWORD, ...(seed === undefined ? {} : { seed }) });
  return { database, summary };
}

describe('seedDemo (district)', () => {
  let database: Database;
  let summary: SeedSummary;
  const db = () => database.db;

  beforeAll(async () => {
    ({ database, summary } = await seeded());
  });
  afterAll(async () => {
    await database?.close();
  });

  it('produces about 1,500 sources in the expected mix, and reports what it wrote', async () => {
    const sources = await db().selectFrom('sources').select(['source_type']).execute();
    expect(sources.length).toBeGreaterThanOrEqual(1400);
    expect(sources.length).toBeLessThanOrEqual(1600);
    const share = (type: string) => sources.filter((s) => s.source_type === type).length / sources.length;
    expect(share('industrial')).toBeCloseTo(0.5, 1);
    expect(share('catering')).toBeCloseTo(0.2, 1);
    expect(share('auto_repair')).toBeCloseTo(0.15, 1);
    const regions = await db().selectFrom('regions').select('id').execute();
    expect(summary).toMatchObject({ sources: sources.length, regions: regions.length, providers: 3, districtName: '闵行区' });
    expect(await isDatabaseEmpty(db())).toBe(false);
    const meta = await db().selectFrom('app_meta').select('value').where('key', '=', 'demo_seed').executeTakeFirstOrThrow();
    expect(meta.value).toMatchObject({ size: 'district', seed: expect.any(Number), at: expect.any(String) });
  });

  it('gives every source a valid, unique USCC registered in 闵行, and a unique name', async () => {
    const rows = await db().selectFrom('sources').select(['uscc', 'name']).execute();
    for (const { uscc } of rows) {
      expect(isValidUscc(uscc), uscc).toBe(true);
      expect(uscc.slice(0, 8)).toBe(`91${MINHANG}`);
    }
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it('uses only GB/T 4754-2017 小类 codes', async () => {
    const codes = await db().selectFrom('sources').select('industry_code').distinct().execute();
    for (const { industry_code } of codes) expect(industryClasses.has(industry_code), industry_code).toBe(true);
  });

  it('puts every source in a village of its own town, with the village path, and park sources in a park', async () => {
    const regions = new Map((await db().selectFrom('regions').selectAll().execute()).map((r) => [r.id, r]));
    const sources = await db().selectFrom('sources').selectAll().execute();
    let inPark = 0;
    for (const s of sources) {
      const grid = regions.get(s.grid_id)!;
      expect(grid.level).toBe('grid');
      expect(grid.parent_id).toBe(s.town_id);
      expect(regions.get(s.town_id)!.level).toBe('town');
      expect(s.region_path).toBe(grid.path);
      if (s.park_id) {
        inPark++;
        expect(s.source_type).toBe('industrial');
        expect(regions.get(s.park_id)!.level).toBe('park');
        expect(s.park_path).toBe(regions.get(s.park_id)!.path);
      } else {
        expect(s.park_path).toBeNull();
      }
    }
    const industrial = sources.filter((s) => s.source_type === 'industrial').length;
    expect(inPark / industrial).toBeGreaterThan(0.18);
    expect(inPark / industrial).toBeLessThan(0.32);
  });

  it('places every source inside the 闵行 polygon', async () => {
    const minhang = boundaryOf(MINHANG);
    const rows = await db().selectFrom('sources').select(['longitude', 'latitude']).execute();
    for (const { longitude, latitude } of rows) expect(contains(minhang, [longitude!, latitude!])).toBe(true);
  });

  it('contracts every source to exactly one provider', async () => {
    const links = await db().selectFrom('provider_sources').select(['source_id']).execute();
    const sources = await db().selectFrom('sources').select('id').execute();
    expect(links.length).toBe(sources.length);
    expect(new Set(links.map((l) => l.source_id)).size).toBe(sources.length);
  });

  it('creates the demo users with their roles and scopes', async () => {
    const users = new Map((await db().selectFrom('users').selectAll().execute()).map((u) => [u.username, u]));
    for (const username of DEMO_USERNAMES) expect(users.has(username), username).toBe(true);
    const user = (name: string) => users.get(name)!;
    expect(user('admin')).toMatchObject({ role: 'admin', region_id: null, provider_id: null, source_id: null });
    expect(user('bureau')).toMatchObject({ role: 'bureau', region_id: MINHANG });
    expect(user('expert')).toMatchObject({ role: 'expert', region_id: MINHANG });
    expect(user('town')).toMatchObject({ role: 'town', region_id: PUJIANG });
    expect(user('provider').role).toBe('provider_manager');
    expect(user('inspector')).toMatchObject({ role: 'inspector', provider_id: user('provider').provider_id });
    expect(user('grid').role).toBe('grid');
    expect(user('enterprise').role).toBe('enterprise');
    expect(await verifyPassword(user('enterprise').password_hash, PASSWORD)).toBe(true);
    for (const name of ['town_xinzhuang', 'town_qibao', 'park_mkf']) expect(user(name).role).toBe('town');
    expect(user('park_mkf').region_id).toBe('310112P01');

    // The provider user's provider covers 浦江镇.
    const pujiangProviders = await db()
      .selectFrom('sources')
      .innerJoin('provider_sources', 'provider_sources.source_id', 'sources.id')
      .select('provider_sources.provider_id')
      .distinct()
      .where('sources.town_id', '=', PUJIANG)
      .execute();
    expect(pujiangProviders.map((p) => p.provider_id)).toEqual([user('provider').provider_id]);

    // The grid user's village is in 浦江 and has at least 3 sources.
    const grid = await db().selectFrom('regions').selectAll().where('id', '=', user('grid').region_id!).executeTakeFirstOrThrow();
    expect(grid).toMatchObject({ level: 'grid', parent_id: PUJIANG });
    const inGrid = await db().selectFrom('sources').select('id').where('grid_id', '=', grid.id).execute();
    expect(inGrid.length).toBeGreaterThanOrEqual(3);
  });

  it("puts the enterprise user's source in the grid user's village, covered by the provider user's provider", async () => {
    const users = new Map((await db().selectFrom('users').selectAll().execute()).map((u) => [u.username, u]));
    const source = await db().selectFrom('sources').selectAll().where('id', '=', users.get('enterprise')!.source_id!).executeTakeFirstOrThrow();
    expect(source.source_type).toBe('industrial');
    expect(source.grid_id).toBe(users.get('grid')!.region_id);
    const link = await db().selectFrom('provider_sources').selectAll().where('source_id', '=', source.id).executeTakeFirstOrThrow();
    expect(link.provider_id).toBe(users.get('provider')!.provider_id);
  });

  it('refuses to seed a database that is not empty', async () => {
    await expect(seedDemo(db(), { size: 'district', password: PASSWORD })).rejects.toThrow(/not empty/);
    const count = await db().selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(summary.sources);
  });
});

describe('seed determinism', () => {
  // The data set is built in memory before it is written, so determinism is checked there: three
  // full database seeds cost a minute on a loaded machine and prove nothing more.
  it('gives identical sources for the same seed and different ones for another seed', () => {
    const key = (seed: number) => buildDataset('district', seed).sources.map((s) => `${s.id}|${s.name}|${s.uscc}|${s.longitude}|${s.latitude}`);
    const [a, b, c] = [key(42), key(42), key(43)];
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('buildDataset (province)', () => {
  it('spreads about 50,000 valid sources over the 16 districts, each inside its district', () => {
    const data = buildDataset('province', 7);
    expect(data.sources.length).toBe(50_000);
    expect(data.regions.filter((r) => r.level === 'district')).toHaveLength(16);
    expect(data.providers).toHaveLength(10);
    expect(new Set(data.sources.map((s) => s.uscc)).size).toBe(data.sources.length);
    for (const s of data.sources) {
      const district = s.region_path.split('/')[1];
      expect(s.uscc.slice(2, 8)).toBe(district);
      if (!contains(boundaryOf(district), [s.longitude!, s.latitude!])) throw new Error(`${s.name} lies outside ${district}`);
    }
    expect(data.users.filter((u) => u.username.startsWith('bureau_'))).toHaveLength(16);
  });
});
