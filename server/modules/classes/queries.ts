import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

export type ClassRow = {
  id: string;
  courseId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  joinUrl: string;
  description: string;
  uid: string;
  sequence: number;
  cancelledAt: string | null;
  lessonId: string | null;
  lessonTitle: string | null;
  invitees: number;
  present: number;
  recorded: number;
};

const classSelect = sql`
  select vc.id, vc.course_id as "courseId", vc.title, vc.starts_at as "startsAt", vc.duration_min as "durationMinutes",
    vc.time_zone as "timeZone", vc.join_url as "joinUrl", vc.description, vc.uid, vc.sequence, vc.cancelled_at as "cancelledAt",
    l.id as "lessonId", l.title as "lessonTitle",
    (select count(*) from virtual_class_invitations i where i.class_id = vc.id)::int as invitees,
    (select count(*) from virtual_class_attendance a where a.class_id = vc.id and a.present)::int as present,
    (select count(*) from virtual_class_attendance a where a.class_id = vc.id)::int as recorded
  from virtual_classes vc left join lessons l on l.id = vc.lesson_id`;

export async function listClasses(tx: Tx, courseId: string, when: "upcoming" | "past" | "all") {
  const condition =
    when === "upcoming"
      ? sql`vc.starts_at + make_interval(mins => vc.duration_min) >= now()`
      : when === "past"
        ? sql`vc.starts_at + make_interval(mins => vc.duration_min) < now()`
        : sql`true`;
  const result = await tx.execute<ClassRow>(sql`${classSelect}
    where vc.course_id = ${courseId} and ${condition}
    order by vc.starts_at ${when === "past" ? sql`desc` : sql`asc`}`);
  return result.rows;
}

export async function findClass(tx: Tx, courseId: string, classId: string) {
  const result = await tx.execute<ClassRow>(
    sql`${classSelect} where vc.id = ${classId} and vc.course_id = ${courseId}`,
  );
  return result.rows[0];
}

export async function webinarLesson(tx: Tx, courseId: string, lessonId?: string) {
  const result = await tx.execute<{ id: string }>(sql`
    select id from lessons where course_id = ${courseId} and type = 'webinar'
      ${lessonId ? sql`and id = ${lessonId}` : sql``}
    order by position limit 1`);
  return result.rows[0]?.id ?? null;
}

export async function insertClass(
  tx: Tx,
  v: {
    courseId: string;
    lessonId: string | null;
    title: string;
    startsAt: string;
    durationMinutes: number;
    timeZone: string;
    joinUrl: string;
    description: string;
    uid: string;
    createdBy: string;
  },
) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into virtual_classes (course_id, lesson_id, title, starts_at, duration_min, time_zone, join_url, description, uid, created_by)
    values (${v.courseId}, ${v.lessonId}, ${v.title}, ${v.startsAt}, ${v.durationMinutes}, ${v.timeZone}, ${v.joinUrl},
      ${v.description}, ${v.uid}, ${v.createdBy})
    returning id`);
  return result.rows[0]?.id ?? "";
}

export async function updateClass(
  tx: Tx,
  classId: string,
  v: {
    title: string;
    startsAt: string;
    durationMinutes: number;
    timeZone: string;
    joinUrl: string;
    description: string;
  },
) {
  await tx.execute(sql`
    update virtual_classes set title = ${v.title}, starts_at = ${v.startsAt}, duration_min = ${v.durationMinutes},
      time_zone = ${v.timeZone}, join_url = ${v.joinUrl}, description = ${v.description}, sequence = sequence + 1
    where id = ${classId}`);
}

export async function cancelClass(tx: Tx, classId: string) {
  await tx.execute(sql`update virtual_classes set cancelled_at = now(), sequence = sequence + 1 where id = ${classId}`);
}

export type InviteeRow = { userId: string; enrollmentId: string; email: string; firstName: string; lastName: string };

/** Invites the selected learners (condition on `enrollments e`) not invited yet; returns them. */
export async function invite(tx: Tx, classId: string, where: SQL) {
  const result = await tx.execute<InviteeRow>(sql`
    with added as (
      insert into virtual_class_invitations (class_id, user_id)
      select ${classId}, e.user_id from enrollments e join users u on u.id = e.user_id where ${where} and u.active
      on conflict do nothing
      returning user_id)
    select u.id as "userId", e.id as "enrollmentId", u.email, u.first_name as "firstName", u.last_name as "lastName"
    from added join users u on u.id = added.user_id
    join virtual_classes vc on vc.id = ${classId}
    join enrollments e on e.user_id = u.id and e.course_id = vc.course_id`);
  return result.rows;
}

/** Invitees, optionally limited to learners within `scope` (condition on `enrollments e`). */
export async function invitees(tx: Tx, classId: string, scope: SQL) {
  const result = await tx.execute<InviteeRow & { present: boolean | null; minutes: number | null }>(sql`
    select u.id as "userId", e.id as "enrollmentId", u.email, u.first_name as "firstName", u.last_name as "lastName",
      a.present, a.minutes
    from virtual_class_invitations i
    join virtual_classes vc on vc.id = i.class_id
    join users u on u.id = i.user_id
    join enrollments e on e.user_id = u.id and e.course_id = vc.course_id
    left join virtual_class_attendance a on a.class_id = i.class_id and a.user_id = i.user_id
    where i.class_id = ${classId} and ${scope}
    order by e.learner_sort_name`);
  return result.rows;
}

export async function recordAttendance(
  tx: Tx,
  classId: string,
  recordedBy: string,
  entries: { learnerId: string; present: boolean; minutes: number }[],
) {
  await tx.execute(sql`
    insert into virtual_class_attendance (class_id, user_id, present, minutes, recorded_by, recorded_at)
    select ${classId}, t."learnerId", t.present, case when t.present then t.minutes else 0 end, ${recordedBy}, now()
    from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as t("learnerId" uuid, present boolean, minutes int)
    on conflict (class_id, user_id) do update set present = excluded.present, minutes = excluded.minutes,
      recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`);
}
