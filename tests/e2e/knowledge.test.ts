import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmUntil, launchBrowser, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';

const PASSWORD = 'E2e@Know2026';
const DESK = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

/**
 * The knowledge library as users meet it: an inspector searches the laws and opens an article; on a
 * phone reads the handbook's 危险废物 area and opens a cited article; the administrator starts next
 * year's edition, edits an entry of the draft and publishes it.
 */
describe('knowledge browser journeys', () => {
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
  const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  it('an inspector finds the laws in the menu, searches them, opens an article and follows a deep link', async () => {
    const page = await login('inspector', DESK);
    await page.getByTestId('nav-knowledge').click();
    await page.getByTestId('kn-law-list').waitFor();
    expect(await page.getByTestId('kn-law').count()).toBe(33);
    // The two outdated editions carry a tag.
    expect(await page.locator('[data-testid="kn-law"]', { hasText: '非现行版本' }).count()).toBe(2);

    await page.getByTestId('kn-law-search').locator('input').fill('危险废物 识别标志');
    await page.getByTestId('kn-law-search').locator('input').press('Enter');
    await page.getByTestId('kn-results').waitFor();
    await expect.poll(() => page.getByTestId('kn-hit').count()).toBeGreaterThan(0);
    const first = page.getByTestId('kn-hit').first();
    expect(await first.locator('mark').count()).toBeGreaterThanOrEqual(2);
    const marks = await page.locator('[data-testid="kn-results"] mark').allTextContents();
    expect(new Set(marks)).toEqual(new Set(['危险废物', '识别标志']));
    await page.screenshot({ path: screenshotPath('knowledge-law-search'), fullPage: false });

    await page.locator('[data-testid="kn-hit"]', { hasText: '第七十七条' }).getByTestId('kn-hit-open').click();
    const selected = page.getByTestId('kn-article-selected');
    await selected.waitFor();
    expect(await selected.textContent()).toContain('第七十七条');
    expect(await selected.textContent()).toContain('危险废物识别标志');
    expect(await page.getByTestId('kn-law-title').textContent()).toBe('中华人民共和国固体废物污染环境防治法');
    expect(page.url()).toContain('law=zhrmghggtfwwrhjfzf');
    expect(page.url()).toContain('no=77');
    await page.screenshot({ path: screenshotPath('knowledge-law-article'), fullPage: false });

    // A citation typed into the search box is looked up; a deep link opens the article in its law.
    await page.goto(`${product.url}/knowledge/laws?law=zhrmghghjyxpjf&no=16`);
    await page.getByTestId('kn-article-selected').waitFor();
    expect(await page.getByTestId('kn-article-selected').textContent()).toMatch(/^第十六条/);
    await page.getByTestId('kn-back').click();
    await page.getByTestId('kn-law-search').locator('input').fill('《环境影响评价法》第二十五条');
    await page.getByTestId('kn-law-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('kn-hit').count()).toBe(1);
    expect(await page.getByTestId('kn-hit').textContent()).toContain('不得开工建设');

    // Standards: a table with its limits.
    await page.getByTestId('kn-tab-standards').click();
    await page.getByTestId('kn-standards').waitFor();
    await expect.poll(() => page.locator('[data-testid="kn-std-rows"] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('knowledge-standards'), fullPage: false });
    await page.context().close();
  });

  it('an inspector on a 375 px phone reads the 危险废物 area of the handbook and opens a cited article', async () => {
    const page = await login('inspector', PHONE);
    await page.goto(`${product.url}/knowledge/handbook`);
    await page.getByTestId('kn-handbook').waitFor();
    expect(await page.getByTestId('kn-hb-status').textContent()).toBe('已发布');
    expect(await page.getByTestId('kn-hb-add').count()).toBe(0);
    expect(await page.getByTestId('kn-hb-new').count()).toBe(0);
    await page.getByTestId('kn-hb-area-hazardous_waste').click();
    await expect.poll(() => page.getByTestId('kn-hb-area-title').textContent()).toBe('危险废物');
    await expect.poll(() => page.getByTestId('kn-hb-entry').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('kn-hb-edit').count()).toBe(0);
    const entry = page.getByTestId('kn-hb-entry').first();
    for (const heading of ['合规要求', '常见问题', '法律依据', '案例']) expect(await entry.textContent()).toContain(heading);
    await noHorizontalScroll(page);
    await page.screenshot({ path: screenshotPath('knowledge-handbook-phone'), fullPage: true });

    await entry.getByTestId('kn-hb-cite').filter({ hasText: '第七十七条' }).click();
    await page.getByTestId('kn-cite-text').waitFor();
    expect(await page.getByTestId('kn-cite-text').textContent()).toContain('危险废物识别标志');
    // Wait for the opening animation to end before the screenshot.
    await expect.poll(() => page.locator('.ant-modal').first().evaluate((el) => getComputedStyle(el).opacity + getComputedStyle(el).transform)).toMatch(/^1(none|matrix\(1, 0, 0, 1, 0, 0\))$/);
    await page.screenshot({ path: screenshotPath('knowledge-citation-phone') });
    await page.getByTestId('kn-cite-open').click();
    await page.getByTestId('kn-article-selected').waitFor();
    expect(await page.getByTestId('kn-article-selected').textContent()).toContain('第七十七条');
    await noHorizontalScroll(page);

    // The law list and the standards also fit the phone.
    await page.goto(`${product.url}/knowledge/laws`);
    await page.getByTestId('kn-law-list').waitFor();
    await noHorizontalScroll(page);
    await page.screenshot({ path: screenshotPath('knowledge-laws-phone') });
    await page.goto(`${product.url}/knowledge/standards`);
    await expect.poll(() => page.getByTestId('kn-std-row').count()).toBeGreaterThan(0);
    await noHorizontalScroll(page);
    await page.screenshot({ path: screenshotPath('knowledge-standards-phone') });
    await page.context().close();
  });

  it('the administrator starts the 2027 edition, edits an entry of the draft and publishes it', async () => {
    const page = await login('admin', DESK);
    await page.goto(`${product.url}/knowledge/handbook?area=hazardous_waste`);
    await page.getByTestId('kn-handbook').waitFor();
    expect(await page.getByTestId('kn-hb-edit').count()).toBe(0); // the published 2026 edition is read-only
    await confirmUntil(page.getByTestId('kn-hb-new'), page.getByTestId('kn-hb-new-ok'), async () => (await page.getByTestId('kn-handbook').getAttribute('data-year')) === '2027');
    expect(await page.getByTestId('kn-handbook').getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('kn-hb-area-title').textContent()).toBe('危险废物');

    const entry = page.getByTestId('kn-hb-entry').first();
    await entry.getByTestId('kn-hb-edit').click();
    const form = page.getByTestId('kn-entry-form');
    await form.waitFor();
    const example = '示例：2027 年巡查发现某汽修厂废机油桶无标签，已当场责令整改。';
    await page.getByTestId('kn-entry-examples').fill(example);
    await page.screenshot({ path: screenshotPath('knowledge-admin-edit') });
    await page.getByTestId('kn-entry-save').click();
    await expect.poll(() => entry.getByTestId('kn-hb-examples').textContent()).toBe(example);
    await page.screenshot({ path: screenshotPath('knowledge-admin-draft'), fullPage: false });

    // A legal basis citing an article that does not exist is refused at the field.
    await entry.getByTestId('kn-hb-edit').click();
    await page.getByTestId('kn-entry-basis').fill('《固体废物污染环境防治法》第九百九十条');
    await page.getByTestId('kn-entry-save').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allTextContents()).toEqual([expect.stringContaining('第九百九十条')]);
    await page.locator('.ant-modal-close').click();

    await confirmUntil(page.getByTestId('kn-hb-publish'), page.getByTestId('kn-hb-publish-ok'), async () => (await page.getByTestId('kn-handbook').getAttribute('data-status')) === 'published');
    expect(await page.getByTestId('kn-hb-edit').count()).toBe(0);
    expect(await entry.getByTestId('kn-hb-examples').textContent()).toBe(example);

    // Everyone now reads 2027 by default.
    const inspector = await login('inspector', DESK);
    await inspector.goto(`${product.url}/knowledge/handbook?area=hazardous_waste`);
    await expect.poll(() => inspector.getByTestId('kn-handbook').getAttribute('data-year')).toBe('2027');
    expect(await inspector.getByTestId('kn-hb-examples').first().textContent()).toBe(example);
    await inspector.context().close();
    await page.context().close();
  });
});
