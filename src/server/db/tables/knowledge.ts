/** Kysely table types for the knowledge library (法规政策): the compliance handbook (合规宝典), one edition per year. */
import type { ColumnType, Generated } from 'kysely';
import type { InspectionAreaCode } from '../../../common/inspection-areas';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type HandbookEditionStatus = 'draft' | 'published';

export interface HandbookEditionsTable {
  id: Generated<string>;
  /** The edition's year; one edition per year. */
  year: number;
  title: string;
  status: Generated<HandbookEditionStatus>;
  published_at: Nullable<Date>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HandbookEntriesTable {
  id: Generated<string>;
  edition_id: string;
  area: InspectionAreaCode;
  sort: number;
  title: string;
  /** 合规要求 */
  requirements: string;
  /** 常见问题 */
  common_problems: string;
  /** 法律依据, e.g. 《环境影响评价法》第十六条、第二十五条 (parsed by src/common/citations.ts). */
  legal_basis: string;
  /** 案例 */
  examples: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface KnowledgeTables {
  handbook_editions: HandbookEditionsTable;
  handbook_entries: HandbookEntriesTable;
}
