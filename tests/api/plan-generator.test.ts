import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';

type Assignee = { id: string; displayName: string; role: string; providerId: string | null };

/**
 * 按风险生成计划 over the demo district: the town's rest-of-year plan meets every source's minimum by its
 * risk level and never exceeds the yearly cap, checked against the database; a shortfall is reported.
 */
describeEachEngine('risk-based plan generator', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  let staff: Assignee[];
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

  beforeAll(async () => {
    app = await appFor(get());
    town = await loggedIn(app, 'town', '10.91.0.1');
    const all = (await town.get('/api/inspections/assignees')).json().items as Assignee[];
    staff = all.filter((a) => a.providerId === null);
    expect(staff.length).toBeGreaterThanOrEqual(1);
  });
  afterAll(() => app.close());

  it('previews, refuses bad input naming the field, and reports what capacity cannot cover', async () => {
    const body = { kind: 'quarterly', year, quarter: 4, perDay: 1, inspectorIds: [staff[0].id], create: false };
    const short = (await town.post('/api/inspection-plans/generate', body)).json();
    expect(short.capacity).toBe(short.workingDays);
    expect(short.neededVisits).toBeGreaterThan(short.capacity);
    expect(short.plannedVisits).toBe(short.capacity);
    expect(short.uncovered.length).toBeGreaterThan(0);
    expect(short.missingInspectorDays).toBe(short.uncovered.reduce((n: number, u: { missing: number }) => n + u.missing, 0));
    // Who is covered first when capacity falls short (the riskiest) is proven in src/common/plan-generator.test.ts.

    const providerInspector = ((await town.get('/api/inspections/assignees')).json().items as Assignee[]).find((a) => a.providerId !== null)!;
    const wrong = await town.post('/api/inspection-plans/generate', { ...body, inspectorIds: [staff[0].id, providerInspector.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('inspectorIds.1');
    expect((await town.post('/api/inspection-plans/generate', { ...body, quarter: undefined })).json().field).toBe('quarter');
    const enterprise = await loggedIn(app, 'enterprise', '10.91.0.2');
    expect((await enterprise.post('/api/inspection-plans/generate', body)).statusCode).toBe(403);
  });

  it('creates a plan that meets every minimum and respects the cap, within each inspector-day\'s limit', async () => {
    const inspectors = [...staff, ...staff].slice(0, 2).map((s) => s.id);
    const body = { kind: 'quarterly', year, quarter: 4, perDay: 12, inspectorIds: [...new Set(inspectors)], create: true };
    const made = await town.post('/api/inspection-plans/generate', body);
    expect(made.statusCode).toBe(200);
    const plan = made.json();
    expect(plan.planId).toMatch(/^[0-9a-f-]{36}$/);
    const db = get().db;
    const rows = await db.selectFrom('inspections').select(['source_id', 'inspector_id', 'scheduled_on']).where('plan_id', '=', plan.planId).execute();
    expect(rows).toHaveLength(plan.plannedVisits);
    const load = new Map<string, number>();
    for (const r of rows) load.set(`${r.inspector_id}|${r.scheduled_on}`, (load.get(`${r.inspector_id}|${r.scheduled_on}`) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(12);
    expect(plan.uncovered).toEqual([]);
    {
      // Every graded source of the town that has a checklist now has its yearly minimum (or the cap) — from the data.
      const check = await sql<{ id: string; min_visits: number; n: number; cap: number }>`
        select s.id, g.min_visits, (select count(*)::int from inspections i where i.source_id = s.id and i.status <> 'cancelled'
          and i.scheduled_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date) as n,
          (select (rules -> 'frequencies' ->> 'cap')::int from risk_rule_sets where status = 'active') as cap
        from sources s join risk_grades g on g.source_id = s.id and g.period = (select max(period) from risk_grades)
        where s.id in (select source_id from inspections where plan_id = ${plan.planId})`.execute(db);
      for (const r of check.rows) {
        expect(r.n).toBeGreaterThanOrEqual(Math.min(r.min_visits, r.cap));
        expect(r.n).toBeLessThanOrEqual(Math.max(r.cap, r.n - rows.filter((x) => x.source_id === r.id).length));
      }
      expect(check.rows.length).toBeGreaterThan(0);
    }
    const again = (await town.post('/api/inspection-plans/generate', { ...body, create: false })).json();
    expect(again.neededVisits).toBe(plan.neededVisits - plan.plannedVisits);
  });
});
