import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { row, workbook, HEADERS } from '../fixtures/ledgers/xlsx';
import { launchBrowser, pickInTree, screenshotPath } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';
import { PDF, PNG, api, runReminderJob, shanghaiDate, signIn, uscc, zipNames } from './ops-helpers';

const PASSWORD = 'E2e@Ops2026';
const DESK = { width: 1280, height: 800 };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

interface Item {
  id: string;
  name: string;
  uscc: string;
}

/**
 * The ops pages as users meet them: the map, the Excel ledger import, the documents tab with the
 * enterprise's ZIP, the QR card, the inbox fed by the reminder job, the calendar, completeness and
 * entry screening with the negative list. One product on its own DATA_DIR (restarted once, for the job).
 */
describe('ops browser journeys', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecosteward-ops-e2e-'));
  let product: RunningProduct;
  let browser: Browser;
  // A loaded CI machine can take minutes to generate the demo district.
  const start = () => startProduct({ DEMO_PASSWORD: PASSWORD, DATA_DIR: dataDir }, 300_000);

  beforeAll(async () => {
    [product, browser] = await Promise.all([start(), launchBrowser()]);
  }, 330_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (user: string, options: object = { viewport: DESK }) => signIn(await browser.newContext({ ...options, acceptDownloads: true }), product.url, user, PASSWORD);
  const get = <T>(page: Page, p: string) => api<T>(page, product.url, 'GET', p);
  const enterpriseSource = async (page: Page) => (await get<{ items: Item[] }>(page, '/api/sources?pageSize=1')).items[0];

  it('the map shows every source of the town as clustered markers; a marker opens its dossier', async () => {
    const page = await login('town');
    const { total } = await get<{ total: number }>(page, '/api/sources?pageSize=1');
    await page.goto(`${product.url}/map`);
    await expect.poll(() => page.getByTestId('map-total').textContent()).toBe(String(total));
    const map = page.getByTestId('map');
    await expect.poll(() => map.getAttribute('data-markers')).toBe(String(total));
    await expect.poll(() => map.getAttribute('data-boundary')).toBe('310112');
    // Every marker is on the map: in a cluster (its count) or on its own.
    const onMap = () =>
      page.evaluate(() => {
        const clustered = [...document.querySelectorAll('.marker-cluster span')].reduce((n, s) => n + Number(s.textContent), 0);
        return clustered + document.querySelectorAll('path.es-map-marker').length;
      });
    await expect.poll(onMap).toBe(total);
    expect(await page.locator('.marker-cluster').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('ops-map-town') });

    await page.getByTestId('map-legend-toggle').click();
    const frame = (await page.locator('.es-map-frame').boundingBox())!;
    const markers = page.locator('path.es-map-marker');
    let clicked = false;
    for (let i = 0; i < (await markers.count()) && !clicked; i++) {
      const b = await markers.nth(i).boundingBox();
      if (!b || b.x < frame.x + 60 || b.y < frame.y + 80 || b.x + b.width > frame.x + frame.width - 10 || b.y + b.height > frame.y + frame.height - 60) continue;
      await markers.nth(i).click();
      clicked = true;
    }
    expect(clicked).toBe(true);
    const link = page.getByTestId('map-popup-link');
    await link.waitFor();
    const id = await link.getAttribute('data-source-id');
    await page.screenshot({ path: screenshotPath('ops-map-popup') });
    await link.click();
    await page.waitForURL(`**/sources/${id}`);

    const phone = await login('town', PHONE);
    await phone.goto(`${product.url}/map`);
    await expect.poll(() => phone.getByTestId('map').getAttribute('data-markers')).toBe(String(total));
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = (await phone.locator('.es-map-frame').boundingBox())!;
    expect(box.height).toBeGreaterThan(500);
    await phone.waitForTimeout(500);
    await phone.screenshot({ path: screenshotPath('ops-map-phone') });
    await page.context().close();
    await phone.context().close();
  }, 180_000);

  it('imports a ledger on a phone: the bad row names its column and reason, valid rows go in, importing again changes nothing', async () => {
    const page = await login('town', PHONE);
    const before = (await get<{ total: number }>(page, '/api/sources?pageSize=1')).total;
    const existing = (await get<{ items: Item[] }>(page, '/api/sources?pageSize=1&sort=name')).items[0];
    const good = [
      row({ name: '上海浦江测试精密机械有限公司', uscc: uscc('E2E0QPT1'), sourceType: '工业企业', industryCode: '3484', permitClass: '登记管理', town: '浦江镇', grid: '永丰村村委会', address: '上海市闵行区浦江镇江月路101号', longitude: 121.5, latitude: 31.08 }),
      row({ name: '上海浦江测试涂装有限公司', uscc: uscc('E2E0QPT2'), sourceType: '工业企业', industryCode: '2641', permitClass: '简化管理', town: '浦江镇', grid: '永丰村村委会', address: '上海市闵行区浦江镇江月路102号' }),
      row({ name: existing.name, uscc: existing.uscc, contactName: '导入测试联系人' }),
    ];
    const bad = row({ name: '上海浦江测试坏行有限公司', uscc: '91310112E2E0QPT30X', sourceType: '工业企业', industryCode: '9999', permitClass: '登记管理', town: '浦江镇', grid: '永丰村村委会', address: '上海市闵行区浦江镇江月路103号' });
    const file = await workbook([HEADERS, good[0], good[1], bad, good[2]]);

    await page.goto(`${product.url}/ledgers/import`);
    await page.locator('[data-testid=ledger-dropzone] input[type=file]').setInputFiles({ name: '浦江镇台账.xlsx', mimeType: 'application/octet-stream', buffer: file });
    const report = page.getByTestId('ledger-report');
    await report.waitFor();
    // The report opens on the invalid rows: row 4, its columns and reasons in Chinese.
    const badRow = page.locator('tr[data-row="4"]');
    await expect.poll(() => badRow.getAttribute('data-status')).toBe('invalid');
    const reasons = (await badRow.textContent())!;
    expect(reasons).toContain('统一社会信用代码');
    expect(reasons).toContain('行业代码');
    expect(reasons).toContain('9999');
    await page.screenshot({ path: screenshotPath('ops-ledger-report-phone'), fullPage: true });

    await page.getByTestId('ledger-commit-valid').click();
    await page.getByTestId('ledger-confirm-ok').click();
    const result = page.getByTestId('ledger-result');
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('done');
    expect(await page.getByTestId('ledger-result-created').textContent()).toContain('2');
    expect(await page.getByTestId('ledger-result-merged').textContent()).toContain('1');
    expect(await page.getByTestId('ledger-result-invalid').textContent()).toContain('1');
    await page.screenshot({ path: screenshotPath('ops-ledger-result-phone'), fullPage: true });
    const after = (await get<{ total: number }>(page, '/api/sources?pageSize=1')).total;
    expect(after).toBe(before + 2);

    // The same file again: the committed batch, nothing new.
    await page.goto(`${product.url}/ledgers/import`);
    await page.locator('[data-testid=ledger-dropzone] input[type=file]').setInputFiles({ name: '浦江镇台账.xlsx', mimeType: 'application/octet-stream', buffer: file });
    await expect.poll(() => page.getByTestId('ledger-result').getAttribute('data-outcome')).toBe('earlier');
    // The same rows in another file: the report says nothing would change, and committing changes nothing.
    await page.goto(`${product.url}/ledgers/import`);
    await page.locator('[data-testid=ledger-dropzone] input[type=file]').setInputFiles({ name: '浦江镇台账-复核.xlsx', mimeType: 'application/octet-stream', buffer: await workbook([HEADERS, ...good], { sheet: '复核' }) });
    await page.getByTestId('ledger-nothing-to-do').waitFor();
    await page.getByTestId('ledger-commit-all').click();
    await page.getByTestId('ledger-confirm-ok').click();
    await expect.poll(() => page.getByTestId('ledger-result').getAttribute('data-outcome')).toBe('done');
    expect(await page.getByTestId('ledger-result-created').textContent()).toContain('0');
    expect(await page.getByTestId('ledger-result-merged').textContent()).toContain('0');
    expect(await page.getByTestId('ledger-result-unchanged').textContent()).toContain('3');
    expect((await get<{ total: number }>(page, '/api/sources?pageSize=1')).total).toBe(after);
    await page.context().close();
  }, 180_000);

  it('scanned files go into a dossier in one drop; the enterprise downloads its archive as a ZIP', async () => {
    const ent = await login('enterprise');
    const source = await enterpriseSource(ent);
    const town = await login('town');
    await town.goto(`${product.url}/sources/${source.id}?tab=documents`);
    await town.getByTestId('docs-upload-toggle').click();
    await town.locator('[data-testid=docs-dropzone] input[type=file]').setInputFiles([
      { name: '环评批复扫描件.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: '现场照片.png', mimeType: 'image/png', buffer: PNG },
      { name: '安装程序.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0090\u0000not allowed') },
    ]);
    await town.getByTestId('docs-upload-start').click();
    await town.getByTestId('docs-upload-summary').waitFor();
    const items = town.getByTestId('docs-upload-item');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')).sort().join())).toBe('done,done,error');
    expect(await town.getByTestId('docs-upload-error').first().textContent()).toContain('.exe');
    await expect.poll(() => town.getByTestId('docs-item').count()).toBeGreaterThanOrEqual(2);
    await town.screenshot({ path: screenshotPath('ops-documents-town'), fullPage: true });

    // 一企一码: the modal, the printable card, and the scanned URL through the login page.
    await town.getByTestId('qr-button').click();
    await expect.poll(() => town.getByTestId('qr-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const qrUrl = (await town.getByTestId('qr-url').textContent())!;
    expect(qrUrl).toMatch(new RegExp(`/sources/${source.id}$`));
    await town.goto(`${product.url}/sources/${source.id}/qr`);
    await expect.poll(() => town.getByTestId('qr-card-name').textContent()).toBe(source.name);
    expect(await town.getByTestId('qr-card-uscc').textContent()).toBe(source.uscc);
    await town.screenshot({ path: screenshotPath('ops-qr-card') });
    const scanner = await (await browser.newContext(PHONE)).newPage();
    await scanner.goto(`${product.url}${new URL(qrUrl).pathname}`);
    await scanner.getByTestId('login-username').fill('inspector');
    await scanner.getByTestId('login-password').fill(PASSWORD);
    await scanner.getByTestId('login-submit').click();
    await scanner.waitForURL(`**/sources/${source.id}`);

    await ent.goto(`${product.url}/sources/${source.id}?tab=documents`);
    await expect.poll(() => ent.getByTestId('docs-item').count()).toBeGreaterThanOrEqual(2);
    const [download] = await Promise.all([ent.waitForEvent('download'), ent.getByTestId('docs-zip').click()]);
    const names = zipNames(fs.readFileSync((await download.path())!));
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
    expect(names.some((n) => n.endsWith('.png'))).toBe(true);
    await ent.screenshot({ path: screenshotPath('ops-documents-enterprise'), fullPage: true });
    for (const p of [ent, town, scanner]) await p.context().close();
  }, 180_000);

  it('the completeness table links each town to its sources; screening cites the catalogue and the negative list', async () => {
    const bureau = await login('bureau');
    const byTown = await get<{ rows: Array<{ regionId: string }> }>(bureau, '/api/completeness/by-town');
    await bureau.goto(`${product.url}/completeness`);
    await expect.poll(() => bureau.getByTestId('completeness-row').count()).toBe(byTown.rows.length);
    await bureau.screenshot({ path: screenshotPath('ops-completeness') });
    await bureau.getByTestId('completeness-row').first().click();
    await bureau.waitForURL(`**/sources?townId=${byTown.rows[0].regionId}`);

    // The negative list: add an entry, then a stale edit is refused and reloaded.
    await bureau.goto(`${product.url}/screening?tab=negative`);
    await bureau.getByTestId('neg-add').click();
    const district = bureau.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: '闵行区' }).first();
    await pickInTree(bureau.getByTestId('neg-region'), district);
    await expect.poll(() => bureau.getByTestId('neg-form').textContent()).toContain('闵行区');
    await bureau.getByTestId('neg-prefix').fill('3130');
    await bureau.getByTestId('neg-name').fill('E2E 钢压延加工');
    await bureau.getByTestId('neg-reason').fill('端到端测试条目');
    await bureau.getByTestId('neg-save').click();
    const rowOf = bureau.locator('tr', { hasText: 'E2E 钢压延加工' });
    // The new row, or else the form's complaint (so a failure says why).
    await expect.poll(async () => (await rowOf.count()) || (await bureau.locator('.ant-form-item-explain-error, .ant-message').allTextContents()).join(' | ')).toBe(1);
    const entry = (await get<{ items: Array<{ id: string; name: string; version: number }> }>(bureau, '/api/negative-list')).items.find((e) => e.name === 'E2E 钢压延加工')!;
    await rowOf.getByTestId('neg-edit').click();
    await api(bureau, product.url, 'PATCH', `/api/negative-list/${entry.id}`, { version: entry.version, reason: '他人先改了' });
    await bureau.getByTestId('neg-reason').fill('我后改的');
    await bureau.getByTestId('neg-save').click();
    await expect.poll(() => bureau.locator('.ant-message').textContent()).toContain('已被他人修改');
    await expect.poll(() => rowOf.textContent()).toContain('他人先改了');

    const town = await login('town');
    await town.goto(`${product.url}/screening`);
    await town.getByTestId('screen-name').fill('浦江镇新建涂料项目');
    await town.getByTestId('screen-industry').click();
    await town.keyboard.type('2641');
    await town.getByTestId('industry-option-2641').click();
    await pickInTree(town.getByTestId('screen-town'), town.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: '浦江镇' }).first());
    await town.getByTestId('screen-submit').click();
    const result = town.getByTestId('screening-result');
    await result.waitFor();
    expect(['allowed', 'restricted']).toContain(await result.getAttribute('data-verdict'));
    const suggestion = await get<{ suggestedClass: string; citedRow: { no: number } }>(town, '/api/permit-catalogue/suggest?industryCode=2641');
    expect(await town.getByTestId('screen-cited-row').textContent()).toContain(String(suggestion.citedRow.no));
    await town.screenshot({ path: screenshotPath('ops-screening'), fullPage: true });
    for (const p of [bureau, town]) await p.context().close();
  }, 180_000);

  it('a reminder from the daily job reaches the enterprise’s inbox and the header bell; the calendar lists the permit’s dates', async () => {
    const town = await login('town');
    const ent = await login('enterprise');
    const source = await enterpriseSource(ent);
    const permitNo = `${source.uscc}E2E1Q`;
    await api(town, product.url, 'POST', `/api/sources/${source.id}/sections/permits`, {
      permitNumber: permitNo, permitClass: 'simplified', validFrom: shanghaiDate(-700), validUntil: shanghaiDate(20), reportFrequency: 'monthly',
    });
    for (const p of [town, ent]) await p.context().close();
    // The job runs daily; run it now, as the job process would, with the product stopped (PGlite is single-process).
    await product.stop();
    expect((await runReminderJob(dataDir)).created).toBeGreaterThan(0);
    product = await start();

    const page = await login('enterprise');
    const bell = page.getByTestId('inbox-bell-count');
    await expect.poll(async () => Number(await bell.getAttribute('data-count'))).toBeGreaterThan(0);
    const unread = Number(await bell.getAttribute('data-count'));
    await page.getByTestId('inbox-bell').click();
    const item = page.getByTestId('inbox-item').filter({ hasText: permitNo }).first();
    await item.waitFor();
    await page.screenshot({ path: screenshotPath('ops-inbox-enterprise') });
    await item.getByTestId('inbox-open').click();
    await page.waitForURL(`**/sources/${source.id}?tab=compliance`);
    await expect.poll(async () => Number(await bell.getAttribute('data-count'))).toBe(unread - 1);
    await page.getByTestId('compliance-tab').waitFor();

    await page.goto(`${product.url}/calendar`);
    await expect.poll(() => page.getByTestId('obligation').filter({ hasText: permitNo }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('ops-calendar-enterprise'), fullPage: true });
    await page.context().close();
  }, 420_000);
});
