import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { parseCitations } from '../../../common/citations';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// The checklist item bank (检查项库), checklist templates (检查模板) and their weighted items.
// The 82 items of data/checklist/checklist-items.json are reference data every database needs, so
// they are inserted here (that file is frozen with this migration), with two platform-wide templates.

const AREAS = `'eia_permit','air','water','solid_waste','hazardous_waste','emergency','noise'`;
// jsonb containment: every element of the column is one of these.
const SOURCE_TYPES = `'["industrial","auto_repair","catering","construction","property","other"]'::jsonb`;

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table checklist_items (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z]{2,4}-[0-9]{2,3}$'),
      area text not null check (area in (${AREAS})),
      text text not null check (length(text) between 1 and 1000),
      legal_basis text not null check (length(legal_basis) between 1 and 2000),
      penalty_basis text not null check (length(penalty_basis) between 1 and 2000),
      legal_refs jsonb not null default '[]' check (jsonb_typeof(legal_refs) = 'array'),
      penalty_refs jsonb not null default '[]' check (jsonb_typeof(penalty_refs) = 'array'),
      verified boolean not null default false,
      note text check (note is null or length(note) between 1 and 1000),
      -- applicability: empty = every source type / every industry
      source_types jsonb not null default '[]' check (jsonb_typeof(source_types) = 'array' and source_types <@ ${SOURCE_TYPES}),
      industry_prefixes jsonb not null default '[]' check (jsonb_typeof(industry_prefixes) = 'array'),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index checklist_items_area_idx on checklist_items(area, code);

    -- region_id null = platform-wide (kept by the administrator); otherwise the owning district.
    create table checklist_templates (
      id uuid primary key default gen_random_uuid(),
      region_id text references regions(id),
      name text not null check (length(name) between 1 and 100),
      description text check (description is null or length(description) <= 1000),
      source_types jsonb not null default '[]' check (jsonb_typeof(source_types) = 'array' and source_types <@ ${SOURCE_TYPES}),
      industry_prefixes jsonb not null default '[]' check (jsonb_typeof(industry_prefixes) = 'array'),
      bands jsonb not null check (jsonb_typeof(bands) = 'array' and jsonb_array_length(bands) >= 1),
      status text not null default 'draft' check (status in ('draft','active','retired')),
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index checklist_templates_region_idx on checklist_templates(region_id, status);

    create table checklist_template_items (
      template_id uuid not null references checklist_templates(id) on delete cascade,
      item_id uuid not null references checklist_items(id),
      weight numeric(6,2) not null check (weight > 0 and weight <= 100),
      max_score integer not null default 10 check (max_score between 1 and 100),
      sort integer not null,
      primary key (template_id, item_id)
    );
    create index checklist_template_items_item_idx on checklist_template_items(item_id);
  `);

  const items = readBank();
  const rows = items.map((item) => {
    const applies = APPLICABILITY[item.code];
    if (!applies) throw new Error(`checklist item ${item.code} has no applicability in 0008_checklists`);
    const area = AREA_CODES[item.area];
    if (!area) throw new Error(`checklist item ${item.code}: unknown area ${item.area}`);
    return {
      code: item.code,
      area,
      text: item.item,
      legal_basis: item.legal_basis,
      penalty_basis: item.penalty_basis,
      legal_refs: JSON.stringify(parseCitations(item.legal_basis)),
      penalty_refs: JSON.stringify(parseCitations(item.penalty_basis)),
      verified: item.verified,
      note: item.note ?? null,
      source_types: JSON.stringify(applies[0]),
      industry_prefixes: JSON.stringify(applies[1] ?? []),
    };
  });
  const inserted: Array<{ id: string; code: string }> = await db.insertInto('checklist_items').values(rows).returning(['id', 'code']).execute();
  const idOf = new Map(inserted.map((r) => [r.code, r.id]));
  const serious = new Set(items.filter((i) => SERIOUS.test(i.penalty_basis)).map((i) => i.code));
  const appliesTo = (code: string, type: string) => {
    const types = APPLICABILITY[code][0];
    return types.length === 0 || types.includes(type);
  };

  const templates = [
    {
      name: '工业企业环保体检（通用）',
      description:
        '适用于工业企业的全部 7 个专题检查项。权重：罚则含责令停产、停业、关闭或移送公安的严重违法项为 2，其余为 1；满分每项 10 分。行业专属项（如 LDAR、化学品生产企业防渗）对其他行业的企业选“不适用”。',
      source_types: ['industrial'],
      industry_prefixes: [] as string[],
      codes: items.filter((i) => appliesTo(i.code, 'industrial')).map((i) => i.code),
    },
    {
      name: '汽修行业专项检查',
      description: '汽车修理与维护（GB/T 4754-2017 8111）专项：环评与排污登记、喷漆废气（VOCs）、洗车与维修废水、废机油等危险废物、一般固废、噪声。权重规则同通用模板。',
      source_types: ['auto_repair'],
      industry_prefixes: ['8111'],
      codes: items.filter((i) => appliesTo(i.code, 'auto_repair')).map((i) => i.code),
    },
  ];
  for (const t of templates) {
    const template: { id: string } = await db
      .insertInto('checklist_templates')
      .values({
        region_id: null,
        name: t.name,
        description: t.description,
        source_types: JSON.stringify(t.source_types),
        industry_prefixes: JSON.stringify(t.industry_prefixes),
        bands: JSON.stringify(BANDS),
        status: 'active',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('checklist_template_items')
      .values(t.codes.map((code, i) => ({ template_id: template.id, item_id: idOf.get(code)!, weight: serious.has(code) ? 2 : 1, max_score: 10, sort: i + 1 })))
      .execute();
  }
}

interface BankItem {
  area: string;
  code: string;
  item: string;
  legal_basis: string;
  penalty_basis: string;
  verified: boolean;
  note?: string;
}

function readBank(): BankItem[] {
  const file = fileURLToPath(new URL('../../../../data/checklist/checklist-items.json', import.meta.url));
  const items = JSON.parse(fs.readFileSync(file, 'utf8')) as BankItem[];
  if (items.length !== 82) throw new Error(`data/checklist/checklist-items.json holds ${items.length} items, 0008_checklists expects the frozen 82`);
  return items;
}

const AREA_CODES: Record<string, string> = {
  环评与排污许可: 'eia_permit',
  废气: 'air',
  废水: 'water',
  一般工业固废: 'solid_waste',
  危险废物: 'hazardous_waste',
  环境应急: 'emergency',
  噪声: 'noise',
};

/** A penalty basis naming 责令停产/停业/关闭 or 移送公安 marks a serious item (weight 2 in the platform templates). */
const SERIOUS = /责令停产|停业|关闭|移送公安/;

const BANDS = [
  { min: 85, label: { zh: '较好', en: 'Good' } },
  { min: 60, label: { zh: '一般', en: 'Fair' } },
  { min: 0, label: { zh: '不合格', en: 'Failing' } },
];

// Applicability of each item: [source types (empty = all), GB/T 4754 prefixes (empty = all)].
// 工业企业 get everything industrial; 汽修 (喷漆、洗车、废机油) the permit/EIA basics, VOCs, wastewater,
// solid and hazardous waste and noise items; 餐饮 the odour item (the bank has no 油烟 item: an
// administrator adds one) and the drainage items; 建设工地 the dust and drainage items; 物业 boilers
// and drainage. Items about 重点排污单位, LDAR or chemical plants stay with industry.
const I = ['industrial'];
const IA = ['industrial', 'auto_repair'];
const ALL: string[] = [];
const CHEMICAL = ['25', '26', '27', '28'];
const APPLICABILITY: Record<string, [string[], string[]?]> = {
  'EP-01': [['industrial', 'auto_repair', 'catering']],
  'EP-02': [['industrial', 'auto_repair', 'catering']],
  'EP-03': [IA], 'EP-04': [IA], 'EP-05': [IA], 'EP-06': [IA],
  'EP-07': [IA], 'EP-08': [IA], 'EP-09': [IA], 'EP-10': [IA], 'EP-11': [IA], 'EP-12': [IA], 'EP-13': [IA], 'EP-14': [IA], 'EP-15': [IA],
  'EP-16': [I],
  'EP-17': [ALL],
  'AIR-01': [IA], 'AIR-02': [IA],
  'AIR-03': [I], 'AIR-04': [I],
  'AIR-05': [IA], 'AIR-06': [IA], 'AIR-07': [IA], 'AIR-08': [IA],
  'AIR-09': [I, CHEMICAL],
  'AIR-10': [IA], 'AIR-11': [IA],
  'AIR-12': [['industrial', 'construction']], 'AIR-13': [['industrial', 'construction']],
  'AIR-14': [['industrial', 'catering']],
  'AIR-15': [I], 'AIR-16': [I],
  'AIR-17': [['industrial', 'property']],
  'WAT-01': [IA], 'WAT-02': [IA],
  'WAT-03': [I],
  'WAT-04': [IA], 'WAT-05': [IA],
  'WAT-06': [I], 'WAT-07': [I],
  'WAT-08': [ALL], 'WAT-09': [ALL],
  'WAT-10': [I, CHEMICAL],
  'WAT-11': [I],
  'SW-01': [IA], 'SW-02': [I], 'SW-03': [IA], 'SW-04': [IA], 'SW-05': [IA], 'SW-06': [IA], 'SW-07': [I], 'SW-08': [I],
  'HW-01': [IA], 'HW-02': [IA], 'HW-03': [IA], 'HW-04': [IA], 'HW-05': [IA], 'HW-06': [IA], 'HW-07': [IA], 'HW-08': [IA], 'HW-09': [IA], 'HW-10': [IA],
  'HW-11': [I],
  'HW-12': [IA],
  'HW-13': [I, ['7724']],
  'ER-01': [I], 'ER-02': [I], 'ER-03': [I], 'ER-04': [I], 'ER-05': [I], 'ER-06': [I], 'ER-07': [I], 'ER-08': [I], 'ER-09': [I],
  'NOI-01': [IA], 'NOI-02': [IA],
  'NOI-03': [I], 'NOI-04': [I],
  'NOI-05': [IA], 'NOI-06': [IA],
  'NOI-07': [I],
};
