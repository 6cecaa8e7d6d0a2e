/** Cell texts → typed field values, each failure with its reason in Chinese and English. */
import { SCALE, type Scale } from '../../../../common/dossier-enums';
import { PERMIT_CLASS, SOURCE_TYPE, type Bilingual, type PermitClass, type SourceType } from '../../../../common/enums';
import { phone } from '../../../../common/contracts/sections';
import { usccError } from '../../../../common/uscc';

/** GB/T 4754-2017: whether a code is a 小类, and the name of a code at any level. */
export interface IndustryLookup {
  isClass(code: string): boolean;
  nameOf(code: string): string | undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (zh: string, en: string): Parsed<never> => ({ ok: false, reason: { zh, en } });

/** Full-width letters and digits, stray spaces and case do not matter in codes and choices. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function choices<K extends string>(labels: Record<K, Bilingual>, extra: Record<string, K>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, label] of Object.entries(labels) as Array<[K, Bilingual]>) {
    map.set(squash(key), key);
    map.set(squash(label.zh), key);
    map.set(squash(label.en), key);
  }
  for (const [text, key] of Object.entries(extra)) map.set(squash(text), key);
  return map;
}

const SOURCE_TYPES = choices<SourceType>(SOURCE_TYPE.labels, {
  工业: 'industrial', 工业源: 'industrial', 工业污染源: 'industrial',
  汽车维修: 'auto_repair', 机动车维修: 'auto_repair', 汽修厂: 'auto_repair', 汽车修理: 'auto_repair',
  餐饮企业: 'catering', 餐饮单位: 'catering', 餐饮服务: 'catering', 饭店: 'catering',
  工地: 'construction', 建筑工地: 'construction', 施工工地: 'construction', 在建工地: 'construction',
  物业公司: 'property', 物业管理: 'property', 其它: 'other',
});

const PERMIT_CLASSES = choices<PermitClass>(PERMIT_CLASS.labels, {
  重点: 'key', 重点管理类: 'key', 简化: 'simplified', 简化管理类: 'simplified', 登记: 'registration', 登记管理类: 'registration',
  不纳入管理: 'none', 无需: 'none', 不涉及: 'none', 无: 'none',
});

const SCALES = choices<Scale>(SCALE.labels, { 大: 'large', 中: 'medium', 小: 'small', 微: 'micro', 小微: 'micro', 小微型: 'micro' });

function pick<K extends string>(map: Map<string, K>, text: string, labels: Record<K, Bilingual>, what: Bilingual): Parsed<K> {
  const key = map.get(squash(text));
  if (key) return ok(key);
  const allowed = Object.values<Bilingual>(labels);
  return fail(
    `${what.zh}“${text}”不在可选范围内（${allowed.map((l) => l.zh).join('、')}）`,
    `${what.en} "${text}" is not one of: ${allowed.map((l) => l.en).join(', ')}`,
  );
}

export const parseSourceType = (t: string) => pick(SOURCE_TYPES, t, SOURCE_TYPE.labels, { zh: '污染源类型', en: 'Source type' });
export const parsePermitClass = (t: string) => pick(PERMIT_CLASSES, t, PERMIT_CLASS.labels, { zh: '排污许可管理类别', en: 'Permit class' });
export const parseScale = (t: string) => pick(SCALES, t, SCALE.labels, { zh: '规模', en: 'Scale' });

export function parseUscc(text: string, lossy: boolean): Parsed<string> {
  if (lossy) {
    return fail(
      '该单元格是数字格式，末几位已被 Excel 改写；请将此列设为“文本”格式后重新填写',
      'The cell is a number and Excel has changed its last digits; format the column as text and enter the code again',
    );
  }
  const code = text.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  const reason = usccError(code);
  return reason ? { ok: false, reason } : ok(code);
}

/**
 * A GB/T 4754-2017 小类: four digits, optionally after the section letter ("C3484") or before the
 * name ("3484 其他通用零部件制造"); a number that lost its leading zero ("610") is padded.
 */
export function parseIndustry(text: string, industries: IndustryLookup): Parsed<string> {
  const m = /^[a-tA-T]?(\d{2,4})(?!\d)/.exec(text.normalize('NFKC').trim());
  if (!m) return fail(`行业代码“${text}”应为4位数字（GB/T 4754-2017 小类）`, `Industry code "${text}" must be 4 digits (a GB/T 4754-2017 class)`);
  const digits = m[1];
  if (digits.length === 4 && industries.isClass(digits)) return ok(digits);
  if (digits.length === 3 && industries.isClass(`0${digits}`)) return ok(`0${digits}`);
  const group = digits.length < 4 ? industries.nameOf(digits) : undefined;
  if (group) {
    return fail(
      `行业代码“${digits}”是“${group}”大类/中类，请填写其下的4位小类代码`,
      `Industry code "${digits}" is a division or group ("${group}"); enter one of its 4-digit classes`,
    );
  }
  return fail(`未知的行业代码“${digits}”（须为 GB/T 4754-2017 的小类）`, `Unknown industry code "${digits}" (must be a GB/T 4754-2017 class)`);
}

export function parseCoordinate(text: string, axis: 'longitude' | 'latitude'): Parsed<number> {
  const cleaned = text.normalize('NFKC').trim().replace(/°$/, '');
  const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned) ? Number(cleaned) : NaN;
  const [zh, en, limit] = axis === 'longitude' ? ['经度', 'Longitude', 180] : ['纬度', 'Latitude', 90];
  if (!Number.isFinite(value)) return fail(`${zh}“${text}”不是数字（请填写十进制度，如 121.4737）`, `${en} "${text}" is not a number (use decimal degrees, e.g. 121.4737)`);
  if (Math.abs(value) > limit) return fail(`${zh} ${value} 超出范围（±${limit}）`, `${en} ${value} is out of range (±${limit})`);
  return ok(value);
}

export function parseEmployees(text: string): Parsed<number> {
  const cleaned = text.normalize('NFKC').replace(/[,\s人]/g, '');
  if (!/^\d+(\.0+)?$/.test(cleaned)) return fail(`从业人数“${text}”应为非负整数`, `Employees "${text}" must be a whole number`);
  const value = Number(cleaned);
  if (value > 1_000_000) return fail(`从业人数 ${value} 过大`, `Employees ${value} is too large`);
  return ok(value);
}

/** The dossier's own phone format, so an imported number stays editable there. */
export function parsePhone(text: string): Parsed<string> {
  const cleaned = text.normalize('NFKC').trim();
  if (!phone.safeParse(cleaned).success) {
    return fail(`联系电话“${text}”格式不正确（5–20 位数字，可含 + - 空格 括号）`, `Contact phone "${text}" is not a phone number (5–20 digits, + - spaces and brackets allowed)`);
  }
  return ok(cleaned);
}

export function parseText(text: string, max: number, what: Bilingual): Parsed<string> {
  const cleaned = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (cleaned.length > max) return fail(`${what.zh}超过 ${max} 个字`, `${what.en} is longer than ${max} characters`);
  return ok(cleaned);
}
