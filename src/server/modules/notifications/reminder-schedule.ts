import { addDays, daysBetween, type IsoDate, type Obligation, type ObligationKind } from '../../../common/compliance-calendar';

/** Days before the anchor when a reminder goes out: 7 and 3 before a due date; 180/90/30 before expiry. */
export function reminderOffsets(kind: ObligationKind): readonly number[] {
  return kind === 'permit_renewal' ? [180, 90, 30] : [7, 3];
}

/** What a reminder counts down to: the expiry for a renewal, the due date otherwise. */
export function reminderAnchor(o: Obligation): IsoDate {
  return o.kind === 'permit_renewal' && o.expiresOn ? o.expiresOn : o.dueDate;
}

/**
 * The reminder to send today, if any: the latest offset whose day has come while the anchor has not
 * passed. A run that missed days still sends it (catch-up), and only the latest: never a stale
 * "7 days left" once the 3-day reminder is due.
 */
export function reminderDue(o: Obligation, today: IsoDate): { offset: number; daysLeft: number } | null {
  const anchor = reminderAnchor(o);
  if (today > anchor) return null;
  const reached = reminderOffsets(o.kind).filter((offset) => addDays(anchor, -offset) <= today);
  if (reached.length === 0) return null;
  return { offset: Math.min(...reached), daysLeft: daysBetween(today, anchor) };
}
