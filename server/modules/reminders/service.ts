import crypto from "node:crypto";
import type { SQL } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { MailTemplate, MailTemplateInput, ReminderBatch, ReminderPreview } from "../../../common/api/reminders.js";
import type { Selection } from "../../../common/api/tutoring.js";
import { formatDateTime, formatDuration } from "../../../common/format.js";
import {
  renderTemplate,
  TEMPLATE_VARIABLES,
  type TemplateVariable,
  unknownVariables,
} from "../../../common/templates.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError, badRequest, forbidden, notFound } from "../../errors.js";
import type { Jobs } from "../../plugins/jobs.js";
import { courseScope, isAdmin, learnersInScope } from "../access/policy.js";
import { writeAudit } from "../audit/audit.js";
import { actionSelection } from "../tutoring/service.js";
import * as q from "./queries.js";

function presentTemplate(row: q.TemplateRow, user: CurrentUser): MailTemplate {
  const shared = row.ownerId === null;
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    body: row.body,
    shared,
    editable: shared ? isAdmin(user) : row.ownerId === user.id,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function listTemplates(db: Db, user: CurrentUser) {
  const rows = await q.listTemplates(db, user.id, isAdmin(user));
  return { items: rows.map((r) => presentTemplate(r, user)), variables: [...TEMPLATE_VARIABLES] };
}

function checkVariables(input: MailTemplateInput) {
  for (const field of ["subject", "body"] as const) {
    const unknown = unknownVariables(input[field]);
    if (unknown.length) {
      throw badRequest(
        `body.${field}`,
        "unknown_variable",
        `Unknown variable ${unknown.map((v) => `{{${v}}}`).join(", ")}; available: ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`,
      );
    }
  }
}

/** A template the user may use: shared, or their own (admins: all). */
export async function usableTemplate(tx: Db | Tx, user: CurrentUser, templateId: string) {
  const row = await q.findTemplate(tx, templateId);
  if (!row || (row.ownerId !== null && row.ownerId !== user.id && !isAdmin(user))) throw notFound("Template");
  return row;
}

export async function createTemplate(db: Db, user: CurrentUser, input: MailTemplateInput) {
  checkVariables(input);
  if (input.shared && !isAdmin(user)) throw forbidden("Only admins create shared templates");
  const row = await q.insertTemplate(db, input.shared ? null : user.id, input);
  return presentTemplate(row, user);
}

export async function updateTemplate(db: Db, user: CurrentUser, templateId: string, input: MailTemplateInput) {
  checkVariables(input);
  const row = await usableTemplate(db, user, templateId);
  if (!presentTemplate(row, user).editable) throw forbidden("You may not edit this template");
  if (input.shared && !isAdmin(user)) throw forbidden("Only admins share templates");
  const owner = input.shared ? null : (row.ownerId ?? user.id);
  return presentTemplate(await q.updateTemplate(db, templateId, owner, input), user);
}

export async function deleteTemplate(db: Db, user: CurrentUser, templateId: string) {
  const row = await usableTemplate(db, user, templateId);
  if (!presentTemplate(row, user).editable) throw forbidden("You may not delete this template");
  try {
    await q.deleteTemplate(db, templateId);
  } catch (error) {
    if ((error as { code?: string }).code === "23503") {
      throw new AppError(
        409,
        "template_in_use",
        "An automatic reminder rule uses this template; change the rule first",
      );
    }
    throw error;
  }
}

/** The template variables of one recipient. */
export function recipientValues(config: Config, r: q.RecipientRow, timeZone: string): Record<TemplateVariable, string> {
  return {
    prenom: r.firstName,
    nom: r.lastName,
    cours: r.courseName,
    progression: `${r.progressPct} %`,
    date_objectif: r.objectiveAt ? formatDateTime(r.objectiveAt, timeZone).slice(0, 10) : "",
    temps_passe: formatDuration(r.timeSpentSeconds),
    organisation: r.organisation ?? "",
    lien: `${config.publicUrl}/mes-formations`,
  };
}

/** The message as one recipient of the selection will read it (A1 preview). */
export async function preview(
  db: Db,
  config: Config,
  user: CurrentUser,
  courseId: string,
  input: { templateId: string; selection: Selection; index: number },
): Promise<ReminderPreview> {
  const where = await actionSelection(db, user, courseId, input.selection);
  const template = await usableTemplate(db, user, input.templateId);
  const count = await q.countRecipients(db, where);
  const index = Math.min(input.index, Math.max(0, count - 1));
  const [recipient] = await q.recipients(db, where, 1, index);
  if (!recipient) return { count, index, recipient: null, subject: template.subject, body: template.body };
  const filled = recipientValues(config, recipient, user.timeZone);
  return {
    count,
    index,
    recipient: {
      userId: recipient.userId,
      firstName: recipient.firstName,
      lastName: recipient.lastName,
      email: recipient.email,
    },
    subject: renderTemplate(template.subject, filled),
    body: renderTemplate(template.body, filled),
  };
}

const batchIdOf = (courseId: string, key: string) =>
  `reminder:${crypto.createHash("sha256").update(`${courseId}:${key}`).digest("hex").slice(0, 32)}`;

/**
 * Sends a reminder to the selection: one message per learner in the outbox and one reminder in
 * each learner's history, in one transaction; returns at once (delivery is the workers' job).
 * The same idempotency key again adds nothing: each recipient gets one message.
 */
export async function send(
  db: Db,
  config: Config,
  jobs: Jobs,
  user: CurrentUser,
  courseId: string,
  input: { templateId: string; selection: Selection; idempotencyKey: string },
): Promise<ReminderBatch> {
  const batchId = batchIdOf(courseId, input.idempotencyKey);
  await db.transaction(async (tx) => {
    const where = await actionSelection(tx, user, courseId, input.selection);
    const template = await usableTemplate(tx, user, input.templateId);
    const { recipients, queued } = await queueInPages(tx, config, where, template, user.timeZone, {
      batchId,
      sentBy: user.id,
      kind: "email",
    });
    if (recipients === 0) throw badRequest("body.selection", "empty", "The selection holds no learner");
    if (queued > 0) {
      await writeAudit(tx, {
        actorId: user.id,
        action: "reminder.send",
        entityType: "reminder_batch",
        entityId: batchId,
        courseId,
        after: { template: template.name, recipients: queued },
      });
    }
  });
  await jobs.kickMail();
  return batch(db, config, user, courseId, batchId);
}

/** Recipients rendered and queued per statement by queueInPages. */
const RECIPIENTS_PER_STATEMENT = 1_000;

/**
 * Renders `template` for each active learner matching `where` and queues the messages with their
 * reminders (idempotency key: the batch and the learner), by keyset pages of 1,000, each rendered and
 * queued before the next is read: 10,000 messages rendered at once held all their texts, and their
 * JSON, in memory together (issue #8's RSS). For a tutor's send and an automatic rule alike.
 */
export async function queueInPages(
  tx: Tx,
  config: Config,
  where: SQL,
  template: { id: string; name: string; subject: string; body: string },
  timeZone: string,
  meta: { batchId: string; sentBy: string | null; kind: "email" | "automatic"; ruleId?: string },
): Promise<{ recipients: number; queued: number }> {
  let recipients = 0;
  let queued = 0;
  for (let after: q.RecipientRow | undefined; ; ) {
    const page = await q.recipients(tx, where, RECIPIENTS_PER_STATEMENT, 0, after);
    recipients += page.length;
    const rows = page.map((r) => {
      const filled = recipientValues(config, r, timeZone);
      return {
        enrollmentId: r.enrollmentId,
        email: r.email,
        name: `${r.firstName} ${r.lastName}`,
        subject: renderTemplate(template.subject, filled),
        body: renderTemplate(template.body, filled),
        key: `${meta.batchId}:${r.userId}`,
      };
    });
    queued += await q.queueReminders(tx, rows, { ...meta, templateId: template.id, templateName: template.name });
    if (page.length < RECIPIENTS_PER_STATEMENT) return { recipients, queued };
    after = page.at(-1);
  }
}

/** How far a reminder batch has gone. */
export async function batch(
  db: Db,
  config: Config,
  user: CurrentUser,
  courseId: string,
  batchId: string,
): Promise<ReminderBatch> {
  const scope = await courseScope(db, user, courseId);
  const progress = await q.batchProgress(db, batchId, learnersInScope(scope));
  if (progress.total === 0) throw notFound("Batch");
  return { batchId, ...progress, smtpConfigured: Boolean(config.smtpUrl) };
}
