/**
 * Format and cross-field rules of dossier rows, shared by server (which enforces them) and web
 * (which shows them before sending). Each returns the field and the reason, or null when the row is fine.
 */
import type { Bilingual } from './enums';

export type FieldError = Bilingual & { field: string };

/**
 * HJ 212 MN (数采仪唯一标识): 2005 has 14 characters (7-digit organisation code + 7 serial); 2017
 * allows 24. Real devices use letters, digits, '-' and '_' (e.g. LD130133000015, aqms-1100-2020110011).
 */
export function mnError(mn: string): Bilingual | null {
  if (mn.length < 14 || mn.length > 24) {
    return { zh: `MN 编码应为14–24位，当前为${mn.length}位`, en: `An MN has 14 to 24 characters, got ${mn.length}` };
  }
  const bad = [...mn].find((c) => !/[A-Za-z0-9_-]/.test(c));
  if (bad !== undefined) {
    return { zh: `MN 编码只能包含字母、数字、“-”和“_”，不能包含“${bad}”`, en: `An MN holds only letters, digits, '-' and '_', not "${bad}"` };
  }
  return null;
}

/** 排放口编号 (HJ 608 / 排污许可): DA + 3 digits for waste gas, DW + 3 digits for waste water. */
export function outletCodeError(kind: string, code: string): Bilingual | null {
  if (kind === 'gas' && !/^DA\d{3}$/.test(code)) {
    return { zh: `废气排放口编号应为“DA”加3位数字（如 DA001），当前为“${code}”`, en: `A waste-gas outlet code is DA + 3 digits (e.g. DA001), got "${code}"` };
  }
  if (kind === 'water' && !/^DW\d{3}$/.test(code)) {
    return { zh: `废水排放口编号应为“DW”加3位数字（如 DW001），当前为“${code}”`, en: `A waste-water outlet code is DW + 3 digits (e.g. DW001), got "${code}"` };
  }
  if (kind === 'noise' && !/^[A-Z]{1,4}\d{1,4}$/.test(code)) {
    return { zh: `噪声点位编号应为字母加数字（如 N1、ZS01），当前为“${code}”`, en: `A noise point code is letters + digits (e.g. N1, ZS01), got "${code}"` };
  }
  return null;
}

/** 国家危险废物名录 waste code: 行业来源 3 digits - 顺序 3 digits - 类别 2 digits, e.g. 900-041-49. */
export function hwCodeFormatError(code: string): Bilingual | null {
  if (!/^\d{3}-\d{3}-\d{2}$/.test(code)) {
    return { zh: `危险废物代码应为“3位-3位-2位”数字（如 900-041-49），当前为“${code}”`, en: `A hazardous-waste code is NNN-NNN-NN (e.g. 900-041-49), got "${code}"` };
  }
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Both coordinates or neither. */
export function coordinatePairError(row: { longitude?: number | null; latitude?: number | null }): FieldError | null {
  const lon = row.longitude ?? null;
  const lat = row.latitude ?? null;
  if ((lon === null) === (lat === null)) return null;
  const field = lon === null ? 'longitude' : 'latitude';
  return { field, zh: '经度和纬度须同时填写或同时为空', en: 'Give both longitude and latitude, or neither' };
}

type Row = Record<string, unknown>;
const after = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a > b;
const missing = (v: unknown) => v === null || v === undefined || v === '';

/** Cross-field rules of one section's merged row (what it will be once stored). */
export function sectionRowError(section: string, row: Row): FieldError | null {
  switch (section) {
    case 'eia-approvals':
      if (row.kind !== 'registration') {
        for (const field of ['documentNumber', 'approvingAuthority', 'approvalDate']) {
          if (missing(row[field])) return { field, zh: `环评报告书/报告表须填写「${field}」`, en: `${field} is required for an EIA report or form` };
        }
      }
      return null;
    case 'permits':
      if (!after(row.validUntil, row.validFrom)) return { field: 'validUntil', zh: '有效期至应晚于有效期起', en: 'validUntil must be after validFrom' };
      if (row.issueDate && after(row.issueDate, row.validUntil)) return { field: 'issueDate', zh: '发证日期不能晚于有效期至', en: 'issueDate cannot be after validUntil' };
      if (row.permitClass === 'registration' && !missing(row.reportFrequency)) {
        return { field: 'reportFrequency', zh: '登记管理无需提交执行报告，执行报告频次应为空', en: 'A registration has no execution reports: leave reportFrequency empty' };
      }
      if (row.permitClass !== 'registration' && missing(row.reportFrequency)) {
        return { field: 'reportFrequency', zh: '重点/简化管理须填写执行报告频次', en: 'reportFrequency is required for a key or simplified permit' };
      }
      if (row.annualReportDueMonth != null && row.annualReportDueDay != null && (row.annualReportDueDay as number) > DAYS_IN_MONTH[(row.annualReportDueMonth as number) - 1]) {
        return { field: 'annualReportDueDay', zh: `${row.annualReportDueMonth}月没有${row.annualReportDueDay}日`, en: `Month ${row.annualReportDueMonth} has no day ${row.annualReportDueDay}` };
      }
      return null;
    case 'outlets': {
      const pair = coordinatePairError(row as { longitude?: number | null; latitude?: number | null });
      if (pair) return pair;
      const code = outletCodeError(String(row.kind), String(row.code ?? ''));
      if (code) return { field: 'code', ...code };
      if (row.kind !== 'gas' && !missing(row.heightM)) return { field: 'heightM', zh: '只有废气排放口（排气筒）有高度', en: 'Only a waste-gas outlet (stack) has a height' };
      return null;
    }
    case 'outlet-limits':
      if (row.limitLower != null && (row.limitLower as number) > (row.limitValue as number)) {
        return { field: 'limitLower', zh: '下限不能大于限值', en: 'limitLower cannot exceed limitValue' };
      }
      if (row.basis === 'standard') {
        for (const field of ['standardId', 'standardTable', 'standardRow']) {
          if (missing(row[field])) return { field, zh: `依据排放标准时须选择标准条目（「${field}」）`, en: `${field} is required when the basis is a standard` };
        }
        if (!missing(row.permitId)) return { field: 'permitId', zh: '依据排放标准时不应关联许可证', en: 'A standard-based limit has no permit' };
      } else {
        if (missing(row.permitId)) return { field: 'permitId', zh: '依据许可证时须选择许可证', en: 'permitId is required when the basis is the permit' };
        for (const field of ['standardId', 'standardTable', 'standardRow']) {
          if (!missing(row[field])) return { field, zh: '依据许可证时不应填写标准条目', en: `A permit-based limit has no ${field}` };
        }
      }
      return null;
    case 'devices': {
      const mn = mnError(String(row.mn ?? ''));
      return mn ? { field: 'mn', ...mn } : null;
    }
    case 'hazardous-wastes': {
      const code = hwCodeFormatError(String(row.hwCode ?? ''));
      return code ? { field: 'hwCode', ...code } : null;
    }
    case 'emergency-plans':
      if (row.nextRevisionOn && !after(row.nextRevisionOn, row.filedOn)) {
        return { field: 'nextRevisionOn', zh: '下次修订日期应晚于备案日期', en: 'nextRevisionOn must be after filedOn' };
      }
      return null;
    default:
      return null;
  }
}
