import { z } from 'zod';
import { ROLE } from '../enums';

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE.values),
  scope: z.object({
    kind: z.enum(['all', 'region', 'provider', 'source']),
    /** Region id, provider id or source id, as `kind` says. */
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

/** What the web app reads at run time, before anyone logs in. */
export const ClientConfigSchema = z.object({
  /** A Leaflet tile URL template, or null: the map then draws the district outline on a plain background. */
  mapTileUrl: z.string().nullable(),
  mapTileAttribution: z.string(),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  engine: z.enum(['pglite', 'postgres']),
});
