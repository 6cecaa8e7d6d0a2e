/**
 * The emission standards of data/standards, each file in its own shape, turned into one shape for
 * the outlet-limit picker: standard → tables → rows {pollutant, condition, limit, unit, 基准氧含量}.
 * Row keys are built from the standard's own numbering, so a stored limit keeps pointing at its row.
 */
import type { Standard, StandardRow } from '../../../../common/contracts/dossier';
import { lazy, readDataJson } from './files';
import { pollutantCode } from './pollutants';

type Medium = Standard['medium'];
type Table = Standard['tables'][number];
type Any = any; // the raw files are heterogeneous JSON; each adapter reads its own file's shape

const MG_M3 = 'mg/m³';
const MG_L = 'mg/L';

/** A number, a range such as '6~9' / '6-9', or words ('不得检出'); null/undefined means no limit in this column. */
function parseLimit(value: unknown): Pick<StandardRow, 'limitValue' | 'limitLower' | 'limitText'> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return { limitValue: value, limitLower: null, limitText: null };
  const text = String(value).trim();
  const range = /^(\d+(?:\.\d+)?)\s*[~\-－～]\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (range) return { limitLower: Number(range[1]), limitValue: Number(range[2]), limitText: text };
  return { limitValue: null, limitLower: null, limitText: text };
}

interface RowSpec {
  key: string;
  name: string;
  condition?: string | null;
  value: unknown;
  unit: string;
  o2?: number | null;
  fallbackCode: string;
}

function rows(medium: Medium, specs: RowSpec[]): StandardRow[] {
  return specs.flatMap((s) => {
    const limit = parseLimit(s.value);
    if (!limit) return [];
    return [{
      key: s.key,
      pollutantCode: pollutantCode(medium, s.name, s.fallbackCode),
      pollutantName: s.name,
      condition: s.condition ?? null,
      ...limit,
      unit: s.unit,
      referenceO2Percent: s.o2 ?? null,
    }];
  });
}

const FUELS: Record<string, string> = { coal: '燃煤锅炉', oil: '燃油锅炉', gas: '燃气锅炉' };
const POLLUTANTS_13271: Record<string, string> = { PM: '颗粒物', SO2: '二氧化硫', NOx: '氮氧化物', Hg: '汞及其化合物' };

function gb13271(d: Any): Table[] {
  const o2 = d.reference_o2_percent as Record<string, number>;
  const table = (key: string, name: string): Table => {
    const t = d[key];
    const specs: RowSpec[] = [];
    for (const [p, name] of Object.entries(POLLUTANTS_13271)) {
      for (const fuel of Object.keys(FUELS)) {
        const note = t.limits[p][`${fuel}_note`];
        specs.push({ key: `${p}.${fuel}`, name, condition: FUELS[fuel] + (note ? `（${note}）` : ''), value: t.limits[p][fuel], unit: MG_M3, o2: o2[fuel], fallbackCode: p });
      }
    }
    specs.push({ key: 'ringelmann', name: '烟气黑度（林格曼）', condition: t.limits.ringelmann, value: 1, unit: '级', fallbackCode: 'RINGELMANN' });
    return { key, name, applies: t.applies ?? null, rows: rows('gas', specs) };
  };
  return [table('table1_in_use', '表1 在用锅炉'), table('table2_new', '表2 新建锅炉'), table('table3_special', '表3 特别排放限值')];
}

function o2For13223(fuel: string, condition: string): number | null {
  if (fuel.includes('燃煤')) return 6;
  const boiler = condition.includes('锅炉');
  const turbine = condition.includes('燃气轮机');
  if (boiler && turbine) return null; // the row covers both, whose reference O2 differ
  if (turbine) return 15;
  if (boiler) return 3;
  return null;
}

function gb13223(d: Any): Table[] {
  const specs: RowSpec[] = (d.table1 as Any[]).flatMap((r, i) => {
    const ringelmann = String(r.pollutant).includes('林格曼');
    const base = { name: r.pollutant, unit: ringelmann ? '级' : MG_M3, o2: ringelmann ? null : o2For13223(r.fuel, r.condition), fallbackCode: `GB13223.${i + 1}` };
    const out: RowSpec[] = [{ ...base, key: `${i + 1}`, condition: `${r.fuel}；${r.condition}`, value: r.limit }];
    if (r.alt_limit != null) out.push({ ...base, key: `${i + 1}.alt`, condition: `${r.fuel}；${r.alt_condition}`, value: r.alt_limit });
    return out;
  });
  const special: RowSpec[] = (d.table2_special_limits_key_regions.rows as Any[]).flatMap((r, i) =>
    (['PM', 'SO2', 'NOx', 'Hg'] as const).flatMap((p) => {
      const v = r[p];
      const name = POLLUTANTS_13271[p];
      const coal = String(r.fuel).includes('燃煤');
      if (v && typeof v === 'object') {
        return [
          { key: `${i + 1}.${p}.boiler`, name, condition: `${r.fuel}；锅炉`, value: v.boiler, unit: MG_M3, o2: coal ? 6 : 3, fallbackCode: p },
          { key: `${i + 1}.${p}.turbine`, name, condition: `${r.fuel}；燃气轮机组`, value: v.gas_turbine, unit: MG_M3, o2: 15, fallbackCode: p },
        ];
      }
      return [{ key: `${i + 1}.${p}`, name, condition: r.fuel, value: v, unit: MG_M3, o2: coal ? 6 : null, fallbackCode: p }];
    }),
  );
  return [
    { key: 'table1', name: '表1 火力发电锅炉及燃气轮机组大气污染物排放浓度限值', applies: null, rows: rows('gas', specs) },
    { key: 'table2', name: '表2 大气污染物特别排放限值', applies: '重点地区', rows: rows('gas', special) },
  ];
}

function gb16297(d: Any): Table[] {
  const conc: RowSpec[] = [];
  const rate: RowSpec[] = [];
  const fugitive: RowSpec[] = [];
  for (const r of d.table2 as Any[]) {
    const fallbackCode = r.code ?? `GB16297.${r.no}`;
    (r.max_conc_mg_m3 as Any[]).forEach((c, i) => {
      const condition = [c.applies_to, c.alt ? `或 ${c.alt}` : null].filter(Boolean).join(' ') || null;
      conc.push({ key: `${r.no}.${i + 1}`, name: r.pollutant, condition, value: c.value, unit: MG_M3, fallbackCode });
      for (const h of (c.rates ?? r.rates ?? []) as Any[]) {
        for (const grade of ['2', '3']) {
          const where = `${c.applies_to ? `${c.applies_to}；` : ''}排气筒 ${h.stack_height_m} m；${grade === '2' ? '二级' : '三级'}`;
          rate.push({ key: `${r.no}.${i + 1}.h${h.stack_height_m}.g${grade}`, name: r.pollutant, condition: where, value: h[`grade${grade}_kg_h`], unit: 'kg/h', fallbackCode });
        }
      }
    });
    const f = r.fugitive ?? {};
    const value = f.mg_m3 ?? f.ug_m3 ?? f.text;
    fugitive.push({ key: `${r.no}`, name: r.pollutant, condition: f.point ?? null, value, unit: f.ug_m3 != null ? 'μg/m³' : MG_M3, fallbackCode });
  }
  return [
    { key: 'table2_conc', name: '表2 最高允许排放浓度', applies: d.applicability?.table2 ?? null, rows: rows('gas', conc) },
    { key: 'table2_rate', name: '表2 最高允许排放速率', applies: d.applicability?.table2 ?? null, rows: rows('gas', rate) },
    { key: 'table2_fugitive', name: '表2 无组织排放监控浓度限值', applies: d.applicability?.table2 ?? null, rows: rows('gas', fugitive) },
  ];
}

function gb37822(d: Any): Table[] {
  const a = d.appendixA_site_fugitive;
  const specs: RowSpec[] = [
    { key: 'nmhc_1h', name: '非甲烷总烃', condition: '监控点处1 h平均浓度值', value: a.NMHC_1h_avg_mg_m3.limit, unit: MG_M3, fallbackCode: 'NMHC' },
    { key: 'nmhc_1h.special', name: '非甲烷总烃', condition: '监控点处1 h平均浓度值；特别排放限值', value: a.NMHC_1h_avg_mg_m3.special, unit: MG_M3, fallbackCode: 'NMHC' },
    { key: 'nmhc_once', name: '非甲烷总烃', condition: '监控点处任意一次浓度值', value: a.NMHC_any_single_mg_m3.limit, unit: MG_M3, fallbackCode: 'NMHC' },
    { key: 'nmhc_once.special', name: '非甲烷总烃', condition: '监控点处任意一次浓度值；特别排放限值', value: a.NMHC_any_single_mg_m3.special, unit: MG_M3, fallbackCode: 'NMHC' },
  ];
  return [{ key: 'appendixA', name: '附录A 厂区内VOCs无组织排放限值', applies: a.monitoring_location ?? null, rows: rows('gas', specs) }];
}

function gb12348(d: Any): Table[] {
  const boundary: RowSpec[] = (d.table1_boundary as Any[]).flatMap((r) => [
    { key: `${r.zone_class}.day`, name: '等效声级', condition: `${r.zone_class}类声环境功能区；昼间`, value: r.day, unit: 'dB(A)', fallbackCode: 'Leq' },
    { key: `${r.zone_class}.night`, name: '等效声级', condition: `${r.zone_class}类声环境功能区；夜间`, value: r.night, unit: 'dB(A)', fallbackCode: 'Leq' },
  ]);
  const t2 = d.table2_indoor_structure_borne;
  const indoor: RowSpec[] = (t2.rows as Any[]).flatMap((r) =>
    ['A_day', 'A_night', 'B_day', 'B_night'].map((col) => {
      const [room, period] = col.split('_');
      return { key: `${r.zone_class}.${col}`, name: '等效声级', condition: `${r.zone_class}类区；${room}类房间（${t2.room_types[room]}）；${period === 'day' ? '昼间' : '夜间'}`, value: r[col], unit: 'dB(A)', fallbackCode: 'Leq' };
    }),
  );
  return [
    { key: 'table1', name: '表1 工业企业厂界环境噪声排放限值', applies: `昼间 ${d.day}；夜间 ${d.night}`, rows: rows('noise', boundary) },
    { key: 'table2', name: '表2 结构传播固定设备室内噪声排放限值', applies: null, rows: rows('noise', indoor) },
  ];
}

function gb8978(d: Any): Table[] {
  const class1: RowSpec[] = (d.table1_class1_pollutants as Any[]).map((r) => ({ key: `${r.no}`, name: r.pollutant, value: r.limit, unit: r.unit, fallbackCode: `GB8978.1.${r.no}` }));
  const class2: RowSpec[] = (d.table4_class2_from_1998 as Any[]).flatMap((r) =>
    (r.limits as Any[]).flatMap((l, i) =>
      ['1', '2', '3'].map((g) => ({
        key: `${r.no}.${i + 1}.g${g}`,
        name: r.pollutant,
        condition: `${l.applies_to}；${['一', '二', '三'][Number(g) - 1]}级标准`,
        value: l[`grade${g}`],
        unit: r.unit,
        fallbackCode: r.code ?? `GB8978.4.${r.no}`,
      })),
    ),
  );
  return [
    { key: 'table1', name: '表1 第一类污染物最高允许排放浓度', applies: d.sampling?.class1 ?? null, rows: rows('water', class1) },
    { key: 'table4', name: '表4 第二类污染物最高允许排放浓度（1998年1月1日后建设的单位）', applies: d.periods?.from_1998 ?? null, rows: rows('water', class2) },
  ];
}

const GRADES_18918: Record<string, string> = { '1A': '一级A', '1B': '一级B', '2': '二级', '3': '三级' };

function gb18918(d: Any): Table[] {
  const basic: RowSpec[] = (d.table1_basic as Any[]).flatMap((r, i) => {
    const unit = r.item === 'pH' ? '无量纲' : String(r.item).includes('色度') ? '稀释倍数' : String(r.item).includes('个/L') ? '个/L' : MG_L;
    const name = String(r.item).replace('（个/L）', '');
    if (r.all !== undefined) return [{ key: `${i + 1}.all`, name, condition: '全部级别', value: r.all, unit, fallbackCode: `GB18918.1.${r.no}` }];
    return Object.entries(GRADES_18918).flatMap(([g, label]) => {
      const out: RowSpec[] = [{ key: `${i + 1}.${g}`, name, condition: `${label}${r.cold ? '；水温>12℃' : ''}`, value: r[g], unit, fallbackCode: `GB18918.1.${r.no}` }];
      if (r.cold?.[g] != null) out.push({ key: `${i + 1}.${g}.cold`, name, condition: `${label}；水温≤12℃`, value: r.cold[g], unit, fallbackCode: `GB18918.1.${r.no}` });
      return out;
    });
  });
  const class1: RowSpec[] = (d.table2_class1 as Any[]).map((r, i) => ({ key: `${i + 1}`, name: r.item, value: r.limit, unit: MG_L, fallbackCode: `GB18918.2.${i + 1}` }));
  const selected: RowSpec[] = (d.table3_selected as Any[]).map(([name, value], i) => ({ key: `${i + 1}`, name, value, unit: MG_L, fallbackCode: `GB18918.3.${i + 1}` }));
  const air: RowSpec[] = (d.table4_boundary_air.rows as Any[]).flatMap((r, i) =>
    ['g1', 'g2', 'g3'].map((g) => ({
      key: `${i + 1}.${g}`,
      name: r.item,
      condition: `厂界；${['一', '二', '三'][Number(g[1]) - 1]}级标准`,
      value: r[g],
      unit: String(r.item).includes('%') ? '%' : r.item === '臭气浓度' ? '无量纲' : MG_M3,
      fallbackCode: `GB18918.4.${i + 1}`,
    })),
  );
  return [
    { key: 'table1', name: '表1 基本控制项目最高允许排放浓度（日均值）', applies: null, rows: rows('water', basic) },
    { key: 'table2', name: '表2 部分一类污染物最高允许排放浓度（日均值）', applies: null, rows: rows('water', class1) },
    { key: 'table3', name: '表3 选择控制项目最高允许排放浓度（日均值）', applies: null, rows: rows('water', selected) },
    { key: 'table4', name: '表4 厂界（防护带边缘）废气排放最高允许浓度', applies: null, rows: rows('gas', air) },
  ];
}

const ADAPTERS: Array<[id: string, medium: Medium, adapt: (d: Any) => Table[]]> = [
  ['gb13271-2014', 'gas', gb13271],
  ['gb13223-2011', 'gas', gb13223],
  ['gb16297-1996', 'gas', gb16297],
  ['gb37822-2019', 'gas', gb37822],
  ['gb8978-1996', 'water', gb8978],
  ['gb18918-2002', 'water', gb18918],
  ['gb12348-2008', 'noise', gb12348],
];

function notesOf(d: Any): string[] {
  const notes: string[] = [];
  for (const key of ['scope', 'status', 'units', 'unit', 'effective', 'rate_grade_by_air_zone', 'note']) if (typeof d[key] === 'string') notes.push(d[key]);
  for (const key of ['rules', 'other_rules', 'table4_notes']) if (Array.isArray(d[key])) notes.push(...d[key].filter((x: unknown) => typeof x === 'string'));
  return notes;
}

export const standards = lazy((): Standard[] =>
  ADAPTERS.map(([id, medium, adapt]) => {
    const d = readDataJson<Any>(`standards/${id}.json`);
    const [, code, name] = /^(\S+ [\d.]+-\d{4})\s+(.*)$/.exec(d.standard) ?? [null, d.standard, d.standard];
    return { id, code, name, medium, verified: d.verified === true, source: String(d.source ?? ''), notes: notesOf(d), tables: adapt(d) };
  }),
);

export function findStandardRow(standardId: string, tableKey: string, rowKey: string): { standard: Standard; row: StandardRow } | null {
  const standard = standards().find((s) => s.id === standardId);
  const row = standard?.tables.find((t) => t.key === tableKey)?.rows.find((r) => r.key === rowKey);
  return standard && row ? { standard, row } : null;
}
