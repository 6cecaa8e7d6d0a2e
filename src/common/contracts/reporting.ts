/**
 * Figures of the closed loop (整改统计). Routes (all need a session; every figure counts only the
 * issues of sources in the actor's jurisdiction):
 *
 *   GET /api/figures/issues?groupBy=town|provider|area&from=&to=   → IssueFigures
 */
import { z } from 'zod';

export const FigureGroupBy = z.enum(['town', 'provider', 'area']);
export type FigureGroup = z.infer<typeof FigureGroupBy>;

export const IssueFiguresQuerySchema = z
  .object({
    groupBy: FigureGroupBy.default('town'),
    /** Issues found from this day on (Asia/Shanghai), inclusive. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type IssueFiguresQuery = z.input<typeof IssueFiguresQuerySchema>;

export const FigureRowSchema = z.object({
  /** town/park region id, provider id, or area code; null = none (e.g. found by government staff). */
  key: z.string().nullable(),
  label: z.object({ zh: z.string(), en: z.string() }),
  /** Issues counted: everything found except 不予认定 and 已撤销. */
  total: z.number(),
  closed: z.number(),
  open: z.number(),
  overdue: z.number(),
  /** closed / total, 0..1; null when total is 0. */
  rectificationRate: z.number().nullable(),
  /** Median calendar days from found to closed, of the closed ones. */
  medianDaysToClose: z.number().nullable(),
  returns: z.number(),
  recurrences: z.number(),
  major: z.number(),
  escalated: z.number(),
});
export type FigureRow = z.infer<typeof FigureRowSchema>;

export const IssueFiguresSchema = z.object({
  groupBy: FigureGroupBy,
  from: z.string().nullable(),
  to: z.string().nullable(),
  today: z.string(),
  totals: FigureRowSchema,
  rows: z.array(FigureRowSchema),
});
export type IssueFigures = z.infer<typeof IssueFiguresSchema>;
