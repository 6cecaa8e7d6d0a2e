/**
 * Permit-class suggestion from the 固定污染源排污许可分类管理名录（2019年版）(data/permit, 112 rows).
 * Pure over the shipped data: which rows list an industry code, which of their three cells can apply,
 * and the class to suggest, citing the row. The suggestion follows 就高 (the strictest class whose
 * conditions can apply); the user checks the quoted conditions, then confirms or overrides with a reason.
 */
import type { CatalogueRow, PermitSuggestion } from '../../../common/contracts/lifecycle';
import { PERMIT_CLASS, type PermitClass } from '../../../common/enums';
import { industryName, lazy, readDataJson } from './reference';

interface FileRow {
  no: number;
  section: string;
  industry: string;
  industry_codes: string[];
  key: string;
  simplified: string;
  registration: string;
}
interface CatalogueFile {
  title: string;
  issued_by: string;
  parse_caveats: string;
  rows: FileRow[];
}

const CELLS = ['key', 'simplified', 'registration'] as const;
type Cell = (typeof CELLS)[number];
/** Strictest first. */
const ORDER: PermitClass[] = ['key', 'simplified', 'registration', 'none'];
export const OTHER_INDUSTRIES_ROW = 108;
export const GENERAL_PROCESS_ROWS = [109, 110, 111, 112];

/**
 * How a cell relates to the industry: 'na' ('/'); 'external' (depends on 通用工序 or on the 重点排污单位名录,
 * not on the industry); 'other' (其他: the rest of the row); 'all' (全部); 'mentions' (names the 小类 or
 * its 中类); 'conditional' (thresholds or processes without a code); 'elsewhere' (names other 小类 only).
 */
type CellKind = 'na' | 'external' | 'other' | 'all' | 'mentions' | 'conditional' | 'elsewhere';

const catalogue = lazy(() => {
  const file = readDataJson<CatalogueFile>('permit/pwxk_catalog_2019.json');
  return { ...file, byNo: new Map(file.rows.map((r) => [r.no, r])) };
});

export function catalogueRow(no: number): FileRow | undefined {
  return catalogue().byNo.get(no);
}

const codeRe = (code: string) => new RegExp(`(?<!\\d)${code}(?!\\d)`);

/** Codes a row's industry text leaves out, e.g. row 80 '铸造及其他金属制品制造339（除黑色金属铸造3391、有色金属铸造3392）'. */
function exclusions(row: FileRow): string[] {
  return [...row.industry.matchAll(/（除([^）]*)）/g)].flatMap((m) => m[1].match(/\d{3,4}/g) ?? []);
}

/**
 * Whether a cell names the 小类 with no condition at all, e.g. '化妆品制造2682' in row 52: no '以上均…'
 * rider, no qualifier ('…的', '除…') before the list or in the code's own item, no parenthesis after it.
 */
function namedOutright(text: string, code: string): boolean {
  if (text.includes('以上均')) return false;
  const lead = text.slice(0, text.search(/\d/));
  if (/[的除]/.test(lead)) return false;
  const item = text.split(/[，；。]/).find((part) => codeRe(code).test(part)) ?? '';
  if (/[的除]/.test(item)) return false;
  return !new RegExp(`${code}[（(]`).test(item);
}

function cellKind(text: string, code: string): CellKind {
  const t = text.trim();
  if (t === '/' || t === '') return 'na';
  if (t.startsWith('涉及通用工序') || t === '纳入重点排污单位名录的') return 'external';
  if (/^其他﹡?$/.test(t)) return 'other';
  if (t === '全部') return 'all';
  if (codeRe(code).test(t)) return namedOutright(t, code) ? 'all' : 'mentions';
  if (codeRe(code.slice(0, 3)).test(t)) return 'mentions';
  if (new RegExp(`(?<!\\d)${code.slice(0, 3)}\\d(?!\\d)`).test(t)) return 'elsewhere';
  return 'conditional';
}

function matchOf(row: FileRow, code: string): CatalogueRow['matchedBy'] | null {
  if (exclusions(row).includes(code)) return null;
  if (row.industry_codes.includes(code)) return 'class';
  if (row.industry_codes.includes(code.slice(0, 3))) return 'group';
  if (row.industry_codes.includes(code.slice(0, 2))) return 'division';
  return null;
}

const strictest = (classes: PermitClass[]) => ORDER.find((c) => classes.includes(c)) ?? 'none';

function describeRow(row: FileRow, kinds: Record<Cell, CellKind>, matchedBy: CatalogueRow['matchedBy']): CatalogueRow | null {
  const applies = (k: CellKind) => k !== 'na' && k !== 'elsewhere';
  const pick = (wanted: CellKind[]) => CELLS.filter((c) => wanted.includes(kinds[c]));
  let chosen: Cell[] = pick(['all']);
  if (!chosen.length) chosen = pick(['mentions']);
  if (!chosen.length) chosen = pick(['conditional']);
  if (!chosen.length) chosen = pick(['other']);
  // A row that names only other 小类 of the group (and has no 其他) does not cover this one.
  if (!chosen.length && !pick(['external']).length && matchedBy !== 'general_process' && matchedBy !== 'other_industries') return null;
  const suggested: PermitClass = chosen.length ? strictest(chosen) : 'none';
  const kind = suggested === 'none' ? null : kinds[suggested as Cell];
  const fallback = suggested === 'none' ? null : CELLS.find((c) => ORDER.indexOf(c) > ORDER.indexOf(suggested) && applies(kinds[c]) && kinds[c] !== 'external');
  return {
    no: row.no,
    section: row.section,
    industry: row.industry,
    matchedBy,
    cells: Object.fromEntries(CELLS.map((c) => [c, { text: kinds[c] === 'na' ? null : row[c], applies: applies(kinds[c]) }])) as CatalogueRow['cells'],
    suggestedClass: suggested,
    basis: basisOf(row, suggested, kind, fallback ?? null),
  };
}

function basisOf(row: FileRow, suggested: PermitClass, kind: CellKind | null, fallback: Cell | null): { zh: string; en: string } {
  const cite = { zh: `名录第${row.no}行「${row.industry}」`, en: `Catalogue row ${row.no} (${row.industry})` };
  const check = { zh: '请核对后确认，或说明理由调整。', en: 'Check, then confirm or override with a reason.' };
  if (suggested === 'none') {
    return {
      zh: `${cite.zh}：本行业仅在涉及通用工序或纳入重点排污单位名录时纳入排污许可管理，否则不纳入。请核对下列通用工序后确认，或说明理由调整。`,
      en: `${cite.en}: the industry is covered only through general processes or the key-polluter list; otherwise it is not covered. Check the general processes below, then confirm or override with a reason.`,
    };
  }
  const label = PERMIT_CLASS.labels[suggested];
  const text = row[suggested as Cell];
  const star = text.includes('﹡') ? { zh: '（﹡指在工业建筑中生产的排污单位）', en: ' (﹡ = produced inside an industrial building)' } : { zh: '', en: '' };
  if (kind === 'other' || kind === 'all') {
    return {
      zh: `${cite.zh}：建议「${label.zh}」（本行“${text}”情形）${star.zh}${suggested === 'key' ? '' : '；涉及通用工序或纳入重点排污单位名录时须相应提高类别'}。${check.zh}`,
      en: `${cite.en}: suggested ${label.en} (the row's "${text}" case)${star.en}${suggested === 'key' ? '' : '; general processes or the key-polluter list can raise the class'}. ${check.en}`,
    };
  }
  const then = fallback
    ? { zh: `；不符合该条件时按「${PERMIT_CLASS.labels[fallback].zh}」（${row[fallback]}）`, en: `; if they do not hold, ${PERMIT_CLASS.labels[fallback].en} (${row[fallback]})` }
    : { zh: '；不符合该条件时不纳入排污许可管理', en: '; if they do not hold, the source is not covered' };
  return {
    zh: `${cite.zh}：就高建议「${label.zh}」，条件为“${text}”${star.zh}${then.zh}。${check.zh}`,
    en: `${cite.en}: suggested ${label.en} (the strictest class that can apply) under the conditions "${text}"${star.en}${then.en}. ${check.en}`,
  };
}

function rowFor(row: FileRow, code: string, matchedBy: CatalogueRow['matchedBy']): CatalogueRow | null {
  const kinds = Object.fromEntries(CELLS.map((c) => [c, cellKind(row[c], code)])) as Record<Cell, CellKind>;
  return describeRow(row, kinds, matchedBy);
}

/** The suggestion for a 4-digit 小类, or null when GB/T 4754-2017 has no such class. */
export function suggestPermitClass(code: string): PermitSuggestion | null {
  const name = industryName(code);
  if (!name) return null;
  const data = catalogue();
  const rows = data.rows
    .filter((r) => r.no < OTHER_INDUSTRIES_ROW)
    .map((r) => {
      const matchedBy = matchOf(r, code);
      return matchedBy ? rowFor(r, code, matchedBy) : null;
    })
    .filter((r): r is CatalogueRow => r !== null);
  if (!rows.length) rows.push(rowFor(data.byNo.get(OTHER_INDUSTRIES_ROW)!, code, 'other_industries')!);
  const cited = rows.reduce((best, r) => (ORDER.indexOf(r.suggestedClass) < ORDER.indexOf(best.suggestedClass) ? r : best));
  return {
    industryCode: code,
    industryName: name,
    suggestedClass: cited.suggestedClass,
    citedRow: { no: cited.no, industry: cited.industry },
    basis: cited.basis,
    rows,
    alsoCheck: GENERAL_PROCESS_ROWS.map((no) => rowFor(data.byNo.get(no)!, code, 'general_process')!),
    catalogue: { title: data.title, issuedBy: data.issued_by, caveat: data.parse_caveats },
  };
}

/** The class the 名录 suggests for a code under one cited row (a matched row or a general-process row), or undefined when the row is not about it. */
export function suggestedClassForRow(suggestion: PermitSuggestion, rowNo: number): PermitClass | undefined {
  return [...suggestion.rows, ...suggestion.alsoCheck].find((r) => r.no === rowNo)?.suggestedClass;
}
