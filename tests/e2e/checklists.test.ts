import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmUntil, launchBrowser, screenshotPath, signIn } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/server';
import { api } from './ops-helpers';

const PASSWORD = 'E2e@Check2026';
const DESK = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

type Template = { id: string; name: string; status: string; items: Array<{ itemId: string; code: string; weight: number }> };

/**
 * The checklist page as users meet it: the bureau builds a template from items of two areas, sets
 * weights and watches the score while answering; an inspector on a phone browses the item bank.
 */
describe('checklist browser journeys', () => {
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
  const pickItem = (page: Page, code: string) => page.locator(`[data-testid="ck-pick"][data-code="${code}"] .ant-checkbox-wrapper`).first();
  const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const answer = (page: Page, code: string, text: string) => page.getByTestId(`ck-answer-${code}`).getByText(text, { exact: true }).click();
  /** Waits until no drawer or spinner is still animating, so a screenshot shows the settled page. */
  const settled = (page: Page) =>
    page.waitForFunction(() => !document.querySelector('.ant-spin-blur') && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  /** Ticks an item of the bank until its weight field shows (a click during the area switch's animation can be lost). */
  async function pick(page: Page, code: string) {
    const box = pickItem(page, code);
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!((await box.getAttribute('class')) ?? '').includes('ant-checkbox-wrapper-checked')) await box.click();
      try {
        await numberInput(page, `ck-weight-${code}`).waitFor({ timeout: 4000 });
        return;
      } catch {
        // not picked yet: look again
      }
    }
    throw new Error(`item ${code} could not be picked`);
  }

  async function chooseOption(page: Page, select: Locator, text: string) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  }

  it('the bureau builds a template from two areas with weights, sees the live score, saves and activates it', async () => {
    const page = await login('bureau', DESK);
    await page.getByTestId('nav-checklists').click();
    await page.getByTestId('checklists-page').waitFor();
    await page.getByRole('tab', { name: '检查模板' }).click();
    const templates = page.getByTestId('ck-tpl');
    await expect.poll(() => templates.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="ck-tpl"][data-name="工业企业环保体检（通用）"]').textContent()).toContain('82 项');

    await page.getByTestId('ck-tpl-add').click();
    await page.getByTestId('ck-editor').waitFor();
    await page.getByTestId('ck-tpl-name').fill('浦江镇废气与危废专项');
    await chooseOption(page, page.getByTestId('ck-tpl-types'), '工业企业');
    await page.keyboard.press('Escape');

    await page.getByTestId('ck-area-air').click();
    await pick(page, 'AIR-06');
    await pick(page, 'AIR-07');
    await numberInput(page, 'ck-weight-AIR-06').fill('2');
    await page.getByTestId('ck-area-hazardous_waste').click();
    await pick(page, 'HW-02');
    await pick(page, 'HW-04');
    await numberInput(page, 'ck-weight-HW-04').fill('3');
    await numberInput(page, 'ck-weight-HW-04').press('Tab');
    await expect.poll(() => page.getByTestId('ck-area-air').textContent()).toContain('(2/17)');
    await expect.poll(() => page.getByTestId('ck-area-hazardous_waste').textContent()).toContain('(2/13)');

    // Answer in the live preview: until every item is answered there is no band.
    await answer(page, 'AIR-06', '符合');
    await answer(page, 'AIR-07', '不符合');
    await expect.poll(() => page.getByTestId('ck-score-missing').textContent()).toContain('2 项未作答');
    await answer(page, 'HW-02', '不适用');
    await answer(page, 'HW-04', '符合');
    // air (10×2 + 0×1)/(10×2 + 10×1) = 66.7; hazardous waste 10×3/10×3 = 100 (HW-02 N/A); total 50/60 = 83.3 → 一般.
    await expect.poll(() => page.getByTestId('ck-score-total').textContent()).toBe('83.3');
    expect(await page.getByTestId('ck-score-band').textContent()).toBe('一般');
    expect(await page.getByTestId('ck-score-area-air').textContent()).toContain('66.7');
    expect(await page.getByTestId('ck-score-area-hazardous_waste').textContent()).toContain('100.0');
    await page.getByTestId('ck-score').scrollIntoViewIfNeeded();
    await settled(page);
    await page.screenshot({ path: screenshotPath('checklists-template-editor-bureau') });

    // Turning AIR-07 to compliant lifts the total to 100 → 较好.
    await answer(page, 'AIR-07', '符合');
    await expect.poll(() => page.getByTestId('ck-score-total').textContent()).toBe('100.0');
    expect(await page.getByTestId('ck-score-band').textContent()).toBe('较好');

    await page.getByTestId('ck-tpl-save').click();
    const card = page.locator('[data-testid="ck-tpl"][data-name="浦江镇废气与危废专项"]');
    await card.waitFor();
    expect(await card.getByTestId('ck-tpl-status-tag').textContent()).toBe('草稿');
    expect(await card.textContent()).toContain('4 项');

    // Stored as built: the weights, and the server's preview agrees with the page.
    const stored = (await api<{ items: Template[] }>(page, product.url, 'GET', '/api/checklist-templates?status=draft')).items.find((t) => t.name === '浦江镇废气与危废专项')!;
    expect(stored.items.map((i) => [i.code, i.weight])).toEqual([['AIR-06', 2], ['AIR-07', 1], ['HW-02', 1], ['HW-04', 3]]);
    const id = (code: string) => stored.items.find((i) => i.code === code)!.itemId;
    const server = await api<{ total: number; band: { label: { zh: string } } }>(page, product.url, 'POST', '/api/checklist-scoring/preview', {
      templateId: stored.id,
      answers: { [id('AIR-06')]: { answer: 'compliant' }, [id('AIR-07')]: { answer: 'non_compliant' }, [id('HW-02')]: { answer: 'not_applicable' }, [id('HW-04')]: { answer: 'compliant' } },
    });
    expect(server).toMatchObject({ total: 83.3, band: { label: { zh: '一般' } } });

    // Activate through the confirmation; a refusal would show as a message and leave it 草稿.
    await confirmUntil(
      card.getByTestId('ck-tpl-activate'),
      page.locator('.ant-popconfirm:visible .ant-popconfirm-buttons .ant-btn-primary'),
      async () => (await card.getByTestId('ck-tpl-status-tag').textContent()) === '启用',
    );
    // Once active, the editor shows the items read-only with the advice to copy.
    await card.getByTestId('ck-tpl-open').click();
    await page.getByTestId('ck-tpl-frozen').waitFor();
    expect(await page.getByTestId('ck-tpl-frozen').textContent()).toContain('复制');
    await settled(page);
    await page.screenshot({ path: screenshotPath('checklists-template-active-bureau') });
    await page.context().close();
  });

  it('an inspector on a phone browses the item bank filtered to 危险废物, with legal bases and the unverified items flagged', async () => {
    const page = await login('inspector', PHONE);
    await page.goto(`${product.url}/checklists`);
    await page.getByTestId('checklists-page').waitFor();
    await expect.poll(() => page.getByTestId('ck-count').textContent()).toBe('共 82 项');
    await expect.poll(() => page.getByTestId('ck-unverified').count()).toBe(7);
    expect(await page.getByTestId('ck-item-add').count()).toBe(0);
    expect(await page.getByTestId('ck-item-edit').count()).toBe(0);

    await chooseOption(page, page.getByTestId('ck-filter-area'), '危险废物');
    await expect.poll(() => page.getByTestId('ck-count').textContent()).toBe('共 13 项');
    const codes = await page.getByTestId('ck-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toHaveLength(13);
    expect(codes.every((c) => c?.startsWith('HW-'))).toBe(true);
    // HW-12 and HW-13 are the unverified ones of the area; their notes say why.
    const flagged = page.locator('[data-testid="ck-item"]').filter({ has: page.getByTestId('ck-unverified') });
    expect(await flagged.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['HW-12', 'HW-13']);
    expect(await flagged.first().getByTestId('ck-note').textContent()).toContain('未核实');
    const hw04 = page.locator('[data-testid="ck-item"][data-code="HW-04"]');
    expect(await hw04.getByTestId('ck-legal').textContent()).toContain('固体废物污染环境防治法');
    expect(await hw04.getByTestId('ck-penalty').textContent()).toContain('第一百一十二条');
    await noHorizontalScroll(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(180, 600);
    await settled(page);
    await page.screenshot({ path: screenshotPath('checklists-bank-hazardous-inspector-phone') });
    await flagged.first().scrollIntoViewIfNeeded();
    await settled(page);
    await page.screenshot({ path: screenshotPath('checklists-bank-unverified-inspector-phone') });

    // The templates tab on the phone: read-only, with a score preview.
    await page.getByRole('tab', { name: '检查模板' }).click();
    const autoRepair = page.locator('[data-testid="ck-tpl"][data-name="汽修行业专项检查"]');
    await autoRepair.waitFor();
    expect(await autoRepair.getByTestId('ck-tpl-copy').count()).toBe(0);
    await noHorizontalScroll(page);
    await settled(page);
    await page.screenshot({ path: screenshotPath('checklists-templates-inspector-phone') });
    await autoRepair.getByTestId('ck-tpl-preview').click();
    await page.getByTestId('ck-preview').waitFor();
    await page.getByTestId('ck-all-compliant').click();
    await expect.poll(() => page.getByTestId('ck-score-total').textContent()).toBe('100.0');
    await answer(page, 'HW-02', '不符合');
    await expect.poll(() => page.getByTestId('ck-score-band').textContent()).toBe('较好');
    await noHorizontalScroll(page);
    await settled(page);
    await page.screenshot({ path: screenshotPath('checklists-preview-inspector-phone') });
    await page.locator('.ant-drawer-close').click();

    // Viewing a template (read-only for an inspector) fits the phone too.
    await autoRepair.getByTestId('ck-tpl-open').click();
    await page.getByTestId('ck-tpl-frozen').waitFor();
    expect(await page.getByTestId('ck-tpl-save').count()).toBe(0);
    await noHorizontalScroll(page);
    await settled(page);
    await page.screenshot({ path: screenshotPath('checklists-template-view-inspector-phone') });
    await page.context().close();
  });
});
