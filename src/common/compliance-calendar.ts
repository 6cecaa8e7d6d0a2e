/**
 * 合规日历: the due dates a pollution-source permit (排污许可证) creates, as pure functions of the
 * permit and a date window. Dates are 'YYYY-MM-DD' calendar days in Asia/Shanghai; nothing here
 * reads a clock. Rules follow data/misc/permit_execution_reports.json (HJ 944-2018 and
 * 《排污许可管理条例》), the 条例 第十四条 and 《企业环境信息依法披露管理办法》 第七条、第十九条.
 */
import type { ReportFrequency } from './dossier-enums';
import type { Bilingual } from './enums';

export type IsoDate = string;

export const OBLIGATION_KINDS = ['report_monthly', 'report_quarterly', 'report_semiannual', 'report_annual', 'permit_renewal', 'disclosure_annual'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_KIND_LABELS: Record<ObligationKind, Bilingual> = {
  report_monthly: { zh: '月度执行报告', en: 'Monthly execution report' },
  report_quarterly: { zh: '季度执行报告', en: 'Quarterly execution report' },
  report_semiannual: { zh: '半年执行报告', en: 'Semiannual execution report' },
  report_annual: { zh: '年度执行报告', en: 'Annual execution report' },
  permit_renewal: { zh: '排污许可证延续申请', en: 'Permit renewal application' },
  disclosure_annual: { zh: '年度环境信息依法披露', en: 'Annual environmental disclosure' },
};

/** What the rules need of one permit. */
export interface PermitTerms {
  permitId: string;
  sourceId: string;
  /** 许可证编号: rows sharing it are one permit renewed (延续), reported once per period. */
  permitNo?: string | null;
  /** 'key' (重点管理) makes the holder disclose environmental information every year. */
  permitClass?: string | null;
  /** Start of validity (or the issue date when no separate start is recorded). */
  validFrom: IsoDate;
  validUntil: IsoDate | null;
  /** null: the permit sets no execution reports (e.g. 登记管理). */
  reportFrequency: ReportFrequency | null;
  /** The permit's own due day for the annual report, in the following year (e.g. 1月31日). */
  annualReportDue?: { month: number; day: number } | null;
}

export interface Obligation {
  /** Stable identity of the obligation: reminders are deduplicated on it. */
  key: string;
  kind: ObligationKind;
  periodLabel: Bilingual;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  dueDate: IsoDate;
  /** For a renewal: the expiry the warnings count down to. */
  expiresOn: IsoDate | null;
  legalBasis: Bilingual;
  sourceId: string;
  permitId: string;
}

export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

// ---------- calendar arithmetic on 'YYYY-MM-DD' (UTC dates, so no DST or offset can shift a day) ----------

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

// Integer day numbers (days since 1970-01-01) by Hinnant's civil-calendar algorithms: the calendar of
// a district's permits runs these thousands of times per request, and Date objects cost ~10× more.
function toDayNumber(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar months later; the day is clamped to the month's end (01-31 + 1 month = 02-28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Today's calendar date in Asia/Shanghai (UTC+8 all year: China keeps no daylight saving). */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** The part of [start, end] the permit was valid, or null when it was not valid at all. */
function heldWithin(permit: PermitTerms, start: IsoDate, end: IsoDate): { start: IsoDate; end: IsoDate } | null {
  const s = maxDate(start, permit.validFrom);
  const e = permit.validUntil ? minDate(end, permit.validUntil) : end;
  return s <= e ? { start: s, end: e } : null;
}

/** Held for fewer than `months` whole calendar months within the span (inclusive of both ends). */
function heldLessThanMonths(span: { start: IsoDate; end: IsoDate }, months: number): boolean {
  return addMonths(span.start, months) > addDays(span.end, 1);
}

// ---------- legal bases ----------

const REPORT_BASIS: Bilingual = {
  zh: '《排污许可管理条例》第二十二条；HJ 944-2018（频次与时限以排污许可证副本载明为准）；逾期未报依第三十七条处每次5千元以上2万元以下罚款',
  en: 'Permit Regulation art. 22; HJ 944-2018 (frequency and deadline as the permit states); failing to report: art. 37, CNY 5,000-20,000 each time',
};
const RENEWAL_BASIS: Bilingual = {
  zh: '《排污许可管理条例》第十四条：排污许可证有效期届满，需要继续排放污染物的，应当于有效期届满60日前向审批部门提出申请',
  en: 'Permit Regulation art. 14: to keep discharging, apply to the issuing authority at least 60 days before the permit expires',
};
const DISCLOSURE_BASIS: Bilingual = {
  zh: '《企业环境信息依法披露管理办法》第七条（重点排污单位应当披露）、第十九条（每年3月15日前披露上一年度环境信息）',
  en: 'Disclosure Measures art. 7 (key dischargers must disclose) and art. 19 (by 15 March, for the previous year)',
};

/** 第十四条: the renewal application is due this many days before expiry. */
export const RENEWAL_LEAD_DAYS = 60;
/** 办法 第三十三条: in force from 2022-02-08, so 2022 is the first year disclosed. */
export const DISCLOSURE_FIRST_YEAR = 2022;

// ---------- periods ----------

interface Period {
  kind: ObligationKind;
  tag: string;
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
  label: Bilingual;
}

function annualDue(year: number, override: PermitTerms['annualReportDue']): IsoDate {
  // HJ 944: 次年1月15日前, unless the permit says otherwise (e.g. "1月底前").
  if (!override) return iso(year + 1, 1, 15);
  return iso(year + 1, override.month, Math.min(override.day, daysInMonth(year + 1, override.month)));
}

/** The reporting periods of one year for a frequency (monthly and quarterly ones already cut to the window); skips are decided afterwards. */
function periodsOfYear(year: number, frequency: ReportFrequency, override: PermitTerms['annualReportDue'], window: DateWindow): Period[] {
  const periods: Period[] = [];
  if (frequency === 'monthly') {
    for (let m = 1; m <= 12; m++) {
      // 月度执行报告: 下月15日前.
      const due = m === 12 ? iso(year + 1, 1, 15) : iso(year, m + 1, 15);
      if (due < window.from || due > window.to) continue;
      periods.push({ kind: 'report_monthly', tag: `${year}-${String(m).padStart(2, '0')}`, start: iso(year, m, 1), end: iso(year, m, daysInMonth(year, m)), due, label: { zh: `${year}年${m}月`, en: `${year}-${String(m).padStart(2, '0')}` } });
    }
  }
  if (frequency === 'quarterly') {
    // 季度执行报告: 下一季度第一个月15日前. Q4 is left out: "报送半年/年报的当季可不单独报送", and the
    // annual report (this year's, or next year's when this one is folded into it) covers Q4.
    for (let q = 1; q <= 3; q++) {
      const first = q * 3 - 2;
      const due = iso(year, first + 3, 15);
      if (due < window.from || due > window.to) continue;
      periods.push({ kind: 'report_quarterly', tag: `${year}-Q${q}`, start: iso(year, first, 1), end: iso(year, first + 2, daysInMonth(year, first + 2)), due, label: { zh: `${year}年第${q}季度`, en: `${year} Q${q}` } });
    }
  }
  if (frequency === 'semiannual') {
    // 半年执行报告: 上半年 7月15日前; "报送年报的可不单独报下半年", so there is no H2 report.
    periods.push({ kind: 'report_semiannual', tag: `${year}-H1`, start: iso(year, 1, 1), end: iso(year, 6, 30), due: iso(year, 7, 15), label: { zh: `${year}年上半年`, en: `${year} H1` } });
  }
  periods.push({ kind: 'report_annual', tag: `${year}`, start: iso(year, 1, 1), end: iso(year, 12, 31), due: annualDue(year, override), label: { zh: `${year}年度`, en: `${year}` } });
  return periods;
}

/** The skip rules of permit_execution_reports.json, keyed by what each report type says. */
function skipped(kind: ObligationKind, held: { start: IsoDate; end: IsoDate }): boolean {
  switch (kind) {
    case 'report_annual': // 年度: "持证不足3个月的当年可不报，纳入下一年度"
    case 'report_semiannual': // 半年: "持证不足3个月可不报上半年报告"
      return heldLessThanMonths(held, 3);
    case 'report_quarterly': // 季度: "持证不足1个月的当季可不报"
      return heldLessThanMonths(held, 1);
    case 'report_monthly': // 月度: "持证不足10天当月可不报"
      return daysBetween(held.start, held.end) + 1 < 10;
    default:
      return false;
  }
}

function permitKey(permit: PermitTerms): string {
  return permit.permitNo?.trim() || permit.permitId;
}

/** Execution reports of one permit whose due date lies in the window. */
function executionReports(permit: PermitTerms, window: DateWindow): Obligation[] {
  if (!permit.reportFrequency) return [];
  const out: Obligation[] = [];
  const firstYear = Number(permit.validFrom.slice(0, 4));
  const lastYear = Number((permit.validUntil ?? window.to).slice(0, 4));
  // Due dates fall in the period's year or the next one, so the window's previous year matters too.
  const fromYear = Math.max(firstYear, Number(window.from.slice(0, 4)) - 1);
  const toYear = Math.min(lastYear, Number(window.to.slice(0, 4)));
  for (let year = fromYear; year <= toYear; year++) {
    for (const period of periodsOfYear(year, permit.reportFrequency, permit.annualReportDue, window)) {
      if (period.due < window.from || period.due > window.to) continue;
      const held = heldWithin(permit, period.start, period.end);
      if (!held) continue;
      let start = period.start;
      let label = period.label;
      if (period.kind === 'report_annual') {
        // A short first year is "纳入下一年度": that report covers it and is owed however short this year is.
        const previous = heldWithin(permit, iso(year - 1, 1, 1), iso(year - 1, 12, 31));
        if (previous && heldLessThanMonths(previous, 3)) {
          start = previous.start;
          label = { zh: `${year}年度（含${year - 1}年持证期）`, en: `${year} (incl. the ${year - 1} holding period)` };
        } else if (skipped(period.kind, held)) continue;
      } else if (skipped(period.kind, held)) continue;
      out.push(obligation(permit, period.kind, `${permitKey(permit)}:${period.kind}:${period.tag}`, label, start, period.end, period.due, REPORT_BASIS));
    }
  }
  return out;
}

function obligation(permit: PermitTerms, kind: ObligationKind, key: string, period: Bilingual, start: IsoDate, end: IsoDate, due: IsoDate, basis: Bilingual, expiresOn: IsoDate | null = null): Obligation {
  const name = OBLIGATION_KIND_LABELS[kind];
  return {
    key: `${permit.sourceId}:${key}`,
    kind,
    periodLabel: { zh: `${period.zh}${name.zh}`, en: `${name.en}, ${period.en}` },
    periodStart: start,
    periodEnd: end,
    dueDate: due,
    expiresOn,
    legalBasis: basis,
    sourceId: permit.sourceId,
    permitId: permit.permitId,
  };
}

function renewal(permit: PermitTerms, window: DateWindow): Obligation[] {
  if (!permit.validUntil) return [];
  const due = addDays(permit.validUntil, -RENEWAL_LEAD_DAYS);
  if (due < window.from || due > window.to) return [];
  const label = { zh: `有效期至${permit.validUntil}，`, en: `permit expires ${permit.validUntil}` };
  return [obligation(permit, 'permit_renewal', `${permitKey(permit)}:permit_renewal:${permit.validUntil}`, label, permit.validFrom, permit.validUntil, due, RENEWAL_BASIS, permit.validUntil)];
}

function disclosures(permit: PermitTerms, window: DateWindow): Obligation[] {
  if (permit.permitClass !== 'key') return [];
  const out: Obligation[] = [];
  for (let year = Math.max(DISCLOSURE_FIRST_YEAR, Number(window.from.slice(0, 4)) - 1); year < Number(window.to.slice(0, 4)); year++) {
    const due = iso(year + 1, 3, 15);
    if (due < window.from || due > window.to || !heldWithin(permit, iso(year, 1, 1), iso(year, 12, 31))) continue;
    // One disclosure per enterprise and year, whatever number of key permits it holds.
    out.push(obligation(permit, 'disclosure_annual', `disclosure_annual:${year}`, { zh: `${year}年度`, en: `${year}` }, iso(year, 1, 1), iso(year, 12, 31), due, DISCLOSURE_BASIS));
  }
  return out;
}

/** Every obligation of one permit whose due date lies in the window, ordered by due date. */
export function permitObligations(permit: PermitTerms, window: DateWindow): Obligation[] {
  return sortObligations(unsortedObligations(permit, window));
}

function unsortedObligations(permit: PermitTerms, window: DateWindow): Obligation[] {
  return [...executionReports(permit, window), ...renewal(permit, window), ...disclosures(permit, window)];
}

/**
 * The obligations of all the permits of one or more sources. Rows of one permit number owe each
 * report once; a renewal is no longer due once a later permit of the same source takes over by the
 * day after expiry (renewed, or replaced by a permit with a new number).
 */
export function sourceObligations(permits: PermitTerms[], window: DateWindow): Obligation[] {
  const bySource = new Map<string, PermitTerms[]>();
  for (const p of permits) {
    const list = bySource.get(p.sourceId);
    if (list) list.push(p);
    else bySource.set(p.sourceId, [p]);
  }
  const byKey = new Map<string, Obligation>();
  for (const permit of permits) {
    const until = permit.validUntil;
    const dayAfter = until && addDays(until, 1);
    const renewed = !!until && !!dayAfter && bySource.get(permit.sourceId)!.some((p) => p !== permit && p.validFrom > permit.validFrom && p.validFrom <= dayAfter && (p.validUntil === null || p.validUntil > until));
    for (const o of unsortedObligations(permit, window)) {
      if (o.kind === 'permit_renewal' && renewed) continue;
      if (!byKey.has(o.key)) byKey.set(o.key, o);
    }
  }
  return sortObligations([...byKey.values()]);
}

function sortObligations(list: Obligation[]): Obligation[] {
  // Plain code-unit order (not localeCompare): deterministic and fast on thousands of rows.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return list.sort((a, b) => order(a.dueDate, b.dueDate) || order(a.key, b.key));
}
