import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';
import { api } from './ops-helpers';

const PASSWORD = 'E2e@Risk2026';
const DESK = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 760 }, isMobile: true, hasTouch: true };

type SourceRisk = { effective: { composite: string; socialGrade: string }; computed: { composite: string; socialGrade: string }; overrides: Array<{ active: boolean }> };

/**
 * 分级分类 as its users meet it: the bureau reads the distribution and who moved; the town opens a
 * source's grades with their explanation and history, overrides one with a reason and an expiry; the
 * map is coloured by grade.
 */
describe('risk grading in the browser', () => {
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

  it('the bureau reads the district distribution by town and the quarter\'s movers with their reasons', async () => {
    const page = await login('bureau', DESK);
    await page.getByTestId('nav-risk').click();
    await page.getByTestId('risk-by-town').waitFor();
    const dist = await api<{ total: number; composite: Record<string, number> }>(page, product.url, 'GET', '/api/risk/distribution');
    expect(await page.getByTestId('risk-total').textContent()).toContain(dist.total.toLocaleString('en-US'));
    await expect.poll(() => page.getByTestId('risk-movers').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('risk-01-distribution'), fullPage: true });
    await page.getByTestId('risk-tab-rules').click();
    await page.getByTestId('risk-rules-json').waitFor();
    expect(await page.getByTestId('risk-rules-json').inputValue()).toContain('"breachPoints"');
    await page.context().close();
  });

  it('the town opens a source\'s grades, reads why, and overrides the composite level with a reason and an expiry', async () => {
    const page = await login('town', DESK);
    const enterprise = await login('enterprise', DESK);
    const sourceId = (await api<{ scope: { id: string } }>(enterprise, product.url, 'GET', '/api/me')).scope.id;
    await enterprise.context().close();
    await page.goto(`${product.url}/sources/${sourceId}?tab=risk`);
    await page.getByTestId('risk-tab').waitFor();
    const before = await api<SourceRisk>(page, product.url, 'GET', `/api/sources/${sourceId}/risk`);
    expect(await page.getByTestId('risk-explain-composite').locator('tbody tr').count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('risk-history').locator('.ant-tag').count()).toBe(5);
    await page.screenshot({ path: screenshotPath('risk-02-source'), fullPage: true });

    const target = before.computed.composite === 'minor' ? 'larger' : 'minor';
    const targetLabel = target === 'minor' ? '轻微' : '较大';
    await page.getByTestId('risk-override-open').click();
    await page.getByTestId('risk-override-value').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: targetLabel }).click();
    await page.getByTestId('risk-override-reason').fill('已完成全部整改，经专家现场评估风险可控');
    await page.getByTestId('risk-override-expires').fill(new Date(Date.now() + 8 * 3600_000 + 90 * 86_400_000).toISOString().slice(0, 10));
    await page.getByTestId('risk-override-submit').click();
    await expect.poll(() => page.getByTestId('risk-tab').getAttribute('data-composite')).toBe(target);
    await page.getByTestId('risk-composite-overridden').waitFor();
    await page.getByTestId('risk-overrides').waitFor();
    const after = await api<SourceRisk>(page, product.url, 'GET', `/api/sources/${sourceId}/risk`);
    expect(after.effective.composite).toBe(target);
    expect(after.computed.composite).toBe(before.computed.composite);
    await page.screenshot({ path: screenshotPath('risk-03-overridden'), fullPage: true });
    await page.context().close();
  });

  it('the town generates the rest of the quarter by risk: the preview shows the coverage, the plan opens with its visits assigned', async () => {
    const page = await login('town', DESK);
    await page.goto(`${product.url}/plans`);
    await page.getByTestId('plan-generate').click();
    await page.getByTestId('gen-inspectors').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('gen-preview').click();
    const result = page.getByTestId('gen-result');
    await result.waitFor();
    const planned = Number(await result.getAttribute('data-planned'));
    expect(planned).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('risk-05-plan-preview'), fullPage: true });
    await page.getByTestId('gen-create').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}/);
    const planId = /\/plans\/([0-9a-f-]{36})/.exec(page.url())![1];
    const plan = await api<{ inspections: Array<{ inspectorId: string | null }> }>(page, product.url, 'GET', `/api/inspection-plans/${planId}`);
    expect(plan.inspections.length).toBe(planned);
    expect(plan.inspections.every((i) => i.inspectorId !== null)).toBe(true);
    await page.screenshot({ path: screenshotPath('risk-06-generated-plan') });
    await page.context().close();
  });

  it('on a phone the map is coloured by composite risk level with its legend', async () => {
    const page = await login('town', PHONE);
    await page.goto(`${product.url}/map?color=risk`);
    await page.getByTestId('map-legend').waitFor();
    const grades = await api<{ items: Array<{ composite: string }> }>(page, product.url, 'GET', '/api/risk/map');
    const minor = grades.items.filter((g) => g.composite === 'minor').length;
    await page.getByTestId('map-legend-toggle').click();
    await expect.poll(() => page.getByTestId('map-legend-minor').textContent()).toContain(String(minor));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: screenshotPath('risk-04-map-phone') });
    await page.context().close();
  });
});
