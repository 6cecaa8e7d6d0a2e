/** Plausible Chinese names, phone numbers and registration codes for the demo data. */
import { USCC_CHARSET, orgCodeCheckChar, usccCheckChar } from '../../../common/uscc';
import type { Rng } from './random';

// 字号 characters: two of them make a typical Shanghai trade name (华鑫, 恒泰, 瑞达…).
const TRADE_FIRST = [...'华鑫恒泰瑞宏盛嘉联通源明新丰安昌荣博精信远辰合晟锦海佳兴润科创永金凯腾宇捷启誉峰众诚邦威奥汇泓申沪春正立益祥顺德达'];
const TRADE_SECOND = [...'华鑫泰瑞达德宏盛嘉通源明丰安昌荣博信远辰合晟锦海佳兴润力创永凯腾宇捷启誉峰诚和邦威美汇泓益祥顺成康隆升越'];

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏方邹孟熊秦邱顾毛龚邵钱严戴施卫倪鲁'];
const GIVEN_SINGLE = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚文斌华红玲俊峰辉鹏慧颖婷雪琳宇浩凯健亮欣倩佳捷昊晨'];
const GIVEN_DOUBLE = [
  '建华', '国强', '志明', '晓东', '海燕', '秀英', '桂英', '建国', '丽华', '玉兰', '伟民', '卫东', '志刚', '文杰', '晓明',
  '雪梅', '春华', '立新', '永平', '佳怡', '子豪', '思远', '俊杰', '雨欣', '梓涵', '浩然', '一鸣', '嘉伟', '静怡', '天宇',
];

/** A two-character 字号; never the same character twice. */
export function tradeName(rng: Rng): string {
  for (;;) {
    const a = rng.pick(TRADE_FIRST);
    const b = rng.pick(TRADE_SECOND);
    if (a !== b) return a + b;
  }
}

/** Two characters first; once those keep colliding (the province data set), three. */
export function tradeNameFor(rng: Rng, attempt: number): string {
  return attempt < 40 ? tradeName(rng) : tradeName(rng) + rng.pick(TRADE_SECOND);
}

export function personName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  return surname + (rng.chance(0.35) ? rng.pick(GIVEN_SINGLE) : rng.pick(GIVEN_DOUBLE));
}

/** A mainland mobile number 1[3-9]x xxxx xxxx, stored without spaces. */
export function mobile(rng: Rng): string {
  let digits = `1${rng.int(3, 9)}`;
  for (let i = 0; i < 9; i++) digits += rng.int(0, 9);
  return digits;
}

/** Road names for districts without hand-made roads: the common Shanghai naming stock. */
export const GENERIC_ROADS = [
  '工业路', '园区路', '科技路', '创业路', '兴业路', '新华路', '胜利路', '团结路', '东方路', '中山路',
  '建设路', '解放路', '人民路', '友谊路', '振兴路', '富民路', '金桥路', '环城路', '育才路', '长江路',
];

/** Distinct names: a generator is retried until it gives one not yet used in this seed. */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(make: (attempt: number) => string): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = make(attempt);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('could not find an unused name');
  }
}

/**
 * Valid, unique 统一社会信用代码: 9 (工商) + 1 (企业) + region code + a GB 11714 organisation code
 * (new-style 'MA…' bodies for most, all-digit bodies for older firms) + the GB 32100 check.
 */
export class UsccFactory {
  private readonly used = new Set<string>();
  private readonly letters = [...USCC_CHARSET];

  constructor(private readonly rng: Rng) {}

  next(regionCode: string): string {
    for (;;) {
      let body: string;
      if (this.rng.chance(0.7)) {
        body = 'MA1';
        for (let i = 0; i < 5; i++) body += this.rng.pick(this.letters);
      } else {
        body = String(this.rng.int(1, 9));
        for (let i = 0; i < 7; i++) body += this.rng.int(0, 9);
      }
      const first17 = `91${regionCode}${body}${orgCodeCheckChar(body)}`;
      const code = first17 + usccCheckChar(first17);
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }
}
