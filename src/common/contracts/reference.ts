/** Reference data of the dossier's pickers (no jurisdiction): industries, emission standards, hazardous-waste codes. */
import { z } from 'zod';

export const IndustryQuerySchema = z.strictObject({
  /** Code prefix ('26', '264') or part of the name ('涂料'). */
  q: z.string().trim().max(50).optional(),
  level: z.coerce.number().int().min(1).max(4).default(4),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const IndustrySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  /** 门类 → 大类 → 中类 above this code. */
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  remark: z.string().nullable(),
});
export type Industry = z.infer<typeof IndustrySchema>;
export const IndustryListSchema = z.object({ items: z.array(IndustrySchema), total: z.number().int() });

export const STANDARD_MEDIA = ['gas', 'water', 'noise'] as const;
export const StandardQuerySchema = z.strictObject({
  id: z.string().trim().max(40).optional(),
  medium: z.enum(STANDARD_MEDIA).optional(),
});
export const StandardRowSchema = z.object({
  /** Stable within its table; stored in outlet_limits.standard_row. */
  key: z.string(),
  pollutantCode: z.string(),
  pollutantName: z.string(),
  /** What the row applies to: fuel, industry, grade, stack height, day/night… */
  condition: z.string().nullable(),
  /** Upper limit; null when the standard gives no number (e.g. 不得检出, 林格曼 1 级). */
  limitValue: z.number().nullable(),
  limitLower: z.number().nullable(),
  /** The standard's own words for the limit when it is not a plain number. */
  limitText: z.string().nullable(),
  unit: z.string(),
  referenceO2Percent: z.number().nullable(),
});
export type StandardRow = z.infer<typeof StandardRowSchema>;
export const StandardTableSchema = z.object({
  key: z.string(),
  name: z.string(),
  applies: z.string().nullable(),
  rows: z.array(StandardRowSchema),
});
export const StandardSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  medium: z.enum(STANDARD_MEDIA),
  /** False when the data file flags the values as unverified (e.g. GB 13223 from secondary sources). */
  verified: z.boolean(),
  source: z.string(),
  notes: z.array(z.string()),
  tables: z.array(StandardTableSchema),
});
export type Standard = z.infer<typeof StandardSchema>;
export const StandardListSchema = z.object({ items: z.array(StandardSchema) });

export const HwCodeQuerySchema = z.strictObject({
  /** Code prefix ('900-041'), category ('HW49') or words of the description. */
  q: z.string().trim().max(50).optional(),
  category: z.string().trim().regex(/^HW\d{2}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const HwCodeSchema = z.object({
  code: z.string(),
  category: z.string(),
  categoryName: z.string(),
  industryName: z.string(),
  description: z.string(),
  hazard: z.string(),
});
export type HwCode = z.infer<typeof HwCodeSchema>;
export const HwCodeListSchema = z.object({ items: z.array(HwCodeSchema), total: z.number().int() });

