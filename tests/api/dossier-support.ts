/** Helpers of the dossier tests: valid USCCs, a valid body for every section, rows created through the API. */
import type { Kysely } from 'kysely';
import type { SectionKey } from '../../src/common/contracts/dossier';
import type { DB } from '../../src/server/db/schema';
import { toColumns, untyped } from '../../src/server/modules/registry/sections/rows';
import { SECTION_SPECS } from '../../src/server/modules/registry/sections/specs';
import { USCC_CHARSET, orgCodeCheckChar, usccCheckChar } from '../../src/common/uscc';
import type { Client } from '../support/api';

let counter = 0;
/** A number unique within the test process, for codes that must not repeat. */
export function next(): number {
  counter += 1;
  return counter;
}

const perKind = new Map<string, number>();
/** A counter per kind of code, for codes with few possible values (years, DA001–DA999). */
function nextOf(kind: string): number {
  const n = (perKind.get(kind) ?? 0) + 1;
  perKind.set(kind, n);
  return n;
}

/** A valid USCC (GB 32100 check characters) for 闵行 (310112), unique within the process. */
export function makeUscc(n = next() + Math.floor(Math.random() * 1e6)): string {
  const digits = '0123456789';
  let body = 'MA';
  let x = n;
  for (let i = 0; i < 6; i++) {
    body += digits[x % 10];
    x = Math.floor(x / 10);
  }
  const first16 = `91310112${body}${orgCodeCheckChar(body)}`;
  if (![...first16].every((c) => USCC_CHARSET.includes(c))) return makeUscc(n + 1);
  return first16 + usccCheckChar(first16);
}

/** A valid create body per section; `deps` supplies ids of rows it must point at. */
export function sampleRow(key: SectionKey, deps: { outletId?: string; permitId?: string } = {}): Record<string, unknown> {
  const n = next();
  switch (key) {
    case 'eia-approvals':
      return { projectName: `年产${n}万件汽车零部件项目`, kind: 'table', documentNumber: `闵环保许评〔2021〕${n}号`, approvingAuthority: '闵行区生态环境局', approvalDate: '2021-05-10' };
    case 'acceptances':
      return { projectName: `年产${n}万件汽车零部件项目`, kind: 'self', acceptanceDate: '2022-03-01', documentRef: '全国建设项目竣工环境保护验收信息系统公示' };
    case 'permits':
      return { permitNumber: `91310112MA1G${String(n).padStart(6, '0')}001V`, permitClass: 'simplified', issueDate: '2023-06-01', validFrom: '2023-06-01', validUntil: '2028-05-31', reportFrequency: 'annual', issuingAuthority: '上海市闵行区生态环境局' };
    case 'outlets':
      return { code: `DA${String(nextOf('outlet') % 1000).padStart(3, '0')}`, name: `${n}号排气筒`, kind: 'gas', category: 'general', heightM: 15, dischargeDestination: '大气' };
    case 'outlet-limits':
      return { outletId: deps.outletId, pollutantCode: 'a21002', pollutantName: '氮氧化物', limitValue: 200, unit: 'mg/m³', basis: 'standard', standardId: 'gb13271-2014', standardTable: 'table2_new', standardRow: 'NOx.gas' };
    case 'facilities':
      return { name: `活性炭吸附装置${n}`, kind: 'waste_gas', process: '二级活性炭吸附', designCapacity: '20000 m³/h', commissionedOn: '2022-01-15' };
    case 'devices':
      return { mn: `TEST${String(n).padStart(10, '0')}${Math.floor(Math.random() * 1e6)}`.slice(0, 24), pollutants: ['a21026', 'a21002', 'a34013'], vendor: '聚光科技', model: 'CEMS-2000' };
    case 'hazardous-wastes':
      return { hwCode: '900-041-49', name: `废活性炭${n}`, annualAmountT: 2.5, storageFacility: '危废暂存间（20 m²）', disposer: '上海某环保科技有限公司' };
    case 'emergency-plans':
      return { riskLevel: 'general', filingNumber: `310112-2023-${String(n).padStart(3, '0')}-L`, filedOn: '2023-04-01', nextRevisionOn: '2026-04-01' };
    case 'penalties':
      return { decisionNumber: `第2512${String(n).padStart(6, '0')}号`, decisionDate: '2024-08-12', authority: '上海市闵行区生态环境局', violation: '未按规定设置危险废物识别标志', lawArticle: '固体废物污染环境防治法第一百一十二条', amountYuan: 50000, status: 'executed' };
    case 'credit-ratings':
      return { year: 2000 + (nextOf('year') % 101), rating: 'blue', assessor: '上海市生态环境局' };
    case 'contacts':
      return { name: `联系人${n}`, role: 'env_officer', phone: '13912345678', email: `officer${n}@example.com` };
  }
}

/** A field change per section that passes validation, for PATCH tests. */
export function sampleChange(key: SectionKey): Record<string, unknown> {
  const n = next();
  switch (key) {
    case 'eia-approvals': return { approvingAuthority: `上海市生态环境局${n}` };
    case 'acceptances': return { documentRef: `验收意见${n}` };
    case 'permits': return { issuingAuthority: `发证机关${n}` };
    case 'outlets': return { name: `改名排气筒${n}` };
    case 'outlet-limits': return { pollutantName: `氮氧化物（以NO2计）${n}` };
    case 'facilities': return { process: `工艺${n}` };
    case 'devices': return { vendor: `厂商${n}` };
    case 'hazardous-wastes': return { annualAmountT: n };
    case 'emergency-plans': return { riskLevel: 'larger' };
    case 'penalties': return { status: 'contested' };
    case 'credit-ratings': return { assessor: `评价机关${n}` };
    case 'contacts': return { phone: `13800${String(n).padStart(6, '0')}` };
  }
}

async function created(client: Client, url: string, body: unknown): Promise<Record<string, any>> {
  const response = await client.post(url, body);
  if (response.statusCode !== 201) throw new Error(`POST ${url} → ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Creates a row of `key` in the source (with the rows it points at) and returns it. */
export async function createRow(client: Client, sourceId: string, key: SectionKey): Promise<Record<string, any>> {
  const deps: { outletId?: string } = {};
  if (key === 'outlet-limits') deps.outletId = (await created(client, `/api/sources/${sourceId}/sections/outlets`, sampleRow('outlets'))).id;
  return created(client, `/api/sources/${sourceId}/sections/${key}`, sampleRow(key, deps));
}

/**
 * Inserts a row straight into the database, without an audit row: the jurisdiction matrix checks
 * that no audit row appears while outsiders try their requests, so its targets must not write any.
 */
export async function insertRow(db: Kysely<DB>, sourceId: string, key: SectionKey): Promise<{ id: string; version: number }> {
  const deps: { outletId?: string } = {};
  if (key === 'outlet-limits') deps.outletId = (await insertRow(db, sourceId, 'outlets')).id;
  const spec = SECTION_SPECS[key];
  const body = sampleRow(key, deps);
  return untyped(db)
    .insertInto(spec.table)
    .values({ source_id: sourceId, ...toColumns(spec, body), ...toColumns(spec, spec.derive?.(body) ?? {}) })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}
