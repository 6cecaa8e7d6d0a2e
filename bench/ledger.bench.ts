/**
 * Ledger import of 10,000 valid, realistic rows (the target: ≤ 30 s on PGlite), on PGlite and
 * PostgreSQL side by side, as the district bureau of the demo district:
 *  - parse: zip checks + exceljs read of the uploaded file
 *  - validate: the report (regions, industry, duplicates, near-duplicate names, district polygon)
 *  - upload: parse + header detection + validate + store the batch (what the first request costs)
 *  - commit: re-validation inside the transaction + 10,000 inserts with one audit row each
 * Run: npm run bench (or node --import tsx bench/ledger.bench.ts)
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { LEDGER_FIELDS } from '../src/common/contracts/ledgers';
import { SCALE } from '../src/common/dossier-enums';
import { PERMIT_CLASS, SOURCE_TYPE } from '../src/common/enums';
import { USCC_CHARSET, orgCodeCheckChar, usccCheckChar } from '../src/common/uscc';
import { migrateToLatest, type Database } from '../src/server/db/index';
import { seedDemo } from '../src/server/db/seed/index';
import { commitImport } from '../src/server/modules/registry/ledger/commit';
import { uploadLedger, validateBatch } from '../src/server/modules/registry/ledger/import';
import { readWorkbook } from '../src/server/modules/registry/ledger/parse';
import { assertReadableXlsx } from '../src/server/modules/registry/ledger/xlsx-guard';
import { BENCH_PASSWORD, actorFor, time, withBothEngines } from './support';

const ROWS = 10_000;
// Trade names (字号) of two or three characters and product words, as Shanghai firms are named.
const TRADE = [...'华鑫恒泰瑞宏盛嘉联通源明新丰安昌荣博精信远辰合晟锦海佳兴润科创永金凯腾宇捷启誉峰众诚邦威奥汇泓申沪春正立益祥顺德达'];
const WORDS = ['精密机械', '汽车零部件', '电子科技', '塑胶制品', '金属制品', '包装印刷', '机电设备', '新材料', '环保科技', '医疗器械'];
const CODES = ['3484', '3670', '3989', '2929', '3399', '2319', '3499', '2659', '3591', '3584'];

function firmName(i: number, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const pick = () => TRADE[randomBytes(1)[0] % TRADE.length];
    const trade = pick() + pick() + (attempt > 3 || i % 3 === 0 ? pick() : '');
    const name = `上海${trade}${WORDS[i % WORDS.length]}${i % 7 === 0 ? '股份' : ''}有限公司`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
const SIZES = ['small', 'micro', 'medium'] as const;

function uscc(used: Set<string>): string {
  for (;;) {
    let body = 'MA1';
    for (const byte of randomBytes(5)) body += USCC_CHARSET[byte % USCC_CHARSET.length];
    const first17 = `91310112${body}${orgCodeCheckChar(body)}`;
    const code = first17 + usccCheckChar(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** 10,000 new sources spread over the district's towns and villages, at points of existing sources of the same town. */
async function ledgerFile(database: Database): Promise<Buffer> {
  const db = database.db;
  const grids = await db.selectFrom('regions as g').innerJoin('regions as t', 't.id', 'g.parent_id').select(['g.name as grid', 't.name as town', 't.id as town_id']).where('g.level', '=', 'grid').where('t.level', '=', 'town').orderBy('g.id').execute();
  const points = await db.selectFrom('sources').select(['town_id', 'longitude', 'latitude']).where('longitude', 'is not', null).execute();
  const byTown = new Map<string, Array<[number, number]>>();
  for (const p of points) byTown.set(p.town_id, [...(byTown.get(p.town_id) ?? []), [p.longitude!, p.latitude!]]);
  const usable = grids.filter((g) => byTown.has(g.town_id));
  const stored = await db.selectFrom('sources').select(['uscc', 'name']).execute();
  const used = new Set(stored.map((r) => r.uscc));
  const names = new Set(stored.map((r) => r.name));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('台账');
  sheet.addRow(LEDGER_FIELDS.map((f) => f.zh));
  for (let i = 0; i < ROWS; i++) {
    const g = usable[i % usable.length];
    const [lon, lat] = byTown.get(g.town_id)![i % byTown.get(g.town_id)!.length];
    const k = i % WORDS.length;
    sheet.addRow([
      firmName(i, names), uscc(used), SOURCE_TYPE.labels.industrial.zh, CODES[k], PERMIT_CLASS.labels[i % 3 === 0 ? 'simplified' : 'registration'].zh,
      g.town, null, g.grid, `上海市闵行区${g.town}工业路${(i % 1999) + 1}号`, lon, lat, `张${i % 100}`, SCALE.labels[SIZES[i % 3]].zh, 10 + (i % 300), `李${i % 100}`, `139${String(10_000_000 + i).slice(0, 8)}`,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const s = (v: number) => `${(v / 1000).toFixed(2)} s`;

async function main() {
  const results: Record<string, Record<string, number>> = {};
  const cpu: Record<string, number> = {};
  let fileSize = 0;
  await withBothEngines(async ({ pglite, postgres }) => {
    const engines = [['pglite', pglite], ['postgres', postgres]] as const;
    for (const [name, database] of engines) {
      await migrateToLatest(database.db);
      await seedDemo(database.db, { size: 'district', password: BENCH_PASSWORD });
      const actor = await actorFor(database, 'bureau');
      const file = await ledgerFile(database);
      fileSize = file.length;
      const [sheets, parse, parseCpu] = await time(async () => {
        assertReadableXlsx(file);
        return readWorkbook(file);
      });
      const headers = sheets[0].rows[0].c;
      const mapping = Object.fromEntries(LEDGER_FIELDS.map((f, i) => [f.key, i]));
      const [validation, validate, validateCpu] = await time(() => validateBatch(database.db, actor, sheets[0].rows.slice(1), headers, mapping));
      if (validation.summary.new !== ROWS) throw new Error(`expected ${ROWS} new rows, got ${JSON.stringify(validation.summary)}`);
      const [uploaded, upload, uploadCpu] = await time(() => uploadLedger(database.db, actor, { name: 'bench.xlsx', data: file }));
      const [committed, commit, commitCpu] = await time(() => commitImport(database.db, actor, uploaded.view.importId, { version: uploaded.view.version, mode: 'all_or_nothing', duplicates: 'merge' }));
      if (committed.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${committed.created}`);
      results[name] = { parse, validate, upload, commit, total: upload + commit };
      if (name === 'pglite') Object.assign(cpu, { parse: parseCpu, validate: validateCpu, upload: uploadCpu, commit: commitCpu, total: uploadCpu + commitCpu });
    }
  });
  console.log(`\nLedger import of ${ROWS.toLocaleString('en')} new sources (file ${(fileSize / 1024 / 1024).toFixed(1)} MB) as the district bureau:\n`);
  console.log('| step | PGlite wall | PGlite CPU | PostgreSQL wall | ratio PGlite/PG (wall) |');
  console.log('|---|---|---|---|---|');
  for (const step of ['parse', 'validate', 'upload', 'commit', 'total']) {
    const a = results.pglite[step];
    const b = results.postgres[step];
    console.log(`| ${step === 'total' ? 'upload + commit (what the user waits)' : step} | ${s(a)} | ${s(cpu[step])} | ${s(b)} | ${(a / b).toFixed(2)} |`);
  }
  console.log(`\nLoad average at the end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores).`);
}

await main();
