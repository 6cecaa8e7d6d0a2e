import { z } from 'zod';
import { REGION_LEVEL } from '../enums';

export const RegionNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(REGION_LEVEL.values),
  kind: z.string(),
  name: z.string(),
  sourceCount: z.number().int(),
  version: z.number().int(),
  editable: z.boolean(),
  get children(): z.ZodArray<typeof RegionNodeSchema> {
    return z.array(RegionNodeSchema);
  },
});
// A recursive schema needs a name to become a $ref in the OpenAPI document.
z.globalRegistry.add(RegionNodeSchema, { id: 'RegionNode' });
export type RegionNode = z.infer<typeof RegionNodeSchema>;

export const RegionTreeSchema = z.object({ roots: z.array(RegionNodeSchema) });

export const CreateRegionSchema = z.strictObject({
  parentId: z.string().min(1).max(64),
  level: z.enum(['park', 'grid']),
  name: z.string().trim().min(1).max(100),
});
export type CreateRegion = z.infer<typeof CreateRegionSchema>;

export const RenameRegionSchema = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(100),
});

export const RegionIdParamSchema = z.strictObject({ id: z.string().min(1).max(64) });
