/** Header rows: finding them, matching their texts to fields, and the signature a remembered mapping is keyed by. */
import { createHash } from 'node:crypto';
import { LEDGER_FIELDS, type LedgerField, type LedgerMapping } from '../../../../common/contracts/ledgers';
import type { RawRow, RawSheet } from './parse';
import { columnLetter } from './workbook';

/** Rows searched for the header, from the top of the sheet. */
const HEADER_SEARCH_ROWS = 20;

/** Case, width, spaces, required-marks and "(必填)" do not make a header different. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*※:]/g, '')
    .replace(/\((必填|选填|可选|必须|必填项)\)/g, '');
}

function withoutParentheses(norm: string): string {
  return norm.replace(/\([^)]*\)/g, '');
}

/** The signature of a header row: what a remembered mapping is keyed by. */
export function headerHash(headers: string[]): string {
  return createHash('sha256').update(JSON.stringify(headers.map(normaliseHeader))).digest('hex');
}

/** Header texts as shown to the user; a blank header is named by its column letter. */
export function displayHeaders(row: RawRow): string[] {
  return row.c.map((text, i) => (text === '' ? `列${columnLetter(i)}` : text));
}

const NAMES: Array<[LedgerField, string[]]> = LEDGER_FIELDS.map((f) => [f.key, [f.zh, ...f.synonyms].map(normaliseHeader)]);

/** Matches headers to fields: exact names first, then synonyms, then both without bracketed notes. */
export function autoMapping(headers: string[]): LedgerMapping {
  const norms = headers.map(normaliseHeader);
  const mapping: LedgerMapping = {};
  const used = new Set<number>();
  const passes: Array<(f: string[]) => string[]> = [(names) => names.slice(0, 1), (names) => names.slice(1)];
  const attempt = (normalise: (h: string) => string) => {
    for (const pick of passes) {
      for (const [field, names] of NAMES) {
        if (mapping[field] !== undefined) continue;
        const wanted = new Set(pick(names).map(normalise));
        const index = norms.findIndex((h, i) => !used.has(i) && h !== '' && wanted.has(normalise(h)));
        if (index >= 0) {
          mapping[field] = index;
          used.add(index);
        }
      }
    }
  };
  attempt((h) => h);
  attempt(withoutParentheses);
  return mapping;
}

export interface HeaderChoice {
  sheet: RawSheet;
  /** Index into sheet.rows of the header row. */
  index: number;
  headers: string[];
  hash: string;
}

function candidates(sheet: RawSheet): HeaderChoice[] {
  return sheet.rows
    .slice(0, HEADER_SEARCH_ROWS)
    .map((row, index) => ({ sheet, index, headers: displayHeaders(row), hash: headerHash(row.c), filled: row.c.filter((t) => t !== '').length }))
    .filter((c) => c.filled >= 2)
    .map(({ filled: _filled, ...c }) => c);
}

/**
 * The header row: the first whose signature has a remembered mapping, else the one matching the
 * most field names (at least two), else the first row with two or more filled cells.
 */
export function chooseHeader(sheets: RawSheet[], remembered: Set<string>): HeaderChoice | null {
  const all = sheets.flatMap(candidates);
  const known = all.find((c) => remembered.has(c.hash));
  if (known) return known;
  let best: HeaderChoice | null = null;
  let bestScore = 1;
  for (const c of all) {
    const score = Object.keys(autoMapping(c.headers)).length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best ?? all[0] ?? null;
}

export function candidateHashes(sheets: RawSheet[]): string[] {
  return [...new Set(sheets.flatMap(candidates).map((c) => c.hash))];
}
