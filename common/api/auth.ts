import { z } from "zod";
import { localeSchema, roleSchema } from "../enums.js";

export const signInRequestSchema = z.object({
  email: z.string().trim().min(1).max(320).email(),
  password: z.string().min(1).max(1000),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const currentUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  roles: z.array(roleSchema),
  locale: localeSchema,
  timeZone: z.string(),
  organisation: z.string().nullable(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionResponseSchema = z.object({
  user: currentUserSchema,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const preferencesRequestSchema = z.object({ locale: localeSchema });
export type PreferencesRequest = z.infer<typeof preferencesRequestSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["up", "down"]),
});
