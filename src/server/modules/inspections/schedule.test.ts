import { describe, expect, it } from 'vitest';
import { daysBetween, spreadOver } from './schedule';

describe('spreadOver', () => {
  it('spreads visits evenly over the weekdays of the period', () => {
    // 2026-03-02 is a Monday: two weeks hold 10 weekdays.
    const days = spreadOver(5, '2026-03-02', '2026-03-15');
    expect(days).toEqual(['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-10', '2026-03-12']);
  });
  it('puts several visits on a day when there are more visits than days, never outside the period', () => {
    const days = spreadOver(7, '2026-03-02', '2026-03-04');
    expect(new Set(days)).toEqual(new Set(['2026-03-02', '2026-03-03', '2026-03-04']));
    expect(days).toHaveLength(7);
    expect([...days].sort()).toEqual(days);
  });
  it('uses the weekend when the period has nothing else', () => {
    expect(spreadOver(2, '2026-03-07', '2026-03-08')).toEqual(['2026-03-07', '2026-03-08']);
    expect(spreadOver(0, '2026-03-07', '2026-03-08')).toEqual([]);
  });
  it('lists the days of a period across a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
