/**
 * Checklist scoring (检查表评分) — pure, shared by the server (the preview endpoint, later the
 * inspection) and the web (the live result while answering).
 *
 * Each template item has a weight (> 0) and a maximum score. An answer is 符合 (compliant),
 * 不符合 (non_compliant) or 不适用 (not_applicable), with an optional score 0..max: compliant
 * defaults to the maximum, non_compliant to 0; a partial score may be given (compliant above 0,
 * non_compliant below the maximum). 不适用 items leave both sums.
 *
 *   area score  = Σ(score × weight) / Σ(max × weight) × 100, over the area's applicable items
 *   total score = the same over every applicable item of the template
 *
 * An area whose items are all 不适用 has no score (null) and does not count; a template whose items
 * are all 不适用 has no total. Scores are rounded to one decimal, and the band (结果等级) is the
 * first band whose `min` ≤ the rounded total — the figure the user sees decides the band.
 *
 * An inspection cannot be scored until every item is answered: until then the result is
 * provisional (`complete` false, `missing` lists the unanswered items, `band` null); the area and
 * total figures then cover the answered items only.
 */
import type { Bilingual } from './enums';

export const ANSWERS = ['compliant', 'non_compliant', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

export const ANSWER_LABELS: Record<Answer, Bilingual> = {
  compliant: { zh: '符合', en: 'Compliant' },
  non_compliant: { zh: '不符合', en: 'Non-compliant' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

export interface Band {
  /** The lowest total (0–100) that earns this band. */
  min: number;
  label: Bilingual;
}

/** 较好 ≥ 85, 一般 ≥ 60, 不合格 below. */
export const DEFAULT_BANDS: readonly Band[] = [
  { min: 85, label: { zh: '较好', en: 'Good' } },
  { min: 60, label: { zh: '一般', en: 'Fair' } },
  { min: 0, label: { zh: '不合格', en: 'Failing' } },
];

export const DEFAULT_MAX_SCORE = 10;

/** One item of a template, as scoring needs it. */
export interface ScoringItem {
  itemId: string;
  area: string;
  weight: number;
  maxScore: number;
}

export interface ItemAnswer {
  answer: Answer;
  /** 0..maxScore; omitted = the default of the answer. */
  score?: number | null;
}

export interface AreaScore {
  area: string;
  /** 0–100 with one decimal; null when no item of the area is applicable (or none answered yet). */
  score: number | null;
  /** Σ(score × weight) and Σ(max × weight) over the applicable answered items. */
  earned: number;
  possible: number;
  items: number;
  answered: number;
  notApplicable: number;
  nonCompliant: number;
}

export interface ScoreResult {
  /** Every item answered (validly). */
  complete: boolean;
  /** Items of the template without an answer, in template order. */
  missing: string[];
  areas: AreaScore[];
  total: number | null;
  /** Only when complete and a total exists. */
  band: Band | null;
  earned: number;
  possible: number;
}

export interface Problem {
  /** The request field, e.g. `answers.<itemId>.score` or `bands.1.min`. */
  field: string;
  message: Bilingual;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The band a total falls in: the first whose min ≤ total (bands ordered by descending min). */
export function bandFor(total: number, bands: readonly Band[]): Band | null {
  return bands.find((b) => b.min <= total) ?? null;
}

/**
 * Problems of a band list: at least one band; mins numbers within 0–100, strictly descending, the
 * last one 0 (every total gets a band); both labels non-empty and distinct per language.
 */
export function validateBands(bands: readonly Band[]): Problem[] {
  const problems: Problem[] = [];
  if (bands.length === 0) {
    return [{ field: 'bands', message: { zh: '至少需要一个结果等级', en: 'At least one result band is needed' } }];
  }
  bands.forEach((b, i) => {
    if (typeof b.min !== 'number' || !Number.isFinite(b.min) || b.min < 0 || b.min > 100) {
      problems.push({ field: `bands.${i}.min`, message: { zh: `第 ${i + 1} 个等级的下限须在 0～100 之间`, en: `The lower bound of band ${i + 1} must be between 0 and 100` } });
    } else if (i > 0 && !(b.min < bands[i - 1].min)) {
      problems.push({
        field: `bands.${i}.min`,
        message: { zh: `等级下限须从高到低严格递减：第 ${i + 1} 个（${b.min}）不低于第 ${i} 个（${bands[i - 1].min}）`, en: `Band lower bounds must strictly decrease: band ${i + 1} (${b.min}) is not below band ${i} (${bands[i - 1].min})` },
      });
    }
    for (const lang of ['zh', 'en'] as const) {
      if (!b.label || typeof b.label[lang] !== 'string' || b.label[lang].trim() === '') {
        problems.push({ field: `bands.${i}.label.${lang}`, message: { zh: `第 ${i + 1} 个等级缺少${lang === 'zh' ? '中文' : '英文'}名称`, en: `Band ${i + 1} has no ${lang === 'zh' ? 'Chinese' : 'English'} label` } });
      } else if (bands.slice(0, i).some((o) => o.label?.[lang]?.trim() === b.label[lang].trim())) {
        problems.push({ field: `bands.${i}.label.${lang}`, message: { zh: `等级名称“${b.label[lang]}”重复`, en: `The band label "${b.label[lang]}" is used twice` } });
      }
    }
  });
  const last = bands[bands.length - 1];
  if (typeof last.min === 'number' && last.min !== 0 && !problems.some((p) => p.field === `bands.${bands.length - 1}.min`)) {
    problems.push({ field: `bands.${bands.length - 1}.min`, message: { zh: '最后一个等级的下限须为 0，使每个得分都有等级', en: 'The last band must start at 0 so that every score has a band' } });
  }
  return problems;
}

/** The score an answer earns, or a problem when the given score does not fit the answer. */
function earnedScore(item: ScoringItem, a: ItemAnswer): { score: number } | { problem: Bilingual } | null {
  if (a.answer === 'not_applicable') {
    if (a.score !== undefined && a.score !== null) return { problem: { zh: '“不适用”的检查项不能打分', en: 'A not-applicable item takes no score' } };
    return null;
  }
  const given = a.score;
  if (given === undefined || given === null) return { score: a.answer === 'compliant' ? item.maxScore : 0 };
  if (typeof given !== 'number' || !Number.isFinite(given) || given < 0 || given > item.maxScore) {
    return { problem: { zh: `得分须在 0～${item.maxScore} 之间`, en: `The score must be between 0 and ${item.maxScore}` } };
  }
  if (a.answer === 'compliant' && given === 0) return { problem: { zh: '“符合”的检查项得分不能为 0', en: 'A compliant item cannot score 0' } };
  if (a.answer === 'non_compliant' && given === item.maxScore) {
    return { problem: { zh: `“不符合”的检查项得分须低于满分 ${item.maxScore}`, en: `A non-compliant item must score below the maximum ${item.maxScore}` } };
  }
  return { score: given };
}

/** Problems of a set of answers against the template's items: unknown items, unknown answers, scores out of range. */
export function validateAnswers(items: readonly ScoringItem[], answers: Readonly<Record<string, ItemAnswer>>): Problem[] {
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const problems: Problem[] = [];
  for (const [itemId, a] of Object.entries(answers)) {
    const item = byId.get(itemId);
    if (!item) {
      problems.push({ field: `answers.${itemId}`, message: { zh: '该检查项不在此模板中', en: 'This item is not part of the template' } });
      continue;
    }
    if (!a || !(ANSWERS as readonly string[]).includes(a.answer)) {
      problems.push({ field: `answers.${itemId}.answer`, message: { zh: '请选择符合、不符合或不适用', en: 'Choose compliant, non-compliant or not applicable' } });
      continue;
    }
    const earned = earnedScore(item, a);
    if (earned && 'problem' in earned) problems.push({ field: `answers.${itemId}.score`, message: earned.problem });
  }
  return problems;
}

/**
 * Scores the answers of a template. Answers with a problem (see validateAnswers) count as missing;
 * a caller that must refuse bad input checks validateAnswers first. Areas come in `areaOrder`
 * (codes not listed follow in order of first appearance).
 */
export function scoreChecklist(
  items: readonly ScoringItem[],
  answers: Readonly<Record<string, ItemAnswer>>,
  bands: readonly Band[] = DEFAULT_BANDS,
  areaOrder: readonly string[] = [],
): ScoreResult {
  const order = [...areaOrder];
  for (const i of items) if (!order.includes(i.area)) order.push(i.area);
  const areas = new Map<string, AreaScore>();
  for (const i of items) {
    if (!areas.has(i.area)) areas.set(i.area, { area: i.area, score: null, earned: 0, possible: 0, items: 0, answered: 0, notApplicable: 0, nonCompliant: 0 });
  }
  const missing: string[] = [];
  let earnedAll = 0;
  let possibleAll = 0;
  for (const item of items) {
    const area = areas.get(item.area)!;
    area.items += 1;
    const a = answers[item.itemId];
    const earned = a && (ANSWERS as readonly string[]).includes(a.answer) ? earnedScore(item, a) : undefined;
    if (!a || earned === undefined || (earned && 'problem' in earned)) {
      missing.push(item.itemId);
      continue;
    }
    area.answered += 1;
    if (earned === null) {
      area.notApplicable += 1;
      continue;
    }
    if (a.answer === 'non_compliant') area.nonCompliant += 1;
    area.earned += earned.score * item.weight;
    area.possible += item.maxScore * item.weight;
    earnedAll += earned.score * item.weight;
    possibleAll += item.maxScore * item.weight;
  }
  const list = order.filter((code) => areas.has(code)).map((code) => {
    const area = areas.get(code)!;
    return { ...area, score: area.possible > 0 ? round1((area.earned / area.possible) * 100) : null };
  });
  const total = possibleAll > 0 ? round1((earnedAll / possibleAll) * 100) : null;
  const complete = missing.length === 0;
  return {
    complete,
    missing,
    areas: list,
    total,
    band: complete && total !== null ? bandFor(total, bands) : null,
    earned: earnedAll,
    possible: possibleAll,
  };
}
