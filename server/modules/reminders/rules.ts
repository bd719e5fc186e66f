import crypto from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { ReminderRule, ReminderRuleInput } from "../../../common/api/reminders.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { courseScope, learnersInScope } from "../access/policy.js";
import { writeAudit } from "../audit/audit.js";
import { findUserById } from "../auth/queries.js";
import { presentUser } from "../auth/service.js";
import * as q from "./queries.js";
import { queueInPages, usableTemplate } from "./service.js";

type RuleRow = {
  id: string;
  courseId: string;
  kind: "before_objective" | "inactive" | "not_started";
  days: number;
  progressBelow: number | null;
  templateId: string;
  templateName: string;
  paused: boolean;
  createdBy: string | null;
  createdAt: string;
  sent: number;
};

const ruleSelect = sql`
  select r.id, r.course_id as "courseId", r.kind, r.days, r.progress_below as "progressBelow", r.template_id as "templateId",
    t.name as "templateName", r.paused, r.created_by as "createdBy", r.created_at as "createdAt",
    (select count(*) from reminders x where x.rule_id = r.id)::int as sent
  from reminder_rules r join mail_templates t on t.id = r.template_id`;

const present = (r: RuleRow): ReminderRule => ({
  id: r.id,
  kind: r.kind,
  days: r.days,
  progressBelow: r.progressBelow,
  template: { id: r.templateId, name: r.templateName },
  paused: r.paused,
  createdAt: new Date(r.createdAt).toISOString(),
  sent: r.sent,
});

export async function listRules(db: Db, user: CurrentUser, courseId: string) {
  await courseScope(db, user, courseId);
  const rows = await db.execute<RuleRow>(sql`${ruleSelect} where r.course_id = ${courseId} order by r.created_at`);
  return { items: rows.rows.map(present) };
}

async function findRule(tx: Db | Tx, courseId: string, ruleId: string) {
  const rows = await tx.execute<RuleRow>(sql`${ruleSelect} where r.id = ${ruleId} and r.course_id = ${courseId}`);
  const row = rows.rows[0];
  if (!row) throw notFound("Rule");
  return row;
}

export async function createRule(db: Db, user: CurrentUser, courseId: string, input: ReminderRuleInput) {
  await courseScope(db, user, courseId);
  await usableTemplate(db, user, input.templateId);
  const created = await db.execute<{ id: string }>(sql`
    insert into reminder_rules (course_id, kind, days, progress_below, template_id, paused, created_by)
    values (${courseId}, ${input.kind}, ${input.days}, ${input.progressBelow}, ${input.templateId}, ${input.paused}, ${user.id})
    returning id`);
  return present(await findRule(db, courseId, created.rows[0]?.id ?? ""));
}

export async function updateRule(
  db: Db,
  user: CurrentUser,
  courseId: string,
  ruleId: string,
  input: ReminderRuleInput,
) {
  await courseScope(db, user, courseId);
  await findRule(db, courseId, ruleId);
  await usableTemplate(db, user, input.templateId);
  await db.execute(sql`
    update reminder_rules set kind = ${input.kind}, days = ${input.days}, progress_below = ${input.progressBelow},
      template_id = ${input.templateId}, paused = ${input.paused}
    where id = ${ruleId}`);
  return present(await findRule(db, courseId, ruleId));
}

export async function deleteRule(db: Db, user: CurrentUser, courseId: string, ruleId: string) {
  await courseScope(db, user, courseId);
  await findRule(db, courseId, ruleId);
  await db.execute(sql`delete from reminder_rules where id = ${ruleId}`);
}

/** The enrollments a rule targets today (condition on `enrollments e`), not reminded by it within its period. */
function ruleTargets(rule: RuleRow): SQL {
  const days = sql`make_interval(days => ${rule.days})`;
  const kind =
    rule.kind === "before_objective"
      ? sql`e.status <> 'completed' and e.objective_at > now() and e.objective_at <= now() + ${days}
          and e.progress_pct < ${rule.progressBelow ?? 101}`
      : rule.kind === "inactive"
        ? sql`e.status <> 'completed' and coalesce(e.last_activity_at, e.start_at, e.enrolled_at) <= now() - ${days}`
        : sql`e.status = 'not_started' and e.enrolled_at <= now() - ${days}`;
  return sql`${kind} and not exists (
    select 1 from reminders r where r.rule_id = ${rule.id} and r.enrollment_id = e.id and r.sent_at > now() - ${days})`;
}

/**
 * Evaluates active rules (all, or one course's) and queues their reminders, recorded as
 * `Automatique`. Each rule reaches the learners its author follows, once per period.
 */
export async function runRules(db: Db, config: Config, courseId?: string): Promise<number> {
  const rules = await db.execute<RuleRow>(sql`${ruleSelect}
    where not r.paused ${courseId ? sql`and r.course_id = ${courseId}` : sql``}`);
  let total = 0;
  for (const rule of rules.rows) {
    const author = rule.createdBy ? await findUserById(db, rule.createdBy) : undefined;
    if (!author?.active) continue;
    const user = presentUser(author);
    total += await db.transaction(async (tx) => {
      // One evaluation of a rule at a time (several instances, a manual run during the daily job):
      // the next one then sees the reminders this one recorded.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reminder-rule:${rule.id}`}))`);
      const scope = await courseScope(tx, user, rule.courseId).catch(() => null);
      if (!scope) return 0;
      const template = await q.findTemplate(tx, rule.templateId);
      if (!template) return 0;
      const { queued } = await queueInPages(
        tx,
        config,
        sql`${learnersInScope(scope)} and ${ruleTargets(rule)}`,
        template,
        user.timeZone,
        { batchId: `rule:${rule.id}:${crypto.randomUUID()}`, sentBy: null, kind: "automatic", ruleId: rule.id },
      );
      if (queued > 0) {
        await writeAudit(tx, {
          actorId: null,
          action: "reminder.rule",
          entityType: "reminder_rule",
          entityId: rule.id,
          courseId: rule.courseId,
          after: { recipients: queued },
        });
      }
      return queued;
    });
  }
  return total;
}
