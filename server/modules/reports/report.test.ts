import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime, formatDuration } from "../../../common/format.js";
import { createTestApp, get, type Session, signIn, type TestApp } from "../../test/app.js";
import { recomputeEnrollments } from "../tracking/summaries.js";
import { evidenceFor } from "./service.js";

let t: TestApp;
let tutor: Session;
let tutor2: Session;
let admin: Session;
let c1: string;
let c2: string;
let sam: string;

beforeAll(async () => {
  t = await createTestApp();
  [tutor, tutor2, admin] = await Promise.all([
    signIn(t.app, "tuteur@demo.local"),
    signIn(t.app, "tuteur2@demo.local"),
    signIn(t.app, "admin@demo.local"),
  ]);
  const ids = await t.database.db.execute<{ c1: string; c2: string; sam: string }>(sql`
    select (select id from courses where code = 'C01_L''avant-vente commerciale') as c1,
      (select id from courses where code = 'C02_La vente') as c2,
      (select id from users where email = 'sam.agasse@demo.local') as sam`);
  ({ c1, c2, sam } = ids.rows[0] as { c1: string; c2: string; sam: string });
});
afterAll(async () => {
  await t.close();
});

const report = (session: Session, courseId: string, learnerId: string) =>
  get(t.app, session, `/api/tutoring/courses/${courseId}/learners/${learnerId}/report`);

/** The report as the source document prints it: one line per lesson. */
function printComposition(lessons: Array<Record<string, unknown>>) {
  const pct = (v: unknown) => (v === null ? "n.a." : `${Math.round(Number(v))}%`);
  const status = {
    not_attempted: "Non commencé",
    in_progress: "En cours",
    completed: "Terminé",
    passed: "Réussi",
    failed: "Echoué",
  };
  return lessons.map((l) =>
    [
      l.title,
      status[l.status as keyof typeof status],
      pct(l.score),
      pct(l.avgScore),
      pct(l.passingScore),
      l.attemptsCount,
      formatDuration(Number(l.timeSpentSeconds)),
      formatDateTime(l.statusAt as string),
    ].join(" | "),
  );
}

const SOURCE_COMPOSITION = [
  "E-Learning L'avant-vente, c'est quoi ? | Terminé | n.a. | n.a. | n.a. | 7 | 00:04:14 | 07/01/2024 19:55",
  "Fiche Pratique C01 Préparer sa vente : les points clés | Terminé | 75% | 0% | n.a. | 1 | 00:01:20 | 07/01/2024 20:00",
  "C01 Quiz L'avant-vente | Réussi | 94% | 94% | 93% | 6 | 00:01:14 | 07/01/2024 20:18",
  "Webinaire Tout savoir pour préparer sa vente | Terminé | n.a. | n.a. | n.a. | 0 | 02:00:00 | 08/01/2024 16:00",
  "Mission Préparer sa vente | Réussi | 100% | n.a. | n.a. | 1 | 02:00:00 | 07/01/2024 20:40",
  "C01 Observation L'avant-vente commerciale | Echoué | 50% | 50% | 50% | 1 | 00:09:20 | 11/02/2025 09:44",
];

function expectSourceFigures(body: ReturnType<typeof JSON.parse>) {
  expect(body.learner).toMatchObject({ organisation: "South", lastName: "AGASSE", firstName: "Sam" });
  expect(formatDateTime(body.learner.firstSignInAt)).toBe("07/01/2024 19:36");
  expect(formatDateTime(body.learner.lastSignInAt)).toBe("11/02/2025 09:34");
  expect(body.enrollment).toMatchObject({
    startAt: null,
    objectiveAt: null,
    endAt: null,
    status: "in_progress",
    progressPct: 83,
  });
  expect(formatDuration(body.enrollment.timeSpentSeconds)).toBe("04:16:08");
  expect(printComposition(body.lessons)).toEqual(SOURCE_COMPOSITION);
  expect(body.lessons.map((l: { attemptsTotal: number }) => l.attemptsTotal)).toEqual([7, 1, 6, 0, 1, 1]);
  const elearning = body.lessons[0].attempts.map(
    (a: { date: string; status: string; number: number; cumulativeSeconds: number }) =>
      `${formatDateTime(a.date)} ${a.status} ${a.number} ${formatDuration(a.cumulativeSeconds)}`,
  );
  expect(elearning).toEqual([
    "07/01/2024 19:40 in_progress 1 00:00:00",
    "07/01/2024 19:43 in_progress 2 00:02:12",
    "07/01/2024 19:46 in_progress 3 00:02:26",
    "07/01/2024 19:52 in_progress 4 00:02:27",
    "07/01/2024 19:55 completed 5 00:02:45",
    "07/01/2024 19:56 completed 6 00:02:46",
    "07/01/2024 19:58 completed 7 00:04:14",
  ]);
  const sessions = [...body.sessions.items]
    .reverse()
    .map(
      (s: { startedAt: string; lessonTitle: string; durationSeconds: number }) =>
        `${formatDateTime(s.startedAt)} | ${s.lessonTitle} | ${formatDuration(s.durationSeconds)}`,
    );
  expect(body.sessions.total).toBe(8);
  expect(sessions).toEqual([
    "07/01/2024 19:40 | E-Learning L'avant-vente, c'est quoi ? | 00:00:00",
    "07/01/2024 19:41 | E-Learning L'avant-vente, c'est quoi ? | 00:02:12",
    "07/01/2024 19:46 | E-Learning L'avant-vente, c'est quoi ? | 00:00:14",
    "07/01/2024 19:52 | E-Learning L'avant-vente, c'est quoi ? | 00:00:01",
    "07/01/2024 19:55 | E-Learning L'avant-vente, c'est quoi ? | 00:00:18",
    "07/01/2024 19:56 | E-Learning L'avant-vente, c'est quoi ? | 00:00:01",
    "07/01/2024 19:56 | E-Learning L'avant-vente, c'est quoi ? | 00:01:28",
    "07/01/2024 19:59 | Fiche Pratique C01 Préparer sa vente : les points clés | 00:01:20",
  ]);
  expect(body.reminders).toEqual([]);
}

describe("AGASSE Sam's report (the source's figures)", () => {
  it("equals the source figure for figure", async () => {
    const response = await report(tutor, c1, sam);
    expect(response.statusCode).toBe(200);
    expectSourceFigures(response.json());
  });

  it("comes out of the computation from the facts, not stored figures", async () => {
    // Wipe every derived figure, then let the app's computation rebuild them from the facts.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update lesson_stats set status = 'not_attempted', status_at = null, score = null,
        avg_score = null, attempts_count = 0, time_spent_s = 0`);
      await tx.execute(
        sql`update enrollments set status = 'not_started', progress_pct = 0, completed_lessons = 0, time_spent_s = 0`,
      );
      await tx.execute(sql`update attempts set time_spent_s = 0 where id in (select attempt_id from sessions)`);
    });
    expect((await report(tutor, c1, sam)).json().enrollment.progressPct).toBe(0);
    await t.database.db.transaction((tx) => recomputeEnrollments(tx, sql`true`));
    expectSourceFigures((await report(tutor, c1, sam)).json());
  });

  it("follows the facts: a passed observation takes Sam to 100 % and Terminé", async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update attempts set status = 'passed', score = 80 where id = (
        select a.id from attempts a join lessons l on l.id = a.lesson_id and l.type = 'observation'
        join enrollments e on e.id = a.enrollment_id where e.user_id = ${sam} and e.course_id = ${c1})`);
      await recomputeEnrollments(tx, sql`e.user_id = ${sam} and e.course_id = ${c1}`);
    });
    const body = (await report(tutor, c1, sam)).json();
    expect(body.enrollment).toMatchObject({ progressPct: 100, status: "completed" });
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update attempts set status = 'failed', score = 50 where id = (
        select a.id from attempts a join lessons l on l.id = a.lesson_id and l.type = 'observation'
        join enrollments e on e.id = a.enrollment_id where e.user_id = ${sam} and e.course_id = ${c1})`);
      await recomputeEnrollments(tx, sql`e.user_id = ${sam} and e.course_id = ${c1}`);
    });
    expect((await report(tutor, c1, sam)).json().enrollment.progressPct).toBe(83);
  });

  it("pages the connection history", async () => {
    const response = await get(
      t.app,
      tutor,
      `/api/tutoring/courses/${c1}/learners/${sam}/report?sessionsPageSize=3&sessionsPage=3`,
    );
    const body = response.json();
    expect(body.sessions).toMatchObject({ total: 8, page: 3, pageSize: 3 });
    expect(body.sessions.items).toHaveLength(2);
    // The first page (its size written in the statement) and the next ones (limit and offset as
    // parameters) cut the same list: newest first, each session once.
    const page = async (n: number, size: number) =>
      (
        await get(
          t.app,
          tutor,
          `/api/tutoring/courses/${c1}/learners/${sam}/report?sessionsPageSize=${size}&sessionsPage=${n}`,
        )
      ).json().sessions.items;
    const all = await page(1, 8);
    expect(all).toHaveLength(8);
    expect([...(await page(1, 3)), ...(await page(2, 3)), ...(await page(3, 3))]).toEqual(all);
    const starts = all.map((s: { startedAt: string }) => s.startedAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const bad = await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners/${sam}/report?sessionsPageSize=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("querystring.sessionsPageSize");
  });

  it("is 404 for a tutor outside the scope, by course or by learner list", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const foreignCourse = await report(tutor2, c1, sam);
    expect(foreignCourse.statusCode).toBe(404);
    // The same answer as for a course that does not exist.
    expect(foreignCourse.json()).toEqual((await report(tutor2, unknown, sam)).json());
    expect(foreignCourse.json().error.message).toMatch(/course/i);
    // tuteur2 tutors Cours 2 only for the list Équipe Nord, which Sam is not in: the same answer as
    // for a learner who does not exist.
    const outsideList = await report(tutor2, c2, sam);
    expect(outsideList.statusCode).toBe(404);
    expect(outsideList.json()).toEqual((await report(tutor2, c2, unknown)).json());
    expect(outsideList.json().error.message).toMatch(/learner/i);
    expect((await report(admin, c2, sam)).statusCode).toBe(200);
    expect((await report(admin, unknown, sam)).json()).toEqual(foreignCourse.json());
    expect((await report(tutor, c1, unknown)).statusCode).toBe(404);
  });
});

describe("tutoring center data of Cours 1 : L'avant-vente", () => {
  it("has the source's indicators: 21 learners, 1 mission to correct, 21 observations to do", async () => {
    const response = await get(t.app, tutor, `/api/tutoring/courses/${c1}/indicators`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ learners: 21, missionsToCorrect: 1, observationsToDo: 21 });
    expect(body.statuses.not_started + body.statuses.in_progress + body.statuses.completed).toBe(21);
  });

  it("lists the source's first page sorted by name with page size 5", async () => {
    const page = (await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners?pageSize=5`)).json();
    expect(page.total).toBe(21);
    const rows = page.items.map(
      (l: { lastName: string; firstName: string; status: string; progressPct: number; timeSpentSeconds: number }) =>
        `${l.lastName} ${l.firstName} | ${l.status} | ${l.progressPct} % | ${formatDuration(l.timeSpentSeconds)}`,
    );
    expect(rows).toEqual([
      "AGASSE Sam | in_progress | 83 % | 04:16:08",
      "Amalric Pierre Henri | in_progress | 0 % | 00:00:00",
      "Basic Joëlle | in_progress | 0 % | 00:00:00",
      "Borrat Nicolas | in_progress | 0 % | 00:00:00",
      "Demory Jerome | in_progress | 33 % | 00:13:35",
    ]);
  });

  it("filters on enrollment type, status and name, and sorts on progress", async () => {
    const all = (await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners?pageSize=100`)).json();
    const mandatory = (
      await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners?enrollmentType=mandatory&pageSize=100`)
    ).json();
    expect(mandatory.total).toBe(
      all.items.filter((l: { enrollmentType: string }) => l.enrollmentType === "mandatory").length,
    );
    const indicators = (
      await get(t.app, tutor, `/api/tutoring/courses/${c1}/indicators?enrollmentType=mandatory`)
    ).json();
    expect(indicators.learners).toBe(mandatory.total);
    const named = (await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners?q=joelle`)).json();
    expect(named.items.map((l: { lastName: string }) => l.lastName)).toEqual(["Basic"]);
    // Descending reverses the whole order, ties included: Lefèvre, then AGASSE, both at 83 %.
    const top = (
      await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners?sort=progress&order=desc&pageSize=2`)
    ).json();
    expect(top.items.map((l: { lastName: string; progressPct: number }) => [l.lastName, l.progressPct])).toEqual([
      ["Lefèvre", 83],
      ["AGASSE", 83],
    ]);
    expect((await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners?sort=email`)).statusCode).toBe(400);
  });

  it("gives tuteur2 only the Équipe Nord learners of Cours 2, and 404 on Cours 1", async () => {
    const restricted = (await get(t.app, tutor2, `/api/tutoring/courses/${c2}/learners?pageSize=100`)).json();
    const everyone = (await get(t.app, tutor, `/api/tutoring/courses/${c2}/learners?pageSize=100`)).json();
    const members = await t.database.db.execute<{ id: string }>(sql`
      select m.user_id as id from learner_list_members m join learner_lists l on l.id = m.list_id where l.name = 'Équipe Nord'`);
    const memberIds = new Set(members.rows.map((r) => r.id));
    expect(restricted.total).toBeGreaterThan(0);
    expect(restricted.total).toBeLessThan(everyone.total);
    expect(restricted.items.every((l: { userId: string }) => memberIds.has(l.userId))).toBe(true);
    const indicators = (await get(t.app, tutor2, `/api/tutoring/courses/${c2}/indicators`)).json();
    expect(indicators.learners).toBe(restricted.total);
    expect((await get(t.app, tutor2, `/api/tutoring/courses/${c1}/learners`)).statusCode).toBe(404);
    expect((await get(t.app, tutor2, `/api/tutoring/courses/${c1}/indicators`)).statusCode).toBe(404);
  });
});

describe("report navigation (R2)", () => {
  it("lists the learner's courses that the tutor tutors", async () => {
    const body = (await report(tutor, c1, sam)).json();
    expect(body.courses.map((c: { name: string }) => c.name)).toEqual([
      "Cours 1 : L'avant-vente",
      "Cours 2 : La vente",
    ]);
    expect(body.version).toEqual(expect.any(Number));
  });

  it("lists for a restricted tutor only the courses where the learner is in their scope", async () => {
    // Demory is in Équipe Nord, the list tuteur2 tutors Cours 2 for; tuteur2 does not tutor Cours 1.
    const found = await t.database.db.execute<{ id: string }>(
      sql`select id from users where email = 'jerome.demory@demo.local'`,
    );
    const demory = found.rows[0]?.id as string;
    const restricted = (await report(tutor2, c2, demory)).json();
    expect(restricted.courses.map((c: { name: string }) => c.name)).toEqual(["Cours 2 : La vente"]);
    const full = (await report(tutor, c2, demory)).json();
    expect(full.courses.map((c: { name: string }) => c.name)).toEqual([
      "Cours 1 : L'avant-vente",
      "Cours 2 : La vente",
    ]);
  });
});

describe("a lesson's attempts page by page (R3b)", () => {
  let mercier: string;
  let quiz: string;
  let mercierEnrollment: string;
  let c2Lesson: string;
  beforeAll(async () => {
    const ids = await t.database.db.execute<{
      mercier: string;
      quiz: string;
      enrollment: string;
      c2Lesson: string;
    }>(sql`
      select u.id as mercier, e.id as enrollment,
        (select id from lessons where course_id = ${c1} and type = 'quiz') as quiz,
        (select id from lessons where course_id = ${c2} order by position limit 1) as "c2Lesson"
      from users u join enrollments e on e.user_id = u.id and e.course_id = ${c1}
      where u.last_name = 'Mercier'`);
    const row = ids.rows[0] as { mercier: string; quiz: string; enrollment: string; c2Lesson: string };
    ({ mercier, quiz, c2Lesson } = row);
    mercierEnrollment = row.enrollment;
  });

  const attemptsUrl = (lessonId: string, query = "", learnerId = mercier, courseId = c1) =>
    `/api/tutoring/courses/${courseId}/learners/${learnerId}/lessons/${lessonId}/attempts${query}`;
  const print = (attempts: { number: number; status: string; score: number | null; cumulativeSeconds: number }[]) =>
    attempts.map((a) => `${a.number} ${a.status} ${a.score}% ${formatDuration(a.cumulativeSeconds)}`);
  // Mercier's twelve quiz attempts in the demo data, with their time cumulated (170 s, 150 s, 140 s...).
  const MERCIER_QUIZ = [
    "1 failed 75% 00:02:50",
    "2 failed 87% 00:05:20",
    "3 failed 81% 00:07:40",
    "4 failed 78% 00:09:40",
    "5 failed 84% 00:12:20",
    "6 failed 72% 00:14:30",
    "7 failed 88% 00:16:20",
    "8 failed 86% 00:18:50",
    "9 failed 90% 00:21:10",
    "10 failed 83% 00:23:10",
    "11 failed 89% 00:25:20",
    "12 failed 87% 00:27:50",
  ];

  it("gives in the report the first ten attempts of each lesson, oldest first, and the lesson's total", async () => {
    const body = (await report(tutor, c1, mercier)).json();
    const lesson = body.lessons.find((l: { lessonId: string }) => l.lessonId === quiz);
    // The lesson's score is the best attempt's.
    expect(lesson).toMatchObject({ attemptsCount: 12, attemptsTotal: 12, status: "failed", score: 90 });
    expect(print(lesson.attempts)).toEqual(MERCIER_QUIZ.slice(0, 10));
  });

  it("gives any page of a lesson's attempts, the time cumulated over the earlier pages", async () => {
    const second = await get(t.app, tutor, attemptsUrl(quiz, "?page=2"));
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ total: 12, page: 2, pageSize: 10 });
    expect(print(second.json().items)).toEqual(MERCIER_QUIZ.slice(10));
    const first = (await get(t.app, tutor, attemptsUrl(quiz))).json();
    expect(first).toMatchObject({ total: 12, page: 1, pageSize: 10 });
    expect(print(first.items)).toEqual(MERCIER_QUIZ.slice(0, 10));
    const middle = (await get(t.app, tutor, attemptsUrl(quiz, "?page=2&pageSize=5"))).json();
    expect(print(middle.items)).toEqual(MERCIER_QUIZ.slice(5, 10));
    const beyond = (await get(t.app, tutor, attemptsUrl(quiz, "?page=4&pageSize=5"))).json();
    expect(beyond).toMatchObject({ items: [], total: 12, page: 4 });
    const asAdmin = (await get(t.app, admin, attemptsUrl(quiz, "?page=2"))).json();
    expect(print(asAdmin.items)).toEqual(MERCIER_QUIZ.slice(10));
  });

  it("refuses bad page parameters with 400 naming the field", async () => {
    for (const [query, field] of [
      ["?page=0", "querystring.page"],
      ["?page=abc", "querystring.page"],
      ["?pageSize=0", "querystring.pageSize"],
      ["?pageSize=101", "querystring.pageSize"],
      ["?page=1.5", "querystring.page"],
    ] as const) {
      const response = await get(t.app, tutor, attemptsUrl(quiz, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fields[0].field, query).toBe(field);
    }
    const badLesson = await get(t.app, tutor, attemptsUrl("not-a-uuid"));
    expect(badLesson.statusCode).toBe(400);
    expect(badLesson.json().error.fields[0].field).toBe("params.lessonId");
  });

  it("is 404 outside the tutor's scope, for another course's lesson and for a learner not in the course", async () => {
    // tuteur2 does not tutor Cours 1.
    expect((await get(t.app, tutor2, attemptsUrl(quiz))).statusCode).toBe(404);
    // tuteur2 tutors Cours 2 only for Équipe Nord, which Sam is not in.
    expect((await get(t.app, tutor2, attemptsUrl(c2Lesson, "", sam, c2))).statusCode).toBe(404);
    expect((await get(t.app, tutor, attemptsUrl(c2Lesson))).statusCode).toBe(404);
    expect((await get(t.app, tutor, attemptsUrl("00000000-0000-4000-8000-000000000000"))).statusCode).toBe(404);
    expect((await get(t.app, tutor, attemptsUrl(quiz, "", "00000000-0000-4000-8000-000000000000"))).statusCode).toBe(
      404,
    );
  });

  it("is declared in the OpenAPI document with its page parameters", async () => {
    const doc = (await get(t.app, null, "/api/docs/json")).json();
    const operation =
      doc.paths["/api/tutoring/courses/{courseId}/learners/{learnerId}/lessons/{lessonId}/attempts"]?.get;
    expect(operation?.parameters.map((p: { in: string; name: string }) => `${p.in}.${p.name}`)).toEqual(
      expect.arrayContaining(["query.page", "query.pageSize", "path.lessonId"]),
    );
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "404"]));
  });

  it("keeps every attempt and every session in the evidence exports", async () => {
    const evidence = await evidenceFor(t.database.db, mercierEnrollment, "Europe/Paris");
    const lesson = evidence.report.lessons.find((l) => l.lessonId === quiz);
    expect(lesson?.attemptsTotal).toBe(12);
    expect(print(lesson?.attempts ?? [])).toEqual(MERCIER_QUIZ);
    const counted = await t.database.db.execute<{ attempts: number; sessions: number }>(sql`
      select (select count(*)::int from attempts where enrollment_id = ${mercierEnrollment}) as attempts,
        (select count(*)::int from sessions where enrollment_id = ${mercierEnrollment}) as sessions`);
    const facts = counted.rows[0];
    expect(evidence.report.lessons.reduce((n, l) => n + l.attempts.length, 0)).toBe(facts?.attempts);
    expect(evidence.report.sessions.items).toHaveLength(facts?.sessions ?? -1);
    expect(evidence.report.sessions.total).toBe(facts?.sessions);
    const xlsx = await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners/${mercier}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });
});
