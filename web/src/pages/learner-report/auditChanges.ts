import type { AuditEntry } from "../../../../common/api/statistics.js";
import { type LessonStatus, lessonStatusSchema } from "../../../../common/enums.js";

/** A value of an audit entry, typed so it can be shown as the report shows it (94%, 00:04:14, Réussi). */
export type ChangeValue =
  | { kind: "status"; value: LessonStatus }
  | { kind: "percent"; value: number | null }
  | { kind: "duration"; value: number }
  | { kind: "date"; value: string | null }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  /** The value follows the learner's activity again (an undo removed the tutor's value). */
  | { kind: "computed" }
  | { kind: "deleted" };

/** Fields of learner data that audit entries talk about; their labels are `audit.fields.<field>`. */
export const knownFields = [
  "status",
  "statusAt",
  "score",
  "timeSpentSeconds",
  "attemptsCount",
  "location",
  "suspendData",
  "feedback",
  "attempt",
  "attemptDate",
  "sessions",
  "kind",
  "code",
  "revoked",
  "title",
  "startsAt",
  "durationMinutes",
  "invitees",
  "entries",
  "template",
  "recipients",
  "courses",
] as const;
export type KnownField = (typeof knownFields)[number];

/** One line of an entry: a field, its value before and after (either may be absent). */
export interface AuditChange {
  field: KnownField | string;
  before?: ChangeValue;
  after?: ChangeValue;
}

/** Actions the app writes; their labels are `audit.actions.<action with _>`. */
export const knownActions = [
  "lesson_stats.edit",
  "lesson_stats.undo",
  "attempt.delete",
  "mission.correct",
  "observation.record",
  "certificate.issue",
  "certificate.revoke",
  "class.schedule",
  "class.reschedule",
  "class.cancel",
  "class.attendance",
  "reminder.send",
  "reminder.rule",
  "scorm.upload",
  "quiz.settings",
  "quiz.question.create",
  "quiz.question.update",
  "quiz.question.delete",
  "quiz.question.move",
  "demo.loaded",
  "api_token.create",
  "api_token.revoke",
  "category.create",
  "category.update",
  "category.delete",
  "competency.create",
  "competency.update",
  "competency.delete",
  "competency_framework.create",
  "competency_framework.update",
  "competency_framework.delete",
  "course.create",
  "course.update",
  "course.thumbnail",
  "enrollment.create",
  "enrollment.update",
  "enrollment.delete",
  "enrollment.self",
  "folder.create",
  "folder.update",
  "folder.delete",
  "lesson.create",
  "lesson.update",
  "lesson.delete",
  "lesson.reorder",
  "lesson.document",
  "list.create",
  "list.rename",
  "list.delete",
  "list.add_members",
  "list.remove_member",
  "tutor_assignment.create",
  "tutor_assignment.update",
  "tutor_assignment.delete",
  "user.create",
  "user.update",
  "user.deactivate",
  "import.users",
  "import.list-members",
  "import.enrollments",
  "import.tutor-assignments",
] as const;

type KnownAction = (typeof knownActions)[number];
type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
/** An action's key under `audit.actions` (i18next keys can't hold dots). */
export type ActionKey = Underscored<KnownAction>;

/** The translation key of an action, or null for an action the app doesn't know. */
export function actionKey(action: string): ActionKey | null {
  return (knownActions as readonly string[]).includes(action) ? (action.replace(/\./g, "_") as ActionKey) : null;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function isStatus(value: unknown): value is LessonStatus {
  return lessonStatusSchema.safeParse(value).success;
}

const overrideFields: Record<string, KnownField> = {
  overrideStatus: "status",
  overrideStatusAt: "statusAt",
  overrideScore: "score",
  overrideTimeSeconds: "timeSpentSeconds",
  attemptsResetAfter: "attemptsCount",
};

/** A value of a known field, typed; undefined when the entry doesn't hold it. */
function typed(field: KnownField, value: unknown): ChangeValue | undefined {
  if (value === undefined) return undefined;
  switch (field) {
    case "status":
      return isStatus(value) ? { kind: "status", value } : undefined;
    case "score":
      return typeof value === "number" || value === null ? { kind: "percent", value } : undefined;
    case "statusAt":
    case "attemptDate":
    case "startsAt":
      return typeof value === "string" || value === null ? { kind: "date", value } : undefined;
    case "timeSpentSeconds":
      return typeof value === "number" ? { kind: "duration", value } : undefined;
    case "attemptsCount":
    case "attempt":
    case "sessions":
    case "durationMinutes":
    case "invitees":
    case "recipients":
    case "courses":
    case "entries":
      if (Array.isArray(value)) return { kind: "number", value: value.length };
      return typeof value === "number" ? { kind: "number", value } : undefined;
    case "revoked":
      return typeof value === "boolean" ? { kind: "boolean", value } : undefined;
    default:
      return typeof value === "string" ? { kind: "text", value } : undefined;
  }
}

function same(a: ChangeValue | undefined, b: ChangeValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const statsFields: KnownField[] = [
  "status",
  "statusAt",
  "score",
  "timeSpentSeconds",
  "attemptsCount",
  "location",
  "suspendData",
];

/** The fields a statistics edit changed, before and after. */
function statsChanges(before: Json, after: Json): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of statsFields) {
    const from = typed(field, before[field]);
    const to = typed(field, after[field]);
    if ((from || to) && !same(from, to)) changes.push({ field, before: from, after: to });
  }
  return changes;
}

/** What an undo restored: the undone edit read backwards when it is at hand, else the values it put back. */
function undoChanges(entry: AuditEntry, undone: AuditEntry | undefined): AuditChange[] {
  if (undone) {
    return statsChanges(asObject(undone.before), asObject(undone.after)).map((change) => ({
      field: change.field,
      before: change.after,
      after: change.before,
    }));
  }
  const before = asObject(entry.before);
  const beforeOverrides = asObject(before.overrides);
  const restored = asObject(asObject(entry.after).overrides);
  const changes: AuditChange[] = [];
  for (const [key, field] of Object.entries(overrideFields)) {
    if (JSON.stringify(beforeOverrides[key] ?? null) === JSON.stringify(restored[key] ?? null)) continue;
    if (field === "attemptsCount") {
      changes.push({ field, before: typed(field, before[field]), after: { kind: "computed" } });
      continue;
    }
    const value = restored[key];
    changes.push({
      field,
      before: typed(field, before[field]),
      after: value === null || value === undefined ? { kind: "computed" } : typed(field, value),
    });
  }
  return changes;
}

function primitive(value: unknown): ChangeValue | undefined {
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return { kind: "text", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  return undefined;
}

/** For an action the app doesn't know yet: its plain values, side by side. */
function genericChanges(before: Json, after: Json): AuditChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const field = (knownFields as readonly string[]).includes(key) ? (key as KnownField) : null;
    const from = field ? (typed(field, before[key]) ?? primitive(before[key])) : primitive(before[key]);
    const to = field ? (typed(field, after[key]) ?? primitive(after[key])) : primitive(after[key]);
    if ((from || to) && !same(from, to)) changes.push({ field: key, before: from, after: to });
  }
  return changes;
}

/** The id of the edit an undo entry undid, if it is one. */
export function undoneEntryId(entry: AuditEntry): number | null {
  if (entry.action !== "lesson_stats.undo") return null;
  const id = asObject(entry.after).undoOf;
  return typeof id === "number" ? id : null;
}

/**
 * The readable lines of an audit entry: only the fields that changed, typed. `others` are the entries shown beside
 * it, so an undo can say what it restored.
 */
export function describeChanges(entry: AuditEntry, others: readonly AuditEntry[] = []): AuditChange[] {
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  switch (entry.action) {
    case "lesson_stats.edit":
      return statsChanges(before, after);
    case "lesson_stats.undo": {
      const id = undoneEntryId(entry);
      return undoChanges(
        entry,
        others.find((other) => other.id === id),
      );
    }
    case "attempt.delete": {
      const attempt = asObject(before.attempt);
      const sessions = Array.isArray(before.sessions) ? before.sessions : [];
      const deleted: ChangeValue = { kind: "deleted" };
      const lines: AuditChange[] = [];
      const number = typed("attempt", attempt.number);
      if (number) lines.push({ field: "attempt", before: number, after: deleted });
      const date = typed("attemptDate", attempt.endedAt ?? attempt.startedAt);
      if (date) lines.push({ field: "attemptDate", before: date });
      const status = typed("status", attempt.status);
      if (status) lines.push({ field: "status", before: status });
      if (typeof attempt.score === "number")
        lines.push({ field: "score", before: { kind: "percent", value: attempt.score } });
      const time = typed("timeSpentSeconds", attempt.timeSpentSeconds);
      if (time) lines.push({ field: "timeSpentSeconds", before: time });
      lines.push({ field: "sessions", before: { kind: "number", value: sessions.length } });
      return lines;
    }
    case "mission.correct": {
      const lines: AuditChange[] = [];
      const from = typed("status", before.status);
      const to = typed("status", after.verdict);
      if (from || to) lines.push({ field: "status", before: from, after: to });
      const scoreFrom = typed("score", before.score);
      const scoreTo = typed("score", after.score);
      if ((scoreFrom || scoreTo) && !same(scoreFrom, scoreTo)) {
        lines.push({ field: "score", before: scoreFrom, after: scoreTo });
      }
      if (typeof after.feedback === "string" && after.feedback) {
        lines.push({ field: "feedback", after: { kind: "text", value: after.feedback } });
      }
      return lines;
    }
    case "observation.record": {
      const lines: AuditChange[] = [];
      if (typeof after.passed === "boolean") {
        lines.push({ field: "status", after: { kind: "status", value: after.passed ? "passed" : "failed" } });
      }
      const score = typed("score", after.score);
      if (score) lines.push({ field: "score", after: score });
      const attempt = typed("attempt", after.attempt);
      if (attempt) lines.push({ field: "attempt", after: attempt });
      return lines;
    }
    default:
      return genericChanges(before, after);
  }
}
