import { z } from "zod";
import { selectionSchema } from "./tutoring.js";

export const certificateKindSchema = z.enum(["completion", "attendance"]);
export const certificateJobRequestSchema = z.object({
  selection: selectionSchema,
  kind: certificateKindSchema,
  lang: z.enum(["fr", "en"]).optional(),
});
export const certificateJobSchema = z.object({
  jobId: z.string().uuid(),
  kind: certificateKindSchema,
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  status: z.string(),
});
export type CertificateJob = z.infer<typeof certificateJobSchema>;
export const jobParamsSchema = z.object({ courseId: z.string().uuid(), jobId: z.string().uuid() });
export const certificateParamsSchema = z.object({
  courseId: z.string().uuid(),
  learnerId: z.string().uuid(),
  certificateId: z.string().uuid(),
});
export const revokeRequestSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
export const regenerateRequestSchema = z.object({ kind: certificateKindSchema, lang: z.enum(["fr", "en"]).optional() });
export const verificationSchema = z.object({
  valid: z.boolean(),
  revoked: z.boolean(),
  learner: z.string(),
  course: z.string(),
  kind: certificateKindSchema,
  issuedAt: z.string(),
});
export const codeParamsSchema = z.object({ code: z.string().min(1).max(40) });
