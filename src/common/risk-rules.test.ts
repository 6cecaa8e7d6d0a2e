import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_RULES, evaluateRisk, previousQuarter, quarterEnd, quarterOf, validateRiskRules, type RiskFacts, type RiskRules } from './risk-rules';

const none = { cat1: 0, cat2: 0, cat3: 0, cat4: 0 };
const quiet: RiskFacts = {
  sourceType: 'catering', permitClass: 'registration', industryCode: '6210', scale: 'micro', hazardousWasteLines: 0, hazardousWasteTonnes: 0,
  emergencyPlanLevel: null, sensitiveNearby: false, issues: { ...none }, issuesByMedium: { water: { ...none }, air: { ...none }, noise: { ...none }, hazardous_waste: { ...none } },
  overdue: 0, returns: 0, recurrences: 0, complaints: 0, anomalies: 0, creditRating: null,
};
const clone = (r: RiskRules): RiskRules => JSON.parse(JSON.stringify(r));

describe('risk grading (分级分类)', () => {
  it('grades a quiet catering outlet 轻微 / 绿 / A / III with every medium low', () => {
    const r = evaluateRisk(quiet, DEFAULT_RISK_RULES);
    expect([r.composite.value, r.envColor.value, r.mgmtGrade.value, r.socialGrade.value]).toEqual(['minor', 'green', 'A', 'III']);
    expect(Object.values(r.media).map((m) => m.value)).toEqual(['low', 'low', 'low', 'low']);
    // 5 (registration) + 3 (catering): every point explained.
    expect(r.composite.points).toBe(8);
    expect(r.composite.contributions.map((c) => [c.factor, c.points])).toEqual([['permitClass', 5], ['sourceType', 3]]);
    expect(r.minVisits).toBe(1);
  });

  it('a key-managed electroplater with hazardous wastes and a 较大 emergency plan is 红 before any issue', () => {
    const r = evaluateRisk({ ...quiet, sourceType: 'industrial', permitClass: 'key', industryCode: '3360', scale: 'medium', hazardousWasteLines: 3, hazardousWasteTonnes: 12.5, emergencyPlanLevel: 'larger' }, DEFAULT_RISK_RULES);
    // 40 + 10 + 10 + 25 (the longest prefix 3360, not 33) + 15 + 25 = 125
    expect(r.envColor.points).toBe(125);
    expect(r.envColor.value).toBe('red');
    expect(r.envColor.contributions.find((c) => c.factor === 'industry')).toMatchObject({ points: 25, detail: '3360 金属表面处理及热处理加工' });
    expect(r.composite.value).toBe('larger'); // 125 ≥ 110, < 180
    expect(r.mgmtGrade.value).toBe('A');
    expect(r.media.hazardous_waste.value).toBe('medium'); // 25 + 15 = 40
    expect(r.minVisits).toBe(2);
  });

  it('weights issues by the EA breach points 60 / 31 / 4 / 0.1 and moves the grades up with overdue and returned issues', () => {
    const facts: RiskFacts = { ...quiet, issues: { cat1: 1, cat2: 2, cat3: 3, cat4: 5 }, issuesByMedium: { ...quiet.issuesByMedium, water: { cat1: 1, cat2: 0, cat3: 0, cat4: 0 } } };
    const r = evaluateRisk(facts, DEFAULT_RISK_RULES);
    expect(r.mgmtGrade.points).toBe(60 + 62 + 12 + 0.5);
    expect(r.mgmtGrade.value).toBe('C');
    expect(r.mgmtGrade.contributions.find((c) => c.factor === 'issues.cat2')).toMatchObject({ points: 62, detail: '2 × 31' });
    expect(r.media.water.value).toBe('high');
    const worse = evaluateRisk({ ...facts, overdue: 2, returns: 1 }, DEFAULT_RISK_RULES);
    expect(worse.composite.points - r.composite.points).toBe(2 * 15 + 10);
    expect(r.composite.value).toBe('larger'); // 8 + 134.5
    expect(worse.composite.value).toBe('major'); // 182.5 ≥ 180
    expect(worse.composite.thresholds).toEqual([{ value: 'major', atLeast: 180 }, { value: 'larger', atLeast: 110 }, { value: 'general', atLeast: 50 }]);
  });

  it('puts complaints and sensitive neighbours into social risk', () => {
    expect(evaluateRisk({ ...quiet, sensitiveNearby: true }, DEFAULT_RISK_RULES).socialGrade.value).toBe('II');
    expect(evaluateRisk({ ...quiet, sensitiveNearby: true, complaints: 2 }, DEFAULT_RISK_RULES).socialGrade.value).toBe('I');
  });

  it('follows the rule set it is given (data, not code)', () => {
    const strict = clone(DEFAULT_RISK_RULES);
    strict.thresholds.composite = { major: 10, larger: 8, general: 4 };
    expect(evaluateRisk(quiet, strict).composite.value).toBe('larger');
    strict.frequencies.larger = 3;
    expect(evaluateRisk(quiet, strict).minVisits).toBe(3);
  });

  it('refuses rule sets with negative points, disordered thresholds or minimums above the cap', () => {
    expect(validateRiskRules(DEFAULT_RISK_RULES)).toEqual([]);
    const bad = clone(DEFAULT_RISK_RULES);
    bad.attributes.permitClass.key = -1;
    bad.thresholds.envColor = { red: 40, yellow: 45 };
    bad.frequencies.major = 9;
    expect(validateRiskRules(bad).map((p) => p.path)).toEqual(['attributes.permitClass.key', 'thresholds.envColor', 'frequencies.major']);
  });

  it('names quarters', () => {
    expect(quarterOf('2026-11-24')).toBe('2026Q4');
    expect(quarterOf('2026-03-31')).toBe('2026Q1');
    expect(quarterEnd('2026Q1')).toBe('2026-03-31');
    expect(quarterEnd('2024Q1')).toBe('2024-03-31');
    expect(quarterEnd('2026Q2')).toBe('2026-06-30');
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
  });
});
