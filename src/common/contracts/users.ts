import { z } from 'zod';
import { ROLE } from '../enums';

const username = z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,64}$/, 'username');
export const PASSWORD_MIN_LENGTH = 8;
const password = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE.values),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof UserSchema>;

export const UserListQuerySchema = z.strictObject({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLE.values).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const UserListSchema = z.object({ items: z.array(UserSchema), total: z.number().int() });

const scopeFields = {
  regionId: z.string().max(64).nullable().optional(),
  providerId: z.uuid().nullable().optional(),
  sourceId: z.uuid().nullable().optional(),
};

export const CreateUserSchema = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(64),
  password,
  role: z.enum(ROLE.values),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/).nullable().optional(),
  ...scopeFields,
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.strictObject({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(64).optional(),
  role: z.enum(ROLE.values).optional(),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/).nullable().optional(),
  disabled: z.boolean().optional(),
  ...scopeFields,
});
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.strictObject({ version: z.number().int().min(1), password });

export const IdParamSchema = z.strictObject({ id: z.uuid() });
