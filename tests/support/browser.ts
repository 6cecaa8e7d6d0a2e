import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-output/screenshots');

/** Debian's Chromium, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** Signs in through the login page and waits for the home page. */
export async function signIn(context: BrowserContext, base: string, username: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-page').waitFor();
  return page;
}

/**
 * Picks `node` in the tree-select `opener`, retrying until the select shows a choice: on a loaded machine
 * a click can land while the dropdown is still opening (or closing) and be lost.
 */
export async function pickInTree(opener: Locator, node: Locator): Promise<void> {
  await expect
    .poll(async () => {
      if ((await opener.locator('.ant-select-content-has-value').count()) > 0) return true;
      if (await node.isVisible()) await node.click({ timeout: 5_000 }).catch(() => undefined);
      // A dropdown still opening is left to open: a second click would close it again.
      else if ((await opener.page().locator('.ant-select-dropdown:visible').count()) === 0) await opener.click();
      return false;
    })
    .toBe(true);
}

/**
 * Opens a confirmation with `opener`, presses its `ok` button, and waits until `done()` holds. A click
 * during the popover's animation can be lost on a loaded machine: the confirmation is reopened, but
 * only when the last press had no effect for 8 s (pressing twice would act twice).
 */
export async function confirmUntil(opener: Locator, ok: Locator, done: () => Promise<boolean>, timeout = 40_000): Promise<void> {
  let pressedAt = 0;
  await expect
    .poll(
      async () => {
        if (await done()) return true;
        if (await ok.isVisible()) await ok.click({ timeout: 5_000 }).then(() => (pressedAt = Date.now()), () => undefined);
        else if (Date.now() - pressedAt > 8_000) await opener.click({ timeout: 5_000 }).catch(() => undefined);
        return false;
      },
      { timeout },
    )
    .toBe(true);
}
