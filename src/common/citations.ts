/**
 * Legal citations (法律依据) as written in checklist items, issues and the compliance handbook:
 * “《环境影响评价法》第十六条、第二十二条；《建设项目环境保护管理条例》第九条”,
 * “《固体废物污染环境防治法》第一百零二条第一款第（八）项”, “篡改监测数据的第三十四条第（二）项”.
 * parseCitations() finds every article reference; a reference without a law name inherits the last
 * named law. Pure: it knows no law texts (the server resolves lawName to a law of data/laws).
 */

export interface Citation {
  /** The law's short name as cited, without “中华人民共和国” (e.g. 环境影响评价法). */
  lawName: string;
  /** Article number (第十六条 → 16). */
  article: number;
  /** 第M款, when cited. */
  paragraph?: number;
  /** 第（N）项, when cited. */
  item?: number;
  /** The reference as a reader sees it, e.g. 第三十一条第一款. */
  label: string;
}

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL = '[〇零一二三四五六七八九两十百千0-9０-９]+';

/**
 * A Chinese or Arabic numeral as an integer: 十六 → 16, 一百零二 → 102, 一百一十二 → 112, 二〇二六 → 2026,
 * 16 → 16. Returns null for anything else (empty text, stray characters, a unit twice in a row).
 */
export function chineseNumber(text: string): number | null {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!t) return null;
  if (/^[0-9]+$/.test(t)) return Number(t);
  if (![...t].every((c) => c in DIGITS || c in UNITS)) return null;
  // Digits only (二〇二六): positional.
  if (![...t].some((c) => c in UNITS)) return Number([...t].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of t) {
    if (c in DIGITS) {
      if (digit !== null && DIGITS[c] !== 0 && digit !== 0) return null; // 二三: two digits without a unit
      digit = DIGITS[c];
      continue;
    }
    const unit = UNITS[c];
    if (unit >= lastUnit) return null; // 十十, 十百: units must fall
    total += (digit === null || (digit === 0 && total === 0) ? 1 : digit) * unit;
    digit = null;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}

/** An integer as Chinese numerals the way Chinese statutes write article numbers: 16 → 十六, 102 → 一百零二, 112 → 一百一十二. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`toChineseNumber: ${n}`);
  if (n === 0) return '零';
  const names = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += names[d] + units[i];
  });
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

/** “第一百一十二条” for 112. */
export function articleLabel(article: number): string {
  return `第${toChineseNumber(article)}条`;
}

/** A law's name as the laws are keyed: no 《》, no spaces, no “中华人民共和国” prefix. */
export function normaliseLawName(name: string): string {
  return name.replace(/[《》\s]/g, '').replace(/^中华人民共和国/, '');
}

// One token each: a law title, an article (with optional 之N), a paragraph, an item or an item range.
const TOKEN = new RegExp(
  [
    `《(?<law>[^《》]{1,60})》`,
    `第(?<article>${NUMERAL})条`,
    `第(?<paragraph>${NUMERAL})款`,
    `第[（(]?(?<item>${NUMERAL})[）)]?(?:[～~—\\-至到][（(]?(?<itemEnd>${NUMERAL})[）)]?)?项`,
  ].join('|'),
  'g',
);
/** What may stand between a 款/项 and the article it continues: list separators only. */
const CONTINUES = /^[\s、，,和及或与以]*$/;
const MAX_RANGE = 50;

/**
 * Every article reference in a legal-basis text, in order, without duplicates.
 * “《环境影响评价法》第十六条、第二十二条；《建设项目环境保护管理条例》第九条” →
 * [{环境影响评价法, 16}, {环境影响评价法, 22}, {建设项目环境保护管理条例, 9}].
 * A 款 or 项 that follows an article directly (or after 、) narrows it; one that stands elsewhere
 * (e.g. inside a remark “（第七项2万～20万元）”) is ignored. An article before any named law is ignored.
 */
export function parseCitations(text: string | null | undefined): Citation[] {
  if (!text) return [];
  const out: Citation[] = [];
  const seen = new Set<string>();
  let law: string | null = null;
  // The article in force for continuation tokens, with its label and the paragraph last cited.
  let current: { article: number; label: string; paragraph?: number; paragraphLabel?: string; emitted: boolean } | null = null;
  let lastEnd = 0;

  const push = (c: Citation) => {
    const key = `${c.lawName}|${c.article}|${c.paragraph ?? ''}|${c.item ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  // An article cited alone is emitted when the next token does not narrow it.
  const flush = () => {
    if (current && law && !current.emitted) push({ lawName: law, article: current.article, label: current.label });
    if (current) current.emitted = true;
  };

  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const gap = text.slice(lastEnd, m.index);
    const adjacent = CONTINUES.test(gap);
    lastEnd = m.index! + m[0].length;

    if (g.law !== undefined) {
      flush();
      law = normaliseLawName(g.law) || null;
      current = null;
      continue;
    }
    if (g.article !== undefined) {
      flush();
      const article = chineseNumber(g.article);
      current = article && law ? { article, label: m[0], emitted: false } : null;
      continue;
    }
    if (!current || !law || !adjacent) continue;
    if (g.paragraph !== undefined) {
      const paragraph = chineseNumber(g.paragraph);
      if (!paragraph) continue;
      // 第十七条第一款、第二款: a paragraph after a paragraph (or an item) still belongs to the article.
      current.paragraph = paragraph;
      current.paragraphLabel = `${current.label}${m[0]}`;
      // Emitted now; an item that follows narrows it and replaces this entry (below).
      push({ lawName: law, article: current.article, paragraph, label: current.paragraphLabel });
      current.emitted = true;
      continue;
    }
    const first = chineseNumber(g.item!);
    const last = g.itemEnd !== undefined ? chineseNumber(g.itemEnd) : first;
    if (!first || !last || last < first || last - first > MAX_RANGE) continue;
    const base = current.paragraph !== undefined ? current.paragraphLabel! : current.label;
    // The item narrows the paragraph (or article) just emitted: replace that broader entry.
    const broader = out.length > 0 ? out[out.length - 1] : undefined;
    if (broader && broader.lawName === law && broader.article === current.article && broader.item === undefined && broader.paragraph === current.paragraph) {
      out.pop();
      seen.delete(`${broader.lawName}|${broader.article}|${broader.paragraph ?? ''}|`);
    }
    for (let item = first; item <= last; item++) {
      push({
        lawName: law,
        article: current.article,
        ...(current.paragraph !== undefined ? { paragraph: current.paragraph } : {}),
        item,
        label: `${base}第（${toChineseNumber(item)}）项`,
      });
    }
    current.emitted = true;
  }
  flush();
  return out;
}

/** “《环境影响评价法》第十六条第一款” — a citation written out in full. */
export function formatCitation(c: Citation): string {
  return `《${c.lawName}》${c.label}`;
}
