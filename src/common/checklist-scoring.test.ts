import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, bandFor, scoreChecklist, validateAnswers, validateBands, type Band, type ItemAnswer, type ScoringItem } from './checklist-scoring';

// A small template: two air items (weights 1 and 2), two water items (the second weighs 3 and has a
// maximum of 5), one noise item.
const ITEMS: ScoringItem[] = [
  { itemId: 'A1', area: 'air', weight: 1, maxScore: 10 },
  { itemId: 'A2', area: 'air', weight: 2, maxScore: 10 },
  { itemId: 'W1', area: 'water', weight: 1, maxScore: 10 },
  { itemId: 'W2', area: 'water', weight: 3, maxScore: 5 },
  { itemId: 'N1', area: 'noise', weight: 1, maxScore: 10 },
];
const ORDER = ['eia_permit', 'air', 'water', 'solid_waste', 'hazardous_waste', 'emergency', 'noise'];

const area = (r: ReturnType<typeof scoreChecklist>, code: string) => r.areas.find((a) => a.area === code)!;

describe('checklist scoring', () => {
  it('weights scores per area and in total: Σ(score×weight)/Σ(max×weight)×100', () => {
    const answers: Record<string, ItemAnswer> = {
      A1: { answer: 'compliant' }, // 10 × 1
      A2: { answer: 'non_compliant' }, // 0 × 2
      W1: { answer: 'compliant', score: 6 }, // partial: 6 × 1
      W2: { answer: 'compliant' }, // 5 × 3
      N1: { answer: 'compliant' }, // 10 × 1
    };
    const r = scoreChecklist(ITEMS, answers, DEFAULT_BANDS, ORDER);
    // air 10 / 30; water (6 + 15) / (10 + 15) = 21 / 25; noise 10 / 10; total 41 / 65 = 63.08.
    expect(area(r, 'air')).toMatchObject({ score: 33.3, earned: 10, possible: 30, nonCompliant: 1, items: 2, answered: 2 });
    expect(area(r, 'water')).toMatchObject({ score: 84, earned: 21, possible: 25 });
    expect(area(r, 'noise').score).toBe(100);
    expect(r.total).toBe(63.1);
    expect(r).toMatchObject({ complete: true, missing: [], earned: 41, possible: 65 });
    expect(r.band?.label.zh).toBe('一般');
    // Areas come in the canonical order, only those the template has.
    expect(r.areas.map((a) => a.area)).toEqual(['air', 'water', 'noise']);
  });

  it('leaves 不适用 items out of both sums; an area with nothing applicable has no score and no weight in the total', () => {
    const answers: Record<string, ItemAnswer> = {
      A1: { answer: 'compliant' },
      A2: { answer: 'non_compliant', score: 5 }, // partial: 5 × 2
      W1: { answer: 'compliant' },
      W2: { answer: 'not_applicable' },
      N1: { answer: 'not_applicable' },
    };
    const r = scoreChecklist(ITEMS, answers, DEFAULT_BANDS, ORDER);
    // air (10 + 10) / 30 = 66.7; water 10 / 10 (W2 excluded); noise none; total 30 / 40 = 75.
    expect(area(r, 'air').score).toBe(66.7);
    expect(area(r, 'water')).toMatchObject({ score: 100, earned: 10, possible: 10, notApplicable: 1 });
    expect(area(r, 'noise')).toMatchObject({ score: null, earned: 0, possible: 0, notApplicable: 1, answered: 1 });
    expect(r.total).toBe(75);
    expect(r.band?.label).toEqual({ zh: '一般', en: 'Fair' });

    // Had W2 counted as a zero, water would be 10 / 25 and the total 30 / 55.
    expect(area(r, 'water').score).not.toBe(40);
  });

  it('has no total and no band when every item is 不适用', () => {
    const all = Object.fromEntries(ITEMS.map((i) => [i.itemId, { answer: 'not_applicable' as const }]));
    const r = scoreChecklist(ITEMS, all);
    expect(r.complete).toBe(true);
    expect(r.total).toBeNull();
    expect(r.band).toBeNull();
    expect(r.areas.every((a) => a.score === null)).toBe(true);
  });

  it('reports the unanswered items and gives no band until every item is answered', () => {
    const r = scoreChecklist(ITEMS, { A1: { answer: 'compliant' }, W2: { answer: 'non_compliant' } }, DEFAULT_BANDS, ORDER);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(['A2', 'W1', 'N1']);
    expect(r.band).toBeNull();
    // Provisional figures over what is answered: 10 / (10 + 15).
    expect(r.total).toBe(40);
    expect(area(r, 'noise')).toMatchObject({ score: null, answered: 0 });
    const none = scoreChecklist(ITEMS, {});
    expect(none.missing).toHaveLength(5);
    expect(none.total).toBeNull();
  });

  it('picks the first band whose min is at or below the rounded total', () => {
    expect(bandFor(85, DEFAULT_BANDS)?.label.zh).toBe('较好');
    expect(bandFor(84.9, DEFAULT_BANDS)?.label.zh).toBe('一般');
    expect(bandFor(60, DEFAULT_BANDS)?.label.zh).toBe('一般');
    expect(bandFor(59.9, DEFAULT_BANDS)?.label.zh).toBe('不合格');
    expect(bandFor(0, DEFAULT_BANDS)?.label.zh).toBe('不合格');
    // 8.496 / 10 = 84.96 %, shown as 85.0: the band follows the figure the user sees.
    const one: ScoringItem[] = [{ itemId: 'X', area: 'air', weight: 1, maxScore: 10 }];
    const r = scoreChecklist(one, { X: { answer: 'compliant', score: 8.496 } });
    expect(r.total).toBe(85);
    expect(r.band?.label.zh).toBe('较好');
    // Custom bands: 90 / 70 / 0.
    const strict: Band[] = [
      { min: 90, label: { zh: '优秀', en: 'Excellent' } },
      { min: 70, label: { zh: '合格', en: 'Pass' } },
      { min: 0, label: { zh: '不合格', en: 'Fail' } },
    ];
    expect(scoreChecklist(one, { X: { answer: 'compliant', score: 8.5 } }, strict).band?.label.en).toBe('Pass');
  });

  it('refuses scores that do not fit the answer, and answers to items outside the template', () => {
    const problems = validateAnswers(ITEMS, {
      A1: { answer: 'compliant', score: 11 },
      A2: { answer: 'non_compliant', score: 10 },
      W1: { answer: 'not_applicable', score: 3 },
      W2: { answer: 'compliant', score: 0 },
      N1: { answer: 'maybe' as never },
      Z9: { answer: 'compliant' },
    });
    expect(problems.map((p) => p.field)).toEqual(['answers.A1.score', 'answers.A2.score', 'answers.W1.score', 'answers.W2.score', 'answers.N1.answer', 'answers.Z9']);
    expect(problems[0].message.zh).toContain('0～10');
    expect(validateAnswers(ITEMS, { W2: { answer: 'compliant', score: 4.5 }, A2: { answer: 'non_compliant', score: 9 } })).toEqual([]);
    // A bad answer does not count: the item stays missing.
    expect(scoreChecklist(ITEMS, { A1: { answer: 'compliant', score: 11 } }).missing).toContain('A1');
  });

  it('validates bands: strictly descending mins within 0–100, the last at 0, labels in both languages', () => {
    expect(validateBands(DEFAULT_BANDS)).toEqual([]);
    expect(validateBands([{ min: 0, label: { zh: '全部', en: 'All' } }])).toEqual([]);
    expect(validateBands([]).map((p) => p.field)).toEqual(['bands']);
    const notDescending = validateBands([
      { min: 60, label: { zh: '一般', en: 'Fair' } },
      { min: 85, label: { zh: '较好', en: 'Good' } },
      { min: 0, label: { zh: '不合格', en: 'Failing' } },
    ]);
    expect(notDescending.map((p) => p.field)).toEqual(['bands.1.min']);
    const equal = validateBands([
      { min: 60, label: { zh: '一般', en: 'Fair' } },
      { min: 60, label: { zh: '较差', en: 'Poor' } },
      { min: 0, label: { zh: '不合格', en: 'Failing' } },
    ]);
    expect(equal.map((p) => p.field)).toEqual(['bands.1.min']);
    const lastNotZero = validateBands([
      { min: 85, label: { zh: '较好', en: 'Good' } },
      { min: 60, label: { zh: '一般', en: 'Fair' } },
    ]);
    expect(lastNotZero.map((p) => p.field)).toEqual(['bands.1.min']);
    expect(lastNotZero[0].message.zh).toContain('0');
    const labels = validateBands([
      { min: 85, label: { zh: ' ', en: 'Good' } },
      { min: 0, label: { zh: '不合格', en: '' } },
    ]);
    expect(labels.map((p) => p.field)).toEqual(['bands.0.label.zh', 'bands.1.label.en']);
    expect(validateBands([{ min: 120, label: { zh: 'a', en: 'a' } }, { min: 0, label: { zh: 'b', en: 'b' } }]).map((p) => p.field)).toEqual(['bands.0.min']);
    expect(validateBands([{ min: 50, label: { zh: '同', en: 'A' } }, { min: 0, label: { zh: '同', en: 'B' } }]).map((p) => p.field)).toEqual(['bands.1.label.zh']);
  });
});
