import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { get, send } from "../../test/app.js";
import { type DemoContext, demoFixture } from "../../test/demo.js";

const d = demoFixture();

type LessonKey = keyof DemoContext["ids"]["c1Lessons"];
const statsUrl = (lesson: LessonKey, learner = d.ids.sam) =>
  `/api/tutoring/courses/${d.ids.c1}/learners/${learner}/lessons/${d.ids.c1Lessons[lesson]}/stats`;
const form = (lesson: LessonKey, session = d.tutor) => get(d.app, session, statsUrl(lesson)).then((r) => r.json());
const report = () =>
  get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/report`).then((r) => r.json());

/** The form's values with some changed, as the dialog sends them. */
async function edit(lesson: LessonKey, changes: Record<string, unknown>, session = d.tutor) {
  const f = await form(lesson);
  return send(d.app, session, "PUT", statsUrl(lesson), {
    expectedVersion: f.version,
    status: f.status,
    statusAt: f.statusAt,
    score: f.score,
    timeSpentSeconds: f.timeSpentSeconds,
    location: f.location,
    suspendData: f.suspendData,
    ...changes,
  });
}

describe("Modifier les statistiques (R6)", () => {
  it("opens with the lesson's values and the statuses its type allows", async () => {
    const sheet = await form("sheet");
    expect(sheet).toMatchObject({
      status: "completed",
      score: 75,
      timeSpentSeconds: 80,
      attemptsCount: 1,
      allowedStatuses: ["not_attempted", "in_progress", "completed"],
      scormVersion: null,
    });
    const elearning = await form("elearning");
    expect(elearning).toMatchObject({
      location: "page-8",
      scormVersion: "2004",
      limits: { location: 1000, suspendData: 64000 },
    });
  });

  it("refuses every invalid value with a 400 naming the field, and writes nothing", async () => {
    const before = await report();
    const cases: [LessonKey, Record<string, unknown>, string][] = [
      ["sheet", { score: 101 }, "body.score"],
      ["sheet", { score: -0.5 }, "body.score"],
      ["sheet", { timeSpentSeconds: -1 }, "body.timeSpentSeconds"],
      ["sheet", { timeSpentSeconds: 1000 * 3600 + 1 }, "body.timeSpentSeconds"],
      ["webinar", { status: "passed" }, "body.status"],
      ["sheet", { status: "finished" }, "body.status"],
      ["sheet", { statusAt: new Date(Date.now() + 86_400_000).toISOString() }, "body.statusAt"],
      ["sheet", { statusAt: "2020-01-01T00:00:00.000Z" }, "body.statusAt"],
      ["elearning", { location: "x".repeat(1001) }, "body.location"],
      ["elearning", { suspendData: "x".repeat(64_001) }, "body.suspendData"],
      ["sheet", { location: "page-2" }, "body.location"],
    ];
    for (const [lesson, changes, field] of cases) {
      const response = await edit(lesson, changes);
      expect(response.statusCode, `${lesson} ${field}`).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
    expect(await report()).toEqual(before);
  });

  it("applies SCORM 1.2's shorter suspend data limit to a SCORM 1.2 lesson", async () => {
    await d.database.db.execute(sql`insert into scorm_packages (lesson_id, version, launch_path, storage_path)
      values (${d.ids.c1Lessons.elearning}, '1.2', 'index.html', 'scorm/test')`);
    expect((await form("elearning")).limits).toEqual({ location: 255, suspendData: 4096 });
    const response = await edit("elearning", { suspendData: "x".repeat(4097) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe("body.suspendData");
    expect((await edit("elearning", { suspendData: "x".repeat(4096) })).statusCode).toBe(200);
    await d.database.db.execute(sql`delete from scorm_packages where lesson_id = ${d.ids.c1Lessons.elearning}`);
  });

  it("recomputes progress, status and indicators: the observation set to Réussi takes Sam to 100 %", async () => {
    const response = await edit("observation", { status: "passed", reason: "Revu en entretien" });
    expect(response.statusCode).toBe(200);
    const body = await report();
    expect(body.enrollment).toMatchObject({ progressPct: 100, status: "completed" });
    const indicators = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/indicators`)).json();
    expect(indicators.observationsToDo).toBe(20);
    const audit = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/audit`)).json();
    expect(audit.items[0]).toMatchObject({
      action: "lesson_stats.edit",
      reason: "Revu en entretien",
      before: expect.objectContaining({ status: "failed" }),
      after: expect.objectContaining({ status: "passed" }),
      actor: { lastName: "Roche" },
      undoable: true,
    });
  });

  it("undoes an edit from its audit entry, itself audited", async () => {
    const audit = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/audit`)).json();
    const response = await send(d.app, d.tutor, "POST", `/api/tutoring/audit/${audit.items[0].id}/undo`);
    expect(response.statusCode).toBe(200);
    expect((await report()).enrollment).toMatchObject({ progressPct: 83, status: "in_progress" });
    const after = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/audit`)).json();
    expect(after.items[0].action).toBe("lesson_stats.undo");
    expect(
      (await send(d.app, d.tutor, "POST", `/api/tutoring/audit/${audit.items[0].id}/undo`)).json().error.code,
    ).toBe("already_undone");
  });

  it("refuses an undo once newer data came in, and says so", async () => {
    expect((await edit("sheet", { score: 80 })).statusCode).toBe(200);
    const edited = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/audit`)).json()
      .items[0];
    expect((await edit("quiz", { score: 95 })).statusCode).toBe(200);
    const response = await send(d.app, d.tutor, "POST", `/api/tutoring/audit/${edited.id}/undo`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("newer_data");
  });

  it("refuses a save when the learner's data changed after the form opened", async () => {
    const opened = await form("sheet");
    expect((await edit("quiz", { score: 96 })).statusCode).toBe(200);
    const before = await report();
    const response = await send(d.app, d.tutor, "PUT", statsUrl("sheet"), {
      expectedVersion: opened.version,
      status: opened.status,
      statusAt: opened.statusAt,
      score: 10,
      timeSpentSeconds: opened.timeSpentSeconds,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("stale");
    expect(await report()).toEqual(before);
  });

  it("clears the attempt count, the attempts staying in the facts", async () => {
    expect((await edit("quiz", { clearAttempts: true })).statusCode).toBe(200);
    const quiz = (await report()).lessons.find((l: { type: string }) => l.type === "quiz");
    expect(quiz.attemptsCount).toBe(0);
    expect(quiz.attempts).toHaveLength(6);
  });

  it("keeps a value the d.tutor did not change following the learner's activity", async () => {
    expect((await edit("elearning", { location: "page-3" })).statusCode).toBe(200);
    const stats = await d.database.db.execute<{ override_status: string | null; override_time_s: number | null }>(sql`
      select override_status, override_time_s from lesson_stats where lesson_id = ${d.ids.c1Lessons.elearning}
        and enrollment_id = (select id from enrollments where user_id = ${d.ids.sam} and course_id = ${d.ids.c1})`);
    expect(stats.rows[0]).toEqual({ override_status: null, override_time_s: null });
    expect((await form("elearning")).location).toBe("page-3");
  });

  it("is 404 for a d.tutor outside the scope, on every statistics route", async () => {
    expect((await get(d.app, d.tutor2, statsUrl("sheet"))).statusCode).toBe(404);
    expect((await edit("sheet", { score: 1 }, d.tutor2)).statusCode).toBe(404);
    expect(
      (await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/audit`)).statusCode,
    ).toBe(404);
    const entry = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/audit`)).json()
      .items[0];
    expect((await send(d.app, d.tutor2, "POST", `/api/tutoring/audit/${entry.id}/undo`)).statusCode).toBe(404);
    const url = `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/lessons/${d.ids.c1Lessons.elearning}/attempts/1?expectedVersion=1`;
    expect((await send(d.app, d.tutor2, "DELETE", url)).statusCode).toBe(404);
  });
});

describe("attempt deletion", () => {
  it("deletes one attempt with its sessions, recomputes, and keeps it in the audit trail", async () => {
    const { version } = await form("elearning");
    const url = `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/lessons/${d.ids.c1Lessons.elearning}/attempts/7`;
    expect((await send(d.app, d.tutor, "DELETE", `${url}?expectedVersion=${version - 1}`)).statusCode).toBe(409);
    const response = await send(d.app, d.tutor, "DELETE", `${url}?expectedVersion=${version}`);
    expect(response.statusCode).toBe(200);
    const elearning = (await report()).lessons.find((l: { type: string }) => l.type === "elearning");
    expect(elearning).toMatchObject({ attemptsCount: 6, timeSpentSeconds: 166 });
    const audit = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/audit`)).json()
      .items[0];
    expect(audit).toMatchObject({ action: "attempt.delete", undoable: false });
    expect(audit.before.sessions).toEqual([expect.objectContaining({ durationSeconds: 88 })]);
    expect((await send(d.app, d.tutor, "DELETE", `${url}?expectedVersion=${version + 1}`)).statusCode).toBe(404);
  });
});

describe("admin audit screen", () => {
  it("lists every entry with filters, for admins only", async () => {
    const all = (await get(d.app, d.admin, "/api/admin/audit?action=lesson_stats.edit")).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items.every((e: { action: string }) => e.action === "lesson_stats.edit")).toBe(true);
    expect((await get(d.app, d.tutor, "/api/admin/audit")).statusCode).toBe(403);
    expect((await get(d.app, d.admin, "/api/admin/audit?from=yesterday")).statusCode).toBe(400);
  });
});
