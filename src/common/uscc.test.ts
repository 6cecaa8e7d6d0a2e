import { describe, it, expect } from 'vitest';
import { isValidUscc, orgCodeCheckChar, usccCheckChar, usccError } from './uscc';

// Published codes of well-known companies; both check characters were also verified by hand.
const PUBLISHED = [
  '91310000132260250X', // 上海汽车集团股份有限公司
  '91310000631696382C', // 宝山钢铁股份有限公司
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110000802100433B', // 北京百度网讯科技有限公司
  '91110000710926094P', // 中国石油化工股份有限公司
  '91110108551385082Q', // 小米科技有限责任公司
];

/** Replaces the character at 0-based `index`. */
function withChar(code: string, index: number, ch: string): string {
  return code.slice(0, index) + ch + code.slice(index + 1);
}

describe('usccCheckChar / orgCodeCheckChar', () => {
  it('reproduces the check characters of published codes', () => {
    for (const code of PUBLISHED) {
      expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
      expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
    }
  });

  it('maps org-code remainders 10 and 11 to X and 0', () => {
    // 13226025: weighted sum 110 ≡ 0 (mod 11) → 11 → '0'
    expect(orgCodeCheckChar('13226025')).toBe('0');
    // 00000001: sum 1·2 = 2 → 9; 00000000: sum 0 → 11 → '0'
    expect(orgCodeCheckChar('00000001')).toBe('9');
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // 0000000A: A = 10, 10·2 = 20 ≡ 9 → 2
    expect(orgCodeCheckChar('0000000A')).toBe('2');
    // 00000030: 3·4 = 12 ≡ 1 → 10 → 'X'
    expect(orgCodeCheckChar('00000030')).toBe('X');
  });

  it('rejects input of the wrong length or charset', () => {
    expect(() => usccCheckChar('9131000013226025')).toThrow();
    expect(() => usccCheckChar('9131000013226025I')).toThrow();
  });
});

describe('isValidUscc', () => {
  it('accepts published codes', () => {
    for (const code of PUBLISHED) {
      expect(usccError(code)).toBeNull();
      expect(isValidUscc(code)).toBe(true);
    }
  });

  it('accepts a generated code with a letter body (new-style MA… code)', () => {
    const body = 'MA1FL4A6';
    const first17 = `91310112${body}${orgCodeCheckChar(body)}`;
    expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
  });

  it('rejects a wrong check character', () => {
    for (const code of PUBLISHED) {
      const wrong = withChar(code, 17, code[17] === '0' ? '1' : '0');
      expect(isValidUscc(wrong)).toBe(false);
      expect(usccError(wrong)?.en).toMatch(/Position 18/);
    }
  });

  it('rejects a wrong organisation-code check character even when the last check is consistent', () => {
    const code = PUBLISHED[0];
    const badOrg = withChar(code, 16, code[16] === '1' ? '2' : '1').slice(0, 17);
    const forged = badOrg + usccCheckChar(badOrg);
    expect(isValidUscc(forged)).toBe(false);
    expect(usccError(forged)?.en).toMatch(/Position 17/);
  });

  it('rejects the example code 91310000MA1FL4A65Q (its org-code check should be 0)', () => {
    expect(isValidUscc('91310000MA1FL4A65Q')).toBe(false);
    expect(usccError('91310000MA1FL4A65Q')?.zh).toContain('第17位');
  });

  it('rejects the letters I, O, Z, S and V and lower case', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const code = withChar(PUBLISHED[1], 10, letter);
      expect(isValidUscc(code)).toBe(false);
      expect(usccError(code)?.en).toContain(`"${letter}" at position 11`);
    }
    expect(isValidUscc(PUBLISHED[0].toLowerCase())).toBe(false);
    expect(usccError('91310000132260250x')?.zh).toContain('须大写');
  });

  it('rejects the wrong length', () => {
    for (const code of ['', '91310000132260250', '91310000132260250X0', '9131000013226025 X']) {
      expect(isValidUscc(code)).toBe(false);
    }
    expect(usccError('91310000132260250')?.zh).toContain('18位');
  });

  it('rejects letters in the region code', () => {
    const first17 = `91A1000013226025${orgCodeCheckChar('13226025')}`;
    expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(false);
  });
});
