import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pickInTree, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';

const PASSWORD = 'E2e@Demo2026';
const ROLES = ['admin', 'bureau', 'town', 'provider', 'inspector', 'grid', 'enterprise', 'expert'] as const;

/**
 * The product as a user meets it: `ecosteward start` on an empty DATA_DIR generates the demo
 * district, and each demo role logs in through the real UI in Chromium and sees only its scope.
 */
describe('browser journeys', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct({ DEMO_PASSWORD: PASSWORD }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const login = (context: BrowserContext, username: string) => signIn(context, product.url, username, PASSWORD);

  /** What the API says this browser session may see, to compare with what the page shows. */
  async function overviewOf(page: Page) {
    const response = await page.request.get(`${product.url}/api/overview`);
    expect(response.status()).toBe(200);
    return (await response.json()) as { totalSources: number; byTown: Array<{ regionId: string }>; scopeName: string };
  }

  it('prints the URL and the demo logins on start', () => {
    expect(product.output()).toMatch(/is running: http:\/\/localhost:\d+\//);
    for (const role of ROLES) expect(product.output()).toContain(role);
  });

  for (const role of ROLES) {
    it(`${role} logs in and sees only its scope`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await login(context, role);
      const overview = await overviewOf(page);
      await expect.poll(() => page.getByTestId('stat-total-sources').first().textContent()).toBe(String(overview.totalSources));
      expect(await page.getByTestId('scope-name').textContent()).toBe(overview.scopeName);
      await page.screenshot({ path: screenshotPath(`home-${role}`), fullPage: true });
      const districtTotal = (await page.request.get(`${product.url}/api/sources?pageSize=1`)).ok();
      expect(districtTotal).toBe(true);
      if (role === 'admin' || role === 'bureau' || role === 'expert') {
        expect(overview.totalSources).toBe(1500);
        expect(overview.byTown.length).toBeGreaterThan(10);
      }
      if (role === 'town') {
        expect(overview.scopeName).toBe('浦江镇');
        expect(overview.byTown).toHaveLength(1);
        expect(await page.getByTestId('by-town-table').locator('tbody tr.ant-table-row').count()).toBe(1);
        expect(overview.totalSources).toBeGreaterThan(0);
        expect(overview.totalSources).toBeLessThan(1500);
      }
      if (role === 'enterprise') {
        expect(overview.totalSources).toBe(1);
        await page.goto(`${product.url}/sources`);
        await expect.poll(() => page.getByTestId('sources-total').textContent()).toBe('1');
        expect(await page.getByTestId('sources-table').locator('tbody tr.ant-table-row').count()).toBe(1);
        await page.screenshot({ path: screenshotPath('sources-enterprise') });
      }
      if (role === 'provider' || role === 'inspector' || role === 'grid') {
        expect(overview.totalSources).toBeGreaterThan(0);
        expect(overview.totalSources).toBeLessThan(1500);
      }
      await context.close();
    });
  }

  it('the language switch turns the UI to English and the choice survives a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await login(context, 'bureau');
    const nav = page.getByTestId('nav-menu').first();
    await expect.poll(() => nav.textContent()).toContain('首页');
    await page.getByTestId('lang-switch').first().click();
    await expect.poll(() => nav.textContent()).toContain('Overview');
    expect(await nav.textContent()).not.toContain('首页');
    await page.reload();
    await page.getByTestId('home-page').waitFor();
    await expect.poll(() => page.getByTestId('nav-menu').first().textContent()).toContain('Overview');
    await page.screenshot({ path: screenshotPath('home-bureau-en'), fullPage: true });
    await context.close();
  });

  it('on a 375 px phone the menu opens from a button and navigates', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await login(context, 'town');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Every header control is fully on screen.
    for (const id of ['menu-toggle', 'lang-switch', 'logout']) {
      const box = (await page.getByTestId(id).first().boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    await page.screenshot({ path: screenshotPath('phone-home-town'), fullPage: true });
    await page.getByTestId('menu-toggle').click();
    const drawerMenu = page.locator('.ant-drawer').getByTestId('nav-menu');
    await drawerMenu.waitFor();
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper').evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
    await page.screenshot({ path: screenshotPath('phone-menu-town') });
    await drawerMenu.getByText('用户管理').click();
    await page.getByTestId('users-table').waitFor();
    await expect.poll(() => page.getByTestId('users-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('phone-users-town'), fullPage: true });
    await context.close();
  });

  it('an administrator creates a grid cadre in the UI, who then logs in to that grid', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await login(context, 'town');
    await page.goto(`${product.url}/users`);
    await page.getByTestId('user-create').click();
    await page.locator('#username').fill('cadre_e2e');
    await page.locator('#displayName').fill('测试网格员');
    await page.locator('#password').fill('Cadre@E2e1');
    await page.locator('#role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '村居网格员' }).click();
    // The first grid offered under the town.
    const region = page.getByTestId('regionId');
    await pickInTree(region, page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode:not(.ant-select-tree-treenode-disabled) .ant-select-tree-title').nth(1));
    const gridName = (await region.textContent())!.trim();
    expect(gridName).not.toBe('');
    await page.screenshot({ path: screenshotPath('users-create-form') });
    await page.getByTestId('user-form-submit').click();
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('cadre_e2e');
    await context.close();

    const cadreContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const cadre = await cadreContext.newPage();
    await cadre.goto(`${product.url}/login`);
    await cadre.getByTestId('login-username').fill('cadre_e2e');
    await cadre.getByTestId('login-password').fill('Cadre@E2e1');
    await cadre.getByTestId('login-submit').click();
    await cadre.getByTestId('home-page').waitFor();
    const me = await (await cadre.request.get(`${product.url}/api/me`)).json();
    expect(me.role).toBe('grid');
    expect(gridName).toContain(me.scope.name);
    await cadreContext.close();
  });

  it('the region tree page shows the district and its towns', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await login(context, 'bureau');
    await page.goto(`${product.url}/regions`);
    await page.getByTestId('region-tree').waitFor();
    await expect.poll(() => page.getByTestId('region-tree').textContent()).toContain('浦江镇');
    await page.screenshot({ path: screenshotPath('regions-bureau'), fullPage: true });
    await context.close();
  });

  it('a wrong password shows the server’s message on the login page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${product.url}/login`);
    await page.getByTestId('login-username').fill('expert');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await page.screenshot({ path: screenshotPath('login-error') });
    await context.close();
  });
});
