import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceType } from '../../src/common/enums';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount } from './lifecycle-support';

type Item = { id: string; code: string; area: string; verified: boolean; note: string | null; version: number; sourceTypes: string[]; industryPrefixes: string[] };
type Ref = { lawName: string; article: number; paragraph?: number; item?: number };
type Template = { id: string; name: string; status: string; version: number; regionId: string | null; bands: Array<{ min: number; label: { zh: string } }>; items: Array<{ itemId: string; code: string; weight: number; maxScore: number }> };

describeEachEngine('checklist bank, templates and scoring', 'seeded', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  let bureau: Client;
  let town: Client;
  let inspector: Client;
  let enterprise: Client;
  let bank: Item[];
  const code = (c: string) => bank.find((i) => i.code === c)!;

  beforeAll(async () => {
    app = await appFor(get());
    admin = await loggedIn(app, 'admin', '10.44.0.1');
    bureau = await loggedIn(app, 'bureau', '10.44.0.2');
    town = await loggedIn(app, 'town', '10.44.0.3');
    inspector = await loggedIn(app, 'inspector', '10.44.0.4');
    enterprise = await loggedIn(app, 'enterprise', '10.44.0.5');
    bank = (await bureau.get('/api/checklist-items')).json().items;
  });
  afterAll(() => app.close());

  describe('the item bank', () => {
    it('holds the 82 items in 7 areas, the 7 unverified ones flagged with their notes; every role reads it', async () => {
      const list = (await enterprise.get('/api/checklist-items')).json();
      expect(list.total).toBe(82);
      expect(list.canEdit).toBe(false);
      expect(list.areas.map((a: { code: string; count: number }) => [a.code, a.count])).toEqual([
        ['eia_permit', 17], ['air', 17], ['water', 11], ['solid_waste', 8], ['hazardous_waste', 13], ['emergency', 9], ['noise', 7],
      ]);
      const unverified = list.items.filter((i: Item) => !i.verified);
      expect(unverified.map((i: Item) => i.code).sort()).toEqual(['ER-09', 'HW-12', 'HW-13', 'NOI-06', 'SW-02', 'SW-06', 'WAT-03']);
      expect(unverified.every((i: Item) => (i.note ?? '').length > 0)).toBe(true);
      expect(list.items[0]).toMatchObject({ code: 'EP-01', areaLabel: { zh: '环评与排污许可' } });
      expect((await admin.get('/api/checklist-items')).json().canEdit).toBe(true);
      for (const name of ['grid', 'expert']) {
        const client = await loggedIn(app, name);
        expect((await client.get('/api/checklist-items?verified=false')).json().total).toBe(7);
      }
    });

    it('carries the legal and penalty basis with the articles parsed out of them', () => {
      const ep01 = code('EP-01') as Item & { legalBasis: string; penaltyBasis: string; legalRefs: Ref[]; penaltyRefs: Ref[] };
      expect(ep01.legalBasis).toContain('《环境影响评价法》第十六条');
      expect(ep01.legalRefs.map((r) => [r.lawName, r.article])).toEqual([
        ['环境影响评价法', 16], ['环境影响评价法', 22], ['环境影响评价法', 25], ['建设项目环境保护管理条例', 9],
      ]);
      expect(ep01.penaltyRefs).toContainEqual(expect.objectContaining({ lawName: '环境影响评价法', article: 31, paragraph: 1 }));
      expect(ep01.penaltyRefs).toContainEqual(expect.objectContaining({ lawName: '环境保护法', article: 63, item: 1 }));
      const hw04 = code('HW-04') as Item & { penaltyRefs: Ref[] };
      expect(hw04.penaltyRefs).toEqual([expect.objectContaining({ lawName: '固体废物污染环境防治法', article: 112, paragraph: 1, item: 6 })]);
    });

    it('filters by area, source type, industry, verification and text', async () => {
      const codes = async (query: string) => ((await inspector.get(`/api/checklist-items?${query}`)).json().items as Item[]).map((i) => i.code);
      const hazardous = await codes('area=hazardous_waste');
      expect(hazardous).toHaveLength(13);
      expect(hazardous.every((c) => c.startsWith('HW-'))).toBe(true);
      const construction = await codes('sourceType=construction');
      expect(construction).toEqual(['EP-17', 'AIR-12', 'AIR-13', 'WAT-08', 'WAT-09']);
      const catering = await codes('sourceType=catering');
      expect(catering).toContain('AIR-14');
      expect(catering).not.toContain('AIR-01');
      const autoRepairHw = await codes('sourceType=auto_repair&area=hazardous_waste');
      expect(autoRepairHw).toContain('HW-02');
      expect(autoRepairHw).not.toContain('HW-11');
      // LDAR (AIR-09) is for petrochemical and chemical plants: 2614 有机化学原料制造 yes, 3130 钢压延 no.
      expect(await codes('sourceType=industrial&industryCode=2614&area=air')).toContain('AIR-09');
      expect(await codes('sourceType=industrial&industryCode=3130&area=air')).not.toContain('AIR-09');
      expect(await codes('q=LDAR')).toEqual(['AIR-09']);
      expect(await codes('q=HJ%201276')).toEqual(expect.arrayContaining(['HW-01']));
      // The area counts follow the other filters.
      const counts = (await inspector.get('/api/checklist-items?verified=false&area=water')).json();
      expect(counts.total).toBe(1);
      expect(counts.areas.find((a: { code: string }) => a.code === 'solid_waste').count).toBe(2);
      const bad = await inspector.get('/api/checklist-items?area=smell');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('area');
    });

    it('the administrator edits an item: refs re-parsed, version checked (409 when stale), audited; anyone else gets 404', async () => {
      const item = code('NOI-05');
      const before = await auditCount(get().db);
      const edited = await admin.patch(`/api/checklist-items/${item.id}`, {
        version: item.version,
        penaltyBasis: '《噪声污染防治法》第七十五条（参照）',
        note: '罚则对应关系由管理员补充，待核实',
        verified: false,
        sourceTypes: ['industrial'],
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ version: item.version + 1, verified: false, sourceTypes: ['industrial'], penaltyRefs: [{ lawName: '噪声污染防治法', article: 75 }] });
      const stale = await admin.patch(`/api/checklist-items/${item.id}`, { version: item.version, text: '旧版本上的修改' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      for (const other of [inspector, bureau, town, enterprise]) {
        const refused = await other.patch(`/api/checklist-items/${item.id}`, { version: item.version + 1, text: '越权修改' });
        expect(refused.statusCode).toBe(404);
      }
      expect(await auditCount(get().db)).toBe(before + 1);
      const audit = await get().db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'checklist_item.update', entity_id: item.id });
      expect((audit.after as { source_types: string[] }).source_types).toEqual(['industrial']);
      const stored = await get().db.selectFrom('checklist_items').select(['text', 'version']).where('id', '=', item.id).executeTakeFirstOrThrow();
      expect(stored.version).toBe(item.version + 1);
    });

    it('the administrator adds an item with the next code of its area; others may not', async () => {
      const created = await admin.post('/api/checklist-items', {
        area: 'noise', text: '夜间施工已取得证明并公示', legalBasis: '《噪声污染防治法》第四十三条', penaltyBasis: '《噪声污染防治法》第七十七条',
        sourceTypes: ['construction'], note: '示例',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ code: 'NOI-08', area: 'noise', verified: false, legalRefs: [{ lawName: '噪声污染防治法', article: 43 }] });
      expect((await admin.post('/api/checklist-items', { area: 'noise', code: 'NOI-08', text: '重复', legalBasis: 'x', penaltyBasis: 'y' })).statusCode).toBe(409);
      const wrongSeries = await admin.post('/api/checklist-items', { area: 'noise', code: 'AIR-99', text: '错', legalBasis: 'x', penaltyBasis: 'y' });
      expect(wrongSeries.json()).toMatchObject({ code: 'invalid_field', field: 'code' });
      const unknownArea = await admin.post('/api/checklist-items', { area: 'odour', text: '异味', legalBasis: 'x', penaltyBasis: 'y' });
      expect(unknownArea.statusCode).toBe(400);
      expect(unknownArea.json().field).toBe('area');
      const badPrefix = await admin.post('/api/checklist-items', { area: 'air', text: '某项', legalBasis: 'x', penaltyBasis: 'y', industryPrefixes: ['26', '99'] });
      expect(badPrefix.json()).toMatchObject({ code: 'invalid_field', field: 'industryPrefixes.1' });
      expect((await bureau.post('/api/checklist-items', { area: 'noise', text: '越权', legalBasis: 'x', penaltyBasis: 'y' })).statusCode).toBe(403);

      // Retired from the bank: gone for everyone else, listed for the administrator on request, refused by templates.
      const retired = await admin.patch(`/api/checklist-items/${created.json().id}`, { version: 1, active: false });
      expect(retired.json()).toMatchObject({ active: false, version: 2 });
      expect(((await inspector.get('/api/checklist-items?area=noise')).json().items as Item[]).map((i) => i.code)).not.toContain('NOI-08');
      expect(((await inspector.get('/api/checklist-items?area=noise&includeInactive=true')).json().items as Item[]).map((i) => i.code)).not.toContain('NOI-08');
      expect(((await admin.get('/api/checklist-items?area=noise&includeInactive=true')).json().items as Item[]).map((i) => i.code)).toContain('NOI-08');
      const withInactive = await bureau.post('/api/checklist-templates', { name: '含停用项', items: [{ itemId: created.json().id, weight: 1 }] });
      expect(withInactive.json()).toMatchObject({ code: 'invalid_field', field: 'items.0.itemId' });
    });
  });

  describe('templates', () => {
    let built: Template;
    const pick = (codes: string[], weights: number[]) => codes.map((c, i) => ({ itemId: code(c).id, weight: weights[i], maxScore: c === 'HW-04' ? 5 : 10 }));

    it('everyone sees the two platform-wide templates with their items and weights', async () => {
      const list = (await inspector.get('/api/checklist-templates')).json();
      expect(list.canCreate).toBe(false);
      const general = list.items.find((t: Template) => t.name === '工业企业环保体检（通用）');
      const autoRepair = list.items.find((t: Template) => t.name === '汽修行业专项检查');
      expect(general).toMatchObject({ status: 'active', regionId: null, sourceTypes: ['industrial'], editable: false, copyable: false });
      expect(general.items).toHaveLength(82);
      // Serious items (责令停产/停业/关闭, 移送公安) weigh 2.
      const weightOf = (t: Template, c: string) => t.items.find((i) => i.code === c)?.weight;
      expect(weightOf(general, 'EP-01')).toBe(2);
      expect(weightOf(general, 'NOI-01')).toBe(2);
      expect(weightOf(general, 'EP-02')).toBe(1);
      expect(general.items.filter((i: { weight: number }) => i.weight === 2)).toHaveLength(7);
      expect(autoRepair).toMatchObject({ status: 'active', sourceTypes: ['auto_repair'], industryPrefixes: ['8111'] });
      expect(autoRepair.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['HW-02', 'AIR-06', 'NOI-01']));
      expect(autoRepair.items.map((i: { code: string }) => i.code)).not.toContain('ER-01');
      expect(general.bands.map((b: { min: number }) => b.min)).toEqual([85, 60, 0]);
      expect((await inspector.get(`/api/checklist-templates?id=${general.id}`)).json().items).toHaveLength(1);
    });

    it('the bureau builds a template from two areas, edits its weights and activates it', async () => {
      const before = await auditCount(get().db);
      const created = await bureau.post('/api/checklist-templates', {
        name: '浦江镇危废与废气专项', description: '2026 年专项行动', sourceTypes: ['industrial'],
        items: pick(['AIR-06', 'AIR-07', 'HW-02', 'HW-04'], [1, 1, 1, 1]),
      });
      expect(created.statusCode).toBe(201);
      built = created.json();
      const bureauRegion = (await get().db.selectFrom('users').select('region_id').where('username', '=', 'bureau').executeTakeFirstOrThrow()).region_id;
      expect(built).toMatchObject({ status: 'draft', version: 1, regionId: bureauRegion, editable: true, itemsEditable: true });
      expect(built.items.map((i) => i.code)).toEqual(['AIR-06', 'AIR-07', 'HW-02', 'HW-04']);
      expect(built.bands.map((b) => b.label.zh)).toEqual(['较好', '一般', '不合格']);

      const reweighted = await bureau.patch(`/api/checklist-templates/${built.id}`, { version: 1, items: pick(['AIR-06', 'AIR-07', 'HW-02', 'HW-04'], [2, 1, 1, 3]) });
      expect(reweighted.statusCode).toBe(200);
      expect(reweighted.json().items.map((i: { weight: number }) => i.weight)).toEqual([2, 1, 1, 3]);
      expect((await bureau.patch(`/api/checklist-templates/${built.id}`, { version: 1, name: '旧版本' })).statusCode).toBe(409);
      const activated = await bureau.patch(`/api/checklist-templates/${built.id}`, { version: 2, status: 'active' });
      expect(activated.json()).toMatchObject({ status: 'active', version: 3, itemsEditable: false });
      built = activated.json();
      expect(await auditCount(get().db)).toBe(before + 3);
      // The town office of the same district sees it but may not change it.
      const xinzhuang = await loggedIn(app, 'town_xinzhuang');
      expect((await xinzhuang.get('/api/checklist-templates')).json().items.map((t: Template) => t.id)).toContain(built.id);
      expect((await xinzhuang.patch(`/api/checklist-templates/${built.id}`, { version: 3, name: '越权' })).statusCode).toBe(404);
      expect((await inspector.patch(`/api/checklist-templates/${built.id}`, { version: 3, name: '越权' })).statusCode).toBe(404);
      expect((await town.post(`/api/checklist-templates/${built.id}/copy`, {})).statusCode).toBe(404);
    });

    it('an active template keeps its items and bands (409, telling to copy); its name may change; a copy is a new draft', async () => {
      const frozen = await bureau.patch(`/api/checklist-templates/${built.id}`, { version: built.version, items: pick(['AIR-06'], [1]) });
      expect(frozen.statusCode).toBe(409);
      expect(frozen.json().code).toBe('template_frozen');
      expect(frozen.json().message.zh).toContain('复制');
      expect(frozen.json().message.en).toContain('Copy');
      const bands = await bureau.patch(`/api/checklist-templates/${built.id}`, {
        version: built.version, bands: [{ min: 90, label: { zh: '好', en: 'Good' } }, { min: 0, label: { zh: '差', en: 'Poor' } }],
      });
      expect(bands.json()).toMatchObject({ code: 'template_frozen', field: 'bands' });
      // Sending the same items again changes nothing and is fine.
      const same = await bureau.patch(`/api/checklist-templates/${built.id}`, {
        version: built.version, name: '浦江镇危废与废气专项（2026）', items: built.items.map((i) => ({ itemId: i.itemId, weight: i.weight, maxScore: i.maxScore })),
      });
      expect(same.json()).toMatchObject({ name: '浦江镇危废与废气专项（2026）', version: built.version + 1 });
      built = same.json();

      const copy = await bureau.post(`/api/checklist-templates/${built.id}/copy`, {});
      expect(copy.statusCode).toBe(201);
      expect(copy.json()).toMatchObject({ status: 'draft', version: 1, name: '浦江镇危废与废气专项（2026）（副本）', regionId: built.regionId });
      expect(copy.json().items.map((i: { code: string; weight: number }) => [i.code, i.weight])).toEqual(built.items.map((i) => [i.code, i.weight]));
      const changed = await bureau.patch(`/api/checklist-templates/${copy.json().id}`, { version: 1, items: pick(['AIR-06', 'HW-02'], [1, 2]) });
      expect(changed.statusCode).toBe(200);
      // The original did not move.
      expect((await bureau.get(`/api/checklist-templates?id=${built.id}`)).json().items[0].items).toHaveLength(4);

      // A platform-wide template: the bureau may copy it into its district, not edit it.
      const general = (await bureau.get('/api/checklist-templates?status=active&sourceType=industrial')).json().items.find((t: Template) => t.regionId === null);
      expect((await bureau.patch(`/api/checklist-templates/${general.id}`, { version: general.version, name: '改' })).statusCode).toBe(404);
      const own = await bureau.post(`/api/checklist-templates/${general.id}/copy`, { name: '闵行区工业企业体检' });
      expect(own.json()).toMatchObject({ status: 'draft', name: '闵行区工业企业体检', regionId: built.regionId });
      expect(own.json().items).toHaveLength(82);
    });

    it('retired templates stay frozen; status moves only along draft → active → retired → active', async () => {
      const draft = (await bureau.post('/api/checklist-templates', { name: '状态测试', items: pick(['HW-02'], [1]) })).json();
      const retired = await bureau.patch(`/api/checklist-templates/${draft.id}`, { version: 1, status: 'retired' });
      expect(retired.json().status).toBe('retired');
      expect((await bureau.patch(`/api/checklist-templates/${draft.id}`, { version: 2, status: 'draft' })).json()).toMatchObject({ code: 'invalid_field', field: 'status' });
      expect((await bureau.patch(`/api/checklist-templates/${draft.id}`, { version: 2, items: pick(['HW-03'], [1]) })).statusCode).toBe(409);
      const empty = (await bureau.post('/api/checklist-templates', { name: '空模板' })).json();
      expect((await bureau.patch(`/api/checklist-templates/${empty.id}`, { version: 1, status: 'active' })).json()).toMatchObject({ code: 'invalid_field', field: 'status' });
    });

    it('refuses bad input naming the field, and stores nothing', async () => {
      const before = await get().db.selectFrom('checklist_templates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const post = (body: object) => bureau.post('/api/checklist-templates', { name: '坏模板', ...body });
      expect((await post({ items: pick(['AIR-06', 'HW-02'], [1, 0]) })).json()).toMatchObject({ code: 'invalid_field', field: 'items.1.weight' });
      expect((await post({ items: pick(['AIR-06'], [-2]) })).json()).toMatchObject({ field: 'items.0.weight' });
      expect((await post({ items: [{ itemId: '00000000-0000-4000-8000-000000000000', weight: 1 }] })).json()).toMatchObject({ code: 'invalid_field', field: 'items.0.itemId' });
      expect((await post({ items: [...pick(['AIR-06'], [1]), ...pick(['AIR-06'], [2])] })).json()).toMatchObject({ field: 'items.1.itemId' });
      const notDescending = await post({
        bands: [{ min: 60, label: { zh: '一般', en: 'Fair' } }, { min: 85, label: { zh: '较好', en: 'Good' } }, { min: 0, label: { zh: '不合格', en: 'Failing' } }],
      });
      expect(notDescending.statusCode).toBe(400);
      expect(notDescending.json()).toMatchObject({ code: 'invalid_field', field: 'bands.1.min' });
      expect((await post({ bands: [{ min: 60, label: { zh: '合格', en: 'Pass' } }] })).json()).toMatchObject({ field: 'bands.0.min' });
      expect((await post({ bands: [{ min: 0, label: { zh: '', en: 'All' } }] })).json()).toMatchObject({ field: 'bands.0.label.zh' });
      expect((await post({ sourceTypes: ['factory'] })).json()).toMatchObject({ code: 'validation', field: 'sourceTypes.0' });
      expect((await post({ industryPrefixes: ['81', '999'] })).json()).toMatchObject({ field: 'industryPrefixes.1' });
      expect((await post({ regionId: null })).statusCode).toBe(403);
      expect((await post({ items: pick(['AIR-06'], [1]).map((i) => ({ ...i, maxScore: 0 })) })).json()).toMatchObject({ field: 'items.0.maxScore' });
      expect((await town.post('/api/checklist-templates', { name: '镇模板' })).statusCode).toBe(403);
      const after = await get().db.selectFrom('checklist_templates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('lists the active templates that apply to a source: auto repair vs industrial; 404 outside the jurisdiction', async () => {
      const townId = (await get().db.selectFrom('users').select('region_id').where('username', '=', 'town').executeTakeFirstOrThrow()).region_id!;
      const sourceOf = (type: SourceType) =>
        get().db.selectFrom('sources').select(['id', 'industry_code']).where('town_id', '=', townId).where('source_type', '=', type).orderBy('name').executeTakeFirstOrThrow();
      const autoRepair = await sourceOf('auto_repair');
      const industrial = await sourceOf('industrial');
      const names = async (client: Client, id: string) => ((await client.get(`/api/checklist-templates/applicable?sourceId=${id}`)).json().templates as Template[]).map((t) => t.name);
      const forAutoRepair = await names(town, autoRepair.id);
      expect(forAutoRepair).toContain('汽修行业专项检查');
      expect(forAutoRepair).not.toContain('工业企业环保体检（通用）');
      expect(forAutoRepair).not.toContain('浦江镇危废与废气专项（2026）');
      const forIndustrial = await names(town, industrial.id);
      expect(forIndustrial).toEqual(expect.arrayContaining(['工业企业环保体检（通用）', '浦江镇危废与废气专项（2026）']));
      expect(forIndustrial).not.toContain('汽修行业专项检查');
      // Drafts never apply.
      expect(forIndustrial).not.toContain('闵行区工业企业体检');
      const xinzhuang = await loggedIn(app, 'town_xinzhuang');
      expect((await xinzhuang.get(`/api/checklist-templates/applicable?sourceId=${industrial.id}`)).statusCode).toBe(404);
    });
  });

  describe('scoring preview', () => {
    it('scores answers with the template weights: N/A excluded, areas and total, band; missing items reported', async () => {
      // built: AIR-06 ×2, AIR-07 ×1, HW-02 ×1, HW-04 ×3 (max 5).
      const t = (await bureau.get('/api/checklist-templates?status=active')).json().items.find((x: Template) => x.name === '浦江镇危废与废气专项（2026）') as Template;
      const id = (c: string) => t.items.find((i) => i.code === c)!.itemId;
      const preview = (answers: object) => inspector.post('/api/checklist-scoring/preview', { templateId: t.id, answers });
      const full = await preview({
        [id('AIR-06')]: { answer: 'compliant' },
        [id('AIR-07')]: { answer: 'non_compliant', score: 4 },
        [id('HW-02')]: { answer: 'not_applicable' },
        [id('HW-04')]: { answer: 'non_compliant' },
      });
      expect(full.statusCode).toBe(200);
      // air (10×2 + 4×1) / (10×2 + 10×1) = 24/30 = 80; hazardous waste 0 / (5×3) = 0; total 24 / 45 = 53.3.
      expect(full.json()).toMatchObject({
        complete: true, missing: [], total: 53.3, band: { min: 0, label: { zh: '不合格', en: 'Failing' } },
        areas: [
          { area: 'air', label: { zh: '废气' }, score: 80, nonCompliant: 1 },
          { area: 'hazardous_waste', score: 0, notApplicable: 1 },
        ],
      });
      const partial = await preview({ [id('AIR-06')]: { answer: 'compliant' }, [id('HW-02')]: { answer: 'compliant' } });
      expect(partial.json()).toMatchObject({ complete: false, band: null, total: 100 });
      expect(partial.json().missing.map((m: { code: string }) => m.code)).toEqual(['AIR-07', 'HW-04']);
      const allNa = await preview(Object.fromEntries(t.items.map((i) => [i.itemId, { answer: 'not_applicable' }])));
      expect(allNa.json()).toMatchObject({ complete: true, total: null, band: null });

      expect((await preview({ [id('HW-04')]: { answer: 'compliant', score: 6 } })).json()).toMatchObject({ code: 'invalid_field', field: `answers.${id('HW-04')}.score` });
      expect((await preview({ [code('NOI-01').id]: { answer: 'compliant' } })).json()).toMatchObject({ field: `answers.${code('NOI-01').id}` });
      expect((await preview({ [id('HW-04')]: { answer: 'maybe' } })).statusCode).toBe(400);
      const unknown = await inspector.post('/api/checklist-scoring/preview', { templateId: '00000000-0000-4000-8000-000000000000', answers: {} });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
