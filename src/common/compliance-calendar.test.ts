import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  isIsoDate,
  permitObligations,
  sourceObligations,
  todayInShanghai,
  type Obligation,
  type PermitTerms,
} from './compliance-calendar';

const base: PermitTerms = {
  permitId: 'p1',
  sourceId: 's1',
  permitNo: '91310112MA1FL00001001V',
  permitClass: 'simplified',
  validFrom: '2020-01-01',
  validUntil: '2030-12-31',
  reportFrequency: 'annual',
  annualReportDue: null,
};
const permit = (over: Partial<PermitTerms>): PermitTerms => ({ ...base, ...over });
const dues = (list: Obligation[], kind?: Obligation['kind']) => list.filter((o) => !kind || o.kind === kind).map((o) => o.dueDate);
const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

describe('calendar arithmetic', () => {
  it('adds days and months across month, year and leap-year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
  });
  it('validates calendar dates and reads today in Asia/Shanghai', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    // 16:30 UTC on 31 December is already 1 January in Shanghai.
    expect(todayInShanghai(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
    expect(todayInShanghai(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });
});

describe('execution reports (执行报告)', () => {
  it('monthly: by the 15th of the following month, December by 15 January, plus the annual report', () => {
    const list = permitObligations(permit({ reportFrequency: 'monthly' }), year(2025));
    expect(dues(list, 'report_monthly')).toEqual([
      '2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15', '2025-05-15', '2025-06-15',
      '2025-07-15', '2025-08-15', '2025-09-15', '2025-10-15', '2025-11-15', '2025-12-15',
    ]);
    expect(list.find((o) => o.dueDate === '2025-01-15' && o.kind === 'report_monthly')!.periodLabel.zh).toBe('2024年12月月度执行报告');
    expect(list.find((o) => o.dueDate === '2025-03-15')!.periodStart).toBe('2025-02-01');
    expect(list.find((o) => o.dueDate === '2025-03-15')!.periodEnd).toBe('2025-02-28');
    expect(dues(list, 'report_annual')).toEqual(['2025-01-15']);
  });

  it('quarterly: by the 15th of the first month of the next quarter; Q4 is covered by the annual report', () => {
    const list = permitObligations(permit({ reportFrequency: 'quarterly' }), { from: '2025-01-01', to: '2026-01-31' });
    expect(list.map((o) => `${o.kind}@${o.dueDate}`)).toEqual([
      'report_annual@2025-01-15',
      'report_quarterly@2025-04-15',
      'report_quarterly@2025-07-15',
      'report_quarterly@2025-10-15',
      'report_annual@2026-01-15',
    ]);
    expect(list[1].periodLabel).toEqual({ zh: '2025年第1季度季度执行报告', en: 'Quarterly execution report, 2025 Q1' });
    expect(list[2]).toMatchObject({ periodStart: '2025-04-01', periodEnd: '2025-06-30' });
  });

  it('semiannual: first half by 15 July, no separate second half, annual by 15 January', () => {
    const list = permitObligations(permit({ reportFrequency: 'semiannual' }), { from: '2025-01-01', to: '2026-06-30' });
    expect(list.map((o) => `${o.kind}@${o.dueDate}`)).toEqual(['report_annual@2025-01-15', 'report_semiannual@2025-07-15', 'report_annual@2026-01-15']);
  });

  it('annual: the permit may set its own due day, clamped in a year without 29 February', () => {
    const endOfJanuary = permitObligations(permit({ annualReportDue: { month: 1, day: 31 } }), year(2025));
    expect(dues(endOfJanuary)).toEqual(['2025-01-31']);
    const leapDay = { month: 2, day: 29 };
    expect(dues(permitObligations(permit({ annualReportDue: leapDay }), year(2024)))).toEqual(['2024-02-29']);
    expect(dues(permitObligations(permit({ annualReportDue: leapDay }), year(2025)))).toEqual(['2025-02-28']);
  });

  it('the window bounds are inclusive and select by due date', () => {
    const p = permit({ reportFrequency: 'quarterly' });
    expect(dues(permitObligations(p, { from: '2025-04-15', to: '2025-04-15' }))).toEqual(['2025-04-15']);
    expect(permitObligations(p, { from: '2025-04-16', to: '2025-07-14' })).toEqual([]);
  });

  it('an annual report is skipped for a year held under 3 months and folded into the next', () => {
    const late = permit({ validFrom: '2024-10-02' });
    const [report] = permitObligations(late, { from: '2025-01-01', to: '2026-12-31' }).filter((o) => o.dueDate === '2026-01-15');
    expect(report).toMatchObject({ periodStart: '2024-10-02', periodEnd: '2025-12-31' });
    expect(report.periodLabel.zh).toBe('2025年度（含2024年持证期）年度执行报告');
    expect(dues(permitObligations(late, year(2025)))).toEqual([]);
    // Exactly 3 months (1 October to 31 December) is not "不足3个月".
    expect(dues(permitObligations(permit({ validFrom: '2024-10-01' }), year(2025)))).toEqual(['2025-01-15']);
  });

  it('a folded-in short year is reported even when the next year is short too', () => {
    const brief = permit({ validFrom: '2024-11-01', validUntil: '2025-01-20' });
    expect(dues(permitObligations(brief, { from: '2025-01-01', to: '2026-12-31' }))).toEqual(['2026-01-15']);
  });

  it('semiannual: a first half held under 3 months is skipped', () => {
    expect(dues(permitObligations(permit({ validFrom: '2025-04-02', reportFrequency: 'semiannual' }), year(2025)), 'report_semiannual')).toEqual([]);
    expect(dues(permitObligations(permit({ validFrom: '2025-04-01', reportFrequency: 'semiannual' }), year(2025)), 'report_semiannual')).toEqual(['2025-07-15']);
  });

  it('quarterly: a quarter held under 1 month is skipped, including in a leap February', () => {
    const q = (validFrom: string, validUntil = '2030-12-31') => dues(permitObligations(permit({ validFrom, validUntil, reportFrequency: 'quarterly' }), year(2024)), 'report_quarterly');
    expect(q('2024-03-01')).toEqual(['2024-04-15', '2024-07-15', '2024-10-15']); // 1 to 31 March: a whole month
    expect(q('2024-03-02')).toEqual(['2024-07-15', '2024-10-15']);
    expect(q('2024-09-01')).toEqual(['2024-10-15']);
    expect(q('2024-09-05')).toEqual([]);
    // 31 January + 1 month is 29 February in 2024: held to 28 February is a whole month, to the 27th is not.
    expect(q('2024-01-31', '2024-02-28')).toEqual(['2024-04-15']);
    expect(q('2024-01-31', '2024-02-27')).toEqual([]);
  });

  it('monthly: a month held under 10 days is skipped', () => {
    const m = (validFrom: string, validUntil = '2030-12-31') => dues(permitObligations(permit({ validFrom, validUntil, reportFrequency: 'monthly' }), { from: '2024-02-01', to: '2024-04-30' }), 'report_monthly');
    expect(m('2024-01-22')).toEqual(['2024-02-15', '2024-03-15', '2024-04-15']); // 22-31 January: 10 days
    expect(m('2024-01-23')).toEqual(['2024-03-15', '2024-04-15']);
    expect(m('2024-02-20')).toEqual(['2024-03-15', '2024-04-15']); // 20-29 February 2024: 10 days (leap year)
    expect(m('2023-02-20', '2024-03-09')).toEqual(['2024-02-15', '2024-03-15']); // expires on the 9th: March skipped
  });

  it('an expired permit produces no future reports; the period it expired in is still owed', () => {
    const expired = permit({ validFrom: '2019-07-01', validUntil: '2024-06-30', reportFrequency: 'quarterly', permitClass: 'key' });
    expect(permitObligations(expired, { from: '2025-03-16', to: '2027-12-31' })).toEqual([]);
    expect(permitObligations(expired, { from: '2024-07-01', to: '2025-12-31' }).map((o) => `${o.kind}@${o.dueDate}`)).toEqual([
      'report_quarterly@2024-07-15',
      'report_annual@2025-01-15',
      'disclosure_annual@2025-03-15',
    ]);
  });

  it('no frequency means no execution reports', () => {
    expect(permitObligations(permit({ reportFrequency: null, validUntil: null }), year(2025))).toEqual([]);
  });

  it('quotes the skip rules of data/misc/permit_execution_reports.json that it implements', () => {
    const source = fs.readFileSync(new URL('./compliance-calendar.ts', import.meta.url), 'utf8');
    const data = JSON.parse(fs.readFileSync(new URL('../../data/misc/permit_execution_reports.json', import.meta.url), 'utf8'));
    for (const type of data.report_types as Array<{ skip_rule: string }>) {
      for (const clause of type.skip_rule.split('；')) expect(source).toContain(clause);
    }
  });
});

describe('renewal and disclosure', () => {
  it('renewal: application due 60 days before expiry (条例 第十四条)', () => {
    const [renewal] = permitObligations(permit({ validUntil: '2025-05-01', reportFrequency: null }), year(2025));
    expect(renewal).toMatchObject({ kind: 'permit_renewal', dueDate: '2025-03-02', expiresOn: '2025-05-01' });
    expect(renewal.legalBasis.zh).toContain('第十四条');
    // Across a leap day: 60 days before 2024-04-29 is 2024-02-29.
    expect(dues(permitObligations(permit({ validUntil: '2024-04-29', reportFrequency: null }), year(2024)))).toEqual(['2024-02-29']);
  });

  it('a renewal continued by a later row of the same number is no longer due; its reports are owed once', () => {
    const old = permit({ permitId: 'old', validFrom: '2020-05-01', validUntil: '2025-04-30', reportFrequency: 'quarterly' });
    const renewed = permit({ permitId: 'new', validFrom: '2025-05-01', validUntil: '2030-04-30', reportFrequency: 'quarterly' });
    const list = sourceObligations([old, renewed], year(2025));
    expect(list.filter((o) => o.kind === 'permit_renewal')).toEqual([]);
    expect(list.map((o) => `${o.kind}@${o.dueDate}`)).toEqual([
      'report_annual@2025-01-15',
      'report_quarterly@2025-04-15',
      'report_quarterly@2025-07-15',
      'report_quarterly@2025-10-15',
    ]);
    expect(sourceObligations([old], year(2025)).filter((o) => o.kind === 'permit_renewal')).toHaveLength(1);
    // Replaced by a permit with a new number: no renewal due either; a gap after expiry leaves it due.
    const replacement = { ...renewed, permitNo: 'NEW-NUMBER' };
    expect(sourceObligations([old, replacement], year(2025)).filter((o) => o.kind === 'permit_renewal')).toEqual([]);
    const afterGap = { ...renewed, permitNo: 'NEW-NUMBER', validFrom: '2025-06-01' };
    expect(sourceObligations([old, afterGap], year(2025)).filter((o) => o.kind === 'permit_renewal')).toHaveLength(1);
    // Another source's permit never answers this one's renewal.
    expect(sourceObligations([old, { ...renewed, sourceId: 's2' }], year(2025)).filter((o) => o.kind === 'permit_renewal' && o.sourceId === 's1')).toHaveLength(1);
  });

  it('disclosure: key-class holders disclose the previous year by 15 March, once per source', () => {
    const key = permit({ permitClass: 'key', reportFrequency: null, validUntil: null });
    const list = sourceObligations([key, { ...key, permitId: 'p2', permitNo: 'OTHER' }], { from: '2021-01-01', to: '2025-12-31' });
    expect(list.map((o) => `${o.kind}@${o.dueDate}`)).toEqual(['disclosure_annual@2023-03-15', 'disclosure_annual@2024-03-15', 'disclosure_annual@2025-03-15']);
    expect(list[0].periodLabel.zh).toBe('2022年度年度环境信息依法披露');
    expect(list[0].legalBasis.zh).toContain('第十九条');
    expect(permitObligations(permit({ reportFrequency: null, validUntil: null }), year(2025))).toEqual([]);
  });
});
