/** The text of a PDF as poppler's pdftotext reads it (Debian poppler-utils, installed by .ci/run). */
import { execFileSync } from 'node:child_process';

export function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: bytes, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

export function pdfPageCount(bytes: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: bytes }).toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}
