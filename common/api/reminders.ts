import { z } from "zod";
import { selectionSchema } from "./tutoring.js";

export const mailTemplateSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  /** Shared templates are the admins'; a tutor's own templates are theirs. */
  shared: z.boolean(),
  editable: z.boolean(),
  updatedAt: z.string(),
});
export type MailTemplate = z.infer<typeof mailTemplateSchema>;
export const mailTemplatesSchema = z.object({ items: z.array(mailTemplateSchema), variables: z.array(z.string()) });

export const mailTemplateInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
  /** Admins only: a template every tutor can use. */
  shared: z.boolean().default(false),
});
export type MailTemplateInput = z.infer<typeof mailTemplateInputSchema>;
export const templateIdParamsSchema = z.object({ templateId: z.string().uuid() });

export const reminderPreviewRequestSchema = z.object({
  templateId: z.string().uuid(),
  selection: selectionSchema,
  /** Which recipient to render (0 = the first by name). */
  index: z.number().int().min(0).max(100_000).default(0),
});
export const reminderPreviewSchema = z.object({
  count: z.number().int(),
  index: z.number().int(),
  recipient: z
    .object({ userId: z.string().uuid(), firstName: z.string(), lastName: z.string(), email: z.string() })
    .nullable(),
  subject: z.string(),
  body: z.string(),
});
export type ReminderPreview = z.infer<typeof reminderPreviewSchema>;

export const reminderSendRequestSchema = z.object({
  templateId: z.string().uuid(),
  selection: selectionSchema,
  /** The same key twice (double click, retried request) sends each recipient one message. */
  idempotencyKey: z.string().min(8).max(100),
});
export const reminderBatchSchema = z.object({
  batchId: z.string(),
  total: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  /** No SMTP server is configured: messages wait in the outbox. */
  smtpConfigured: z.boolean(),
});
export type ReminderBatch = z.infer<typeof reminderBatchSchema>;
export const batchParamsSchema = z.object({ courseId: z.string().uuid(), batchId: z.string().min(1).max(120) });

export const reminderRuleKindSchema = z.enum(["before_objective", "inactive", "not_started"]);
export const reminderRuleInputSchema = z
  .object({
    kind: reminderRuleKindSchema,
    /** before_objective: days before the objective date; inactive: days without activity; not_started: days after enrollment. */
    days: z.number().int().min(1).max(365),
    /** before_objective only: remind when progress is below this percent. */
    progressBelow: z.number().int().min(1).max(100).nullable().default(null),
    templateId: z.string().uuid(),
    paused: z.boolean().default(false),
  })
  .refine((rule) => rule.kind === "before_objective" || rule.progressBelow === null, {
    message: "progressBelow applies to before_objective rules only",
    path: ["progressBelow"],
  });
export type ReminderRuleInput = z.infer<typeof reminderRuleInputSchema>;
export const reminderRuleSchema = z.object({
  id: z.string().uuid(),
  kind: reminderRuleKindSchema,
  days: z.number().int(),
  progressBelow: z.number().int().nullable(),
  template: z.object({ id: z.string().uuid(), name: z.string() }),
  paused: z.boolean(),
  createdAt: z.string(),
  /** Reminders this rule has sent. */
  sent: z.number().int(),
});
export type ReminderRule = z.infer<typeof reminderRuleSchema>;
export const reminderRulesSchema = z.object({ items: z.array(reminderRuleSchema) });
export const ruleParamsSchema = z.object({ courseId: z.string().uuid(), ruleId: z.string().uuid() });
export const ruleRunSchema = z.object({ sent: z.number().int() });

export const messagesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(["pending", "sending", "sent", "failed", "held"]).optional(),
  q: z.string().max(320).optional(),
});
export const outboxMessageSchema = z.object({
  id: z.number().int(),
  toEmail: z.string(),
  toName: z.string(),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(z.string()),
  status: z.enum(["pending", "sending", "sent", "failed", "held"]),
  tries: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextTryAt: z.string(),
  sentAt: z.string().nullable(),
});
export const messagesPageSchema = z.object({
  items: z.array(outboxMessageSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  smtpConfigured: z.boolean(),
});
export const messageParamsSchema = z.object({ messageId: z.coerce.number().int().min(1) });
