import { z } from "zod";

/** One error shape for every endpoint: `{ error: { code, message, fields? } }`. */
export const errorFieldSchema = z.object({
  field: z.string(),
  rule: z.string(),
  message: z.string(),
});
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(errorFieldSchema).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type ErrorField = z.infer<typeof errorFieldSchema>;
