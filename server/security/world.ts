import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../config.js";
import { type Session, send, signIn } from "../test/app.js";
import type { DemoContext } from "../test/demo.js";

export const UNKNOWN = "00000000-0000-4000-8000-000000000000";

/**
 * The objects the access matrix points at, built on the demo data: every path parameter the app
 * knows has a sample here. "c1" is Cours 1 and AGASSE Sam (tutored by tuteur@, not by tuteur2@);
 * "c2" is Cours 2 for tuteur2@, whose assignment there is restricted to the list "Équipe Nord":
 * Sam is enrolled in Cours 2 but isn't in that list, Jérôme Demory is.
 *
 * A new route whose path parameter has no sample makes the matrix fail with "no sample for :x":
 * add a query for it below (an object of Cours 1 / Sam's when it belongs to a course or learner).
 */
export interface World {
  /** Cours 1's lesson of each type (and the commented one), for samplesFor. */
  lessons: Record<string, string>;
  /** Sample value of each path parameter, for Cours 1 / Sam. */
  c1: Record<string, string>;
  /** Cours 2 with a learner outside tuteur2's list (Sam), and one inside it (Demory). */
  c2Outside: Record<string, string>;
  c2Inside: Record<string, string>;
  /** Learners tuteur2@ must never see (ids, emails, "LAST First" names that no visible user shares). */
  foreignToTutor2: string[];
  /** Other learners' ids and emails, which Sam must never see. */
  foreignToSam: string[];
  /** A learner enrolled neither in Cours 1 nor Cours 2 (another learner's objects are 404 to them). */
  otherLearner: Session;
  missionFilePath: string;
}

async function one<T extends Record<string, unknown>>(d: DemoContext, query: ReturnType<typeof sql>) {
  const result = await d.database.db.execute<T>(query);
  return result.rows[0];
}

/**
 * Routes about one kind of lesson get a lesson of that kind (the observation grid, a quiz, a
 * mission's submissions, a comment's lesson); every other route the e-learning lesson.
 */
export function samplesFor(
  url: string,
  scene: Record<string, string>,
  lessons: Record<string, string>,
): Record<string, string> {
  const lesson = (type: string) => ({ ...scene, lessonId: lessons[type] ?? scene.lessonId ?? UNKNOWN });
  if (scene.courseId !== lessons.courseId) return scene;
  if (/\/grid|observation/.test(url)) return lesson("observation");
  if (/quiz/.test(url)) return lesson("quiz");
  if (/submission|mission/.test(url)) return lesson("mission");
  if (/\/sheet|document/.test(url)) return lesson("sheet");
  if (/comments/.test(url)) return lesson("commented");
  return scene;
}

export async function buildWorld(d: DemoContext): Promise<World> {
  const { c1, c2, sam } = d.ids;
  const ok = (r: { statusCode: number; body: string }, what: string) => {
    if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
    return r.body ? JSON.parse(r.body) : null;
  };
  const demory = d.ids.demory;
  const template = ok(
    await send(d.app, d.tutor, "POST", "/api/mail-templates", {
      name: "Personnel (matrice)",
      subject: "Relance {{prenom}}",
      body: "Bonjour {{prenom}}",
    }),
    "template",
  ) as { id: string };
  const rule = ok(
    await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${c1}/reminder-rules`, {
      kind: "inactive",
      days: 30,
      templateId: template.id,
    }),
    "reminder rule",
  ) as { id: string };
  const batch = ok(
    await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${c1}/reminders`, {
      templateId: template.id,
      selection: { mode: "ids", learnerIds: [sam] },
      idempotencyKey: `matrix-${crypto.randomUUID()}`,
    }),
    "reminder batch",
  ) as { batchId: string };
  ok(
    await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${c1}/learners/${sam}/certificates`, {
      kind: "attendance",
    }),
    "certificate",
  );
  const job = ok(
    await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${c1}/certificates`, {
      selection: { mode: "ids", learnerIds: [sam] },
      kind: "attendance",
    }),
    "certificate job",
  ) as { jobId: string };
  const certificate = await one<{ id: string; code: string }>(
    d,
    sql`select c.id, c.code from certificates c join enrollments e on e.id = c.enrollment_id
        where e.course_id = ${c1} and e.user_id = ${sam} order by c.issued_at limit 1`,
  );
  const submission = await one<{ id: string }>(
    d,
    sql`select s.id from mission_submissions s join enrollments e on e.id = s.enrollment_id
        where e.course_id = ${c1} and e.user_id = ${sam} limit 1`,
  );
  // A submitted file, on disk where the app keeps them.
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: d.database.url });
  const storagePath = `security-matrix/${crypto.randomUUID()}.txt`;
  const missionFilePath = path.join(config.dataDir, "files", storagePath);
  fs.mkdirSync(path.dirname(missionFilePath), { recursive: true });
  fs.writeFileSync(missionFilePath, "mission evidence");
  const file = await one<{ id: string }>(
    d,
    sql`insert into mission_files (submission_id, file_name, mime_type, size_bytes, storage_path)
        values (${submission?.id}, 'preuve.txt', 'text/plain', 16, ${storagePath}) returning id`,
  );
  const comment = await one<{ id: string; lessonId: string }>(
    d,
    sql`select x.id, x.lesson_id as "lessonId" from lesson_comments x join lessons l on l.id = x.lesson_id
        where l.course_id = ${c1} order by x.created_at limit 1`,
  );
  const virtualClass = await one<{ id: string }>(
    d,
    sql`select id from virtual_classes where course_id = ${c1} limit 1`,
  );
  const audit = await one<{ id: number }>(
    d,
    sql`select id from audit_log where course_id = ${c1} and learner_id = ${sam} order by id limit 1`,
  );
  const message = await one<{ id: number }>(d, sql`select id from outbox order by id limit 1`);
  const attempt = await one<{ id: string; number: number }>(
    d,
    sql`select a.id, a.number from attempts a join enrollments e on e.id = a.enrollment_id
        where e.course_id = ${c1} and e.user_id = ${sam} and a.lesson_id = ${d.ids.c1Lessons.elearning}
        order by a.number limit 1`,
  );
  const enrollment = await one<{ id: string }>(
    d,
    sql`select id from enrollments where course_id = ${c1} and user_id = ${sam}`,
  );
  const session = await one<{ id: number }>(
    d,
    sql`select s.id from sessions s join enrollments e on e.id = s.enrollment_id
        where e.course_id = ${c1} and e.user_id = ${sam} and s.lesson_id = ${d.ids.c1Lessons.elearning}
        order by s.id limit 1`,
  );
  const c2Lesson = await one<{ id: string }>(
    d,
    sql`select id from lessons where course_id = ${c2} order by position limit 1`,
  );
  // Other objects of the catalogue and people admin (admin-only routes; any row will do).
  const any = async (table: string) =>
    (await one<{ id: string }>(d, sql`select id::text as id from ${sql.identifier(table)} order by 1 limit 1`))?.id ??
    UNKNOWN;
  const assignment = await one<{ id: string }>(
    d,
    sql`select ta.id from tutor_assignments ta join users u on u.id = ta.tutor_id
        where u.email = 'tuteur@demo.local' and ta.course_id = ${c1}`,
  );
  const question = await one<{ id: string }>(
    d,
    sql`select q.id from quiz_questions q join lessons l on l.id = q.lesson_id where l.course_id = ${c1} limit 1`,
  );

  const c1Samples: Record<string, string> = {
    courseId: c1,
    learnerId: sam,
    userId: sam,
    lessonId: d.ids.c1Lessons.elearning,
    commentId: comment?.id ?? UNKNOWN,
    submissionId: submission?.id ?? UNKNOWN,
    fileId: file?.id ?? UNKNOWN,
    certificateId: certificate?.id ?? UNKNOWN,
    code: certificate?.code ?? "TUT-0000-0000-0000",
    jobId: job.jobId,
    batchId: batch.batchId,
    ruleId: rule.id,
    templateId: template.id,
    classId: virtualClass?.id ?? UNKNOWN,
    auditId: String(audit?.id ?? 1),
    messageId: String(message?.id ?? 1),
    number: String(attempt?.number ?? 1),
    attemptId: attempt?.id ?? UNKNOWN,
    sessionId: String(session?.id ?? 1),
    enrollmentId: enrollment?.id ?? UNKNOWN,
    assignmentId: assignment?.id ?? UNKNOWN,
    questionId: question?.id ?? UNKNOWN,
    folderId: await any("folders"),
    categoryId: await any("categories"),
    competencyId: await any("competencies"),
    frameworkId: await any("competency_frameworks"),
    listId: await any("learner_lists"),
    organisationId: await any("organisations"),
    tokenId: await any("api_tokens"),
    packageId: await any("scorm_packages"),
    importId: UNKNOWN,
    // The CSV import's kind (users, list-members, enrollments, tutor-assignments).
    kind: "users",
    "*": "index.html",
  };
  const c2Outside = { ...c1Samples, courseId: c2, learnerId: sam, lessonId: c2Lesson?.id ?? UNKNOWN };
  const c2Inside = { ...c2Outside, learnerId: demory };

  const foreign = await d.database.db.execute<{ id: string; email: string; name: string }>(sql`
    with visible as (
      select distinct e.user_id from enrollments e
      join tutor_assignments ta on ta.course_id = e.course_id
      join users t on t.id = ta.tutor_id and t.email = 'tuteur2@demo.local'
      where not ta.restricted or exists (
        select 1 from learner_list_members m join tutor_assignment_lists al on al.list_id = m.list_id
        where al.assignment_id = ta.id and m.user_id = e.user_id))
    select u.id, u.email, upper(u.last_name) || ' ' || u.first_name as name from users u
    where 'learner' = any(u.roles) and u.id not in (select user_id from visible)`);
  const visibleNames = await d.database.db.execute<{ name: string }>(sql`
    select upper(last_name) || ' ' || first_name as name from users
    where id not in (${sql.join(
      foreign.rows.map((r) => sql`${r.id}`),
      sql`, `,
    )})`);
  const shared = new Set(visibleNames.rows.map((r) => r.name));
  const foreignToTutor2 = foreign.rows.flatMap((r) => [r.id, r.email, ...(shared.has(r.name) ? [] : [r.name])]);
  const others = await d.database.db.execute<{ id: string; email: string }>(
    sql`select id, email from users where id <> ${sam} and 'learner' = any(roles) and not ('tutor' = any(roles))`,
  );
  const foreignToSam = others.rows.flatMap((r) => [r.id, r.email]);
  const otherLearnerRow = await one<{ email: string }>(
    d,
    sql`select u.email from users u where 'learner' = any(u.roles) and u.active
        and not exists (select 1 from enrollments e where e.user_id = u.id and e.course_id in (${c1}, ${c2}))
        and exists (select 1 from enrollments e where e.user_id = u.id) order by u.email limit 1`,
  );
  const otherLearner = await signIn(d.app, otherLearnerRow?.email ?? "");
  const lessons = { ...d.ids.c1Lessons, commented: comment?.lessonId ?? UNKNOWN, courseId: c1 };
  return { lessons, c1: c1Samples, c2Outside, c2Inside, foreignToTutor2, foreignToSam, otherLearner, missionFilePath };
}
