import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { courses, lessons } from "./catalog.js";
import { certificateKindEnum, outboxStatusEnum, reminderKindEnum, reminderRuleKindEnum } from "./enums.js";
import { users } from "./people.js";
import { enrollments } from "./tracking.js";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Mail templates (A1). owner_id null: shared, managed by admins; otherwise a tutor's own. */
export const mailTemplates = pgTable("mail_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Durable outbox: a message is written in the transaction that decides to send it. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    toEmail: text("to_email").notNull(),
    toName: text("to_name").notNull().default(""),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** [{ fileName, contentType, storagePath | content (base64) }] */
    attachments: jsonb("attachments").notNull().default(sql`'[]'::jsonb`),
    status: outboxStatusEnum("status").notNull().default("pending"),
    tries: smallint("tries").notNull().default(0),
    lastError: text("last_error"),
    idempotencyKey: text("idempotency_key").unique(),
    /** Messages sent together (a reminder to a selection), to follow their delivery. */
    batchId: text("batch_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    nextTryAt: timestamp("next_try_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_status_next_idx").on(t.status, t.nextTryAt), index("outbox_batch_idx").on(t.batchId)],
);

/** Automatic reminder rules of a course (B2). */
export const reminderRules = pgTable("reminder_rules", {
  id: uuid("id").primaryKey().defaultRandom(),
  courseId: uuid("course_id")
    .notNull()
    .references(() => courses.id, { onDelete: "cascade" }),
  kind: reminderRuleKindEnum("kind").notNull(),
  days: integer("days").notNull(),
  progressBelow: smallint("progress_below"),
  templateId: uuid("template_id")
    .notNull()
    .references(() => mailTemplates.id),
  paused: boolean("paused").notNull().default(false),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Reminders sent to a learner in a course (R5), manual (`Email`) or by a rule (`Automatique`). */
export const reminders = pgTable(
  "reminders",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    kind: reminderKindEnum("kind").notNull(),
    templateId: uuid("template_id").references(() => mailTemplates.id, { onDelete: "set null" }),
    /** The template's name when sent, so the history survives template edits. */
    templateName: text("template_name").notNull(),
    ruleId: uuid("rule_id").references(() => reminderRules.id, { onDelete: "set null" }),
    outboxId: bigint("outbox_id", { mode: "number" }).references(() => outbox.id),
    sentBy: uuid("sent_by").references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reminders_enrollment_idx").on(t.enrollmentId, t.sentAt),
    index("reminders_rule_idx").on(t.ruleId, t.enrollmentId),
  ],
);

/** Virtual class sessions (A2). `uid` and `sequence` make iCalendar updates and cancels. */
export const virtualClasses = pgTable(
  "virtual_classes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_min").notNull(),
    timeZone: text("time_zone").notNull().default("Europe/Paris"),
    joinUrl: text("join_url").notNull(),
    description: text("description").notNull().default(""),
    uid: text("uid").notNull().unique(),
    sequence: integer("sequence").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("virtual_classes_course_idx").on(t.courseId, t.startsAt),
    index("virtual_classes_lesson_idx").on(t.lessonId),
  ],
);

export const virtualClassInvitations = pgTable(
  "virtual_class_invitations",
  {
    classId: uuid("class_id")
      .notNull()
      .references(() => virtualClasses.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    outboxId: bigint("outbox_id", { mode: "number" }).references(() => outbox.id),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] })],
);

/** Attendance recorded after a class; present learners get the minutes on the webinar lesson. */
export const virtualClassAttendance = pgTable(
  "virtual_class_attendance",
  {
    classId: uuid("class_id")
      .notNull()
      .references(() => virtualClasses.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    present: boolean("present").notNull(),
    minutes: integer("minutes").notNull().default(0),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index("virtual_class_attendance_user_idx").on(t.userId)],
);

/** Issued certificates (A3), verifiable by code. */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    kind: certificateKindEnum("kind").notNull(),
    code: text("code").notNull().unique(),
    /** Where a file store keeps the PDF; null when the PDF is in `pdf` (the default: every app instance reads it). */
    storagePath: text("storage_path"),
    pdf: bytea("pdf"),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid("issued_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [index("certificates_enrollment_idx").on(t.enrollmentId)],
);

/** Who changed what (B4). Written in the same transaction as the change; never updated. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    courseId: uuid("course_id"),
    learnerId: uuid("learner_id"),
    lessonId: uuid("lesson_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_learner_idx").on(t.learnerId, t.courseId, t.at), index("audit_log_at_idx").on(t.at)],
);

/** A bulk action running in the background (certificates for a selection...), with its progress. */
export const bulkJobs = pgTable(
  "bulk_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id),
    params: jsonb("params").notNull().default(sql`'{}'::jsonb`),
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    status: text("status").notNull().default("queued"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("bulk_jobs_course_idx").on(t.courseId, t.createdAt)],
);
