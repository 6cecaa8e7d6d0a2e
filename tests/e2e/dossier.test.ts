import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pickInTree, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';

const PASSWORD = 'E2e@Dossier2026';
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/**
 * The dossier (一源一档) pages in Chromium, on the demo district: the town office filters the list,
 * opens a dossier, edits it (and sees the history), adds a permit and an outlet with a limit, meets
 * a stale edit from a second browser; the enterprise proposes a change that the inspector approves;
 * a lifecycle transition; and the pages at phone size.
 */
describe('dossier pages', () => {
  let product: RunningProduct;
  let browser: Browser;
  let town: Page;
  let sourceId = '';
  let sourceName = '';

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct({ DEMO_PASSWORD: PASSWORD }), launchBrowser()]);
    town = await login(await browser.newContext(DESKTOP), 'town');
    // The enterprise user's own source: in 浦江镇 (the town's scope), covered by the inspector's provider.
    const enterprise = await login(await browser.newContext(DESKTOP), 'enterprise');
    const me = (await (await enterprise.request.get(`${product.url}/api/me`)).json()) as { scope: { id: string; name: string } };
    sourceId = me.scope.id;
    sourceName = me.scope.name;
    await enterprise.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const login = (context: BrowserContext, username: string) => signIn(context, product.url, username, PASSWORD);

  /** Opens an antd Select and picks the option with that text (or the first one); waits until its list has closed. */
  async function choose(page: Page, select: Locator, text?: string | RegExp) {
    const open = page.locator('.ant-select-dropdown:visible');
    await expect.poll(() => open.count()).toBe(0);
    await select.click();
    const options = open.last().locator('.ant-select-item-option');
    const option = text ? options.filter({ hasText: text }).first() : options.first();
    await option.click();
    // A click during the list's opening animation can be lost: click the option again until the list closes.
    await expect
      .poll(async () => {
        if ((await open.count()) === 0) return true;
        if (await option.isVisible()) await option.click({ timeout: 5_000 }).catch(() => undefined);
        return false;
      })
      .toBe(true);
  }

  /** Opens a dossier tab: from the tab bar on a desktop, from the section picker on a phone. */
  async function openTab(page: Page, name: string) {
    const picker = page.getByTestId('dossier-tab-select');
    if (await picker.isVisible()) {
      await choose(page, picker, name);
      await expect.poll(() => picker.textContent()).toContain(name);
      return;
    }
    await page.getByRole('tab', { name, exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
  }

  /** A full-page screenshot from the top (the sticky header would otherwise sit mid-page). */
  async function shot(page: Page, name: string, fullPage = true) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(name), fullPage });
  }

  const total = (page: Page) => page.getByTestId('sources-total').textContent();

  it('town filters the list by type and keyword, and opens the dossier from its row', async () => {
    await town.goto(`${product.url}/sources`);
    await expect.poll(() => total(town)).toMatch(/^\d+$/);
    const all = Number(await total(town));
    expect(all).toBeGreaterThan(1);

    await choose(town, town.getByTestId('sources-type'), '工业企业');
    await expect.poll(() => town.url()).toContain('sourceType=industrial');
    await expect.poll(async () => Number(await total(town))).toBeLessThan(all);

    await town.getByTestId('sources-search').locator('input').fill(sourceName);
    await town.getByTestId('sources-search').locator('input').press('Enter');
    await expect.poll(() => town.url()).toContain('q=');
    await expect.poll(() => total(town)).toBe('1');
    const rows = town.getByTestId('sources-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(sourceName);
    // The export downloads the same filtered list.
    const exportHref = (await town.getByTestId('sources-export').getAttribute('href'))!;
    expect(exportHref).toContain('/api/ledgers/sources/export.xlsx');
    expect(exportHref).toContain('sourceType=industrial');
    await shot(town, 'dossier-list-filtered');

    // A reload keeps the filters (they live in the URL).
    await town.reload();
    await expect.poll(() => total(town)).toBe('1');

    await rows.first().click();
    await town.getByTestId('dossier-page').waitFor();
    expect(town.url()).toContain(`/sources/${sourceId}`);
    expect(await town.getByTestId('dossier-name').textContent()).toBe(sourceName);
    expect(await town.getByTestId('dossier-completeness').textContent()).toMatch(/\d+%/);
  });

  it('town edits a basic field and the history shows who changed it, old → new', async () => {
    const old = (await town.getByTestId('basic-legalRepresentative').textContent())!.trim();
    await town.getByTestId('basics-edit').click();
    const input = town.getByTestId('basics-form').locator('#legalRepresentative');
    await input.fill('张测试');
    await town.getByTestId('basics-save').click();
    await expect.poll(() => town.getByTestId('basic-legalRepresentative').textContent()).toBe('张测试');

    await openTab(town, '变更历史');
    const change = town.getByTestId('history-change-legalRepresentative').first();
    await change.waitFor();
    const text = (await change.textContent())!;
    expect(text).toContain('法定代表人');
    expect(text).toContain(old === '—' ? '（空）' : old);
    expect(text).toContain('张测试');
    expect(await town.getByTestId('history-entry').first().textContent()).toContain('浦江镇');
    await shot(town, 'dossier-history');
  });

  it('town adds a permit, an outlet and the outlet’s limit from an emission standard', async () => {
    await openTab(town, '环保手续');
    await town.getByTestId('permits-add').click();
    const permitForm = town.getByTestId('section-form-permits');
    await permitForm.locator('#permitNumber').fill('91310112E2E000001A001V');
    await choose(town, permitForm.getByTestId('field-permitClass'), '简化管理');
    await permitForm.locator('#validFrom').fill('2024-03-01');
    await permitForm.locator('#validUntil').fill('2029-02-28');
    await choose(town, permitForm.getByTestId('field-reportFrequency'), '季报');
    await town.getByTestId('section-form-submit').click();
    await expect.poll(() => town.getByTestId('permits-rows').textContent()).toContain('91310112E2E000001A001V');

    await openTab(town, '排放口与限值');
    await town.getByTestId('outlets-add').click();
    const outletForm = town.getByTestId('section-form-outlets');
    // DA009: the demo dossier may already list the source's DA001 and DA002.
    await outletForm.locator('#code').fill('DA009');
    await outletForm.locator('#name').fill('9号排气筒（新增）');
    await choose(town, outletForm.getByTestId('field-kind'), '废气');
    await outletForm.locator('#heightM').fill('15');
    await town.getByTestId('section-form-submit').click();
    await expect.poll(() => town.getByTestId('outlets-rows').textContent()).toContain('9号排气筒（新增）');

    await town.getByTestId('outlet-limits-add').click();
    const limitForm = town.getByTestId('section-form-outlet-limits');
    await choose(town, limitForm.getByTestId('field-outletId'), 'DA009');
    await choose(town, limitForm.getByTestId('standard-select'), 'GB 16297');
    await choose(town, limitForm.getByTestId('standard-table-select'), '最高允许排放浓度');
    await choose(town, limitForm.getByTestId('standard-row-select'), '颗粒物');
    await expect.poll(() => limitForm.locator('#pollutantName').inputValue()).toContain('颗粒物');
    await shot(town, 'dossier-limit-form', false);
    await town.getByTestId('section-form-submit').click();
    const limits = town.getByTestId('outlet-limits-rows');
    await expect.poll(() => limits.textContent()).toContain('颗粒物');
    expect(await limits.textContent()).toContain('GB 16297');
    await shot(town, 'dossier-outlets');
  });

  it('a second browser saving over a newer version gets the 409 message and keeps what it typed', async () => {
    const second = await login(await browser.newContext(DESKTOP), 'town');
    await second.goto(`${product.url}/sources/${sourceId}`);
    await second.getByTestId('basics-edit').click(); // opened on the current version

    // Meanwhile the first browser saves a change.
    await town.goto(`${product.url}/sources/${sourceId}`);
    await town.getByTestId('basics-edit').click();
    await town.getByTestId('basics-form').locator('#employees').fill('321');
    await town.getByTestId('basics-save').click();
    await expect.poll(() => town.getByTestId('basic-employees').textContent()).toBe('321');

    const typed = second.getByTestId('basics-form').locator('#contactName');
    await typed.fill('第二个浏览器');
    await second.getByTestId('basics-save').click();
    const stale = second.getByTestId('basics-stale');
    await stale.waitFor();
    expect(await stale.textContent()).toMatch(/修改|版本/);
    expect(await typed.inputValue()).toBe('第二个浏览器');
    // What changed meanwhile is shown under its field.
    await expect.poll(() => second.getByTestId('stale-hint-employees').textContent()).toContain('321');
    await shot(second, 'dossier-409');

    // Saving again goes through on the fresh version, keeping the other browser's change.
    await second.getByTestId('basics-save').click();
    await expect.poll(() => second.getByTestId('basic-contactName').textContent()).toBe('第二个浏览器');
    expect(await second.getByTestId('basic-employees').textContent()).toBe('321');
    await second.context().close();
  });

  it('the enterprise proposes a change to its dossier and the inspector approves it', async () => {
    const enterprise = await login(await browser.newContext(DESKTOP), 'enterprise');
    await enterprise.goto(`${product.url}/sources`);
    await enterprise.getByTestId('sources-table').locator('tbody tr.ant-table-row').first().click();
    await enterprise.getByTestId('dossier-page').waitFor();
    expect(await enterprise.getByTestId('basics-edit').count()).toBe(0); // read-only role: no edit buttons
    await openTab(enterprise, '企业更新申请');
    await enterprise.getByTestId('proposal-new').click();
    await enterprise.getByTestId('proposal-form').locator('#contactPhone').fill('021-64001234');
    await enterprise.getByTestId('proposal-note').fill('联系电话已变更');
    await enterprise.getByTestId('proposal-submit').click();
    const card = enterprise.getByTestId('proposal-card').first();
    await expect.poll(() => card.getByTestId('proposal-status').textContent()).toBe('待审核');
    expect(await card.getByTestId('proposal-change-contactPhone').textContent()).toContain('021-64001234');
    await shot(enterprise, 'dossier-proposal-enterprise');

    const inspector = await login(await browser.newContext(DESKTOP), 'inspector');
    await inspector.getByTestId('nav-proposals').click();
    const queued = inspector.getByTestId('proposal-card').filter({ hasText: sourceName }).first();
    await queued.waitFor();
    expect(await queued.getByTestId('proposal-change-contactPhone').textContent()).toContain('021-64001234');
    await shot(inspector, 'dossier-proposals-queue');
    await queued.getByTestId('proposal-approve').click();
    await inspector.getByTestId('proposal-decide-submit').click();
    await expect.poll(() => inspector.getByTestId('proposal-card').filter({ hasText: sourceName }).count()).toBe(0);

    await inspector.goto(`${product.url}/sources/${sourceId}`);
    await expect.poll(() => inspector.getByTestId('basic-contactPhone').textContent()).toBe('021-64001234');
    await enterprise.reload();
    await expect.poll(() => enterprise.getByTestId('proposal-card').first().getByTestId('proposal-status').textContent()).toBe('已通过');
    await inspector.context().close();
    await enterprise.context().close();
  });

  it('town walks the source through a lifecycle transition and back', async () => {
    await town.goto(`${product.url}/sources/${sourceId}`);
    await openTab(town, '生命周期');
    const status = town.getByTestId('lifecycle-status');
    await expect.poll(() => status.textContent()).toBe('运营');
    await town.getByTestId('lifecycle-to-suspended').click();
    await town.getByTestId('transition-reason').fill('设备检修，停产两周');
    await town.getByTestId('transition-submit').click();
    await expect.poll(() => status.textContent()).toBe('停产');
    await expect.poll(() => town.getByTestId('dossier-status').textContent()).toBe('停产');
    await expect.poll(() => town.getByTestId('lifecycle-entry').first().textContent()).toContain('设备检修');

    // And back, from the header's menu.
    await town.getByTestId('transition-menu').click();
    await town.getByTestId('transition-operating').click();
    await town.getByTestId('transition-reason').fill('检修完成，复产');
    await town.getByTestId('transition-submit').click();
    await expect.poll(() => status.textContent()).toBe('运营');
    expect(await town.getByTestId('lifecycle-entry').count()).toBe(2);

    // The permit class the 2019 catalogue suggests for its industry, confirmed citing the row.
    await town.getByTestId('permit-suggested').waitFor();
    expect(await town.getByTestId('permit-suggested').textContent()).toMatch(/名录第\d+行/);
    await town.getByTestId('permit-confirm').click();
    await expect.poll(() => town.getByTestId('permit-decisions').textContent()).toContain('确认');
    await shot(town, 'dossier-lifecycle');
  });

  it('town relocates the source; the same dossier moves with its history', async () => {
    await town.getByTestId('lifecycle-to-relocating').click();
    await town.getByTestId('transition-reason').fill('园区整合，整体搬迁');
    await town.getByTestId('transition-submit').click();
    await expect.poll(() => town.getByTestId('lifecycle-status').textContent()).toBe('搬迁');
    const form = town.getByTestId('relocation-form');
    await form.waitFor();
    await pickInTree(town.getByTestId('relocation-grid'), town.locator('.ant-select-dropdown:visible .ant-select-tree-treenode:not(.ant-select-tree-treenode-disabled) .ant-select-tree-title').nth(3));
    await town.getByTestId('relocation-address').fill('上海市闵行区浦江镇新址路8号');
    await town.getByTestId('relocation-longitude').fill('121.52');
    await town.getByTestId('relocation-latitude').fill('31.07');
    await town.getByTestId('relocation-reason').fill('搬迁至新址');
    await expect.poll(() => town.locator('.ant-message-notice').count()).toBe(0); // earlier toasts gone
    await town.getByTestId('relocation-submit').click();
    // The outcome as the user reads it: the success message, or the server's reason on a field.
    const feedback = town.locator('.ant-message-notice, [data-testid="relocation-form"] .ant-form-item-explain-error');
    await expect.poll(async () => (await feedback.allTextContents()).join(' ')).toMatch(/\S/);
    expect((await feedback.allTextContents()).join(' ')).toContain('已登记搬迁');
    await expect.poll(() => town.getByTestId('lifecycle-status').textContent()).toBe('运营');
    await expect.poll(() => town.getByTestId('relocation-history').textContent()).toContain('新址路8号');
    expect(await town.getByTestId('lifecycle-entry').count()).toBe(4);
    // Its sections came along: the outlet added earlier is still on file.
    await town.getByRole('tab', { name: '排放口与限值', exact: true }).click();
    await expect.poll(() => town.getByTestId('outlets-rows').textContent()).toContain('DA009');
    await shot(town, 'dossier-relocated');
  });

  it('on a 375 px phone the list is a card list and the dossier fits the screen', async () => {
    const phone = await login(await browser.newContext(PHONE), 'town');
    await phone.goto(`${product.url}/sources`);
    const cards = phone.getByTestId('source-card');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone, 'phone-dossier-list', false);

    await phone.getByTestId('sources-filter-toggle').click();
    await choose(phone, phone.getByTestId('sources-permit'), '简化管理');
    await expect.poll(() => phone.url()).toContain('permitClass=simplified');

    await phone.goto(`${product.url}/sources/${sourceId}`);
    await phone.getByTestId('dossier-page').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone, 'phone-dossier-detail');
    await openTab(phone, '排放口与限值');
    await expect.poll(() => phone.getByTestId('outlets-rows').textContent()).toContain('DA009');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone, 'phone-dossier-outlets');
    await phone.context().close();
  });

  it('in English the dossier speaks English', async () => {
    const context = await browser.newContext(DESKTOP);
    await context.addInitScript(() => localStorage.setItem('ecosteward.lang', 'en'));
    const page = await login(context, 'town');
    await page.goto(`${product.url}/sources/${sourceId}?tab=outlets`);
    await page.getByTestId('dossier-page').waitFor();
    await expect.poll(() => page.getByTestId('dossier-tabs').textContent()).toContain('Outlets & limits');
    expect(await page.getByTestId('dossier-completeness').textContent()).toContain('Completeness');
    expect(await page.getByTestId('section-outlet-limits').textContent()).toContain('Pollutant limits');
    await shot(page, 'dossier-outlets-en');
    await context.close();
  });
});
