import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg } from '../fixtures/images';
import { launchBrowser, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';
import { api } from './ops-helpers';

const PASSWORD = 'E2e@Field2026';
const DESK = { viewport: { width: 1280, height: 900 } };

type Detail = {
  id: string; version: number; status: string; issueIds: string[]; answers: Array<{ itemId: string; verdict: string }>; photos: Array<{ id: string; purpose: string }>;
  source: { name: string; latitude: number; longitude: number }; template: { items: Array<{ itemId: string; code: string }> };
};

/**
 * The field form on a phone (375 × 812): the inspector opens an assigned inspection, checks in with
 * the phone's position, answers items (one 不符合 with a camera photo), loses the network half-way,
 * keeps answering (saved on the phone), signs, submits while offline; back online the queue syncs
 * and the server has the answers and the issue.
 */
describe('field inspection on a phone, offline and back', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct({ DEMO_PASSWORD: PASSWORD }, 300_000), launchBrowser()]);
  }, 330_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const settled = (page: Page) =>
    page.waitForFunction(() => !document.querySelector('.ant-spin-blur') && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  const syncState = (page: Page) => page.getByTestId('fd-sync-status').getAttribute('data-state');

  it('check-in, answers with a photo, offline half-way, signature, submit queued, synced when back online', async () => {
    // The town plans a visit to the demo enterprise and assigns it to the demo inspector.
    const enterprise = await signIn(await browser.newContext({ ...DESK, locale: 'zh-CN' }), product.url, 'enterprise', PASSWORD);
    const sourceId = (await api<{ scope: { id: string } }>(enterprise, product.url, 'GET', '/api/me')).scope.id;
    await enterprise.context().close();
    const inspectorDesk = await signIn(await browser.newContext({ ...DESK, locale: 'zh-CN' }), product.url, 'inspector', PASSWORD);
    const inspectorId = (await api<{ id: string }>(inspectorDesk, product.url, 'GET', '/api/me')).id;
    await inspectorDesk.context().close();
    const town = await signIn(await browser.newContext({ ...DESK, locale: 'zh-CN' }), product.url, 'town', PASSWORD);
    const today = new Date().toISOString().slice(0, 10);
    const created = await api<{ plan: { id: string } }>(town, product.url, 'POST', '/api/inspection-plans', {
      name: '现场检查演示计划', kind: 'special', year: Number(today.slice(0, 4)), startsOn: today, endsOn: today, sourceIds: [sourceId],
    });
    const plan = await api<{ inspections: Array<{ id: string; version: number }> }>(town, product.url, 'GET', `/api/inspection-plans/${created.plan.id}`);
    const [target] = plan.inspections;
    await api(town, product.url, 'PATCH', `/api/inspections/${target.id}`, { version: target.version, inspectorId });
    const before = await api<Detail>(town, product.url, 'GET', `/api/inspections/${target.id}`);
    const codes = before.template.items.slice(0, 4).map((i) => i.code);

    // The inspector's phone, at the source's recorded position.
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
      geolocation: { latitude: before.source.latitude + 0.0005, longitude: before.source.longitude }, permissions: ['geolocation'],
    });
    const page = await signIn(context, product.url, 'inspector', PASSWORD);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${product.url}/field`);
    await page.getByTestId('field-list').waitFor();
    // Visits still to do come first; the new one is among them.
    expect(await page.getByTestId('fd-list-item').first().getAttribute('data-status')).toMatch(/planned|in_progress/);
    await page.locator(`[data-testid="fd-list-item"][data-id="${target.id}"]`).click();
    await page.getByTestId('field-form').waitFor({ timeout: 30_000 }).catch(async (e) => {
      await page.screenshot({ path: screenshotPath('field-form-failed-phone') });
      throw new Error(`${e}\n${problems.join('\n')}\n${(await page.locator('body').innerText()).slice(0, 800)}\n${product.output().slice(-3000)}`);
    });
    await settled(page);
    await page.screenshot({ path: screenshotPath('field-form-open-phone') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByTestId('fd-checkin-button').click();
    await page.getByTestId('fd-checkin-time').waitFor();
    await expect.poll(() => syncState(page)).toBe('synced');
    expect(await page.getByTestId('fd-checkin-warning').count()).toBe(0);

    const item = (code: string) => page.getByTestId(`fd-item-${code}`);
    await page.getByTestId(`fd-item-${codes[0]}-pass`).click();
    await page.getByTestId(`fd-item-${codes[1]}-fail`).click();
    await item(codes[1]).getByTestId(`fd-item-${codes[1]}-issue`).waitFor();
    await page.getByTestId(`fd-item-${codes[1]}-photo`).setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: await jpeg(2400, 1800, { r: 120, g: 90, b: 60 }) });
    await expect.poll(() => item(codes[1]).getByTestId('fd-photo-thumb').count()).toBe(1);
    await page.getByTestId(`fd-item-${codes[1]}-person`).fill('王经理');
    await page.getByTestId(`fd-item-${codes[1]}-person`).blur();
    // The photo reaches the server while online; the answers stay on the phone until submitted.
    await expect.poll(() => item(codes[1]).locator('.fd-photo.is-synced').count()).toBe(1).catch(async (e) => {
      await page.screenshot({ path: screenshotPath('field-photo-unsynced-phone'), fullPage: true });
      throw new Error(`${e}\n${problems.join('\n')}\n${product.output().slice(-2000)}`);
    });
    // Once the photo's op has left the queue, what remains is on the phone only.
    await expect.poll(() => syncState(page)).toBe('local');
    expect(await page.getByTestId('fd-score-total').textContent()).not.toBe('–');
    await item(codes[1]).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('field-form-fail-with-issue-phone') });

    // The network goes away half-way.
    await context.setOffline(true);
    await page.getByTestId('fd-offline').waitFor();
    await page.getByTestId(`fd-item-${codes[2]}-na`).click();
    await page.getByTestId(`fd-item-${codes[3]}-pass`).click();
    expect(await syncState(page)).toBe('local');

    await page.getByTestId('fd-signer').fill('李代表');
    await page.getByTestId('fd-signer').blur();
    const pad = page.getByTestId('fd-signature');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 100);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 22, box.y + 100 - Math.sin(i / 2) * 50, { steps: 2 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.fd-sign-bar').textContent()).toContain('已签名');
    await page.getByTestId('fd-submit').click();
    await page.getByTestId('fd-submitted').waitFor();
    expect(await syncState(page)).toBe('local');
    await settled(page);
    await page.screenshot({ path: screenshotPath('field-form-submitted-offline-phone') });
    // Nothing reached the server while offline.
    expect((await api<Detail>(town, product.url, 'GET', `/api/inspections/${target.id}`)).status).toBe('in_progress');

    await context.setOffline(false);
    await expect.poll(() => syncState(page), { timeout: 40_000 }).toBe('synced');
    await expect.poll(() => page.getByTestId('fd-submitted').textContent()).toContain('已提交并同步');
    await settled(page);
    await page.screenshot({ path: screenshotPath('field-form-synced-phone') });

    const after = await api<Detail>(town, product.url, 'GET', `/api/inspections/${target.id}`);
    expect(after.status).toBe('submitted');
    expect(after.answers.map((a) => a.verdict).sort()).toEqual(['fail', 'na', 'pass', 'pass']);
    expect(after.issueIds).toHaveLength(1);
    expect(after.photos.filter((p) => p.purpose === 'item')).toHaveLength(1);
    // The 体检报告 of the synced visit opens from the form.
    await page.reload();
    await page.getByTestId('fd-report').waitFor();
    const report = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
    }, (await page.getByTestId('fd-report').getAttribute('href'))!);
    expect(report).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    await context.close();
    await town.context().close();
  }, 300_000);

  it('the town plans a night patrol of its industrial sources, assigns a page of visits at once and sees them in the calendar', async () => {
    const page = await signIn(await browser.newContext({ ...DESK, locale: 'zh-CN' }), product.url, 'town', PASSWORD);
    const inspectorId = (await api<{ items: Array<{ id: string; displayName: string }> }>(page, product.url, 'GET', '/api/inspections/assignees')).items[0];
    await page.goto(`${product.url}/plans`);
    await page.getByTestId('plan-list').waitFor();
    await page.getByTestId('plan-create').click();
    const name = `夜查（异味投诉）${Date.now() % 100000}`;
    await page.getByTestId('plan-name').fill(name);
    await page.getByTestId('plan-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '夜查' }).click();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const inTwoWeeks = new Date(Date.now() + 8 * 3600_000 + 13 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('plan-starts').fill(today);
    await page.getByTestId('plan-ends').fill(inTwoWeeks);
    await page.getByTestId('plan-types').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '工业企业' }).click();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: screenshotPath('plans-01-form') });
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('plan-created').waitFor();
    const created = Number(/已生成 (\d+) 次检查/.exec((await page.getByTestId('plan-created').textContent()) ?? '')?.[1]);
    expect(created).toBeGreaterThan(0);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();

    await page.getByTestId('plan-row').filter({ hasText: name }).click();
    await page.locator('.ant-table-thead .ant-checkbox-input').first().check();
    await page.getByTestId('plan-bulk-inspector').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: inspectorId.displayName }).first().click();
    await page.getByTestId('plan-bulk-assign').click();
    const planId = /\/plans\/([0-9a-f-]{36})/.exec(page.url())![1];
    const assigned = async () =>
      (await api<{ inspections: Array<{ inspectorId: string | null; night: boolean }> }>(page, product.url, 'GET', `/api/inspection-plans/${planId}`)).inspections;
    await expect.poll(async () => (await assigned()).filter((i) => i.inspectorId === inspectorId.id).length).toBe(Math.min(created, 50));
    expect((await assigned()).every((i) => i.night)).toBe(true);
    await page.screenshot({ path: screenshotPath('plans-02-assigned'), fullPage: true });

    await page.goto(`${product.url}/plans?tab=calendar`);
    await page.getByTestId('plan-calendar').waitFor();
    await expect.poll(() => page.locator('.pl-cal-day .ant-tag-purple').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('plans-03-calendar'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
