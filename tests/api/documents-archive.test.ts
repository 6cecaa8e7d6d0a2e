import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QR_OPTIONS } from '../../src/server/modules/archive/qr';
import { appFor, Client, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';
import { form, readZip, samples, sha256 } from './documents-support';

/** The enterprise's whole archive as one ZIP, and 一企一码. */
describeEachEngine('documents archive and QR code', 'seeded', (get) => {
  let app: FastifyInstance;
  let sourceId: string;
  let otherSourceId: string;
  let town: Client;
  const files = {
    eia: samples.pdf('eia approval'),
    licence: samples.jpeg('licence'),
    ledgerV1: samples.pdf('ledger v1'),
    ledgerV2: samples.pdf('ledger v2'),
    secret: samples.pdf('secret penalty'),
    deleted: samples.pdf('deleted'),
  };

  beforeAll(async () => {
    app = await appFor(get());
    const enterprise = await get().db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow();
    sourceId = enterprise.source_id!;
    otherSourceId = (await get().db.selectFrom('sources').select('id').where('id', '<>', sourceId).orderBy('name').executeTakeFirstOrThrow()).id;
    town = await loggedIn(app, 'town');
    const up = async (name: string, content: Buffer, fields: Record<string, string>) => {
      const response = await town.post(`/api/sources/${sourceId}/documents`, form([{ name, content }], fields));
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json().created[0];
    };
    await up('环评批复.pdf', files.eia, { category: 'eia_approval', documentDate: '2019-04-02', title: '年产5000吨涂料项目环评批复' });
    await up('营业执照.jpg', files.licence, { category: 'business_license' });
    const ledger = await up('危废台账.pdf', files.ledgerV1, { category: 'hazardous_waste', title: '危废台账 2024' });
    await town.post(`/api/documents/${ledger.id}/versions`, form([{ name: '危废台账-修订.pdf', content: files.ledgerV2 }], { version: '1' }));
    await up('处罚决定书.pdf', files.secret, { category: 'penalty', confidentiality: 'secret' });
    const gone = await up('作废.pdf', files.deleted, { category: 'other' });
    await town.request('DELETE', `/api/documents/${gone.id}?version=1`);
  });
  afterAll(() => app.close());

  it('the enterprise downloads its archive: folders by category, current versions, 目录.csv and dossier.json, UTF-8 names; the export is audited', async () => {
    const enterprise = await loggedIn(app, 'enterprise', '10.8.0.1');
    const started = Date.now();
    const response = await enterprise.get(`/api/sources/${sourceId}/archive.zip`);
    console.log(`archive.zip of ${response.rawPayload.length} bytes in ${Date.now() - started} ms`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".*\.zip"; filename\*=UTF-8''.*\.zip$/);
    const entries = readZip(response.rawPayload);
    const byName = Object.fromEntries(entries.map((e) => [e.name, e]));
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        '目录.csv',
        'dossier.json',
        '01_环评批复/年产5000吨涂料项目环评批复.pdf',
        '07_危废台账、转移联单/危废台账 2024.pdf',
        '12_处罚文书/处罚决定书.pdf',
        '14_营业执照/营业执照.jpg',
      ].sort(),
    );
    expect(entries.filter((e) => /[^\x00-\x7f]/.test(e.name)).every((e) => e.utf8Flag)).toBe(true);
    expect(sha256(byName['01_环评批复/年产5000吨涂料项目环评批复.pdf'].data)).toBe(sha256(files.eia));
    expect(sha256(byName['07_危废台账、转移联单/危废台账 2024.pdf'].data)).toBe(sha256(files.ledgerV2));
    expect(sha256(byName['14_营业执照/营业执照.jpg'].data)).toBe(sha256(files.licence));
    expect(byName['14_营业执照/营业执照.jpg'].method).toBe(0);

    const csv = byName['目录.csv'].data.toString('utf8');
    expect(csv.startsWith('\ufeff类别,标题,文件日期,版本')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes('危废台账 2024'))).toContain(`,2,内部,07_危废台账、转移联单/危废台账 2024.pdf,危废台账-修订.pdf,${files.ledgerV2.length},${sha256(files.ledgerV2)}`);
    expect(lines.find((l) => l.includes('环评批复'))).toContain('2019-04-02');

    const dossier = JSON.parse(byName['dossier.json'].data.toString('utf8'));
    const source = await get().db.selectFrom('sources').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow();
    expect(dossier.source).toMatchObject({ id: sourceId, name: source.name, uscc: source.uscc, address: source.address });
    expect(dossier.documents).toHaveLength(4);
    expect(dossier.exportedBy).toBe('enterprise');

    const audit = await get().db.selectFrom('audit_log').selectAll().where('action', '=', 'source.archive_export').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_type: 'source', entity_id: sourceId, actor_username: 'enterprise' });
    expect(audit.after).toMatchObject({ documents: 4 });
  });

  it('staff in scope get the archive too, without what their role may not see; others get 404', async () => {
    const inspector = await loggedIn(app, 'inspector', '10.8.0.2');
    const names = readZip((await inspector.get(`/api/sources/${sourceId}/archive.zip`)).rawPayload).map((e) => e.name);
    expect(names).toHaveLength(5);
    expect(names.some((n) => n.includes('处罚决定书'))).toBe(false);
    const enterprise = await loggedIn(app, 'enterprise', '10.8.0.3');
    expect((await enterprise.get(`/api/sources/${otherSourceId}/archive.zip`)).statusCode).toBe(404);
    expect((await town.get(`/api/sources/${otherSourceId}/archive.zip`)).statusCode).toBe(404);
    expect((await new Client(app).get(`/api/sources/${sourceId}/archive.zip`)).statusCode).toBe(401);
  });

  it('the QR code encodes the dossier URL from the request origin, exactly as the qrcode library renders it', async () => {
    const expectedUrl = `https://eco.minhang.example/sources/${sourceId}`;
    const svg = await town.request('GET', `/api/sources/${sourceId}/qr.svg`, undefined, { host: 'eco.minhang.example', 'x-forwarded-proto': 'https' });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toBe(await QRCode.toString(expectedUrl, { ...QR_OPTIONS, type: 'svg' }));
    // Version (size) check: a QR of version v has 4v + 17 modules per side, plus the margin on each side.
    const version = QRCode.create(expectedUrl, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel }).version;
    const side = 4 * version + 17 + 2 * QR_OPTIONS.margin;
    expect(svg.body).toContain(`viewBox="0 0 ${side} ${side}"`);

    const plain = await town.request('GET', `/api/sources/${sourceId}/qr.svg`, undefined, { host: 'localhost:8080' });
    expect(plain.body).toBe(await QRCode.toString(`http://localhost:8080/sources/${sourceId}`, { ...QR_OPTIONS, type: 'svg' }));
    const spoofed = await town.request('GET', `/api/sources/${sourceId}/qr.svg`, undefined, { host: 'evil"><script>' });
    expect(spoofed.body).toBe(await QRCode.toString(`http://localhost/sources/${sourceId}`, { ...QR_OPTIONS, type: 'svg' }));

    const png = await town.get(`/api/sources/${sourceId}/qr.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await town.get(`/api/sources/${otherSourceId}/qr.svg`)).statusCode).toBe(404);
  });

  it('PUBLIC_URL, when configured, is the origin of every QR code', async () => {
    const configured = await appFor(get(), { publicUrl: 'https://hbgj.mhq.gov.cn/eco' });
    try {
      const client = await loggedIn(configured, 'town', '10.8.1.1');
      const card = (await client.get(`/api/sources/${sourceId}/qr-card.json`)).json();
      expect(card.url).toBe(`https://hbgj.mhq.gov.cn/eco/sources/${sourceId}`);
      expect(card.svg).toBe(await QRCode.toString(card.url, { ...QR_OPTIONS, type: 'svg' }));
    } finally {
      await configured.close();
    }
  });

  it('the printable card shows the source, its USCC, address, contact and the caption, and is scoped', async () => {
    const source = await get().db.selectFrom('sources').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow();
    const enterprise = await loggedIn(app, 'enterprise', '10.8.0.4');
    const html = await enterprise.request('GET', `/api/sources/${sourceId}/qr-card`, undefined, { host: 'eco.example' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    for (const text of [source.uscc, '扫码查看一企一档（需登录）', `http://eco.example/sources/${sourceId}`, '<svg']) expect(html.body).toContain(text);
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(html.body).toContain(escape(source.name));
    expect(html.body).toContain(escape(source.address));
    expect(html.body).not.toContain('<script');

    // Without a 环保总监 on file, the card names the source's contact.
    await get().db.updateTable('sources').set({ env_director_name: null, env_director_phone: null }).where('id', '=', sourceId).execute();
    const json = (await enterprise.get(`/api/sources/${sourceId}/qr-card.json`)).json();
    expect(json).toMatchObject({ sourceId, name: source.name, uscc: source.uscc, contactRole: 'contact', contactName: source.contact_name, caption: { zh: '扫码查看一企一档（需登录）' } });
    expect((await enterprise.get(`/api/sources/${sourceId}/qr-card`)).body).toContain(escape(source.contact_name!));

    // The 环保总监, once the dossier names one, is the contact the card shows.
    await get().db.updateTable('sources').set({ env_director_name: '王<总监>', env_director_phone: '13900001111' }).where('id', '=', sourceId).execute();
    expect((await enterprise.get(`/api/sources/${sourceId}/qr-card.json`)).json()).toMatchObject({ contactRole: 'env_director', contactName: '王<总监>', contactPhone: '13900001111' });
    const withDirector = (await enterprise.get(`/api/sources/${sourceId}/qr-card`)).body;
    expect(withDirector).toContain('环保总监');
    expect(withDirector).toContain('王&lt;总监&gt; · 13900001111');
    expect((await enterprise.get(`/api/sources/${otherSourceId}/qr-card`)).statusCode).toBe(404);
    expect((await enterprise.get(`/api/sources/${otherSourceId}/qr-card.json`)).statusCode).toBe(404);
  });
});
