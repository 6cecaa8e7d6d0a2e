import { z } from 'zod';
import { SOURCE_TYPE, PERMIT_CLASS } from '../enums';

/** Home page counts, for the actor's scope only. */
export const OverviewSchema = z.object({
  scopeName: z.string(),
  totalSources: z.number().int(),
  byTown: z.array(z.object({ regionId: z.string(), name: z.string(), count: z.number().int() })),
  byType: z.array(z.object({ sourceType: z.enum(SOURCE_TYPE.values), count: z.number().int() })),
  byPermitClass: z.array(z.object({ permitClass: z.enum(PERMIT_CLASS.values), count: z.number().int() })),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const SourceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  sourceType: z.enum(SOURCE_TYPE.values),
  industryCode: z.string(),
  permitClass: z.enum(PERMIT_CLASS.values),
  townName: z.string(),
  gridName: z.string(),
  address: z.string(),
});
export const SourceListSchema = z.object({ items: z.array(SourceSummarySchema), total: z.number().int() });
