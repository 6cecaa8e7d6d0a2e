import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// The source lifecycle (全生命周期): status codes and their history, relocations, the entry-screening
// negative list (准入负面清单), permit-class decisions, and enterprise change proposals.
const STATUSES = `'screening','construction','trial','acceptance','operating','suspended','relocating','closed'`;
const CLASSES = `'key','simplified','registration','none'`;

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    -- Existing rows carry operating/construction/trial/suspended (already the codes). A value typed by
    -- hand in Chinese is mapped to its code, and anything else makes the constraint below fail loudly.
    update sources set lifecycle_status = case trim(lifecycle_status)
        when '准入评估' then 'screening' when '建设' then 'construction' when '在建' then 'construction'
        when '调试' then 'trial' when '试生产' then 'trial' when '验收' then 'acceptance'
        when '运营' then 'operating' when '正常' then 'operating' when '生产' then 'operating'
        when '停产' then 'suspended' when '搬迁' then 'relocating' when '关闭' then 'closed' when '关停' then 'closed'
        else lower(trim(lifecycle_status)) end
      where lifecycle_status not in (${STATUSES});
    alter table sources add constraint sources_lifecycle_status_check check (lifecycle_status in (${STATUSES}));

    -- 状态变更记录: every transition, relocation and registration of a source.
    create table source_status_history (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      kind text not null check (kind in ('transition','relocation','registration')),
      from_status text check (from_status in (${STATUSES})),
      to_status text not null check (to_status in (${STATUSES})),
      reason text not null check (length(reason) between 1 and 500),
      effective_date date not null,
      details jsonb,
      actor_id uuid references users(id),
      actor_name text not null,
      at timestamptz not null default now(),
      check ((kind = 'registration') = (from_status is null))
    );
    create index source_status_history_source_idx on source_status_history(source_id, at);

    -- 搬迁记录: the same source row moves, so everything attached to it stays.
    create table source_relocations (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      from_town_id text not null references regions(id),
      from_park_id text references regions(id),
      from_grid_id text not null references regions(id),
      from_address text not null,
      from_longitude double precision,
      from_latitude double precision,
      to_town_id text not null references regions(id),
      to_park_id text references regions(id),
      to_grid_id text not null references regions(id),
      to_address text not null,
      to_longitude double precision,
      to_latitude double precision,
      reason text not null check (length(reason) between 1 and 500),
      effective_date date not null,
      actor_id uuid references users(id),
      actor_name text not null,
      at timestamptz not null default now()
    );
    create index source_relocations_source_idx on source_relocations(source_id, at);

    -- 排污许可管理类别的确认/调整 (2019 名录 row cited).
    create table permit_class_decisions (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      industry_code text not null,
      catalogue_row_no smallint not null check (catalogue_row_no between 1 and 112),
      suggested_class text not null check (suggested_class in (${CLASSES})),
      previous_class text not null check (previous_class in (${CLASSES})),
      chosen_class text not null check (chosen_class in (${CLASSES})),
      decision text not null check (decision in ('confirm','override')),
      reason text check (reason is null or length(reason) between 1 and 500),
      actor_id uuid references users(id),
      actor_name text not null,
      at timestamptz not null default now(),
      check (decision = 'confirm' or reason is not null)
    );
    create index permit_class_decisions_source_idx on permit_class_decisions(source_id, at);

    -- 准入负面清单: by GB/T 4754 code prefix. region_id null = the whole platform (the administrator list),
    -- otherwise the district, town or park whose subtree the entry applies to.
    create table negative_list_entries (
      id uuid primary key default gen_random_uuid(),
      region_id text references regions(id),
      industry_code_prefix text not null check (industry_code_prefix ~ '^[0-9]{2,4}$'),
      name text not null check (length(name) between 1 and 100),
      restriction text not null check (restriction in ('forbidden','restricted')),
      reason text not null check (length(reason) between 1 and 500),
      scope_note text check (scope_note is null or length(scope_note) <= 500),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index negative_list_prefix_idx on negative_list_entries(industry_code_prefix);

    insert into negative_list_entries (industry_code_prefix, name, restriction, reason, scope_note) values
      ('2511', '原油加工及石油制品制造', 'forbidden', '示例条目（演示数据）：中心城区及居住集中区不再新建、扩建炼油项目；依据参照《产业结构调整指导目录》及地方产业结构调整负面清单，上线前请按本地现行文件核定。', '适用于居住区、城镇开发边界内'),
      ('2521', '炼焦', 'forbidden', '示例条目（演示数据）：不再新建独立焦化项目；依据参照《产业结构调整指导目录》限制类、淘汰类，上线前请按本地现行文件核定。', null),
      ('311', '炼铁', 'forbidden', '示例条目（演示数据）：严禁新增钢铁冶炼产能；依据参照国家钢铁产能置换相关规定，上线前请按本地现行文件核定。', null),
      ('312', '炼钢', 'forbidden', '示例条目（演示数据）：严禁新增钢铁冶炼产能；依据参照国家钢铁产能置换相关规定，上线前请按本地现行文件核定。', null),
      ('3011', '水泥制造', 'forbidden', '示例条目（演示数据）：不再新建水泥熟料生产线；依据参照《产业结构调整指导目录》，上线前请按本地现行文件核定。', null),
      ('3360', '金属表面处理及热处理加工', 'restricted', '示例条目（演示数据）：电镀、酸洗等表面处理项目须进入经认定的电镀集中区或工业园区，不得在园区外新建；上线前请按本地现行文件核定。', '园区外禁止新建；园区内须满足园区规划环评要求'),
      ('26', '化学原料和化学制品制造业', 'restricted', '示例条目（演示数据）：新建化工项目原则上须进入合规化工园区；依据参照化工园区认定管理相关规定，上线前请按本地现行文件核定。', '单纯混合或分装、日用化学品除外的情形由区局个案研判');
  `);
  // Separate blocks so the proposal table's check lists stay readable.
  await runStatements(db, `
    -- 企业信息更新申请: old → new per field, judged against the source version it was made on.
    create table source_change_proposals (
      id uuid primary key default gen_random_uuid(),
      source_id uuid not null references sources(id),
      status text not null default 'pending' check (status in ('pending','approved','rejected')),
      changes jsonb not null check (jsonb_typeof(changes) = 'object'),
      note text check (note is null or length(note) <= 500),
      base_version integer not null,
      proposed_by uuid not null references users(id),
      proposed_by_name text not null,
      proposed_at timestamptz not null default now(),
      decided_by uuid references users(id),
      decided_by_name text,
      decided_at timestamptz,
      decision_reason text check (decision_reason is null or length(decision_reason) <= 500),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      check ((status = 'pending') = (decided_at is null)),
      check (status <> 'rejected' or decision_reason is not null)
    );
    create index source_change_proposals_source_idx on source_change_proposals(source_id, proposed_at);
    create index source_change_proposals_pending_idx on source_change_proposals(proposed_at) where status = 'pending';
  `);
}
