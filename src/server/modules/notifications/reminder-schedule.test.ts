import { describe, expect, it } from 'vitest';
import { permitObligations, type PermitTerms } from '../../../common/compliance-calendar';
import { reminderDue } from './reminder-schedule';

const permit = (over: Partial<PermitTerms>): PermitTerms => ({
  permitId: 'p1', sourceId: 's1', permitNo: 'X-1', permitClass: 'simplified', validFrom: '2020-01-01', validUntil: '2030-12-31', reportFrequency: 'annual', annualReportDue: null, ...over,
});
const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

describe('reminders', () => {
  const report = permitObligations(permit({ reportFrequency: 'quarterly' }), { from: '2025-04-15', to: '2025-04-15' })[0];
  const renewal = permitObligations(permit({ validUntil: '2025-12-31', reportFrequency: null }), year(2025))[0];

  it('7 and 3 days before a due date; nothing before, nothing after it', () => {
    expect(reminderDue(report, '2025-04-07')).toBeNull();
    expect(reminderDue(report, '2025-04-08')).toEqual({ offset: 7, daysLeft: 7 });
    expect(reminderDue(report, '2025-04-12')).toEqual({ offset: 3, daysLeft: 3 });
    expect(reminderDue(report, '2025-04-15')).toEqual({ offset: 3, daysLeft: 0 });
    expect(reminderDue(report, '2025-04-16')).toBeNull();
  });

  it('catch-up after missed days sends the latest reminder only', () => {
    expect(reminderDue(report, '2025-04-10')).toEqual({ offset: 7, daysLeft: 5 });
    expect(reminderDue(report, '2025-04-14')).toEqual({ offset: 3, daysLeft: 1 });
  });

  it('a renewal is warned 180, 90 and 30 days before expiry', () => {
    expect(reminderDue(renewal, '2025-07-03')).toBeNull();
    expect(reminderDue(renewal, '2025-07-04')).toEqual({ offset: 180, daysLeft: 180 });
    expect(reminderDue(renewal, '2025-10-02')).toEqual({ offset: 90, daysLeft: 90 });
    expect(reminderDue(renewal, '2025-12-01')).toEqual({ offset: 30, daysLeft: 30 });
    expect(reminderDue(renewal, '2026-01-01')).toBeNull();
  });
});
