/**
 * The official holiday arrangements (国务院办公厅关于部分节假日安排的通知) of 2025 and 2026, as the
 * demo's working-day calendar. Only what differs from Monday–Friday is stored: weekdays off and
 * weekend days worked in lieu. The administrator keeps later years on the 工作日历 page.
 */
import { addDays, type IsoDate } from '../../../common/compliance-calendar';

type Range = [name: string, from: IsoDate, to: IsoDate, workedWeekends: IsoDate[]];

const ARRANGEMENTS: Record<number, Range[]> = {
  2025: [
    ['元旦', '2025-01-01', '2025-01-01', []],
    ['春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    ['清明节', '2025-04-04', '2025-04-06', []],
    ['劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
    ['端午节', '2025-05-31', '2025-06-02', []],
    ['国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  ],
  2026: [
    ['元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
    ['春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    ['清明节', '2026-04-04', '2026-04-06', []],
    ['劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
    ['端午节', '2026-06-19', '2026-06-21', []],
    ['中秋节', '2026-09-25', '2026-09-27', []],
    ['国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ],
};

const isWeekend = (d: IsoDate) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

export function holidaysOf(year: number): Array<{ day: IsoDate; kind: 'holiday' | 'workday'; name: string }> {
  const out: Array<{ day: IsoDate; kind: 'holiday' | 'workday'; name: string }> = [];
  for (const [name, from, to, worked] of ARRANGEMENTS[year] ?? []) {
    for (let d = from; d <= to; d = addDays(d, 1)) if (!isWeekend(d)) out.push({ day: d, kind: 'holiday', name });
    for (const d of worked) out.push({ day: d, kind: 'workday', name: `${name}调休上班` });
  }
  return out;
}
