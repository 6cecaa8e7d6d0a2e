import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { form, readZip, samples, sha256 } from './documents-support';

/** 档案: upload one and many files, type and size limits, batches, versions, edits, soft delete, who may do what. */
describeEachEngine('documents', 'seeded', (get) => {
  let app: FastifyInstance;
  let dataDir: string;
  let sourceId: string;
  let otherSourceId: string;
  let town: Client;

  const count = async (table: 'documents' | 'document_versions' | 'audit_log') =>
    Number((await get().db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const upload = (client: Client, files: Parameters<typeof form>[0], fields: Record<string, string> = {}, url = `/api/sources/${sourceId}/documents`) =>
    client.post(url, form(files, fields));
  const storedFile = (sha: string) => path.join(dataDir, 'uploads', 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecosteward-docs-'));
    app = await appFor(get(), { dataDir });
    const enterprise = await get().db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow();
    sourceId = enterprise.source_id!;
    const other = await get().db.selectFrom('sources').select('id').where('id', '<>', sourceId).orderBy('name').executeTakeFirstOrThrow();
    otherSourceId = other.id;
    town = await loggedIn(app, 'town');
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores one file with its fields; the download returns the identical bytes with the SHA-256 and a UTF-8 file name', async () => {
    const content = samples.pdf('环评批复 one');
    const auditBefore = await count('audit_log');
    const response = await upload(town, [{ name: '沪闵环保许评〔2021〕12号 环评批复.pdf', content }], {
      category: 'eia_approval', title: '环评批复（新建项目）', documentDate: '2021-03-15', confidentiality: 'public',
    });
    expect(response.statusCode).toBe(201);
    const { created, refused } = response.json();
    expect(refused).toEqual([]);
    expect(created).toHaveLength(1);
    const [doc] = created;
    expect(doc).toMatchObject({
      sourceId, category: 'eia_approval', title: '环评批复（新建项目）', documentDate: '2021-03-15', confidentiality: 'public', fromEnterprise: false, version: 1, versionCount: 1,
      currentVersion: { versionNo: 1, fileName: '沪闵环保许评〔2021〕12号 环评批复.pdf', fileKind: 'pdf', mimeType: 'application/pdf', sizeBytes: content.length, sha256: sha256(content), uploaderRole: 'town' },
    });
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const audit = await get().db.selectFrom('audit_log').selectAll().where('entity_id', '=', doc.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'document.create', entity_type: 'document', actor_username: 'town' });

    expect(fs.readFileSync(storedFile(doc.currentVersion.sha256))).toEqual(content);
    const download = await town.get(`/api/documents/${doc.id}/versions/1/download`);
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(content));
    expect(download.headers['x-content-sha256']).toBe(sha256(content));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('沪闵环保许评〔2021〕12号 环评批复.pdf')}`);
    expect((await town.get(`/api/documents/${doc.id}/versions/1/download?disposition=inline`)).headers['content-disposition']).toMatch(/^inline;/);
    expect((await town.get(`/api/documents/${doc.id}/versions/2/download`)).statusCode).toBe(404);
  });

  it('a drag-and-drop of many scanned files makes one document each, titled by its file name, every accepted type recognised by content', async () => {
    const files = [
      { name: '档案第001页.jpg', content: samples.jpeg('p1') },
      { name: '档案第002页.jpeg', content: samples.jpeg('p2') },
      { name: '档案第003页.png', content: await samples.png('p3') },
      { name: '档案第004页.webp', content: samples.webp('p4') },
      { name: '档案第005页.heic', content: samples.heic('p5') },
      { name: '运维记录.doc', content: samples.doc('d') },
      { name: '运维记录.docx', content: await samples.docx('dx') },
      { name: '运维台账.xlsx', content: await samples.xlsx('x') },
      { name: '培训.pptx', content: await samples.pptx('pp') },
      { name: '电子证照.ofd', content: await samples.ofd('o') },
      { name: '扫描件.PDF', content: samples.pdf('upper-case extension') },
      // A PNG saved with a .jpg name is still an image: stored, with the type its content has.
      { name: '手机拍照.jpg', content: await samples.png('mislabelled') },
    ];
    const before = await count('documents');
    const response = await upload(town, files, { category: 'facility_maintenance', documentDate: '2024-06-30' });
    expect(response.statusCode).toBe(201);
    const { created } = response.json();
    expect(created.map((d: { title: string }) => d.title)).toEqual(files.map((f) => f.name.replace(/\.[^.]+$/, '')));
    expect(created.map((d: { currentVersion: { fileKind: string } }) => d.currentVersion.fileKind)).toEqual([
      'jpeg', 'jpeg', 'png', 'webp', 'heic', 'doc', 'docx', 'xlsx', 'pptx', 'ofd', 'pdf', 'png',
    ]);
    expect(created.every((d: { category: string; documentDate: string }) => d.category === 'facility_maintenance' && d.documentDate === '2024-06-30')).toBe(true);
    expect(await count('documents')).toBe(before + files.length);
    const list = (await town.get(`/api/sources/${sourceId}/documents?category=facility_maintenance`)).json();
    expect(list.total).toBe(files.length);
    expect(list.byCategory).toEqual(expect.arrayContaining([{ category: 'facility_maintenance', count: files.length }]));
    const searched = (await town.get(`/api/sources/${sourceId}/documents?q=${encodeURIComponent('档案第00')}`)).json();
    expect(searched.total).toBe(5);
  });

  it('refuses impostors by their content, naming each file and the reason in both languages, and stores nothing of the batch', async () => {
    const before = { documents: await count('documents'), audit: await count('audit_log') };
    const cases = [
      { name: '验收报告.pdf', content: samples.exe('renamed'), code: 'content_mismatch', zh: 'Windows 可执行程序', en: 'Windows executable' },
      { name: '伪装.pdf', content: Buffer.concat([samples.exe('hidden'), samples.pdf('inside an exe')]), code: 'content_mismatch', zh: 'Windows 可执行程序', en: 'Windows executable' },
      { name: 'setup.exe', content: samples.exe('plain'), code: 'type_not_allowed', zh: '.exe', en: '.exe' },
      { name: '安装包.doc', content: samples.doc('x').subarray(0, 512), code: 'content_mismatch', zh: 'OLE 复合文件', en: 'OLE compound file' },
      { name: '监测报告.docx', content: await samples.plainZip('z'), code: 'content_mismatch', zh: 'ZIP 压缩包', en: 'ZIP archive' },
      { name: '许可证.pdf', content: await samples.png('png as pdf'), code: 'content_mismatch', zh: 'PNG 图片', en: 'PNG image' },
      { name: '空文件.pdf', content: Buffer.alloc(0), code: 'empty_file', zh: '文件为空', en: 'empty' },
    ];
    for (const c of cases) {
      const response = await upload(town, [{ name: '好文件.pdf', content: samples.pdf(c.name) }, { name: c.name, content: c.content }], { category: 'other' });
      expect(response.statusCode, c.name).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ code: 'upload_refused', field: 'files' });
      expect(body.refused).toHaveLength(1);
      expect(body.refused[0]).toMatchObject({ fileName: c.name, code: c.code });
      expect(body.refused[0].message.zh).toContain(c.name);
      expect(body.refused[0].message.zh).toContain(c.zh);
      expect(body.refused[0].message.en).toContain(c.en);
      expect(body.message.zh).toContain(c.name);
      expect(body.message.en).toContain(c.name);
    }
    expect(await count('documents')).toBe(before.documents);
    expect(await count('audit_log')).toBe(before.audit);
    expect(fs.readdirSync(path.join(dataDir, 'uploads', 'tmp'))).toEqual([]);
  });

  it('with partial=true the good files are stored and the report lists the bad ones', async () => {
    const files = [
      { name: '好1.pdf', content: samples.pdf('partial 1') },
      { name: '病毒.pdf', content: samples.exe('partial') },
      { name: '好2.png', content: await samples.png('partial 2') },
      { name: '说明.txt', content: Buffer.from('plain text') },
    ];
    const before = await count('documents');
    const asField = await upload(town, files, { category: 'rectification', partial: 'true' });
    expect(asField.statusCode).toBe(201);
    expect(asField.json().created.map((d: { title: string }) => d.title)).toEqual(['好1', '好2']);
    expect(asField.json().refused.map((r: { fileName: string; code: string }) => [r.fileName, r.code])).toEqual([
      ['病毒.pdf', 'content_mismatch'],
      ['说明.txt', 'type_not_allowed'],
    ]);
    expect(await count('documents')).toBe(before + 2);
    const asQuery = await town.post(`/api/sources/${sourceId}/documents?partial=true`, form([{ name: '好3.pdf', content: samples.pdf('q') }, files[1]], { category: 'rectification' }));
    expect(asQuery.statusCode).toBe(201);
    expect(asQuery.json().created).toHaveLength(1);
    const allBad = await upload(town, [files[1], files[3]], { category: 'rectification', partial: 'true' });
    expect(allBad.statusCode).toBe(400);
    expect(allBad.json().refused).toHaveLength(2);
    expect(await count('documents')).toBe(before + 3);
  });

  it('refuses a file over 50 MB by name, and more than 200 files per upload', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
    samples.pdf('big').copy(big);
    const started = Date.now();
    const response = await upload(town, [{ name: '超大扫描件.pdf', content: big }], { category: 'other' });
    console.log(`50 MB + 1 byte upload refused in ${Date.now() - started} ms`);
    expect(response.statusCode).toBe(400);
    expect(response.json().refused[0]).toMatchObject({ fileName: '超大扫描件.pdf', code: 'too_large' });
    expect(response.json().refused[0].message.zh).toContain('50 MB');

    const exact = Buffer.alloc(50 * 1024 * 1024, 0x20);
    samples.pdf('exactly the limit').copy(exact);
    const atLimit = await upload(town, [{ name: '刚好50MB.pdf', content: exact }], { category: 'other' });
    expect(atLimit.statusCode).toBe(201);
    expect(atLimit.json().created[0].currentVersion.sizeBytes).toBe(exact.length);

    const many = Array.from({ length: 201 }, (_, i) => ({ name: `第${i + 1}页.pdf`, content: samples.pdf(`page ${i}`) }));
    const before = await count('documents');
    const tooMany = await upload(town, many, { category: 'other' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'invalid_field', field: 'files' });
    expect(tooMany.json().message.zh).toContain('200');
    expect(await count('documents')).toBe(before);
    const started200 = Date.now();
    const exactly200 = await upload(town, many.slice(0, 200), { category: 'other' });
    console.log(`200-file upload stored in ${Date.now() - started200} ms`);
    expect(exactly200.statusCode).toBe(201);
    expect(await count('documents')).toBe(before + 200);
  });

  it('answers bad form fields with 400 naming the field, and a non-multipart body with 415', async () => {
    const before = await count('documents');
    const one = [{ name: 'a.pdf', content: samples.pdf('fields') }];
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'category'],
      [{ category: 'lunch_menu' }, 'category'],
      [{ category: 'other', documentDate: '2024-02-30' }, 'documentDate'],
      [{ category: 'other', confidentiality: 'top' }, 'confidentiality'],
      [{ category: 'other', colour: 'red' }, 'colour'],
    ];
    for (const [fields, field] of cases) {
      const response = await upload(town, one, fields);
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.json().field).toBe(field);
      expect(response.json().message.zh).toBeTruthy();
    }
    const titled = await upload(town, [...one, { name: 'b.pdf', content: samples.pdf('b') }], { category: 'other', title: '一个标题' });
    expect(titled.json()).toMatchObject({ field: 'title' });
    const noFiles = await town.post(`/api/sources/${sourceId}/documents`, (() => { const f = new FormData(); f.append('category', 'other'); return f; })());
    expect(noFiles.json()).toMatchObject({ field: 'files' });
    const json = await town.post(`/api/sources/${sourceId}/documents`, { category: 'other' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('not_multipart');
    expect(await count('documents')).toBe(before);
    expect(fs.readdirSync(path.join(dataDir, 'uploads', 'tmp'))).toEqual([]);
  });

  it('a new version keeps the old ones downloadable; a stale version gets 409; identical content is refused', async () => {
    const v1 = samples.pdf('permit v1');
    const doc = (await upload(town, [{ name: '排污许可证.pdf', content: v1 }], { category: 'discharge_permit' })).json().created[0];
    const v2 = samples.pdf('permit v2 (renewed)');
    const response = await town.post(`/api/documents/${doc.id}/versions`, form([{ name: '排污许可证（延续）.pdf', content: v2 }], { version: '1', note: '延续换证' }));
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    expect(detail).toMatchObject({ version: 2, versionCount: 2, currentVersion: { versionNo: 2, fileName: '排污许可证（延续）.pdf', note: '延续换证', sha256: sha256(v2) } });
    expect(detail.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    expect(sha256((await town.get(`/api/documents/${doc.id}/versions/1/download`)).rawPayload)).toBe(sha256(v1));
    expect(sha256((await town.get(`/api/documents/${doc.id}/versions/2/download`)).rawPayload)).toBe(sha256(v2));

    const stale = await town.post(`/api/documents/${doc.id}/versions`, form([{ name: 'v3.pdf', content: samples.pdf('v3') }], { version: '1' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', field: 'version' });
    const same = await town.post(`/api/documents/${doc.id}/versions`, form([{ name: 'again.pdf', content: v2 }], { version: '2' }));
    expect(same.statusCode).toBe(400);
    const two = await town.post(`/api/documents/${doc.id}/versions`, form([{ name: 'x.pdf', content: samples.pdf('x') }, { name: 'y.pdf', content: samples.pdf('y') }], { version: '2' }));
    expect(two.json()).toMatchObject({ field: 'files' });
    const spoofed = await town.post(`/api/documents/${doc.id}/versions`, form([{ name: 'v3.pdf', content: samples.exe('v3') }], { version: '2' }));
    expect(spoofed.json()).toMatchObject({ code: 'upload_refused' });
    const noVersion = await town.post(`/api/documents/${doc.id}/versions`, form([{ name: 'v3.pdf', content: samples.pdf('v3') }]));
    expect(noVersion.json()).toMatchObject({ field: 'version' });
    const row = await get().db.selectFrom('documents').selectAll().where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ current_version_no: 2, version: 2 });
  });

  it('edits title, category, date and confidentiality with a version; stale edits get 409; soft delete hides the document but keeps its file', async () => {
    const content = samples.pdf('to edit');
    const doc = (await upload(town, [{ name: '应急预案.pdf', content }], { category: 'other' })).json().created[0];
    const edited = await town.patch(`/api/documents/${doc.id}`, { version: 1, title: '突发环境事件应急预案', category: 'emergency_plan', documentDate: '2023-05-01', confidentiality: 'secret' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: '突发环境事件应急预案', category: 'emergency_plan', documentDate: '2023-05-01', confidentiality: 'secret', version: 2 });
    const stale = await town.patch(`/api/documents/${doc.id}`, { version: 1, title: '旧标题' });
    expect(stale.statusCode).toBe(409);
    expect((await town.patch(`/api/documents/${doc.id}`, { version: 2, title: '' })).json()).toMatchObject({ field: 'title' });
    expect((await town.patch(`/api/documents/${doc.id}`, { version: 2, category: 'menu' })).json()).toMatchObject({ field: 'category' });
    expect((await town.get(`/api/documents/${doc.id}`)).json().title).toBe('突发环境事件应急预案');
    const audit = await get().db.selectFrom('audit_log').selectAll().where('entity_id', '=', doc.id).where('action', '=', 'document.update').executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ title: '应急预案', category: 'other' });

    expect((await town.request('DELETE', `/api/documents/${doc.id}?version=1`)).statusCode).toBe(409);
    expect((await town.request('DELETE', `/api/documents/${doc.id}`)).json()).toMatchObject({ field: 'version' });
    const deleted = await town.request('DELETE', `/api/documents/${doc.id}?version=2`);
    expect(deleted.statusCode).toBe(204);
    expect((await town.get(`/api/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await town.get(`/api/documents/${doc.id}/versions/1/download`)).statusCode).toBe(404);
    const list = (await town.get(`/api/sources/${sourceId}/documents?pageSize=500`)).json();
    expect(list.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    const row = await get().db.selectFrom('documents').selectAll().where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect(fs.existsSync(storedFile(sha256(content)))).toBe(true);
    expect(await get().db.selectFrom('audit_log').select('action').where('entity_id', '=', doc.id).where('action', '=', 'document.delete').executeTakeFirst()).toBeDefined();
  });

  it('secret documents are hidden from the inspector and the grid cadre, and only roles that see secrets may set them', async () => {
    const secret = (await upload(town, [{ name: '处罚决定书.pdf', content: samples.pdf('secret penalty') }], { category: 'penalty', confidentiality: 'secret' })).json().created[0];
    const internal = (await upload(town, [{ name: '处罚告知书.pdf', content: samples.pdf('internal penalty') }], { category: 'penalty', confidentiality: 'internal' })).json().created[0];
    for (const name of ['inspector', 'grid']) {
      const client = await loggedIn(app, name, `10.9.0.${name.length}`);
      const list = (await client.get(`/api/sources/${sourceId}/documents?category=penalty`)).json();
      expect(list.items.map((d: { id: string }) => d.id), name).toEqual([internal.id]);
      expect(list.byCategory.find((c: { category: string }) => c.category === 'penalty').count).toBe(1);
      expect((await client.get(`/api/documents/${secret.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/documents/${secret.id}/versions/1/download`)).statusCode).toBe(404);
      expect((await client.get(`/api/documents/${internal.id}/versions/1/download`)).statusCode).toBe(200);
    }
    for (const name of ['bureau', 'enterprise', 'admin']) {
      const client = await loggedIn(app, name, `10.9.1.${name.length}`);
      expect((await client.get(`/api/documents/${secret.id}`)).statusCode, name).toBe(200);
    }
    const inspector = await loggedIn(app, 'inspector', '10.9.2.1');
    const refused = await upload(inspector, [{ name: '巡查.pdf', content: samples.pdf('inspector secret') }], { category: 'inspection_report', confidentiality: 'secret' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('confidentiality');
    const allowed = await upload(inspector, [{ name: '巡查.pdf', content: samples.pdf('inspector internal') }], { category: 'inspection_report' });
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json().created[0]).toMatchObject({ confidentiality: 'internal', currentVersion: { uploaderRole: 'inspector' } });
    expect((await inspector.patch(`/api/documents/${allowed.json().created[0].id}`, { version: 1, confidentiality: 'secret' })).statusCode).toBe(400);
  });

  it('the enterprise uploads to its own source (marked as such) and gets 404 elsewhere; grid and expert only read', async () => {
    const enterprise = await loggedIn(app, 'enterprise', '10.9.3.1');
    const own = await upload(enterprise, [{ name: '营业执照.jpg', content: samples.jpeg('licence') }], { category: 'business_license' });
    expect(own.statusCode).toBe(201);
    const doc = own.json().created[0];
    expect(doc).toMatchObject({ fromEnterprise: true, currentVersion: { fromEnterprise: true, uploaderRole: 'enterprise' } });
    const before = await count('documents');
    const elsewhere = await upload(enterprise, [{ name: 'x.pdf', content: samples.pdf('elsewhere') }], { category: 'other' }, `/api/sources/${otherSourceId}/documents`);
    expect(elsewhere.statusCode).toBe(404);
    expect((await enterprise.get(`/api/sources/${otherSourceId}/documents`)).statusCode).toBe(404);
    expect(await count('documents')).toBe(before);

    const v2 = await enterprise.post(`/api/documents/${doc.id}/versions`, form([{ name: '营业执照（变更后）.jpg', content: samples.jpeg('licence v2') }], { version: '1' }));
    expect(v2.statusCode).toBe(201);
    expect((await enterprise.patch(`/api/documents/${doc.id}`, { version: 2, documentDate: '2020-01-08' })).statusCode).toBe(200);
    // What the authorities filed is theirs: the enterprise reads it but may not change it.
    const filed = (await upload(town, [{ name: '整改通知书.pdf', content: samples.pdf('notice') }], { category: 'rectification' })).json().created[0];
    expect((await enterprise.get(`/api/documents/${filed.id}`)).statusCode).toBe(200);
    expect((await enterprise.patch(`/api/documents/${filed.id}`, { version: 1, title: '改掉' })).statusCode).toBe(403);
    expect((await enterprise.request('DELETE', `/api/documents/${filed.id}?version=1`)).statusCode).toBe(403);
    expect((await enterprise.post(`/api/documents/${filed.id}/versions`, form([{ name: 'n.pdf', content: samples.pdf('n') }], { version: '1' }))).statusCode).toBe(403);

    for (const name of ['grid', 'expert']) {
      const client = await loggedIn(app, name, `10.9.4.${name.length}`);
      expect((await client.get(`/api/documents/${filed.id}`)).statusCode, name).toBe(200);
      expect((await upload(client, [{ name: 'g.pdf', content: samples.pdf(name) }], { category: 'other' })).statusCode, name).toBe(403);
      expect((await client.patch(`/api/documents/${filed.id}`, { version: 1, title: name })).statusCode, name).toBe(403);
    }
    expect(await count('documents')).toBe(before + 1);
  });

  it('the archive of a source with hundreds of documents holds every visible current file once', async () => {
    const list = (await town.get(`/api/sources/${sourceId}/documents?pageSize=500`)).json();
    expect(list.total).toBeGreaterThan(200);
    const started = Date.now();
    const response = await town.get(`/api/sources/${sourceId}/archive.zip`);
    console.log(`archive.zip of ${list.total} documents, ${response.rawPayload.length} bytes, in ${Date.now() - started} ms`);
    const entries = readZip(response.rawPayload).filter((e) => !['目录.csv', 'dossier.json'].includes(e.name));
    expect(entries).toHaveLength(list.total);
    expect(new Set(entries.map((e) => e.name)).size).toBe(list.total);
    const hashes = new Set(list.items.map((d: { currentVersion: { sha256: string } }) => d.currentVersion.sha256));
    expect(entries.every((e) => hashes.has(sha256(e.data)))).toBe(true);
  });
});
