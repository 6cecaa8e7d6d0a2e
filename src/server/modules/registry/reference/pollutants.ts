/**
 * HJ 212-2017 factor codes (附录 B) of the pollutants the shipped standards name, so that a limit
 * taken from a standard carries the code a monitoring device reports its readings under.
 * Pollutants without a factor code keep a code built from the standard and row number.
 */
const GAS: Record<string, string> = {
  二氧化硫: 'a21026', SO2: 'a21026',
  氮氧化物: 'a21002', NOx: 'a21002', 'NOx（以NO2计）': 'a21002',
  颗粒物: 'a34013', 烟尘: 'a34013', PM: 'a34013',
  汞及其化合物: 'a20057', Hg: 'a20057',
  '烟气黑度（林格曼）': 'a01010', 林格曼黑度: 'a01010',
  氯化氢: 'a21024',
  硫化氢: 'a21028',
  非甲烷总烃: 'a24088', NMHC: 'a24088',
  苯: 'a25002',
  甲苯: 'a25003',
  二甲苯: 'a25005',
  氯苯类: 'a25010',
};

const WATER: Record<string, string> = {
  pH: 'w01001',
  '色度（稀释倍数）': 'w01002',
  '悬浮物（SS）': 'w01012',
  '五日生化需氧量（BOD5）': 'w01017', '生化需氧量（BOD5）': 'w01017',
  '化学需氧量（COD）': 'w01018',
  '总有机碳（TOC）': 'w01020',
  总汞: 'w20111',
  烷基汞: 'w20113',
  总镉: 'w20115',
  总铬: 'w20116',
  六价铬: 'w20117',
  总砷: 'w20119',
  总铅: 'w20120',
  总镍: 'w20121',
  '总氮（以N计）': 'w21001',
  氨氮: 'w21003', '氨氮（以N计）': 'w21003',
  '总磷（以P计）': 'w21011', '磷酸盐（以P计）': 'w21011',
  石油类: 'w22001',
};

export function pollutantCode(medium: 'gas' | 'water' | 'noise', name: string, fallback: string): string {
  const table = medium === 'gas' ? GAS : medium === 'water' ? WATER : { 等效声级: 'Leq' };
  const stripped = name.replace(/\s*\d{4}-\d{2}-\d{2}.*$/, '');
  return (table as Record<string, string>)[name] ?? (table as Record<string, string>)[stripped] ?? fallback;
}
