import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { pdfText } from '../support/pdf-text';
import { jpeg, signaturePng } from '../fixtures/images';
import { allowManyVisits, count, putPhoto, planFor, type Detail } from './inspections-support';
import { auditCount } from './lifecycle-support';

describeEachEngine('inspections in the field: check-in, photos, submit', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  let inspector: Client;
  let outsider: Client;
  let sourceId: string;
  let signature: string;
  let inspectorId: string;

  async function freshInspection(): Promise<Detail> {
    const { inspections } = await planFor(town, [sourceId]);
    const [one] = inspections;
    const assigned = await town.patch(`/api/inspections/${one.id}`, { version: one.version, inspectorId });
    expect(assigned.statusCode).toBe(200);
    return (await inspector.get(`/api/inspections/${one.id}`)).json();
  }

  beforeAll(async () => {
    await allowManyVisits(get().db);
    app = await appFor(get());
    town = await loggedIn(app, 'town', '10.61.0.1');
    inspector = await loggedIn(app, 'inspector', '10.61.0.2');
    outsider = await loggedIn(app, 'town_xinzhuang', '10.61.0.3');
    const db = get().db;
    sourceId = (await db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow()).source_id!;
    inspectorId = (await db.selectFrom('users').select('id').where('username', '=', 'inspector').executeTakeFirstOrThrow()).id;
    signature = await signaturePng();
  });
  afterAll(() => app.close());

  it('a visit of the demo year opens with its score by area and its 体检报告', async () => {
    const signed = await get().db.selectFrom('inspections').select('id').where('status', '=', 'signed').where('inspector_id', '=', inspectorId).orderBy('scheduled_on', 'desc').executeTakeFirstOrThrow();
    const detail = await inspector.get(`/api/inspections/${signed.id}`);
    expect(detail.statusCode).toBe(200);
    const areas = detail.json().areaScores as Array<{ label: { zh: string }; items: number; answered: number }>;
    expect(areas.length).toBeGreaterThan(3);
    expect(areas.every((a) => a.label.zh.length > 0 && a.items >= a.answered)).toBe(true);
    const report = await inspector.get(`/api/inspections/${signed.id}/report.pdf`);
    expect(report.statusCode).toBe(200);
    expect(pdfText(report.rawPayload).replace(/\s+/g, '')).toContain(areas[0].label.zh);
  });

  describe('check-in', () => {
    it('records time and position, computes the distance and warns (without refusing) beyond 500 m', async () => {
      const detail = await freshInspection();
      expect(detail.status).toBe('planned');
      expect(detail.source.latitude).not.toBeNull();
      const { latitude, longitude } = detail.source as { latitude: number; longitude: number };
      const far = await inspector.post(`/api/inspections/${detail.id}/check-in`, { latitude: latitude + 0.01, longitude, accuracy: 12, at: new Date().toISOString(), version: detail.version });
      expect(far.statusCode).toBe(200);
      expect(far.json()).toMatchObject({ status: 'in_progress', version: detail.version + 1 });
      expect(far.json().distanceM).toBeGreaterThan(1000);
      expect(far.json().distanceM).toBeLessThan(1200);
      expect(far.json().warning.zh).toContain('500 米');
      const near = await inspector.post(`/api/inspections/${detail.id}/check-in`, { latitude: latitude + 0.001, longitude, at: new Date().toISOString(), version: detail.version + 1 });
      expect(near.json().distanceM).toBeLessThan(150);
      expect(near.json().warning).toBeNull();
      const stale = await inspector.post(`/api/inspections/${detail.id}/check-in`, { latitude, longitude, at: new Date().toISOString(), version: detail.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      const row = await get().db.selectFrom('inspections').selectAll().where('id', '=', detail.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'in_progress', checkin_latitude: latitude + 0.001 });
    });

    it('a replayed check-in with the same Idempotency-Key answers the same and changes nothing; another body with that key is 409', async () => {
      const detail = await freshInspection();
      const key = `checkin-${randomUUID()}`;
      const body = { latitude: 31.05, longitude: 121.5, at: new Date().toISOString(), version: detail.version };
      const first = await inspector.post(`/api/inspections/${detail.id}/check-in`, body, { 'idempotency-key': key });
      const audit = await auditCount(get().db);
      const again = await inspector.post(`/api/inspections/${detail.id}/check-in`, body, { 'idempotency-key': key });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect(await auditCount(get().db)).toBe(audit);
      const other = await inspector.post(`/api/inspections/${detail.id}/check-in`, { ...body, latitude: 31.06 }, { 'idempotency-key': key });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe('idempotency_conflict');
    });
  });

  describe('photos', () => {
    it('stores a real JPEG with a server thumbnail, once per client id; refuses a text file; 404 outside the jurisdiction', async () => {
      const detail = await freshInspection();
      const item = detail.template.items[0];
      const photoId = randomUUID();
      const bytes = await jpeg(320, 240);
      const query = `?purpose=item&itemId=${item.itemId}&capturedAt=${encodeURIComponent(new Date().toISOString())}&latitude=31.05&longitude=121.5`;
      const first = await putPhoto(inspector, detail.id, bytes, query, photoId);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ id: photoId, itemId: item.itemId, width: 320, height: 240, latitude: 31.05, thumbUrl: `/api/photos/${photoId}/thumb` });
      const replay = await putPhoto(inspector, detail.id, bytes, query, photoId);
      expect(replay.statusCode).toBe(200);
      expect(replay.json().sha256).toBe(first.json().sha256);
      expect(await count(get().db, 'evidence_photos', 'id', photoId)).toBe(1);

      const thumb = await inspector.get(`/api/photos/${photoId}/thumb`);
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      expect((await town.get(`/api/photos/${photoId}`)).statusCode).toBe(200);
      expect((await outsider.get(`/api/photos/${photoId}`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/photos/${photoId}/thumb`)).statusCode).toBe(404);

      const before = await count(get().db, 'evidence_photos', 'inspection_id', detail.id);
      const text = Buffer.from('这不是图片 / not an image\n'.repeat(20));
      for (const type of ['image/jpeg', 'text/plain']) {
        const refused = await putPhoto(inspector, detail.id, text, '', randomUUID(), type);
        expect(refused.statusCode).toBe(400);
        expect(refused.json()).toMatchObject({ code: 'invalid_photo', field: 'photo' });
      }
      // A picture over 15 MB: refused with the limit named, nothing stored (real JPEG bytes padded past the limit).
      const huge = Buffer.concat([bytes, Buffer.alloc(15 * 1024 * 1024 + 1 - bytes.length + 1024)]);
      const tooLarge = await putPhoto(inspector, detail.id, huge, '', randomUUID());
      expect(tooLarge.statusCode).toBe(400);
      expect(tooLarge.json()).toMatchObject({ code: 'invalid_photo', field: 'photo' });
      expect(tooLarge.json().message.zh).toContain('15 MB');
      const unknownItem = await putPhoto(inspector, detail.id, bytes, `?itemId=${randomUUID()}`);
      expect(unknownItem.statusCode).toBe(400);
      expect(unknownItem.json().field).toBe('itemId');
      expect(await count(get().db, 'evidence_photos', 'inspection_id', detail.id)).toBe(before);
      expect((await putPhoto(outsider, detail.id, bytes)).statusCode).toBe(404);
    });
  });

  describe('submit', () => {
    function body(detail: Detail, photoId: string, overrides: object = {}) {
      const [failItem, passItem, naItem] = detail.template.items;
      return {
        version: detail.version,
        answers: [
          {
            clientId: randomUUID(), itemId: failItem.itemId, verdict: 'fail', note: '现场未见台账', photoIds: [photoId],
            issue: { clientId: randomUUID(), description: failItem.text, class: 'deadline', deadline: '2026-04-30', responsiblePerson: '王经理', measure: '一周内补建台账', severity: 'general' },
          },
          { clientId: randomUUID(), itemId: passItem.itemId, verdict: 'pass' },
          { clientId: randomUUID(), itemId: naItem.itemId, verdict: 'na', note: '无此工序' },
        ],
        findings: [{ area: 'noise', issue: { clientId: randomUUID(), description: '厂界东侧风机未加装消声器', class: 'deadline', deadline: '2026-05-15' } }],
        signature,
        signerName: '李代表',
        ...overrides,
      };
    }

    it('without a signature: 400 naming signature, nothing stored', async () => {
      const detail = await freshInspection();
      const photo = (await putPhoto(inspector, detail.id, await jpeg())).json();
      for (const sig of [undefined, '', 'data:image/png;base64,']) {
        const refused = await inspector.post(`/api/inspections/${detail.id}/submit`, { ...body(detail, photo.id), signature: sig });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().field).toBe('signature');
      }
      const notPng = await inspector.post(`/api/inspections/${detail.id}/submit`, body(detail, photo.id, { signature: 'data:image/png;base64,aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBwbmcgaW1hZ2UgYXQgYWxsLCBqdXN0IHRleHQgdGV4dCB0ZXh0IHRleHQ=' }));
      expect(notPng.statusCode).toBe(400);
      expect(notPng.json().field).toBe('signature');
      const unknownItem = await inspector.post(`/api/inspections/${detail.id}/submit`, body(detail, photo.id, { answers: [{ clientId: randomUUID(), itemId: randomUUID(), verdict: 'pass' }] }));
      expect(unknownItem.statusCode).toBe(400);
      expect(unknownItem.json().field).toBe('answers.0.itemId');
      const badVerdict = await inspector.post(`/api/inspections/${detail.id}/submit`, body(detail, photo.id, { answers: [{ clientId: randomUUID(), itemId: detail.template.items[0].itemId, verdict: 'maybe' }] }));
      expect(badVerdict.statusCode).toBe(400);
      expect(badVerdict.json().field).toBe('answers.0.verdict');
      const onSpot = body(detail, photo.id);
      onSpot.answers[0].issue!.class = 'on_spot';
      const noAfter = await inspector.post(`/api/inspections/${detail.id}/submit`, onSpot);
      expect(noAfter.statusCode).toBe(400);
      expect(noAfter.json().field).toBe('answers.0.issue.afterPhotoIds');
      expect(await count(get().db, 'inspection_answers', 'inspection_id', detail.id)).toBe(0);
      expect(await count(get().db, 'issues', 'inspection_id', detail.id)).toBe(0);
      const row = await get().db.selectFrom('inspections').select(['status', 'version']).where('id', '=', detail.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'planned', version: detail.version });
    });

    it('stores answers, an issue per 不符合 answer and per finding, the score and signature; a stale version is 409', async () => {
      const detail = await freshInspection();
      const photo = (await putPhoto(inspector, detail.id, await jpeg(), `?itemId=${detail.template.items[0].itemId}`)).json();
      const stale = await inspector.post(`/api/inspections/${detail.id}/submit`, body(detail, photo.id, { version: detail.version - 1 }));
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      const submit = body(detail, photo.id);
      const done = await inspector.post(`/api/inspections/${detail.id}/submit`, submit);
      expect(done.statusCode).toBe(200);
      const result = done.json();
      expect(result).toMatchObject({ status: 'submitted', version: detail.version + 1, signerName: '李代表' });
      expect(result.signatureSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(result.answers).toHaveLength(3);
      expect(result.answers.find((a: { verdict: string }) => a.verdict === 'fail').photoIds).toEqual([photo.id]);
      expect(result.issueIds.sort()).toEqual([submit.answers[0].issue!.clientId, submit.findings[0].issue.clientId].sort());
      const [w1, w2] = detail.template.items.map((i) => (i as unknown as { weight: number }).weight);
      expect(result.score).toBe(Math.round((w2 / (w1 + w2)) * 1000) / 10);
      const issues = await get().db.selectFrom('issues').selectAll().where('inspection_id', '=', detail.id).execute();
      const fromItem = issues.find((i) => i.origin === 'inspection')!;
      expect(fromItem).toMatchObject({ item_id: submit.answers[0].itemId, status: 'found', class: 'deadline', responsible_person: '王经理', deadline: '2026-04-30', source_id: sourceId });
      expect(fromItem.legal_basis).toBeTruthy();
      expect(issues.find((i) => i.origin === 'finding')).toMatchObject({ area: 'noise', item_id: null });
      const photoRow = await get().db.selectFrom('evidence_photos').selectAll().where('id', '=', photo.id).executeTakeFirstOrThrow();
      expect(photoRow.issue_id).toBe(fromItem.id);
      expect(await count(get().db, 'evidence_photos', 'inspection_id', detail.id)).toBe(2); // the photo and the signature
      const again = await inspector.post(`/api/inspections/${detail.id}/submit`, body(detail, photo.id, { version: detail.version + 1 }));
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('inspection_closed');
    });

    it('renders the 体检报告 once submitted: the source, the score by area, the issues and their legal basis, the photo', async () => {
      const detail = await freshInspection();
      expect((await town.get(`/api/inspections/${detail.id}/report.pdf`)).json().code).toBe('inspection_not_submitted');
      const photo = (await putPhoto(inspector, detail.id, await jpeg(), `?itemId=${detail.template.items[0].itemId}`)).json();
      const submit = body(detail, photo.id);
      const result = (await inspector.post(`/api/inspections/${detail.id}/submit`, submit)).json();
      const report = await town.get(`/api/inspections/${detail.id}/report.pdf`);
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-type']).toBe('application/pdf');
      expect(report.headers['content-disposition']).toContain(encodeURIComponent('体检报告'));
      const text = pdfText(report.rawPayload).replace(/\s+/g, '');
      const source = await get().db.selectFrom('sources').select(['name']).where('id', '=', sourceId).executeTakeFirstOrThrow();
      expect(text).toContain('企业环境体检报告');
      expect(text).toContain(source.name.replace(/\s+/g, ''));
      expect(text).toContain(`综合得分${result.score.toFixed(1)}分`);
      expect(text).toContain('厂界东侧风机未加装消声器');
      expect(text).toContain('现场未见台账');
      expect(text).toContain('李代表');
      expect(report.rawPayload.toString('latin1')).toContain('/Subtype /Image');
      expect((await outsider.get(`/api/inspections/${detail.id}/report.pdf`)).statusCode).toBe(404);
    });

    it('a submit replayed three times with its Idempotency-Key returns the stored answer and creates nothing twice', async () => {
      const detail = await freshInspection();
      const photo = (await putPhoto(inspector, detail.id, await jpeg())).json();
      const submit = body(detail, photo.id);
      // A fail answer without a drafted issue still becomes exactly one issue (its id derived from the answer's).
      submit.answers.push({ clientId: randomUUID(), itemId: detail.template.items[3].itemId, verdict: 'fail' } as never);
      const key = `submit-${randomUUID()}`;
      const first = await inspector.post(`/api/inspections/${detail.id}/submit`, submit, { 'idempotency-key': key });
      expect(first.statusCode).toBe(200);
      const db = get().db;
      const counts = async () => ({
        answers: await count(db, 'inspection_answers', 'inspection_id', detail.id),
        issues: await count(db, 'issues', 'inspection_id', detail.id),
        photos: await count(db, 'evidence_photos', 'inspection_id', detail.id),
        keys: await count(db, 'idempotency_keys', 'key', key),
        audit: await auditCount(db),
      });
      const after = await counts();
      expect(after).toMatchObject({ answers: 4, issues: 3, photos: 2, keys: 1 });
      for (let i = 0; i < 3; i++) {
        const replay = await inspector.post(`/api/inspections/${detail.id}/submit`, submit, { 'idempotency-key': key });
        expect(replay.statusCode).toBe(200);
        expect(replay.json()).toEqual(first.json());
      }
      expect(await counts()).toEqual(after);
      const other = await inspector.post(`/api/inspections/${detail.id}/submit`, { ...submit, signerName: '别人' }, { 'idempotency-key': key });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe('idempotency_conflict');
      const byTown = await town.post(`/api/inspections/${detail.id}/submit`, submit, { 'idempotency-key': key });
      expect(byTown.statusCode).toBe(409);
      expect(await counts()).toEqual(after);
    });

    it('即知即改 with an after-photo closes the issue on the spot', async () => {
      const detail = await freshInspection();
      const before = (await putPhoto(inspector, detail.id, await jpeg(), '?purpose=item')).json();
      const after = (await putPhoto(inspector, detail.id, await jpeg(64, 48, { r: 200, g: 200, b: 200 }), '?purpose=after')).json();
      const submit = body(detail, before.id);
      const issueId = submit.answers[0].issue!.clientId;
      Object.assign(submit.answers[0].issue!, { class: 'on_spot', afterPhotoIds: [after.id] });
      const done = await inspector.post(`/api/inspections/${detail.id}/submit`, submit);
      expect(done.statusCode).toBe(200);
      const issue = await get().db.selectFrom('issues').selectAll().where('id', '=', issueId).executeTakeFirstOrThrow();
      expect(issue).toMatchObject({ status: 'closed', class: 'on_spot' });
    });

    it('an inspector of another provider and a user of another town get 404; the enterprise cannot submit', async () => {
      const detail = await freshInspection();
      expect((await outsider.get(`/api/inspections/${detail.id}`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/inspections/${detail.id}/submit`, body(detail, randomUUID()))).statusCode).toBe(404);
      const enterprise = await loggedIn(app, 'enterprise', '10.61.0.9');
      expect((await enterprise.get(`/api/inspections/${detail.id}`)).statusCode).toBe(200);
      expect((await enterprise.post(`/api/inspections/${detail.id}/check-in`, { latitude: 31, longitude: 121, at: new Date().toISOString(), version: detail.version })).statusCode).toBe(403);
    });
  });
});
