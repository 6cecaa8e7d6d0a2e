/** Helpers of the ops browser journeys (tests/e2e/ops.test.ts): sign-in, API calls with CSRF, files. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { orgCodeCheckChar, usccCheckChar } from '../../src/common/uscc';
import { openDatabase } from '../../src/server/db/index';
import { runComplianceReminders } from '../../src/server/modules/notifications';

export { signIn } from '../support/browser';

/** A JSON API call in the page's session (mutations carry the CSRF cookie back as the header). */
export async function api<T = unknown>(page: Page, base: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const cookies = await page.context().cookies(base);
  const csrf = cookies.find((c) => c.name === 'es_csrf')?.value ?? '';
  const response = await page.request.fetch(`${base}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A valid 统一社会信用代码 (GB 32100) for an 8-character organisation body. */
export function uscc(org8: string): string {
  const first17 = `91310112${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

/** The file names in a ZIP's central directory (UTF-8 names, as the archive writes them). */
export function zipNames(data: Buffer): string[] {
  expect(data.subarray(0, 2).toString('latin1')).toBe('PK');
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = data.readUInt16LE(end + 10);
  const names: string[] = [];
  let at = data.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    expect(data.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30);
    const comment = data.readUInt16LE(at + 32);
    names.push(data.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Runs the daily compliance-reminder job against a product's data directory (the product must be stopped). */
export async function runReminderJob(dataDir: string): Promise<{ due: number; created: number }> {
  const database = await openDatabase({ dataDir });
  try {
    return await runComplianceReminders(database.db);
  } finally {
    await database.close();
  }
}

/** Today in Asia/Shanghai, shifted by some days, as YYYY-MM-DD. */
export function shanghaiDate(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Minimal real files a scanner or phone would produce. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAIAQMAAAD+wSzIAAAABlBMVEX///+/v7+jQ3Y5AAAADklEQVQI12P4AIX8EAgALgAD/aNpbtEAAAAASUVORK5CYII=',
  'base64',
);
