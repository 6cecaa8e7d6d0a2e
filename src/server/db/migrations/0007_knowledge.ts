import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Frozen once landed: change the schema with a new migration file.
// The compliance handbook (合规宝典): one edition per year, each with entries in the 7 inspection
// areas. The first edition (data/handbook/handbook-2026.json, frozen with this migration) is
// reference content every database needs, so it is inserted here as the published 2026 edition.

const AREAS = ['eia_permit', 'air', 'water', 'solid_waste', 'hazardous_waste', 'emergency', 'noise'];

interface HandbookFile {
  year: number;
  title: string;
  entries: Array<{ area: string; title: string; requirements: string; common_problems: string; legal_basis: string; examples: string }>;
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table handbook_editions (
      id uuid primary key default gen_random_uuid(),
      year smallint not null unique check (year between 2000 and 2100),
      title text not null check (length(title) between 1 and 100),
      status text not null default 'draft' check (status in ('draft','published')),
      published_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'published') = (published_at is not null))
    );

    create table handbook_entries (
      id uuid primary key default gen_random_uuid(),
      edition_id uuid not null references handbook_editions(id) on delete cascade,
      area text not null check (area in (${AREAS.map((a) => `'${a}'`).join(',')})),
      sort integer not null check (sort between 0 and 100000),
      title text not null check (length(title) between 1 and 200),
      requirements text not null check (length(requirements) between 1 and 5000),
      common_problems text not null check (length(common_problems) <= 5000),
      legal_basis text not null check (length(legal_basis) <= 2000),
      examples text not null check (length(examples) <= 5000),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index handbook_entries_edition_idx on handbook_entries(edition_id, area, sort);
  `);

  const file = fileURLToPath(new URL('../../../../data/handbook/handbook-2026.json', import.meta.url));
  const book = JSON.parse(fs.readFileSync(file, 'utf8')) as HandbookFile;
  const edition: { id: string } = await db
    .insertInto('handbook_editions')
    .values({ year: book.year, title: book.title, status: 'published', published_at: new Date(`${book.year}-01-01T00:00:00+08:00`) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const perArea = new Map<string, number>();
  const rows = book.entries.map((e) => {
    if (!AREAS.includes(e.area)) throw new Error(`handbook-${book.year}.json: unknown area ${e.area}`);
    const sort = (perArea.get(e.area) ?? 0) + 10;
    perArea.set(e.area, sort);
    return {
      edition_id: edition.id,
      area: e.area,
      sort,
      title: e.title,
      requirements: e.requirements,
      common_problems: e.common_problems,
      legal_basis: e.legal_basis,
      examples: e.examples,
    };
  });
  await db.insertInto('handbook_entries').values(rows).execute();
}
