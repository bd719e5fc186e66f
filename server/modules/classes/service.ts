import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { ClassCreate, ClassDetail, ClassFields, VirtualClass } from "../../../common/api/classes.js";
import { formatDateTime } from "../../../common/format.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { calendarInvite } from "../../documents/ics.js";
import { AppError, badRequest, notFound } from "../../errors.js";
import type { Jobs } from "../../plugins/jobs.js";
import { courseScope, learnersInScope } from "../access/policy.js";
import { writeAudit } from "../audit/audit.js";
import { enqueueMail } from "../mail/outbox.js";
import { recomputeEnrollments } from "../tracking/summaries.js";
import { actionSelection } from "../tutoring/service.js";
import * as q from "./queries.js";

const iso = (value: string | Date) => new Date(value).toISOString();

function present(row: q.ClassRow): VirtualClass {
  return {
    id: row.id,
    title: row.title,
    startsAt: iso(row.startsAt),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    joinUrl: row.joinUrl,
    description: row.description,
    lesson: row.lessonId ? { id: row.lessonId, title: row.lessonTitle ?? "" } : null,
    cancelled: row.cancelledAt !== null,
    invitees: row.invitees,
    present: row.present,
    attendanceRecorded: row.recorded > 0,
  };
}

type Purpose = "invite" | "update" | "cancel";

/** One invitation, update or cancellation per invitee, each with its .ics (same UID, growing SEQUENCE). */
async function mailInvitees(
  tx: Tx,
  config: Config,
  user: CurrentUser,
  row: q.ClassRow,
  invitees: q.InviteeRow[],
  purpose: Purpose,
) {
  const when = `${formatDateTime(row.startsAt, row.timeZone)} (${row.timeZone})`;
  const subject = {
    invite: `Invitation : ${row.title} — ${when}`,
    update: `Modifié : ${row.title} — ${when}`,
    cancel: `Annulé : ${row.title} — ${when}`,
  }[purpose];
  for (const invitee of invitees) {
    const ics = calendarInvite({
      uid: row.uid,
      sequence: row.sequence,
      method: purpose === "cancel" ? "CANCEL" : "REQUEST",
      start: new Date(row.startsAt),
      durationMinutes: row.durationMinutes,
      title: row.title,
      description: row.description,
      url: row.joinUrl,
      organizer: { name: `${user.firstName} ${user.lastName}`, email: user.email },
      attendee: { name: `${invitee.firstName} ${invitee.lastName}`, email: invitee.email },
    });
    const text = [
      `Bonjour ${invitee.firstName},`,
      "",
      purpose === "cancel"
        ? `La classe virtuelle « ${row.title} » prévue le ${when} est annulée.`
        : `${purpose === "update" ? "La classe virtuelle a changé" : "Vous êtes invité(e) à une classe virtuelle"} : « ${row.title} », le ${when}, durée ${row.durationMinutes} min.`,
      ...(purpose === "cancel" ? [] : ["", `Rejoindre la classe : ${row.joinUrl}`]),
      ...(row.description && purpose !== "cancel" ? ["", row.description] : []),
      "",
      "L'invitation est jointe au format calendrier (.ics).",
      `Votre espace de formation : ${config.publicUrl}/mes-formations`,
    ].join("\n");
    await enqueueMail(tx, {
      toEmail: invitee.email,
      toName: `${invitee.firstName} ${invitee.lastName}`,
      subject,
      text,
      idempotencyKey: `class:${row.id}:${row.sequence}:${invitee.userId}`,
      attachments: [
        {
          fileName: "invitation.ics",
          contentType: `text/calendar; charset=utf-8; method=${purpose === "cancel" ? "CANCEL" : "REQUEST"}`,
          content: Buffer.from(ics).toString("base64"),
        },
      ],
    });
  }
}

/** Schedules a virtual class and invites the selection (A2). */
export async function create(
  db: Db,
  config: Config,
  jobs: Jobs,
  user: CurrentUser,
  courseId: string,
  input: ClassCreate,
) {
  const result = await db.transaction(async (tx) => {
    const where = await actionSelection(tx, user, courseId, input.selection);
    const lessonId = await q.webinarLesson(tx, courseId, input.lessonId);
    if (input.lessonId && !lessonId)
      throw badRequest("body.lessonId", "not_webinar", "This lesson is not a webinar of the course");
    const id = await q.insertClass(tx, {
      courseId,
      lessonId,
      title: input.title,
      startsAt: iso(input.startsAt),
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      joinUrl: input.joinUrl,
      description: input.description,
      uid: `${crypto.randomUUID()}@tutora`,
      createdBy: user.id,
    });
    const invited = await q.invite(tx, id, where);
    if (invited.length === 0) throw badRequest("body.selection", "empty", "The selection holds no learner");
    const row = await q.findClass(tx, courseId, id);
    if (!row) throw notFound("Class");
    await mailInvitees(tx, config, user, row, invited, "invite");
    await writeAudit(tx, {
      actorId: user.id,
      action: "class.schedule",
      entityType: "virtual_class",
      entityId: id,
      courseId,
      after: { title: row.title, startsAt: iso(row.startsAt), invitees: invited.length },
    });
    return present(row);
  });
  await jobs.kickMail();
  return result;
}

export async function list(db: Db, user: CurrentUser, courseId: string, when: "upcoming" | "past" | "all") {
  await courseScope(db, user, courseId);
  return { items: (await q.listClasses(db, courseId, when)).map(present) };
}

export async function detail(db: Db, user: CurrentUser, courseId: string, classId: string): Promise<ClassDetail> {
  const scope = await courseScope(db, user, courseId);
  const row = await q.findClass(db, courseId, classId);
  if (!row) throw notFound("Class");
  const people = await q.invitees(db, classId, learnersInScope(scope));
  return {
    ...present(row),
    attendees: people.map((p) => ({
      learnerId: p.userId,
      firstName: p.firstName,
      lastName: p.lastName,
      present: p.present,
      minutes: p.minutes,
    })),
  };
}

/** Reschedules: every invitee gets an update with the same UID and the next SEQUENCE. */
export async function reschedule(
  db: Db,
  config: Config,
  jobs: Jobs,
  user: CurrentUser,
  courseId: string,
  classId: string,
  input: ClassFields,
) {
  const result = await db.transaction(async (tx) => {
    await courseScope(tx, user, courseId);
    const before = await q.findClass(tx, courseId, classId);
    if (!before) throw notFound("Class");
    if (before.cancelledAt) throw new AppError(409, "cancelled", "This class is cancelled");
    await q.updateClass(tx, classId, { ...input, startsAt: iso(input.startsAt) });
    await recomputeAttendees(tx, courseId, classId);
    const row = await q.findClass(tx, courseId, classId);
    if (!row) throw notFound("Class");
    await mailInvitees(tx, config, user, row, await q.invitees(tx, classId, sql`true`), "update");
    await writeAudit(tx, {
      actorId: user.id,
      action: "class.reschedule",
      entityType: "virtual_class",
      entityId: classId,
      courseId,
      before: { title: before.title, startsAt: iso(before.startsAt), durationMinutes: before.durationMinutes },
      after: { title: row.title, startsAt: iso(row.startsAt), durationMinutes: row.durationMinutes },
    });
    return present(row);
  });
  await jobs.kickMail();
  return result;
}

export async function cancel(db: Db, config: Config, jobs: Jobs, user: CurrentUser, courseId: string, classId: string) {
  const result = await db.transaction(async (tx) => {
    await courseScope(tx, user, courseId);
    const before = await q.findClass(tx, courseId, classId);
    if (!before) throw notFound("Class");
    if (before.cancelledAt) throw new AppError(409, "cancelled", "This class is already cancelled");
    await q.cancelClass(tx, classId);
    await recomputeAttendees(tx, courseId, classId);
    const row = await q.findClass(tx, courseId, classId);
    if (!row) throw notFound("Class");
    await mailInvitees(tx, config, user, row, await q.invitees(tx, classId, sql`true`), "cancel");
    await writeAudit(tx, {
      actorId: user.id,
      action: "class.cancel",
      entityType: "virtual_class",
      entityId: classId,
      courseId,
    });
    return present(row);
  });
  await jobs.kickMail();
  return result;
}

/**
 * The statistics of the learners whose attendance was recorded, after the class moved or was
 * cancelled: its times date their webinar lesson, and a cancelled class no longer counts.
 */
function recomputeAttendees(tx: Tx, courseId: string, classId: string) {
  return recomputeEnrollments(
    tx,
    sql`e.course_id = ${courseId} and e.user_id in (select va.user_id from virtual_class_attendance va where va.class_id = ${classId})`,
  );
}

/**
 * Records attendance after the class; present learners get the attended minutes on the course's
 * webinar lesson (status, time), through the same computation as any activity.
 */
export async function attendance(
  db: Db,
  user: CurrentUser,
  courseId: string,
  classId: string,
  entries: { learnerId: string; present: boolean; minutes: number }[],
): Promise<ClassDetail> {
  await db.transaction(async (tx) => {
    const scope = await courseScope(tx, user, courseId);
    const row = await q.findClass(tx, courseId, classId);
    if (!row) throw notFound("Class");
    if (row.cancelledAt) throw new AppError(409, "cancelled", "This class was cancelled");
    if (new Date(row.startsAt).getTime() > Date.now()) {
      throw badRequest("body.entries", "not_started", "Attendance is recorded once the class has started");
    }
    const invited = new Map((await q.invitees(tx, classId, learnersInScope(scope))).map((p) => [p.userId, p]));
    for (const [i, entry] of entries.entries()) {
      if (!invited.has(entry.learnerId)) throw notFound("Learner");
      if (entry.minutes > row.durationMinutes) {
        throw badRequest(`body.entries.${i}.minutes`, "too_big", `At most the class's ${row.durationMinutes} minutes`);
      }
    }
    await q.recordAttendance(tx, classId, user.id, entries);
    const enrollmentIds = entries.map((e) => invited.get(e.learnerId)?.enrollmentId ?? "");
    await recomputeEnrollments(
      tx,
      sql`e.id in (select jsonb_array_elements_text(${JSON.stringify(enrollmentIds)}::jsonb)::uuid)`,
    );
    await writeAudit(tx, {
      actorId: user.id,
      action: "class.attendance",
      entityType: "virtual_class",
      entityId: classId,
      courseId,
      after: { entries },
    });
  });
  return detail(db, user, courseId, classId);
}
