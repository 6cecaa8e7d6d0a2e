import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, addMonths, sourceObligations, todayInShanghai } from '../../src/common/compliance-calendar';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { insertPermit, withoutDemoPermits } from './notifications-support';

type Item = { key: string; kind: string; dueDate: string; overdue: boolean; daysLeft: number; sourceId: string; sourceName: string; permitNumber: string; expiresOn: string | null; legalBasis: { zh: string } };

describeEachEngine('compliance calendar', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  const today = todayInShanghai();
  const ids = { source: '', sourceName: '', otherSource: '', permit: '' };
  const validFrom = addMonths(today, -40);
  const validUntil = addDays(today, 100);

  beforeAll(async () => {
    app = await appFor(get());
    const db = get().db;
    const enterprise = await db.selectFrom('users').innerJoin('sources', 'sources.id', 'users.source_id').select(['sources.id', 'sources.name']).where('username', '=', 'enterprise').executeTakeFirstOrThrow();
    ids.source = enterprise.id;
    ids.sourceName = enterprise.name;
    const xinzhuang = await db.selectFrom('users').select('region_id').where('username', '=', 'town_xinzhuang').executeTakeFirstOrThrow();
    ids.otherSource = (await db.selectFrom('sources').select('id').where('town_id', '=', xinzhuang.region_id!).orderBy('name').executeTakeFirstOrThrow()).id;
    await withoutDemoPermits(db, ids.source, ids.otherSource);
    ids.permit = await insertPermit(db, { sourceId: ids.source, number: 'CAL-TEST-001', validFrom, validUntil, reportFrequency: 'quarterly' });
    // Neither a revoked permit nor another town's permit appears in this town's calendar.
    await insertPermit(db, { sourceId: ids.source, number: 'CAL-REVOKED', validFrom, validUntil: addDays(today, 30), reportFrequency: 'monthly', status: 'revoked' });
    await insertPermit(db, { sourceId: ids.otherSource, number: 'CAL-OTHER-TOWN', validFrom, validUntil, reportFrequency: 'monthly' });
    town = await loggedIn(app, 'town');
  });
  afterAll(() => app.close());

  const expected = (from: string, to: string) =>
    sourceObligations([{ permitId: ids.permit, sourceId: ids.source, permitNo: 'CAL-TEST-001', permitClass: 'key', validFrom, validUntil, reportFrequency: 'quarterly', annualReportDue: null }], { from, to });

  it("a source's compliance: the last 3 and the next 12 months, with renewal, overdue computed", async () => {
    const response = await town.get(`/api/sources/${ids.source}/compliance`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ sourceId: ids.source, sourceName: ids.sourceName, today, from: addMonths(today, -3), to: addMonths(today, 12), permitCount: 1 });
    const items = body.items as Item[];
    expect(items.map((o) => `${o.kind}@${o.dueDate}`)).toEqual(expected(body.from, body.to).map((o) => `${o.kind}@${o.dueDate}`));
    expect(items.some((o) => o.kind === 'report_quarterly')).toBe(true);
    const renewal = items.find((o) => o.kind === 'permit_renewal')!;
    expect(renewal).toMatchObject({ dueDate: addDays(validUntil, -60), expiresOn: validUntil, permitNumber: 'CAL-TEST-001', sourceName: ids.sourceName, daysLeft: 40, overdue: false });
    expect(renewal.legalBasis.zh).toContain('第十四条');
    for (const o of items) expect(o.overdue).toBe(o.dueDate < today);
    // Nothing is owed for periods after the permit expires.
    expect(items.every((o) => o.dueDate <= addMonths(validUntil, 12))).toBe(true);
    expect(items.filter((o) => o.kind === 'report_quarterly').every((o) => o.dueDate <= addMonths(validUntil, 4))).toBe(true);
  });

  it('the calendar of a jurisdiction: window, source and kind filters, paging', async () => {
    const from = addMonths(today, -3);
    const to = addMonths(today, 9);
    const body = (await town.get(`/api/compliance/calendar?from=${from}&to=${to}`)).json();
    const mine = (body.items as Item[]).filter((o) => o.sourceId === ids.source);
    expect(mine.map((o) => o.key)).toEqual(expected(from, to).map((o) => o.key));
    expect((body.items as Item[]).some((o) => o.sourceId === ids.otherSource)).toBe(false);
    expect(body.total).toBe(body.items.length);
    const dues = (body.items as Item[]).map((o) => o.dueDate);
    expect(dues).toEqual([...dues].sort());

    const bySource = (await town.get(`/api/compliance/calendar?from=${from}&to=${to}&sourceId=${ids.source}&kind=permit_renewal`)).json();
    expect(bySource.items.map((o: Item) => o.kind)).toEqual(['permit_renewal']);

    const paged = (await town.get(`/api/compliance/calendar?from=${from}&to=${to}&sourceId=${ids.source}&pageSize=1&page=2`)).json();
    expect(paged.total).toBe(mine.length);
    expect(paged.items.map((o: Item) => o.key)).toEqual([mine[1].key]);

    const defaults = (await town.get('/api/compliance/calendar')).json();
    expect(defaults).toMatchObject({ today, from: today, to: addDays(today, 90) });
  });

  it('the bureau narrows the calendar to one town or park, like the sources list', async () => {
    const bureau = await loggedIn(app, 'bureau');
    const to = addMonths(today, 12);
    const towns = await get().db.selectFrom('sources').select(['id', 'town_id', 'park_id']).where('id', 'in', [ids.source, ids.otherSource]).execute();
    const townOf = Object.fromEntries(towns.map((s) => [s.id, s.town_id]));
    for (const sourceId of [ids.source, ids.otherSource]) {
      const body = (await bureau.get(`/api/compliance/calendar?to=${to}&townId=${townOf[sourceId]}&pageSize=1000`)).json();
      expect((body.items as Item[]).some((o) => o.sourceId === sourceId)).toBe(true);
      const inTown = new Set((await get().db.selectFrom('sources').select('id').where((eb) => eb.or([eb('town_id', '=', townOf[sourceId]), eb('park_id', '=', townOf[sourceId])])).execute()).map((r) => r.id));
      expect((body.items as Item[]).every((o) => inTown.has(o.sourceId))).toBe(true);
    }
    const bad = await bureau.get('/api/compliance/calendar?townId=浦江镇');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('townId');
  });

  it('another town sees neither the source nor its obligations; the enterprise sees only its own', async () => {
    const xinzhuang = await loggedIn(app, 'town_xinzhuang');
    expect((await xinzhuang.get(`/api/sources/${ids.source}/compliance`)).statusCode).toBe(404);
    const filtered = await xinzhuang.get(`/api/compliance/calendar?sourceId=${ids.source}`);
    expect(filtered.statusCode).toBe(404);
    expect(filtered.json().code).toBe('not_found');
    const theirs = (await xinzhuang.get(`/api/compliance/calendar?to=${addMonths(today, 12)}`)).json();
    expect((theirs.items as Item[]).some((o) => o.sourceId === ids.source)).toBe(false);
    expect((theirs.items as Item[]).some((o) => o.sourceId === ids.otherSource)).toBe(true);

    const enterprise = await loggedIn(app, 'enterprise');
    const own = (await enterprise.get(`/api/compliance/calendar?to=${addMonths(today, 12)}`)).json();
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set((own.items as Item[]).map((o) => o.sourceId))).toEqual(new Set([ids.source]));
    expect((await enterprise.get(`/api/sources/${ids.otherSource}/compliance`)).statusCode).toBe(404);
  });

  it('bad input answers 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      [`from=${today}&to=${addDays(today, -1)}`, 'to'],
      [`from=${today}&to=${addDays(today, 366)}`, 'to'],
      ['from=2025-02-30', 'from'],
      ['to=tomorrow', 'to'],
      ['kind=weekly_report', 'kind'],
      ['sourceId=not-a-uuid', 'sourceId'],
      ['pageSize=5000', 'pageSize'],
      ['colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const response = await town.get(`/api/compliance/calendar?${query}`);
      expect({ query, status: response.statusCode, field: response.json().field }).toEqual({ query, status: 400, field });
      expect(response.json().message.zh).toBeTruthy();
    }
    expect((await town.get(`/api/compliance/calendar?from=${today}&to=${addDays(today, 365)}`)).statusCode).toBe(200);
    expect((await town.get('/api/sources/not-a-uuid/compliance')).statusCode).toBe(400);
  });
});
