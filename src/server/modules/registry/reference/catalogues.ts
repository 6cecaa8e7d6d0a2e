/**
 * Searchable reference catalogues of the dossier: GB/T 4754-2017 industries, the 2021 national list
 * of hazardous wastes, and the environmental credit levels (all read from data/, no jurisdiction).
 */
import type { HwCode, Industry } from '../../../../common/contracts/dossier';
import { CREDIT_RATING } from '../../../../common/dossier-enums';
import { lazy, readDataJson } from './files';

interface IndustryRow {
  level: 1 | 2 | 3 | 4;
  code: string;
  name: string;
  section: string;
  division: string | null;
  group: string | null;
  remark?: string | null;
}

const industryData = lazy(() => {
  const rows = readDataJson<IndustryRow[]>('industry/gbt4754-2017.json');
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const items: Industry[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    // 门类 → 大类 → 中类 above the row (a 中类 synthesised for a single 小类 shares its name).
    path: [r.section, r.division, r.group]
      .filter((c): c is string => !!c && c !== r.code)
      .map((c) => ({ code: c, name: byCode.get(c)?.name ?? c })),
    remark: r.remark ?? null,
  }));
  const divisionsBySection = new Map<string, string[]>();
  for (const r of rows) if (r.level === 2) divisionsBySection.set(r.section, [...(divisionsBySection.get(r.section) ?? []), r.code]);
  return { items, byCode: new Map(items.map((i) => [i.code, i])), classes: new Map(items.filter((i) => i.level === 4).map((i) => [i.code, i])), divisionsBySection };
});

/** The industry of that code at any level (门类 letter, 大类, 中类 or 小类), or undefined. */
export function industryByCode(code: string): Industry | undefined {
  return industryData().byCode.get(code);
}

/** The 小类 (4-digit class) of that code, or undefined. */
export function industryClass(code: string): Industry | undefined {
  return industryData().classes.get(code);
}

/** The 大类 codes (2 digits) of a 门类 letter, e.g. 'C' → ['13', …, '43']. */
export function divisionsOfSection(letter: string): string[] {
  return industryData().divisionsBySection.get(letter) ?? [];
}

/** Industries of a level whose code starts with q, or whose name contains q; code order. */
export function searchIndustries(query: { q?: string; level: number; limit: number }) {
  const q = query.q?.trim() ?? '';
  const upper = q.toUpperCase();
  const matches = industryData().items.filter((i) => i.level === query.level && (!q || i.code.startsWith(upper) || i.name.includes(q) || i.path.some((p) => p.code === upper)));
  return { items: matches.slice(0, query.limit), total: matches.length };
}

interface HwFile {
  categories: Array<{ code: string; name: string }>;
  wastes: Array<{ code: string; category: string; category_name: string; industry_code: string; industry_name: string; description: string; hazard: string }>;
}

const hwData = lazy(() => {
  const file = readDataJson<HwFile>('hazwaste/national_hw_list_2021.json');
  const items: HwCode[] = file.wastes.map((w) => ({
    code: w.code,
    category: w.category,
    categoryName: w.category_name,
    industryName: w.industry_name,
    description: w.description,
    hazard: w.hazard,
  }));
  return { items, byCode: new Map(items.map((i) => [i.code, i])) };
});

export function hazardousWaste(code: string): HwCode | undefined {
  return hwData().byCode.get(code);
}

/** Codes starting with q, of category q (HW49), or whose description or category name holds q. */
export function searchHazardousWastes(query: { q?: string; category?: string; limit: number }) {
  const q = query.q?.trim() ?? '';
  const upper = q.toUpperCase();
  const matches = hwData().items.filter(
    (w) =>
      (!query.category || w.category === query.category) &&
      (!q || w.code.startsWith(q) || w.category === upper || w.description.includes(q) || w.categoryName.includes(q) || w.industryName.includes(q)),
  );
  return { items: matches.slice(0, query.limit), total: matches.length };
}

/** The shipped credit scheme must list exactly the levels the code knows (green/blue/yellow/red). */
export const assertCreditLevels = lazy(() => {
  const file = readDataJson<{ levels: Array<{ color_en: string }> }>('misc/env_credit_rating.json');
  const shipped = file.levels.map((l) => l.color_en).sort().join(',');
  const known = [...CREDIT_RATING.values].sort().join(',');
  if (shipped !== known) throw new Error(`data/misc/env_credit_rating.json lists ${shipped}; the code knows ${known}`);
  return true;
});
