/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters =
 * 登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6) + 主体标识码/组织机构代码 (9, GB 11714) + 校验码 (1).
 * Pure functions shared by server and web.
 */
import type { Bilingual } from './enums';

/** The 31 characters GB 32100 allows: digits and upper-case letters without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 32100 check character for the first 17 characters. Throws on a character outside the charset. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new Error(`illegal character "${first17[i]}" at position ${i + 1}`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Value of a 组织机构代码 body character: digits as themselves, letters A..Z as 10..35. */
function orgCharValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return -1;
}

/** GB 11714 check character for the 8-character body of a 组织机构代码. */
export function orgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new Error(`expected 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = orgCharValue(body8[i]);
    if (value < 0) throw new Error(`illegal character "${body8[i]}" at position ${i + 1}`);
    sum += value * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Why a code is not a valid USCC, in both languages; null when it is valid. */
export function usccError(code: string): Bilingual | null {
  if (typeof code !== 'string' || code.length !== 18) {
    const n = typeof code === 'string' ? code.length : 0;
    return { zh: `统一社会信用代码应为18位，当前为${n}位`, en: `A USCC has 18 characters, got ${n}` };
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(code[i])) {
      const hint = /[a-z]/.test(code[i]) ? '（须大写）' : '（不得使用 I、O、S、V、Z）';
      const hintEn = /[a-z]/.test(code[i]) ? ' (use upper case)' : ' (I, O, S, V and Z are not used)';
      return {
        zh: `第${i + 1}位字符“${code[i]}”不合法${hint}`,
        en: `Illegal character "${code[i]}" at position ${i + 1}${hintEn}`,
      };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { zh: '第3–8位应为行政区划码（6位数字）', en: 'Positions 3–8 must be a 6-digit region code' };
  }
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgExpected) {
    return {
      zh: `第17位（组织机构代码校验码）应为“${orgExpected}”，实为“${code[16]}”`,
      en: `Position 17 (organisation code check) should be "${orgExpected}", got "${code[16]}"`,
    };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      zh: `第18位（校验码）应为“${expected}”，实为“${code[17]}”`,
      en: `Position 18 (check character) should be "${expected}", got "${code[17]}"`,
    };
  }
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccError(code) === null;
}
