/**
 * The field form's sync and the closed loop's documents, on PGlite and PostgreSQL side by side:
 *  - sync of a 60-item inspection with 30 photos over loopback TCP, as the phone's queue sends it:
 *    check-in, 30 photo PUTs one after the other (JPEGs of 1600 × 1200 as the browser compresses them),
 *    then the submit (60 answers, an issue for each of 12 不符合, a signature). Target: ≤ 5 s.
 *  - the 整改通知书 PDF of a notice with 10 issues, each with a photo. Target: ≤ 2 s.
 * Run: npm run bench (or node --import tsx bench/field.bench.ts)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../src/server/config';
import { migrateToLatest, type Database } from '../src/server/db/index';
import { seedDemo } from '../src/server/db/seed/index';
import { buildApp } from '../src/server/http/app';
import { BENCH_PASSWORD, ms, stats, time, withBothEngines } from './support';

const ITEMS = 60;
const PHOTOS = 30;
const FAILS = 12;
const RUNS = 5;

/** A photo-like JPEG: smooth colour fields with grain, so it compresses like a picture of a workshop, not like a flat fill. */
async function photo(seed: number): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const raw = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761;
  for (let y = 0; y < height; y++) {
    for (let c = 0; c < width; c++) {
      x = (x * 1103515245 + 12345) >>> 0;
      const grain = (x >>> 24) % 24;
      const i = (y * width + c) * 3;
      raw[i] = (120 + 80 * Math.sin((c + seed * 37) / 90) + grain) & 255;
      raw[i + 1] = (110 + 70 * Math.cos((y + seed * 11) / 70) + grain) & 255;
      raw[i + 2] = (90 + 50 * Math.sin((c + y) / 130) + grain) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

async function signature(): Promise<string> {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M20 140 C 120 20, 180 180, 280 80 S 460 160, 580 60" stroke="black" stroke-width="6" fill="none"/></svg>');
  return `data:image/png;base64,${(await sharp(svg).png().toBuffer()).toString('base64')}`;
}

/** A cookie-keeping HTTP client over a real socket, with the CSRF header on mutations. */
class HttpClient {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}
  async call(method: string, url: string, body?: Buffer | object, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.cookies.has('es_csrf')) h['x-csrf-token'] = this.cookies.get('es_csrf')!;
    let payload: BodyInit | undefined;
    if (Buffer.isBuffer(body)) {
      payload = new Uint8Array(body);
      h['content-type'] ??= 'image/jpeg';
    } else if (body) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + url, { method, headers: h, body: payload });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    return { status: res.status, json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }
}

function ok<T extends { status: number; json: any }>(r: T, what: string, status = 200): T {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
  return r;
}

async function benchEngine(database: Database, photos: Buffer[], sig: string) {
  await migrateToLatest(database.db);
  await seedDemo(database.db, { size: 'district', password: BENCH_PASSWORD });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'es-bench-field-'));
  const app = await buildApp({ db: database.db, engine: database.engine, config: { ...loadConfig({}), dataDir, demoPassword: BENCH_PASSWORD }, version: 'bench' });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const town = new HttpClient(address);
    const inspector = new HttpClient(address);
    for (const [client, user] of [[town, 'town'], [inspector, 'inspector']] as const) {
      await client.call('GET', '/api/auth/csrf');
      ok(await client.call('POST', '/api/auth/login', { username: user, password: BENCH_PASSWORD }), `login ${user}`);
    }
    const db = database.db;
    const inspectorId = (await db.selectFrom('users').select('id').where('username', '=', 'inspector').executeTakeFirstOrThrow()).id;
    const template = await db
      .selectFrom('checklist_templates')
      .innerJoin('checklist_template_items', 'checklist_template_items.template_id', 'checklist_templates.id')
      .select(['checklist_templates.id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('checklist_templates.status', '=', 'active')
      .where('checklist_templates.region_id', 'is', null)
      .groupBy('checklist_templates.id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    if (Number(template.n) < ITEMS) throw new Error(`the largest template has ${template.n} items, fewer than ${ITEMS}`);
    const sources = await db
      .selectFrom('sources')
      .select(['id', 'latitude', 'longitude'])
      .where('town_id', '=', (await db.selectFrom('users').select('region_id').where('username', '=', 'town').executeTakeFirstOrThrow()).region_id!)
      .where('source_type', '=', 'industrial')
      .where('lifecycle_status', '=', 'operating')
      .limit(RUNS + 1)
      .execute();

    const syncTimes: number[] = [];
    const noticeTimes: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const source = sources[run];
      const plan = ok(await town.call('POST', '/api/inspection-plans', {
        name: `基准计划 ${randomUUID().slice(0, 8)}`, kind: 'special', year: 2026, startsOn: '2026-11-02', endsOn: '2026-11-30', sourceIds: [source.id], templateId: template.id,
      }), 'plan', 201).json;
      const planDetail = ok(await town.call('GET', `/api/inspection-plans/${plan.plan.id}`), 'plan detail').json;
      const planned = planDetail.inspections[0];
      ok(await town.call('PATCH', `/api/inspections/${planned.id}`, { version: planned.version, inspectorId }), 'assign');
      const detail = ok(await inspector.call('GET', `/api/inspections/${planned.id}`), 'detail').json;
      const items = detail.template.items.slice(0, ITEMS) as Array<{ itemId: string; text: string }>;

      // What the phone's queue sends once the network is back: the check-in, the photos, the submit.
      const [, syncMs] = await time(async () => {
        const checkIn = ok(await inspector.call('POST', `/api/inspections/${planned.id}/check-in`, {
          version: detail.version, latitude: source.latitude ?? 31.05, longitude: source.longitude ?? 121.5, accuracy: 12, at: new Date().toISOString(),
        }, { 'idempotency-key': randomUUID() }), 'check-in').json;
        const photoIds: string[][] = items.map(() => []);
        for (let p = 0; p < PHOTOS; p++) {
          const id = randomUUID();
          const item = items[p % FAILS];
          ok(await inspector.call('PUT', `/api/inspections/${planned.id}/photos/${id}?itemId=${item.itemId}&capturedAt=${encodeURIComponent(new Date().toISOString())}`, photos[(run * PHOTOS + p) % photos.length], { 'idempotency-key': id }), 'photo', 201);
          photoIds[p % FAILS].push(id);
        }
        ok(await inspector.call('POST', `/api/inspections/${planned.id}/submit`, {
          version: checkIn.version,
          answers: items.map((item, i) => i < FAILS
            ? { clientId: randomUUID(), itemId: item.itemId, verdict: 'fail', note: '现场检查发现不符合', photoIds: photoIds[i],
                issue: { clientId: randomUUID(), description: item.text, class: 'deadline', deadline: '2026-12-31', responsiblePerson: '王经理', measure: '限期整改', severity: 'general' } }
            : { clientId: randomUUID(), itemId: item.itemId, verdict: i % 9 === 0 ? 'na' : 'pass' }),
          findings: [],
          signature: sig,
          signerName: '李代表',
        }, { 'idempotency-key': randomUUID() }), 'submit');
      });

      // The issues become a notice (confirm → register → notice), then its PDF is rendered.
      const issueIds = (await db.selectFrom('issues').select(['id']).where('inspection_id', '=', planned.id).execute()).map((r) => r.id);
      let noticeId = '';
      for (const id of issueIds.slice(0, 10)) {
        for (const action of ['confirm', 'register'] as const) {
          const issue = ok(await town.call('GET', `/api/issues/${id}`), 'issue').json;
          ok(await town.call('POST', `/api/issues/${id}/actions/${action}`, { version: issue.version }), action);
        }
        const issue = ok(await town.call('GET', `/api/issues/${id}`), 'issue').json;
        noticeId = ok(await town.call('POST', `/api/issues/${id}/actions/issue_notice`, { version: issue.version, deadline: '2026-12-31' }), 'notice').json.notice.id;
      }
      const [pdf, pdfMs] = await time(() => town.call('GET', `/api/notices/${noticeId}/pdf`));
      ok(pdf, 'pdf');
      // The first run warms up (JIT, font loading, the planner's first plans).
      if (run > 0) {
        syncTimes.push(syncMs);
        noticeTimes.push(pdfMs);
      }
    }
    return { sync: stats(syncTimes), notice: stats(noticeTimes) };
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const photos = await Promise.all(Array.from({ length: PHOTOS }, (_, i) => photo(i + 1)));
  const bytes = photos.reduce((n, p) => n + p.length, 0);
  const sig = await signature();
  const results = await withBothEngines(async ({ pglite, postgres }) => ({
    pglite: await benchEngine(pglite, photos, sig),
    postgres: await benchEngine(postgres, photos, sig),
  }));
  console.log(`\nphotos: ${PHOTOS} JPEGs of 1600 × 1200, ${(bytes / PHOTOS / 1024).toFixed(0)} KB each on average (${(bytes / 1024 / 1024).toFixed(1)} MB in all); runs: ${RUNS} after one warm-up\n`);
  console.log('| measure | PGlite median (max) | PostgreSQL median (max) | ratio PGlite/PG |');
  console.log('|---|---|---|---|');
  const row = (name: string, a: ReturnType<typeof stats>, b: ReturnType<typeof stats>) =>
    console.log(`| ${name} | ${ms(a.median, 0)} (${ms(a.p95, 0)}) | ${ms(b.median, 0)} (${ms(b.p95, 0)}) | ${(a.median / b.median).toFixed(2)} |`);
  row(`sync: check-in + ${PHOTOS} photos + submit of ${ITEMS} answers (${FAILS} issues)`, results.pglite.sync, results.postgres.sync);
  row('notice PDF with 10 issues and photos', results.pglite.notice, results.postgres.notice);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
