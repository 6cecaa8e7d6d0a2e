import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { pdfText } from '../support/pdf-text';
import { form, samples } from './documents-support';
import { act, enterpriseSource, found, isoDay, putPhoto, year } from './issues-support';

/** A string as pdfkit writes it into the document's Info (a literal of UTF-16BE bytes), read as latin1. */
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('latin1');

describeEachEngine('issues: notices, PDF, evidence photos and follow-ups', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  let enterprise: Client;
  let inspector: Client;
  let grid: Client;
  let source: { id: string; town_id: string; name: string };

  beforeAll(async () => {
    app = await appFor(get());
    town = await loggedIn(app, 'town', '10.62.0.1');
    enterprise = await loggedIn(app, 'enterprise', '10.62.0.2');
    inspector = await loggedIn(app, 'inspector', '10.62.0.3');
    grid = await loggedIn(app, 'grid', '10.62.0.4');
    source = await enterpriseSource(get().db);
    await get().db.updateTable('rectification_notices').set({ status: 'closed' }).where('source_id', '=', source.id).where('status', '=', 'open').execute();
  });
  afterAll(() => app.close());

  async function toRegistered(id: string) {
    await act(town, id, 'confirm');
    await act(town, id, 'register');
  }

  it('merges the issues of a source into its open notice, numbers a new one after acknowledgement, and renders the PDF', async () => {
    const [a, b, c] = await found(get().db, { sourceId: source.id, count: 3 });
    for (const id of [a, b, c]) await toRegistered(id);
    const { photoId } = await putPhoto(inspector, a, 'before');
    const first = (await act(town, a, 'issue_notice', { deadline: isoDay(15) })).json().notice;
    const second = (await act(town, b, 'issue_notice', { deadline: isoDay(20) })).json().notice;
    expect(second.id).toBe(first.id);
    expect(first.number).toMatch(new RegExp(`^闵环管整改〔${year()}〕\\d{4}号$`));

    const detail = (await enterprise.get(`/api/notices/${first.id}`)).json();
    expect(detail.issues.map((i: { id: string }) => i.id).sort()).toEqual([a, b].sort());
    expect(detail).toMatchObject({ status: 'open', canAcknowledge: true, source: { id: source.id, name: source.name } });
    expect((await town.get(`/api/notices/${first.id}`)).json().canAcknowledge).toBe(false);
    const list = (await enterprise.get('/api/notices')).json();
    expect(list.items.every((n: { sourceId: string }) => n.sourceId === source.id)).toBe(true);
    expect(list.items.map((n: { id: string }) => n.id)).toContain(first.id);

    const pdf = await enterprise.get(`/api/notices/${first.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = bytes.toString('latin1');
    expect(text).toContain(utf16be(first.number));
    const printed = pdfText(bytes).replace(/\s+/g, '');
    expect(printed).toContain('环境问题整改通知书');
    expect(printed).toContain(first.number.replace(/\s+/g, ''));
    expect(printed).toContain('法律依据');
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(text).toContain('/Subtype /Image');
    expect(photoId).toBeTruthy();

    expect((await town.post(`/api/notices/${first.id}/acknowledge`, { version: detail.version })).statusCode).toBe(403);
    expect((await enterprise.post(`/api/notices/${first.id}/acknowledge`, { version: detail.version + 1 })).statusCode).toBe(409);
    const signed = await enterprise.post(`/api/notices/${first.id}/acknowledge`, { version: detail.version });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'acknowledged', canAcknowledge: false });
    expect(signed.json().acknowledgedAt).not.toBeNull();

    const third = (await act(town, c, 'issue_notice', { deadline: isoDay(25) })).json().notice;
    expect(third.id).not.toBe(first.id);
    const seqOf = (n: string) => Number(/〕(\d{4})号/.exec(n)![1]);
    expect(seqOf(third.number)).toBe(seqOf(first.number) + 1);
  });

  it('stores evidence photos idempotently by the client id and refuses what is not an image', async () => {
    const [id] = await found(get().db, { sourceId: source.id });
    await toRegistered(id);
    await act(town, id, 'issue_notice', { deadline: isoDay(9) });
    const { photoId, response } = await putPhoto(enterprise, id, 'evidence');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ id: photoId, purpose: 'evidence' });
    const again = await putPhoto(enterprise, id, 'evidence', photoId);
    expect(again.response.statusCode).toBe(200);
    const count = await get().db.selectFrom('evidence_photos').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '=', photoId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    const image = await enterprise.get(`/api/issues/${id}/photos/${photoId}?thumb=true`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');

    const bad = await enterprise.request('PUT', `/api/issues/${id}/photos/${crypto.randomUUID()}?purpose=evidence`, Buffer.from('not a picture at all'), { 'content-type': 'image/jpeg' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_photo');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4 nope'))], { type: 'application/pdf' }), 'x.pdf');
    const badForm = await enterprise.request('PUT', `/api/issues/${id}/photos/${crypto.randomUUID()}`, form);
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().code).toBe('invalid_photo');
    const goodForm = new FormData();
    const { jpeg } = await import('./issues-support');
    goodForm.append('file', new Blob([new Uint8Array(await jpeg())], { type: 'image/jpeg' }), 'after.jpg');
    const multipart = await enterprise.request('PUT', `/api/issues/${id}/photos/${crypto.randomUUID()}?purpose=after`, goodForm);
    expect(multipart.statusCode).toBe(201);

    const submitted = await act(enterprise, id, 'submit_evidence', { note: '已整改', photoIds: [photoId, multipart.json().id] });
    expect(submitted.json().photos.after).toHaveLength(2);
    expect(submitted.json().photos.before).toHaveLength(0);
    const xinzhuang = await loggedIn(app, 'town_xinzhuang');
    expect((await xinzhuang.get(`/api/issues/${id}/photos/${photoId}`)).statusCode).toBe(404);
  });

  it('takes documents of the source\'s archive as evidence (整改材料), and refuses a document of another source', async () => {
    const [id] = await found(get().db, { sourceId: source.id });
    await toRegistered(id);
    await act(town, id, 'issue_notice', { deadline: isoDay(9) });
    const upload = await enterprise.request('POST', `/api/sources/${source.id}/documents`, form([{ name: '危废转移联单.pdf', content: samples.pdf(id) }], { category: 'rectification', confidentiality: 'internal' }));
    expect(upload.statusCode).toBe(201);
    const [document] = upload.json().created;
    const neighbour = await get().db.selectFrom('sources').select('id').where('town_id', '=', source.town_id).where('id', '<>', source.id).executeTakeFirstOrThrow();
    const other = (await town.request('POST', `/api/sources/${neighbour.id}/documents`, form([{ name: '别家的联单.pdf', content: samples.pdf(`x${id}`) }], { category: 'rectification', confidentiality: 'internal' }))).json().created[0];
    const refused = await act(enterprise, id, 'submit_evidence', { documentIds: [document.id, other.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('documentIds.1');
    expect((await enterprise.get(`/api/issues/${id}`)).json().status).toBe('rectifying');
    const submitted = await act(enterprise, id, 'submit_evidence', { documentIds: [document.id] });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().documents).toEqual([expect.objectContaining({ id: document.id, fileName: '危废转移联单.pdf', deleted: false })]);
    const download = await inspector.get(submitted.json().documents[0].url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Documents alone are evidence enough to verify.
    expect((await act(inspector, id, 'verify')).statusCode).toBe(200);
  });

  it('takes a grid cadre\'s weekly follow-up notes on open issues and shows them in the history', async () => {
    const [id] = await found(get().db, { sourceId: source.id });
    const response = await grid.post(`/api/issues/${id}/follow-ups`, { note: '本周走访，企业正在采购标识牌' });
    expect(response.statusCode).toBe(201);
    const last = response.json().events.at(-1);
    expect(last).toMatchObject({ action: 'follow_up', note: '本周走访，企业正在采购标识牌' });
    expect(last.actorName).toBeTruthy();
    expect((await grid.get(`/api/issues/${id}`)).json().canFollowUp).toBe(true);
    expect((await town.post(`/api/issues/${id}/follow-ups`, { note: 'x' })).statusCode).toBe(403);
    expect((await grid.post(`/api/issues/${id}/follow-ups`, { note: '' })).statusCode).toBe(400);
    const audit = await get().db.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', '=', 'issue.follow_up').execute();
    expect(audit).toHaveLength(1);
  });
});
