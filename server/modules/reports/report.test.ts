import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime, formatDuration } from "../../../common/format.js";
import { createTestApp, get, type Session, signIn, type TestApp } from "../../test/app.js";
import { recomputeEnrollments } from "../tracking/summaries.js";

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
    const bad = await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners/${sam}/report?sessionsPageSize=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("querystring.sessionsPageSize");
  });

  it("is 404 for a tutor outside the scope, by course or by learner list", async () => {
    expect((await report(tutor2, c1, sam)).statusCode).toBe(404);
    // tuteur2 tutors Cours 2 only for the list Équipe Nord, which Sam is not in.
    expect((await report(tutor2, c2, sam)).statusCode).toBe(404);
    expect((await report(admin, c2, sam)).statusCode).toBe(200);
    expect((await report(tutor, c1, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
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
    const top = (
      await get(t.app, tutor, `/api/tutoring/courses/${c1}/learners?sort=progress&order=desc&pageSize=1`)
    ).json();
    expect(top.items[0].lastName).toBe("AGASSE");
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
});
