import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleLabel, chineseNumber, formatCitation, normaliseLawName, parseCitations, toChineseNumber, type Citation } from './citations';

/** Citations written compactly: 'law:article[.paragraph][(item)]'. */
const short = (cs: Citation[]) => cs.map((c) => `${c.lawName}:${c.article}${c.paragraph ? `.${c.paragraph}` : ''}${c.item ? `(${c.item})` : ''}`);

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十六', 16],
    ['二十', 20],
    ['二十二', 22],
    ['一百', 100],
    ['一百零二', 102],
    ['一百一十二', 112],
    ['一百二十九', 129],
    ['一千零一', 1001],
    ['二〇二六', 2026],
    ['〇', 0],
    ['16', 16],
    ['１６', 16],
  ])('%s → %i', (text, n) => expect(chineseNumber(text)).toBe(n));

  it.each(['', '条', '二三十', '十十', '十百', '一a', 'abc'])('rejects %j', (text) => expect(chineseNumber(text)).toBeNull());

  it('reads every article label of the shipped laws as its number, and writes it back', () => {
    const dir = new URL('../../data/laws/', import.meta.url);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');
    expect(files).toHaveLength(33);
    let count = 0;
    for (const f of files) {
      const law = JSON.parse(fs.readFileSync(new URL(f, dir), 'utf8')) as { articles: Array<{ no: number; label: string }> };
      for (const a of law.articles) {
        const m = /^第(.+)条$/.exec(a.label);
        expect(m, `${f} ${a.label}`).not.toBeNull();
        expect(chineseNumber(m![1]), `${f} ${a.label}`).toBe(a.no);
        expect(articleLabel(a.no), f).toBe(a.label);
        count++;
      }
    }
    expect(count).toBeGreaterThan(1500);
  });
});

describe('toChineseNumber', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [16, '十六'],
    [20, '二十'],
    [102, '一百零二'],
    [110, '一百一十'],
    [112, '一百一十二'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
  ])('%i → %s', (n, text) => {
    expect(toChineseNumber(n)).toBe(text);
    expect(chineseNumber(text)).toBe(n);
  });
  it('rejects what it cannot write', () => {
    expect(() => toChineseNumber(-1)).toThrow(RangeError);
    expect(() => toChineseNumber(1.5)).toThrow(RangeError);
  });
});

describe('normaliseLawName', () => {
  it('drops 《》, spaces and the 中华人民共和国 prefix', () => {
    expect(normaliseLawName('《中华人民共和国环境影响评价法》')).toBe('环境影响评价法');
    expect(normaliseLawName(' 排污许可管理条例 ')).toBe('排污许可管理条例');
  });
});

describe('parseCitations', () => {
  it('splits a list; later articles inherit the last named law', () => {
    const cs = parseCitations('《环境影响评价法》第十六条、第二十二条、第二十五条；《建设项目环境保护管理条例》第九条');
    expect(short(cs)).toEqual(['环境影响评价法:16', '环境影响评价法:22', '环境影响评价法:25', '建设项目环境保护管理条例:9']);
    expect(cs.map((c) => c.label)).toEqual(['第十六条', '第二十二条', '第二十五条', '第九条']);
    expect(formatCitation(cs[3])).toBe('《建设项目环境保护管理条例》第九条');
  });

  it('reads paragraphs (款), also a second paragraph of the same article', () => {
    expect(short(parseCitations('《建设项目环境保护管理条例》第十七条第一款、第二款，第十九条第一款；《建设项目竣工环境保护验收暂行办法》'))).toEqual([
      '建设项目环境保护管理条例:17.1',
      '建设项目环境保护管理条例:17.2',
      '建设项目环境保护管理条例:19.1',
    ]);
    const [c] = parseCitations('《环境影响评价法》第二十二条第四款');
    expect(c).toEqual({ lawName: '环境影响评价法', article: 22, paragraph: 4, label: '第二十二条第四款' });
  });

  it('reads items (项) with or without brackets, after an article or a paragraph, and item ranges', () => {
    expect(short(parseCitations('《固体废物污染环境防治法》第一百零二条第一款第（八）项（5万～20万元）'))).toEqual(['固体废物污染环境防治法:102.1(8)']);
    expect(short(parseCitations('《排污许可管理条例》第三十六条第（一）项、第（二）项'))).toEqual(['排污许可管理条例:36(1)', '排污许可管理条例:36(2)']);
    expect(short(parseCitations('《大气污染防治法》第一百一十七条第（一）～（三）项（1万～10万元）'))).toEqual([
      '大气污染防治法:117(1)',
      '大气污染防治法:117(2)',
      '大气污染防治法:117(3)',
    ]);
    expect(short(parseCitations('《环境保护法》第六十三条第一项'))).toEqual(['环境保护法:63(1)']);
    const [c] = parseCitations('《固体废物污染环境防治法》第一百一十二条第一款第（十三）项');
    expect(c).toEqual({ lawName: '固体废物污染环境防治法', article: 112, paragraph: 1, item: 13, label: '第一百一十二条第一款第（十三）项' });
  });

  it('ignores 项 and 款 inside remarks, and articles before any named law', () => {
    expect(short(parseCitations('《水污染防治法》第八十五条第一款第（七）项、第（九）项（第七项2万～20万元；第九项10万～100万元）'))).toEqual([
      '水污染防治法:85.1(7)',
      '水污染防治法:85.1(9)',
    ]);
    expect(short(parseCitations('办法第三十八条未列此项；导致事件的按办法第三十七条适用《水污染防治法》第九十四条等'))).toEqual(['水污染防治法:94']);
    expect(parseCitations('固废法未设直接罚则')).toEqual([]);
    expect(parseCitations('')).toEqual([]);
    expect(parseCitations(null)).toEqual([]);
  });

  it('keeps references inside remarks that name an article, and unnamed later articles', () => {
    expect(short(parseCitations('《固体废物污染环境防治法》第一百零二条第一款第（九）项（10万～100万元），并与受托方承担连带责任（第三十七条第三款）'))).toEqual([
      '固体废物污染环境防治法:102.1(9)',
      '固体废物污染环境防治法:37.3',
    ]);
    expect(short(parseCitations('《排污许可管理条例》第三十六条第（五）项；篡改、伪造监测数据的第三十四条第（二）项'))).toEqual([
      '排污许可管理条例:36(5)',
      '排污许可管理条例:34(2)',
    ]);
  });

  it('accepts full titles, Arabic numerals and standards in between, and drops duplicates', () => {
    expect(short(parseCitations('《中华人民共和国大气污染防治法》第4条；GB 37822-2019 第7章、5.1.1；《大气污染防治法》第四条、第四十五条'))).toEqual([
      '大气污染防治法:4',
      '大气污染防治法:45',
    ]);
  });

  it('parses every legal basis of the checklist bank into articles that exist', () => {
    const dir = new URL('../../data/laws/', import.meta.url);
    const laws = new Map<string, Set<number>>();
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'index.json')) {
      const law = JSON.parse(fs.readFileSync(new URL(f, dir), 'utf8')) as { name: string; articles: Array<{ no: number }> };
      laws.set(law.name, new Set(law.articles.map((a) => a.no)));
    }
    const items = JSON.parse(fs.readFileSync(new URL('../../data/checklist/checklist-items.json', import.meta.url), 'utf8')) as Array<{
      code: string;
      legal_basis: string;
      penalty_basis: string;
    }>;
    let total = 0;
    for (const item of items) {
      for (const c of [...parseCitations(item.legal_basis), ...parseCitations(item.penalty_basis)]) {
        expect(laws.get(c.lawName)?.has(c.article), `${item.code}: ${formatCitation(c)}`).toBe(true);
        total++;
      }
    }
    expect(total).toBeGreaterThan(150);
  });
});
