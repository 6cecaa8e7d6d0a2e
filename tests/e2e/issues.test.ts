import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';
import { api } from './ops-helpers';

const PASSWORD = 'E2e@Issues2026';
const DESK = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

type Row = { id: string; status: string; version: number; description: string; sourceId: string };

const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The closed loop as its users meet it: the enterprise, on a phone, submits its rectification (text and a
 * photo from the camera) for an issue in rectification; the provider's inspector verifies it; the town closes it.
 */
describe('issue browser journey', () => {
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
  const status = (page: Page) => page.getByTestId('issue-detail').getAttribute('data-status');
  const settled = (page: Page) =>
    page.waitForFunction(() => !document.querySelector('.ant-spin-blur') && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));

  /** An issue of the demo enterprise's source in rectification: the seed's, or one driven there by the town through the API. */
  async function issueInRectification(enterprise: Page, town: Page): Promise<Row> {
    const open = await api<{ items: Row[] }>(enterprise, product.url, 'GET', '/api/issues?status=rectifying&pageSize=50');
    if (open.items.length > 0) return open.items[0];
    const earlier = await api<{ items: Row[] }>(enterprise, product.url, 'GET', '/api/issues?status=found,confirmed,registered&class=deadline&pageSize=50');
    expect(earlier.items.length, 'the demo enterprise has an issue to rectify').toBeGreaterThan(0);
    const target = earlier.items[0];
    for (const [action, body] of [['confirm', {}], ['register', {}], ['issue_notice', { deadline: inDays(14) }]] as const) {
      const now = await api<Row>(town, product.url, 'GET', `/api/issues/${target.id}`);
      const order = ['found', 'confirmed', 'registered'];
      if (order.indexOf(now.status) > ['confirm', 'register', 'issue_notice'].indexOf(action)) continue;
      await api(town, product.url, 'POST', `/api/issues/${target.id}/actions/${action}`, { version: now.version, ...body });
    }
    return api<Row>(town, product.url, 'GET', `/api/issues/${target.id}`);
  }

  it('enterprise (phone) submits evidence with a photo; the inspector verifies; the town closes', async () => {
    const enterprise = await login('enterprise', PHONE);
    const town = await login('town', DESK);
    const issue = await issueInRectification(enterprise, town);

    // The enterprise's list on a phone: cards with status tags and the deadline.
    await enterprise.goto(`${product.url}/issues`);
    await enterprise.getByTestId('issues-page').waitFor();
    await enterprise.getByTestId('issue-card').first().waitFor();
    expect(await enterprise.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await settled(enterprise);
    await enterprise.screenshot({ path: screenshotPath('issues-01-enterprise-list-phone'), fullPage: true });

    await enterprise.goto(`${product.url}/issues/${issue.id}`);
    await enterprise.getByTestId('issue-detail').waitFor();
    expect(await status(enterprise)).toBe('rectifying');
    await enterprise.getByTestId('action-submit_evidence').click();
    await enterprise.getByTestId('action-note').fill('已在危废贮存间张贴标识牌，并完善台账。');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3b7d4f' } }).jpeg().toBuffer();
    await enterprise.getByTestId('action-photos').setInputFiles({ name: '整改后.jpg', mimeType: 'image/jpeg', buffer: photo });
    await settled(enterprise);
    await enterprise.screenshot({ path: screenshotPath('issues-02-enterprise-evidence-form-phone') });
    await enterprise.getByTestId('action-submit').click();
    await expect.poll(() => status(enterprise)).toBe('submitted');
    await enterprise.getByTestId('photos-after').locator('img').first().waitFor();
    expect(await enterprise.getByTestId('issue-actions').textContent()).toContain('当前没有您可以执行的操作');
    await settled(enterprise);
    await enterprise.screenshot({ path: screenshotPath('issues-03-enterprise-submitted-phone'), fullPage: true });

    // The provider's inspector verifies.
    const inspector = await login('inspector', DESK);
    await inspector.goto(`${product.url}/issues/${issue.id}`);
    await inspector.getByTestId('issue-detail').waitFor();
    await inspector.getByTestId('action-verify').click();
    await inspector.getByTestId('action-submit').click();
    await expect.poll(() => status(inspector)).toBe('verified');
    await settled(inspector);
    await inspector.screenshot({ path: screenshotPath('issues-04-inspector-verified'), fullPage: true });

    // The town closes it (销号); the history shows the whole path.
    await town.goto(`${product.url}/issues/${issue.id}`);
    await town.getByTestId('issue-detail').waitFor();
    await town.getByTestId('action-close').click();
    await town.getByTestId('action-submit').click();
    await expect.poll(() => status(town)).toBe('closed');
    const history = await town.getByTestId('issue-history').textContent();
    expect(history).toContain('提交整改材料');
    expect(history).toContain('复核通过');
    expect(history).toContain('销号');
    await settled(town);
    await town.screenshot({ path: screenshotPath('issues-05-town-closed'), fullPage: true });

    // The notice list with its PDF link.
    await town.goto(`${product.url}/issues`);
    await town.getByTestId('tab-notices').click();
    await town.getByTestId('notice-table').waitFor();
    await settled(town);
    await town.screenshot({ path: screenshotPath('issues-06-notices') });
  });
});
