import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

export type TemplateRow = {
  id: string;
  ownerId: string | null;
  name: string;
  subject: string;
  body: string;
  updatedAt: string;
};

const templateColumns = sql`id, owner_id as "ownerId", name, subject, body, updated_at as "updatedAt"`;

/** Shared templates and the user's own (all for admins). */
export async function listTemplates(tx: Tx, userId: string, all: boolean) {
  const result = await tx.execute<TemplateRow>(sql`
    select ${templateColumns} from mail_templates
    where ${all ? sql`true` : sql`owner_id is null or owner_id = ${userId}`}
    order by owner_id nulls first, name`);
  return result.rows;
}

export async function findTemplate(tx: Tx, id: string) {
  const result = await tx.execute<TemplateRow>(sql`select ${templateColumns} from mail_templates where id = ${id}`);
  return result.rows[0];
}

export async function insertTemplate(
  tx: Tx,
  ownerId: string | null,
  v: { name: string; subject: string; body: string },
) {
  const result = await tx.execute<TemplateRow>(sql`
    insert into mail_templates (owner_id, name, subject, body) values (${ownerId}, ${v.name}, ${v.subject}, ${v.body})
    returning ${templateColumns}`);
  return result.rows[0] as TemplateRow;
}

export async function updateTemplate(
  tx: Tx,
  id: string,
  ownerId: string | null,
  v: { name: string; subject: string; body: string },
) {
  const result = await tx.execute<TemplateRow>(sql`
    update mail_templates set name = ${v.name}, subject = ${v.subject}, body = ${v.body}, owner_id = ${ownerId}, updated_at = now()
    where id = ${id} returning ${templateColumns}`);
  return result.rows[0] as TemplateRow;
}

export async function deleteTemplate(tx: Tx, id: string) {
  await tx.execute(sql`delete from mail_templates where id = ${id}`);
}

export type RecipientRow = {
  enrollmentId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  courseName: string;
  progressPct: number;
  timeSpentSeconds: number;
  objectiveAt: string | null;
  /** The row's place in the name order, to read the next page after it. */
  sortName: string;
};

/**
 * The learners a selection designates (condition on `enrollments e`), by name, with what templates
 * need; `after`: the page following that row (keyset, so rows added or removed meanwhile shift nothing).
 */
export async function recipients(
  tx: Tx,
  where: SQL,
  limit = 1_000_000,
  offset = 0,
  after?: { sortName: string; enrollmentId: string },
) {
  const next = after ? sql`and (e.learner_sort_name, e.id) > (${after.sortName}, ${after.enrollmentId})` : sql``;
  const result = await tx.execute<RecipientRow>(sql`
    select e.id as "enrollmentId", u.id as "userId", u.email, u.first_name as "firstName", u.last_name as "lastName",
      o.name as organisation, c.name as "courseName", e.progress_pct as "progressPct", e.time_spent_s as "timeSpentSeconds",
      e.objective_at as "objectiveAt", e.learner_sort_name as "sortName"
    from enrollments e join users u on u.id = e.user_id join courses c on c.id = e.course_id
    left join organisations o on o.id = u.organisation_id
    where ${where} and u.active ${next}
    order by e.learner_sort_name, e.id
    limit ${limit} offset ${offset}`);
  return result.rows;
}

export async function countRecipients(tx: Tx, where: SQL) {
  const result = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from enrollments e join users u on u.id = e.user_id where ${where} and u.active`);
  return result.rows[0]?.n ?? 0;
}

/**
 * Queues one message per recipient and records the reminders, in one statement per table;
 * recipients who already have a message with the same idempotency key get nothing more.
 */
export async function queueReminders(
  tx: Tx,
  rows: { enrollmentId: string; email: string; name: string; subject: string; body: string; key: string }[],
  meta: {
    batchId: string;
    templateId: string;
    templateName: string;
    sentBy: string | null;
    kind: "email" | "automatic";
    ruleId?: string | null;
  },
) {
  if (rows.length === 0) return 0;
  const result = await tx.execute<{ n: number }>(sql`
    with input as (
      -- One JSON parameter however many recipients (no parameter-count limit).
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as t("enrollmentId" uuid, email text, name text, subject text, body text, key text)
    ),
    queued as (
      insert into outbox (to_email, to_name, subject, text_body, idempotency_key, batch_id)
      select email, name, subject, body, key, ${meta.batchId} from input
      on conflict (idempotency_key) do nothing
      returning id, idempotency_key
    ),
    recorded as (
      insert into reminders (enrollment_id, kind, template_id, template_name, rule_id, outbox_id, sent_by)
      select input."enrollmentId", ${meta.kind}, ${meta.templateId}, ${meta.templateName}, ${meta.ruleId ?? null}, queued.id, ${meta.sentBy}
      from queued join input on input.key = queued.idempotency_key
      returning id
    )
    select count(*)::int as n from recorded`);
  return result.rows[0]?.n ?? 0;
}

export async function batchProgress(tx: Tx, batchId: string, courseScope: SQL) {
  const result = await tx.execute<{ total: number; queued: number; sent: number; failed: number }>(sql`
    select count(*)::int as total,
      (count(*) filter (where o.status in ('pending', 'sending', 'held')))::int as queued,
      (count(*) filter (where o.status = 'sent'))::int as sent,
      (count(*) filter (where o.status = 'failed'))::int as failed
    from outbox o
    join reminders r on r.outbox_id = o.id
    join enrollments e on e.id = r.enrollment_id
    where o.batch_id = ${batchId} and ${courseScope}`);
  return result.rows[0] ?? { total: 0, queued: 0, sent: 0, failed: 0 };
}
