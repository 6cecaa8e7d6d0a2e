import { z } from 'zod';

/** The one shape of every failure the API returns. */
export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
