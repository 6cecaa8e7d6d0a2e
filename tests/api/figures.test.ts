import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';

/**
 * Rectification figures over the demo district's year of issues, checked against counts made here
 * with plain SQL, and limited to the actor's jurisdiction.
 */
describeEachEngine('rectification figures', 'seeded', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(get());
  });
  afterAll(() => app.close());

  const count = async (where: string) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from issues join sources on sources.id = issues.source_id where ${sql.raw(where)}`.execute(get().db)).rows[0].n);

  it('gives the bureau the whole district, by town, with the rate of closed to counted issues', async () => {
    const bureau = await loggedIn(app, 'bureau');
    const response = await bureau.get('/api/figures/issues?groupBy=town');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const counted = await count(`issues.status not in ('rejected','cancelled')`);
    const closed = await count(`issues.status = 'closed'`);
    expect(counted).toBeGreaterThan(100);
    expect(body.totals.total).toBe(counted);
    expect(body.totals.closed).toBe(closed);
    expect(body.totals.rectificationRate).toBeCloseTo(closed / counted, 10);
    expect(body.totals.overdue).toBe(await count(`issues.status in ('rectifying','submitted','returned') and issues.deadline < '${body.today}'`));
    expect(body.rows.reduce((n: number, r: { total: number }) => n + r.total, 0)).toBe(counted);
    expect(body.totals.medianDaysToClose).toBeGreaterThan(0);
    // The demo year's issues carry their item's legal basis, and some recur.
    expect(await count(`issues.item_id is not null and issues.legal_basis is null`)).toBe(0);
    expect(body.totals.recurrences).toBeGreaterThan(0);
  });

  it('each figure opens the issues list to exactly its count (drill-down by town, provider, open, overdue, days found)', async () => {
    const bureau = await loggedIn(app, 'bureau');
    const listed = async (params: Record<string, string>) => (await bureau.get(`/api/issues?${new URLSearchParams({ ...params, pageSize: '1' })}`)).json().total as number;
    const from = `${new Date().getFullYear()}-02-01`;
    const to = `${new Date().getFullYear()}-09-30`;
    for (const groupBy of ['town', 'provider']) {
      const body = (await bureau.get(`/api/figures/issues?groupBy=${groupBy}&from=${from}&to=${to}`)).json();
      expect(body.rows.length).toBeGreaterThan(1);
      for (const row of body.rows.slice(0, 3)) {
        const key = { [groupBy === 'town' ? 'townId' : 'providerId']: row.key ?? 'none', from, to };
        expect(await listed({ ...key, counted: 'true' })).toBe(row.total);
        expect(await listed({ ...key, status: 'closed' })).toBe(row.closed);
        expect(await listed({ ...key, open: 'true' })).toBe(row.open);
        expect(await listed({ ...key, overdue: 'true' })).toBe(row.overdue);
      }
    }
    expect((await bureau.get('/api/issues?providerId=someone')).statusCode).toBe(400);
  });

  it('groups by provider and by area to the same totals', async () => {
    const bureau = await loggedIn(app, 'bureau');
    for (const groupBy of ['provider', 'area']) {
      const body = (await bureau.get(`/api/figures/issues?groupBy=${groupBy}`)).json();
      expect(body.rows.reduce((n: number, r: { total: number }) => n + r.total, 0)).toBe(body.totals.total);
      expect(body.rows.every((r: { label: { zh: string } }) => r.label.zh.length > 0)).toBe(true);
    }
  });

  it('counts only the town’s own issues for a town, and only its own for an enterprise', async () => {
    const town = await loggedIn(app, 'town');
    const body = (await town.get('/api/figures/issues?groupBy=town')).json();
    const pujiang = await count(`issues.status not in ('rejected','cancelled') and (sources.region_path like '/310112/310112114/%' or sources.park_path like '/310112/310112114/%')`);
    expect(body.totals.total).toBe(pujiang);
    const enterprise = await loggedIn(app, 'enterprise');
    const own = (await enterprise.get('/api/figures/issues')).json();
    const sourceId = (await get().db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow()).source_id;
    expect(own.totals.total).toBe(await count(`issues.status not in ('rejected','cancelled') and issues.source_id = '${sourceId}'`));
  });

  it('filters by the day found and refuses a reversed range', async () => {
    const bureau = await loggedIn(app, 'bureau');
    const year = (await bureau.get('/api/figures/issues')).json();
    const half = (await bureau.get(`/api/figures/issues?from=${year.today.slice(0, 4)}-07-01`)).json();
    expect(half.totals.total).toBeLessThan(year.totals.total);
    expect(half.totals.total).toBe(await count(`issues.status not in ('rejected','cancelled') and (issues.found_at at time zone 'Asia/Shanghai')::date >= '${year.today.slice(0, 4)}-07-01'`));
    const bad = await bureau.get('/api/figures/issues?from=2026-05-01&to=2026-04-01');
    expect(bad.statusCode).toBe(400);
  });
});
