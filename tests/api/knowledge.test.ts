import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Handbook, HandbookEditionSummary, HandbookEntry, LawSummary } from '../../src/common/contracts/knowledge';
import { INSPECTION_AREA_CODES } from '../../src/common/inspection-areas';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount } from './lifecycle-support';

const EIA = 'zhrmghghjyxpjf'; // 中华人民共和国环境影响评价法

describeEachEngine('knowledge library: laws and the compliance handbook', 'seeded', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  let inspector: Client;
  let enterprise: Client;

  beforeAll(async () => {
    app = await appFor(get());
    admin = await loggedIn(app, 'admin', '10.44.0.1');
    inspector = await loggedIn(app, 'inspector', '10.44.0.2');
    enterprise = await loggedIn(app, 'enterprise', '10.44.0.3');
  });
  afterAll(() => app.close());

  describe('laws', () => {
    it('needs a session', async () => {
      const anonymous = await app.inject({ method: 'GET', url: '/api/laws' });
      expect(anonymous.statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/laws/articles?q=排污' })).statusCode).toBe(401);
    });

    it('lists the 33 laws with article counts, the two outdated editions flagged', async () => {
      const index = (await enterprise.get('/api/laws')).json() as { items: LawSummary[] };
      expect(index.items).toHaveLength(33);
      const eia = index.items.find((l) => l.key === EIA)!;
      expect(eia).toMatchObject({ name: '环境影响评价法', title: '中华人民共和国环境影响评价法', articles: 37, outdated: false, outdatedNote: null });
      const outdated = index.items.filter((l) => l.outdated);
      expect(outdated.map((l) => l.key).sort()).toEqual(['hjxzcfbf', 'zhrmghgtfsjydf']);
      expect(outdated.every((l) => l.outdatedNote!.zh.length > 0 && l.outdatedNote!.en.length > 0)).toBe(true);
      expect(index.items.reduce((n, l) => n + l.articles, 0)).toBeGreaterThan(1500);
    });

    it('finds 《环境影响评价法》第十六条 by words; every word must match; label hits come first', async () => {
      const res = await inspector.get(`/api/laws/articles?q=${encodeURIComponent('分类管理 登记表')}&law=${EIA}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Article[]; total: number };
      expect(body.items.map((a) => a.no)).toContain(16);
      const sixteen = body.items.find((a) => a.no === 16)!;
      expect(sixteen).toMatchObject({ law: EIA, lawName: '环境影响评价法', label: '第十六条', chapter: '第三章 建设项目的环境影响评价' });
      expect(sixteen.text.split('\n')).toHaveLength(6);
      for (const a of body.items) expect(a.text).toMatch(/分类管理/);
      for (const a of body.items) expect(a.text).toMatch(/登记表/);

      // Across all laws, case-insensitive; the law name counts as a word hit, the label ranks first.
      const named = (await inspector.get(`/api/laws/articles?q=${encodeURIComponent('环境影响评价法 第十六条')}`)).json() as { items: Article[]; total: number };
      expect(named.items[0]).toMatchObject({ law: EIA, no: 16 });
      const nox = (await inspector.get(`/api/laws/articles?q=${encodeURIComponent('VOCS')}`)).json() as { total: number };
      const voc = (await inspector.get(`/api/laws/articles?q=${encodeURIComponent('vocs')}`)).json() as { total: number };
      expect(nox.total).toBe(voc.total);
      // Otherwise the article the words make up most of comes first.
      const marks = (await inspector.get(`/api/laws/articles?q=${encodeURIComponent('危险废物 识别标志')}`)).json() as { items: Article[] };
      expect(marks.items[0]).toMatchObject({ lawName: '固体废物污染环境防治法', no: 77 });
      const none = (await inspector.get(`/api/laws/articles?q=${encodeURIComponent('分类管理 不存在的词语甲乙丙')}`)).json();
      expect(none).toMatchObject({ items: [], total: 0 });
    });

    it('pages through a law in order and looks up an article by number', async () => {
      const page = (await inspector.get(`/api/laws/articles?law=${EIA}&limit=10&offset=10`)).json() as { items: Article[]; total: number };
      expect(page.total).toBe(37);
      expect(page.items.map((a) => a.no)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
      const byNo = (await inspector.get(`/api/laws/articles?law=${EIA}&no=25`)).json() as { items: Article[] };
      expect(byNo.items).toHaveLength(1);
      expect(byNo.items[0].text).toContain('不得开工建设');
      expect((await inspector.get(`/api/laws/articles?law=${EIA}&no=99`)).json()).toMatchObject({ items: [], total: 0 });
    });

    it('resolves a citation string (ref) to its articles, by name or full title', async () => {
      const ref = encodeURIComponent('《环境影响评价法》第十六条、第二十五条；《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（一）项');
      const res = (await inspector.get(`/api/laws/articles?ref=${ref}`)).json() as { items: Article[]; total: number };
      expect(res.items.map((a) => `${a.lawName}${a.label}`)).toEqual(['环境影响评价法第十六条', '环境影响评价法第二十五条', '固体废物污染环境防治法第一百一十二条']);
      expect(res.items[2].text).toContain('未按照规定设置危险废物识别标志');
    });

    it('refuses bad queries with the field named', async () => {
      expect((await inspector.get('/api/laws/articles?law=nosuchlaw')).json()).toMatchObject({ code: 'invalid_field', field: 'law' });
      expect((await inspector.get('/api/laws/articles?no=3')).json()).toMatchObject({ code: 'invalid_field', field: 'law' });
      expect((await inspector.get(`/api/laws/articles?ref=${encodeURIComponent('随便写的')}`)).json()).toMatchObject({ code: 'invalid_field', field: 'ref' });
      expect((await inspector.get('/api/laws/articles?limit=0')).json()).toMatchObject({ code: 'validation', field: 'limit' });
    });
  });

  describe('handbook', () => {
    it('an inspector reads the published 2026 edition: 7 areas, entries whose citations all resolve', async () => {
      const res = await inspector.get('/api/handbook');
      expect(res.statusCode).toBe(200);
      const book = res.json() as Handbook;
      expect(book.edition).toMatchObject({ year: 2026, status: 'published', editable: false });
      expect(book.areas.map((a) => a.code)).toEqual([...INSPECTION_AREA_CODES]);
      expect(book.areas.find((a) => a.code === 'hazardous_waste')!.label).toEqual({ zh: '危险废物', en: 'Hazardous waste' });
      for (const area of book.areas) {
        expect(area.entries.length, area.code).toBeGreaterThanOrEqual(2);
        expect(area.entries.length, area.code).toBeLessThanOrEqual(4);
        for (const e of area.entries) {
          expect(e.requirements.length).toBeGreaterThan(20);
          expect(e.commonProblems.length).toBeGreaterThan(20);
          expect(e.examples.length).toBeGreaterThan(20);
          expect(e.citations.length, e.title).toBeGreaterThan(0);
          // Every cited article exists in the library.
          for (const c of e.citations) expect({ entry: e.title, law: c.law, hasText: c.text !== null }).toEqual({ entry: e.title, law: expect.any(String), hasText: true });
        }
      }
      const hw = book.areas.find((a) => a.code === 'hazardous_waste')!.entries[0];
      const label = hw.citations.find((c) => c.lawName === '固体废物污染环境防治法' && c.article === 77)!;
      expect(label.text).toContain('危险废物识别标志');
      expect((await enterprise.get('/api/handbook?year=2026')).json().edition.year).toBe(2026);
    });

    it('refuses an unknown year with the field named', async () => {
      expect((await inspector.get('/api/handbook?year=2019')).json()).toMatchObject({ code: 'invalid_field', field: 'year' });
      expect((await inspector.get('/api/handbook?year=abc')).json()).toMatchObject({ code: 'validation', field: 'year' });
    });

    it('admin starts 2027 as a draft copy, edits an entry (409 when stale), publishes; others cannot edit; every change audited', async () => {
      const auditBefore = await auditCount(get().db);
      expect((await inspector.post('/api/handbook/editions', {})).statusCode).toBe(403);

      const created = await admin.post('/api/handbook/editions', {});
      expect(created.statusCode).toBe(201);
      const draft = created.json() as HandbookEditionSummary;
      expect(draft).toMatchObject({ year: 2027, status: 'draft', title: '合规宝典（2027年版）', editable: true, version: 1, publishedAt: null });
      const published2026 = (await admin.get('/api/handbook?year=2026')).json() as Handbook;
      const count2026 = published2026.areas.reduce((n, a) => n + a.entries.length, 0);
      expect(draft.entryCount).toBe(count2026);
      // One draft at a time.
      expect((await admin.post('/api/handbook/editions', { year: 2028 })).json()).toMatchObject({ code: 'draft_exists' });

      // Non-admins see neither the draft nor its entries.
      expect((await inspector.get('/api/handbook/editions')).json().items.map((e: HandbookEditionSummary) => e.year)).toEqual([2026]);
      expect((await inspector.get('/api/handbook?year=2027')).json()).toMatchObject({ field: 'year' });
      expect((await inspector.get('/api/handbook')).json().edition.year).toBe(2026);
      const adminList = (await admin.get('/api/handbook/editions')).json();
      expect(adminList).toMatchObject({ canCreate: true });
      expect(adminList.items.map((e: HandbookEditionSummary) => [e.year, e.status])).toEqual([[2027, 'draft'], [2026, 'published']]);

      const book = (await admin.get('/api/handbook?year=2027')).json() as Handbook;
      expect(book.edition.editable).toBe(true);
      const entry = book.areas.find((a) => a.code === 'hazardous_waste')!.entries[0];
      const edited = await admin.patch(`/api/handbook/entries/${entry.id}`, {
        version: entry.version,
        examples: '示例：2027 年度新增案例。',
        legalBasis: '《固体废物污染环境防治法》第七十七条、第八十一条第一款',
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ version: entry.version + 1, examples: '示例：2027 年度新增案例。' });
      expect((edited.json() as HandbookEntry).citations.map((c) => [c.article, c.paragraph ?? null])).toEqual([[77, null], [81, 1]]);
      const stale = await admin.patch(`/api/handbook/entries/${entry.id}`, { version: entry.version, title: '过期的修改' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'stale_version' });

      // An inspector: the entry does not exist for editing.
      expect((await inspector.patch(`/api/handbook/entries/${entry.id}`, { version: entry.version + 1, title: '巡查员改' })).statusCode).toBe(404);
      expect((await inspector.request('DELETE', `/api/handbook/entries/${entry.id}?version=${entry.version + 1}`)).statusCode).toBe(404);
      expect((await inspector.post(`/api/handbook/editions/${draft.id}/entries`, { area: 'air', title: 't', requirements: 'r' })).statusCode).toBe(404);
      expect((await inspector.post(`/api/handbook/editions/${draft.id}/publish`, { version: 1 })).statusCode).toBe(404);

      // Bad input: the field is named and nothing changes.
      const bad = [
        [await admin.post(`/api/handbook/editions/${draft.id}/entries`, { area: 'radiation', title: '辐射', requirements: '要求' }), 'area'],
        [await admin.post(`/api/handbook/editions/${draft.id}/entries`, { area: 'air', title: '   ', requirements: '要求' }), 'title'],
        [await admin.patch(`/api/handbook/entries/${entry.id}`, { version: entry.version + 1, title: '' }), 'title'],
        [await admin.post(`/api/handbook/editions/${draft.id}/entries`, { area: 'air', title: '引用错误', requirements: '要求', legalBasis: '《大气污染防治法》第九百条' }), 'legalBasis'],
      ] as const;
      for (const [res, field] of bad) {
        expect(res.statusCode, field).toBe(400);
        expect(res.json().field).toBe(field);
      }
      expect(((await admin.get('/api/handbook?year=2027')).json() as Handbook).areas.find((a) => a.code === 'hazardous_waste')!.entries[0].title).toBe(entry.title);

      // Add and delete an entry.
      const added = await admin.post(`/api/handbook/editions/${draft.id}/entries`, {
        area: 'noise', title: '社会生活噪声', requirements: '商业经营活动不得超过噪声排放标准。', legalBasis: '《噪声污染防治法》第二十二条',
      });
      expect(added.statusCode).toBe(201);
      const newEntry = added.json() as HandbookEntry;
      expect(newEntry).toMatchObject({ area: 'noise', version: 1, commonProblems: '', examples: '' });
      const noiseSorts = ((await admin.get('/api/handbook?year=2027')).json() as Handbook).areas.find((a) => a.code === 'noise')!.entries.map((e) => e.sort);
      expect(noiseSorts[noiseSorts.length - 1]).toBe(newEntry.sort);
      expect((await admin.request('DELETE', `/api/handbook/entries/${newEntry.id}?version=2`)).statusCode).toBe(409);
      expect((await admin.request('DELETE', `/api/handbook/entries/${newEntry.id}?version=1`)).statusCode).toBe(204);

      // Publish: stale version refused, then published and read by everyone; no longer editable.
      expect((await admin.post(`/api/handbook/editions/${draft.id}/publish`, { version: 7 })).statusCode).toBe(409);
      const pub = await admin.post(`/api/handbook/editions/${draft.id}/publish`, { version: 1 });
      expect(pub.statusCode).toBe(200);
      expect(pub.json()).toMatchObject({ year: 2027, status: 'published', version: 2, editable: false });
      const latest = (await inspector.get('/api/handbook')).json() as Handbook;
      expect(latest.edition.year).toBe(2027);
      expect(latest.areas.find((a) => a.code === 'hazardous_waste')!.entries[0].examples).toBe('示例：2027 年度新增案例。');
      const again = await admin.patch(`/api/handbook/entries/${entry.id}`, { version: entry.version + 1, title: '发布后修改' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'edition_published' });
      expect(again.json().message.zh).toContain('已发布');
      expect((await admin.post(`/api/handbook/editions/${draft.id}/publish`, { version: 2 })).json()).toMatchObject({ code: 'edition_published' });
      // The 2026 edition is untouched.
      const still2026 = (await inspector.get('/api/handbook?year=2026')).json() as Handbook;
      expect(still2026.areas.find((a) => a.code === 'hazardous_waste')!.entries[0].examples).not.toBe('示例：2027 年度新增案例。');

      // Audit: create edition, edit, add, delete, publish.
      const rows = await get().db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', 'handbook.%').orderBy('seq').execute();
      expect(rows.map((r) => r.action)).toEqual(['handbook.edition.create', 'handbook.entry.update', 'handbook.entry.create', 'handbook.entry.delete', 'handbook.edition.publish']);
      expect(rows[0].entity_id).toBe(draft.id);
      expect(await auditCount(get().db)).toBe(auditBefore + 5);
    });

    it('will not publish a draft with an empty area; a new edition must be for a later year', async () => {
      expect((await admin.post('/api/handbook/editions', { year: 2027 })).json()).toMatchObject({ code: 'invalid_field', field: 'year' });
      const created = (await admin.post('/api/handbook/editions', {})).json() as HandbookEditionSummary;
      expect(created.year).toBe(2028);
      const book = (await admin.get('/api/handbook?year=2028')).json() as Handbook;
      for (const e of book.areas.find((a) => a.code === 'noise')!.entries) {
        expect((await admin.request('DELETE', `/api/handbook/entries/${e.id}?version=${e.version}`)).statusCode).toBe(204);
      }
      const res = await admin.post(`/api/handbook/editions/${created.id}/publish`, { version: 1 });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_field', field: 'entries' });
      expect(res.json().message.zh).toContain('噪声');
    });
  });
});
