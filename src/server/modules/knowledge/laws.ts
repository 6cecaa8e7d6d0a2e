/**
 * The laws and regulations of data/laws (法律法规), article by article: read-only reference data loaded
 * once per process on first use. Search, lookup by number or by citation, and citation resolution for
 * the handbook, the checklist bank and issues.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normaliseLawName, parseCitations, type Citation } from '../../../common/citations';
import type { Article, ArticleList, ArticleQuery, LawSummary, ResolvedCitation } from '../../../common/contracts/knowledge';
import { invalidField } from '../../http/errors';

/** src/server/modules/knowledge → repository root → data/laws/. */
const LAWS_DIR = fileURLToPath(new URL('../../../../data/laws/', import.meta.url));

interface RawLaw {
  name: string;
  title: string;
  revision_note: string;
  source: string;
  articles: Array<{ no: number; label: string; chapter: string | null; paragraphs: string[] }>;
}

export interface Law {
  key: string;
  name: string;
  title: string;
  revisionNote: string;
  articles: Article[];
  byNo: Map<number, Article>;
}

/** Editions in the library that have been replaced (see data/README.md). */
const OUTDATED: Record<string, { zh: string; en: string }> = {
  hjxzcfbf: {
    zh: '本库收录的是 2010 年版（环境保护部令第8号），已被《生态环境行政处罚办法》（生态环境部令第30号，2023年）取代，引用前请核对现行文本。',
    en: 'This is the 2010 edition (MEP Order No. 8), replaced by the 2023 Measures (MEE Order No. 30); check the current text before citing it.',
  },
  zhrmghgtfsjydf: {
    zh: '本库收录的是 2007 年版，该法已于 2024 年修订，引用前请核对现行文本。',
    en: 'This is the 2007 edition; the law was revised in 2024. Check the current text before citing it.',
  },
};

function load(): Law[] {
  const index = JSON.parse(fs.readFileSync(LAWS_DIR + 'index.json', 'utf8')) as Array<{ file: string }>;
  return index.map(({ file }) => {
    const raw = JSON.parse(fs.readFileSync(LAWS_DIR + file, 'utf8')) as RawLaw;
    const key = file.replace(/\.json$/, '');
    const articles = raw.articles.map(
      (a): Article => ({ law: key, lawName: raw.name, no: a.no, label: a.label, chapter: a.chapter || null, text: a.paragraphs.join('\n') }),
    );
    return { key, name: raw.name, title: raw.title, revisionNote: raw.revision_note, articles, byNo: new Map(articles.map((a) => [a.no, a])) };
  });
}

let cache: { laws: Law[]; byKey: Map<string, Law>; byName: Map<string, Law> } | undefined;

function library() {
  if (!cache) {
    const laws = load();
    const byName = new Map<string, Law>();
    for (const law of laws) {
      byName.set(normaliseLawName(law.name), law);
      byName.set(normaliseLawName(law.title), law);
    }
    cache = { laws, byKey: new Map(laws.map((l) => [l.key, l])), byName };
  }
  return cache;
}

export function lawIndex(): LawSummary[] {
  return library().laws.map((l) => ({
    key: l.key,
    name: l.name,
    title: l.title,
    revisionNote: l.revisionNote,
    articles: l.articles.length,
    outdated: l.key in OUTDATED,
    outdatedNote: OUTDATED[l.key] ?? null,
  }));
}

export function lawByKey(key: string): Law | undefined {
  return library().byKey.get(key);
}

/** A law by its name or title, with or without 《》 and 中华人民共和国. */
export function lawByName(name: string): Law | undefined {
  return library().byName.get(normaliseLawName(name));
}

export function lawArticle(key: string, no: number): Article | undefined {
  return lawByKey(key)?.byNo.get(no);
}

/** A citation with the article it points to (law and text null when the library does not hold it). */
export function resolveCitation(c: Citation): ResolvedCitation {
  const law = lawByName(c.lawName);
  const article = law?.byNo.get(c.article);
  return { ...c, law: article ? law!.key : null, text: article?.text ?? null };
}

/** Every citation of a legal-basis text, resolved. */
export function resolveLegalBasis(text: string): ResolvedCitation[] {
  return parseCitations(text).map(resolveCitation);
}

/** The citations of a text that name a law of the library but an article it does not have (a typo, most likely). */
export function danglingCitations(text: string): Citation[] {
  return parseCitations(text).filter((c) => {
    const law = lawByName(c.lawName);
    return law !== undefined && !law.byNo.has(c.article);
  });
}

function countOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

function lawParam(key: string | undefined): Law | undefined {
  if (key === undefined) return undefined;
  const law = lawByKey(key);
  if (!law) throw invalidField('law', `法规“${key}”不在法规库中`, `"${key}" is not a law of the library`);
  return law;
}

/**
 * Articles: by citation (ref), by number (law + no), by words (q, every word must appear in the text,
 * the label or the law's name; label hits first), or a law's articles in order.
 */
export function searchArticles(query: ArticleQuery): ArticleList {
  const page = (all: Article[]): ArticleList => ({ items: all.slice(query.offset, query.offset + query.limit), total: all.length, limit: query.limit, offset: query.offset });
  const law = lawParam(query.law);

  if (query.ref !== undefined) {
    const citations = parseCitations(query.ref);
    if (citations.length === 0) {
      throw invalidField('ref', `“${query.ref}”中没有找到形如《法规名称》第N条的引用`, `No citation such as 《Law》第N条 found in "${query.ref}"`);
    }
    const found: Article[] = [];
    for (const c of citations) {
      const a = lawByName(c.lawName)?.byNo.get(c.article);
      if (a && !found.includes(a)) found.push(a);
    }
    return page(found);
  }

  if (query.no !== undefined) {
    if (!law) throw invalidField('law', '按条号查询时须指定法规', 'Give the law when asking for an article number');
    const a = law.byNo.get(query.no);
    return page(a ? [a] : []);
  }

  const pool = law ? [law] : library().laws;
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return page(pool.flatMap((l) => l.articles));

  const hits: Array<{ article: Article; labelHits: number; lawHits: number; density: number; order: number }> = [];
  let order = 0;
  for (const l of pool) {
    const lawText = `${l.name} ${l.title}`.toLowerCase();
    for (const a of l.articles) {
      order++;
      const label = a.label.toLowerCase();
      const text = a.text.toLowerCase();
      let labelHits = 0;
      let lawHits = 0;
      let covered = 0;
      let all = true;
      for (const w of words) {
        const inLabel = label.includes(w);
        const inText = countOf(text, w);
        if (inLabel) labelHits++;
        else if (inText === 0) {
          // A word only the law's name holds (环境影响评价法 第十六条) narrows to that law.
          if (!lawText.includes(w)) {
            all = false;
            break;
          }
          lawHits++;
        }
        covered += w.length * Math.min(inText, 2);
      }
      if (!all) continue;
      // How much of the article the words make up: a short article about them beats a long one that mentions them.
      hits.push({ article: a, labelHits, lawHits, density: covered / Math.max(text.length, 1), order });
    }
  }
  // Label hits first (第十六条), then articles of a law the words name, then the densest, then the library's order.
  hits.sort((x, y) => y.labelHits - x.labelHits || y.lawHits - x.lawHits || y.density - x.density || x.order - y.order);
  return page(hits.map((h) => h.article));
}
