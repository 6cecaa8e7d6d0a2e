import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { found } from './issues-support';

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * 分级分类 over the demo district: grades with explanations and history from the seed, grades that move
 * with a source's issue history, overrides that expire, rule sets as versioned data.
 */
describeEachEngine('risk grading', 'seeded', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  let bureau: Client;
  let town: Client;
  let inspector: Client;
  let source: { id: string; name: string };

  beforeAll(async () => {
    app = await appFor(get());
    admin = await loggedIn(app, 'admin', '10.81.0.1');
    bureau = await loggedIn(app, 'bureau', '10.81.0.2');
    town = await loggedIn(app, 'town', '10.81.0.3');
    inspector = await loggedIn(app, 'inspector', '10.81.0.4');
    // A quiet source of the demo town: no issue in the last year.
    const townId = (await get().db.selectFrom('users').select('region_id').where('username', '=', 'town').executeTakeFirstOrThrow()).region_id!;
    source = await get().db.selectFrom('sources').select(['sources.id', 'sources.name']).where('town_id', '=', townId).where('lifecycle_status', '=', 'operating')
      .where('source_type', '=', 'catering').where((eb) => eb.not(eb.exists(eb.selectFrom('issues').select('issues.id').whereRef('issues.source_id', '=', 'sources.id'))))
      .orderBy('sources.id').limit(1).executeTakeFirstOrThrow();
  });
  afterAll(() => app.close());

  it('grades every source of the district for this quarter and the four before, each grade explained point by point', async () => {
    const dist = (await bureau.get('/api/risk/distribution')).json();
    const graded = await get().db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).where('lifecycle_status', '<>', 'closed').executeTakeFirstOrThrow();
    expect(dist.total).toBe(Number(graded.n));
    expect(dist.periods).toHaveLength(5);
    expect(Object.keys(dist.composite).length).toBeGreaterThanOrEqual(3);
    expect(dist.byTown.reduce((n: number, t: { total: number }) => n + t.total, 0)).toBe(dist.total);
    const townDist = (await town.get('/api/risk/distribution')).json();
    expect(townDist.total).toBeLessThan(dist.total);
    const map = (await town.get('/api/risk/map')).json();
    expect(map.period).toBe(dist.period);
    expect(map.items).toHaveLength(townDist.total);

    const risk = (await town.get(`/api/sources/${source.id}/risk`)).json();
    expect(risk.history).toHaveLength(5);
    for (const output of ['composite', 'envColor', 'mgmtGrade', 'socialGrade'] as const) {
      const e = risk.explanation[output];
      expect(e.points).toBeCloseTo(e.contributions.reduce((n: number, c: { points: number }) => n + c.points, 0), 5);
      expect(e.thresholds.length).toBeGreaterThan(0);
      expect(risk.computed[output]).toBe(e.value);
    }
    expect(risk.explanation.composite.contributions.map((c: { factor: string }) => c.factor)).toContain('sourceType');
    expect(risk.explanation.composite.contributions.every((c: { points: number }) => c.points !== 0)).toBe(true);
  });

  it('moves a source up when serious issues are found and one goes overdue, and says why', async () => {
    const before = (await town.get(`/api/sources/${source.id}/risk`)).json();
    await found(get().db, { sourceId: source.id, issueClass: 'major', count: 2 });
    const [late] = await found(get().db, { sourceId: source.id, issueClass: 'deadline' });
    await get().db.updateTable('issues').set({ status: 'rectifying', deadline: day(-5) }).where('id', '=', late).execute();
    expect((await inspector.post(`/api/sources/${source.id}/risk/recompute`)).statusCode).toBe(403);
    const after = (await town.post(`/api/sources/${source.id}/risk/recompute`)).json();
    const contribution = (f: string) => after.explanation.composite.contributions.find((c: { factor: string }) => c.factor === f);
    expect(contribution('issues.cat1')).toMatchObject({ points: 120, detail: '2 × 60' });
    expect(contribution('issues.cat2')).toMatchObject({ points: 31, detail: '1 × 31' });
    expect(contribution('overdue')).toMatchObject({ points: 15, detail: '1 × 15' });
    expect(after.points).toBeCloseTo(before.points + 120 + 31 + 15, 5);
    expect(after.computed.mgmtGrade).toBe('C');
    expect(after.media.hazardous_waste).toBe('high');
    expect(['major', 'larger']).toContain(after.computed.composite);
    expect(after.history.at(-1).points).toBeCloseTo(after.points, 5);
    // Earlier quarters are history: unchanged.
    expect(after.history.slice(0, -1)).toEqual(before.history.slice(0, -1));

    const moved = (await bureau.get('/api/risk/movers')).json();
    const item = moved.items.find((i: { sourceId: string }) => i.sourceId === source.id);
    expect(item).toBeDefined();
    expect(item.reasons[0]).toMatchObject({ delta: 120 });
  });

  it('overrides a grade with a reason and an expiry; an expired or revoked override no longer counts', async () => {
    const risk = (await town.get(`/api/sources/${source.id}/risk`)).json();
    const target = risk.computed.socialGrade === 'I' ? 'III' : 'I';
    for (const [body, field] of [
      [{ output: 'social_grade', value: 'IV', reason: '周边居民集中投诉', expiresOn: day(90) }, 'value'],
      [{ output: 'social_grade', value: target, reason: '周边居民集中投诉', expiresOn: day(0) }, 'expiresOn'],
      [{ output: 'social_grade', value: target, reason: '周边居民集中投诉', expiresOn: day(400) }, 'expiresOn'],
    ] as const) {
      const refused = await town.post(`/api/sources/${source.id}/risk/overrides`, body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().field).toBe(field);
    }
    expect((await inspector.post(`/api/sources/${source.id}/risk/overrides`, { output: 'social_grade', value: target, reason: '试试', expiresOn: day(30) })).statusCode).toBe(403);
    const set = await town.post(`/api/sources/${source.id}/risk/overrides`, { output: 'social_grade', value: target, reason: '周边居民集中投诉', expiresOn: day(90) });
    expect(set.statusCode).toBe(200);
    expect(set.json().effective.socialGrade).toBe(target);
    expect(set.json().computed.socialGrade).toBe(risk.computed.socialGrade);
    const override = set.json().overrides[0];
    expect(override).toMatchObject({ output: 'social_grade', value: target, active: true, reason: '周边居民集中投诉' });
    const audit = await get().db.selectFrom('audit_log').select('action').where('entity_id', '=', override.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['risk.override']);
    expect((await bureau.get('/api/risk/distribution')).json().overridden).toBeGreaterThanOrEqual(1);

    // The day after its expiry it no longer counts.
    await get().db.updateTable('risk_overrides').set({ expires_on: day(-1) }).where('id', '=', override.id).execute();
    const expired = (await town.get(`/api/sources/${source.id}/risk`)).json();
    expect(expired.effective.socialGrade).toBe(risk.computed.socialGrade);
    expect(expired.overrides[0].active).toBe(false);

    const again = (await town.post(`/api/sources/${source.id}/risk/overrides`, { output: 'composite', value: 'minor', reason: '已完成整改并经专家评估', expiresOn: day(60) })).json();
    const id = again.overrides.find((o: { output: string; active: boolean }) => o.output === 'composite' && o.active).id;
    const onMap = (await town.get('/api/risk/map')).json().items.find((i: { sourceId: string }) => i.sourceId === source.id);
    expect(onMap.composite).toBe('minor');
    expect((await town.post(`/api/risk/overrides/${id}/revoke`)).json().effective.composite).toBe(again.computed.composite);
    expect((await town.post(`/api/risk/overrides/${id}/revoke`)).statusCode).toBe(409);
  });

  it('records sensitive neighbours with a version and grades social risk with them', async () => {
    const risk = (await town.get(`/api/sources/${source.id}/risk`)).json();
    const stale = await town.request('PUT', `/api/sources/${source.id}/risk/attributes`, { sensitiveNearby: true, version: risk.attributes.version + 1 });
    expect(stale.statusCode).toBe(409);
    const saved = (await town.request('PUT', `/api/sources/${source.id}/risk/attributes`, { sensitiveNearby: true, note: '东侧50米为幼儿园', version: risk.attributes.version })).json();
    expect(saved.attributes).toMatchObject({ sensitiveNearby: true, note: '东侧50米为幼儿园', version: risk.attributes.version + 1 });
    expect(saved.explanation.socialGrade.contributions.map((c: { factor: string }) => c.factor)).toContain('sensitiveNearby');
    expect(saved.explanation.socialGrade.points).toBe(risk.explanation.socialGrade.points + 20);
  });

  it('keeps rule sets as versioned data that only the administrator changes; grades follow the new version', async () => {
    const rules = (await bureau.get('/api/risk/rules')).json();
    expect(rules.canEdit).toBe(false);
    const next = structuredClone(rules.active.rules);
    next.thresholds.composite = { major: 30, larger: 20, general: 10 };
    expect((await bureau.request('PUT', '/api/risk/rules', { rules: next, basedOnVersion: rules.active.version })).statusCode).toBe(403);
    const disordered = structuredClone(next);
    disordered.thresholds.envColor = { red: 10, yellow: 50 };
    const refused = await admin.request('PUT', '/api/risk/rules', { rules: disordered, basedOnVersion: rules.active.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('rules.thresholds.envColor');
    const saved = await admin.request('PUT', '/api/risk/rules', { rules: next, note: '收紧阈值', basedOnVersion: rules.active.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(rules.active.version + 1);
    expect((await admin.request('PUT', '/api/risk/rules', { rules: next, basedOnVersion: rules.active.version })).statusCode).toBe(409);
    const versions = (await admin.get('/api/risk/rules')).json().versions;
    expect(versions.map((v: { status: string }) => v.status).slice(0, 2)).toEqual(['active', 'retired']);

    const before = (await bureau.get('/api/risk/distribution')).json();
    expect((await town.post('/api/risk/recompute')).statusCode).toBe(403);
    const done = (await bureau.post('/api/risk/recompute')).json();
    expect(done.sources).toBe(before.total);
    const after = (await bureau.get('/api/risk/distribution')).json();
    expect(after.composite.major ?? 0).toBeGreaterThan(before.composite.major ?? 0);
    const risk = (await town.get(`/api/sources/${source.id}/risk`)).json();
    expect(risk.ruleSetVersion).toBe(rules.active.version + 1);
  });

  it('plans respect the yearly cap of visits per source (无事不扰) of the active rules', async () => {
    const own = (await get().db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow()).source_id!;
    const year = Number(day(0).slice(0, 4));
    const visits = await get().db.selectFrom('inspections').select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', '=', own)
      .where('status', '<>', 'cancelled').where('scheduled_on', '>=', `${year}-01-01`).where('scheduled_on', '<=', `${year}-12-31`).executeTakeFirstOrThrow();
    expect(Number(visits.n)).toBeGreaterThanOrEqual(1);
    const rules = (await admin.get('/api/risk/rules')).json();
    const capped = structuredClone(rules.active.rules);
    capped.frequencies = { major: 1, larger: 1, general: 1, minor: 1, cap: Number(visits.n) };
    expect((await admin.request('PUT', '/api/risk/rules', { rules: capped, basedOnVersion: rules.active.version })).statusCode).toBe(200);
    const plan = { name: '无事不扰测试', year, startsOn: `${year}-12-01`, endsOn: `${year}-12-20`, sourceIds: [own, source.id] };
    const routine = (await town.post('/api/inspection-plans', { ...plan, kind: 'special' })).json();
    const capped2 = routine.skipped.find((x: { sourceId: string }) => x.sourceId === own);
    expect(capped2.reason.zh).toContain('无事不扰');
    // The quiet source, visited less, is not capped (it is left out only if no template applies to it).
    expect(routine.skipped.find((x: { sourceId: string; reason: { zh: string } }) => x.sourceId === source.id)?.reason.zh ?? '').not.toContain('无事不扰');
    // Asked again on its own, it is still left out.
    expect((await town.post('/api/inspection-plans', { ...plan, kind: 'special', sourceIds: [own] })).json().created).toBe(0);
  });

  it('is for regulators and providers: the enterprise gets 403 on its own source', async () => {
    const enterprise = await loggedIn(app, 'enterprise', '10.81.0.9');
    const own = (await get().db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow()).source_id!;
    expect((await enterprise.get(`/api/sources/${own}/risk`)).statusCode).toBe(403);
    expect((await enterprise.get('/api/risk/distribution')).statusCode).toBe(403);
  });
});
