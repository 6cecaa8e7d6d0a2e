import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';

const PASSWORD = 'E2e@Figs2026';
const DESK = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

/**
 * The closed loop's figures as the bureau chief meets them on the demo district's year, and the
 * working-day calendar the administrator keeps.
 */
describe('figures and working-day calendar journeys', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct({ DEMO_PASSWORD: PASSWORD }, 300_000), launchBrowser()]);
  }, 330_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const login = async (user: string, options: object) => signIn(await browser.newContext({ ...options, locale: 'zh-CN' }), product.url, user, PASSWORD);

  it('the bureau reads the rate on the home page, opens the figures by provider and follows an overdue count to its issues', async () => {
    const page = await login('bureau', DESK);
    await page.getByTestId('home-issues').waitFor();
    const api = await page.evaluate(async () => (await fetch(`/api/figures/issues?from=${new Date().getFullYear()}-01-01`)).json());
    expect(api.totals.total).toBeGreaterThan(100);
    const rate = `${(api.totals.rectificationRate * 100).toFixed(1)}%`;
    expect(await page.getByTestId('home-issues-rate').textContent()).toContain(rate);
    await page.screenshot({ path: screenshotPath('figures-home'), fullPage: false });

    await page.getByTestId('nav-figures').click();
    await page.getByTestId('figures-table').waitFor();
    expect(await page.getByTestId('figures-totals').textContent()).toContain(String(api.totals.total.toLocaleString('en-US')));
    await page.getByTestId('fig-group').getByText('按服务机构').click();
    await expect.poll(() => page.getByTestId('figures-row').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: screenshotPath('figures-by-provider'), fullPage: true });

    await page.getByTestId('fig-overdue').first().click();
    await page.waitForURL(/\/issues\?.*overdue=true/);
    expect(page.url()).toMatch(/providerId=[0-9a-f-]{36}/);
  });

  it('on a phone the figures are cards that fit the screen', async () => {
    const page = await login('town', PHONE);
    await page.goto(`${product.url}/figures`);
    await page.getByTestId('figures-cards').waitFor();
    expect(await page.getByTestId('figures-row').count()).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: screenshotPath('figures-phone'), fullPage: true });
  });

  it('the administrator adds a holiday and the year has one working day fewer', async () => {
    const page = await login('admin', DESK);
    await page.getByTestId('nav-workCalendar').click();
    const count = page.getByTestId('wcal-working-days');
    await count.waitFor();
    const before = Number((await count.locator('.ant-statistic-content-value').textContent())!.replace(/\D/g, ''));
    const year = new Date().getFullYear();
    // 31 December is a weekday in 2026–2027; pick the last weekday of the year whatever the year.
    let day = new Date(Date.UTC(year, 11, 31));
    while ([0, 6].includes(day.getUTCDay())) day = new Date(day.getTime() - 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    await page.getByTestId('wcal-day').click();
    await page.getByTestId('wcal-day').fill(iso);
    await page.getByTestId('wcal-day').press('Enter');
    await page.getByTestId('wcal-name').fill('测试放假');
    await page.getByTestId('wcal-add').click();
    await expect.poll(async () => Number((await count.locator('.ant-statistic-content-value').textContent())!.replace(/\D/g, ''))).toBe(before - 1);
    expect(await page.getByTestId('wcal-table').textContent()).toContain('测试放假');
    await page.screenshot({ path: screenshotPath('work-calendar'), fullPage: false });
  });
});
