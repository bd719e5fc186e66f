import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  courseId?: string | null;
  learnerId?: string | null;
  lessonId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes an audit entry in the caller's transaction, so the change and its trace commit together (B4). */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<number> {
  const result = await tx.execute<{ id: number }>(sql`
    insert into audit_log (actor_id, action, entity_type, entity_id, course_id, learner_id, lesson_id, before, after, reason)
    values (${entry.actorId}, ${entry.action}, ${entry.entityType}, ${entry.entityId}, ${entry.courseId ?? null},
      ${entry.learnerId ?? null}, ${entry.lessonId ?? null},
      ${entry.before === undefined ? null : JSON.stringify(entry.before)}::jsonb,
      ${entry.after === undefined ? null : JSON.stringify(entry.after)}::jsonb, ${entry.reason ?? null})
    returning id`);
  return result.rows[0]?.id ?? 0;
}
