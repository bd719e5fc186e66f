import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { get, type Session, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();

const queue = (session: Session, query = "") =>
  get(d.app, session, `/api/tutoring/courses/${d.ids.c1}/missions?${query}`).then((r) => r.json());

describe("Missions à corriger (T7)", () => {
  it("queues the demo's pending submission, with the learner and the lesson", async () => {
    const page = await queue(d.tutor);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      learner: { firstName: "Camille", lastName: "Dubois" },
      lesson: { title: "Mission Préparer sa vente" },
      attemptNumber: 1,
      correction: null,
    });
    const corrected = await queue(d.tutor, "status=corrected");
    expect(corrected.total).toBe(3);
    expect(corrected.items.every((i: { correction: unknown }) => i.correction !== null)).toBe(true);
  });

  it("has a global queue across the tutor's courses", async () => {
    const global = (await get(d.app, d.tutor, "/api/tutoring/missions")).json();
    expect(global.items.map((i: { course: { name: string } }) => i.course.name)).toContain("Cours 1 : L'avant-vente");
    const other = (await get(d.app, d.tutor2, "/api/tutoring/missions?status=all")).json();
    expect(other.items.some((i: { course: { name: string } }) => i.course.name === "Cours 1 : L'avant-vente")).toBe(
      false,
    );
  });

  it("shows a submission with its text and the learner's other submissions", async () => {
    const submissionId = (await queue(d.tutor)).items[0].submissionId;
    const detail = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}`)).json();
    expect(detail.submission.text).toMatch(/^Voici mon plan de préparation/);
    expect(detail.lesson.description).toMatch(/Préparez un rendez-vous réel/);
    expect(detail.history).toEqual([]);
    expect((await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}`)).statusCode).toBe(
      404,
    );
  });

  it("refuses bad corrections, naming the field, and writes nothing", async () => {
    const submissionId = (await queue(d.tutor)).items[0].submissionId;
    const url = `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}/correction`;
    for (const [body, field] of [
      [{ verdict: "passed", score: 101 }, "body.score"],
      [{ verdict: "passed", score: -1 }, "body.score"],
      [{ verdict: "maybe" }, "body.verdict"],
      [{ verdict: "passed", feedback: "x".repeat(20_001) }, "body.feedback"],
      [{ verdict: "passed", feedback: "x".repeat(10 * 1024 * 1024) }, "body.feedback"],
    ] as const) {
      const response = await send(d.app, d.tutor, "POST", url, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
    expect((await queue(d.tutor)).total).toBe(1);
  });

  it("corrects: indicators, statistics, audit and the learner's mail change together", async () => {
    const submissionId = (await queue(d.tutor)).items[0].submissionId;
    const url = `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}/correction`;
    const response = await send(d.app, d.tutor, "POST", url, {
      score: 80,
      verdict: "passed",
      feedback: "Bon plan <b>précis</b>.",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ score: 80, verdict: "passed", tutor: { lastName: "Roche" } });
    const indicators = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/indicators`)).json();
    expect(indicators.missionsToCorrect).toBe(0);
    const dubois = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?q=dubois`)).json().items[0];
    expect(dubois.progressPct).toBe(50);
    const audit = await d.database.db.execute<{ action: string; after: { verdict: string } }>(
      sql`select action, after from audit_log where entity_id = ${submissionId}`,
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({ action: "mission.correct", after: expect.objectContaining({ verdict: "passed" }) }),
    ]);
    const mail = await d.database.db.execute<{ to_email: string; subject: string; text_body: string; status: string }>(
      sql`select to_email, subject, text_body, status from outbox where idempotency_key = ${`mission-corrected:${submissionId}`}`,
    );
    expect(mail.rows[0]).toMatchObject({
      to_email: "camille.dubois@demo.local",
      subject: "Cours 1 : L'avant-vente : votre mission a été corrigée",
      status: "pending",
    });
    expect(mail.rows[0]?.text_body).toContain("Score : 80 %");
  });

  it("refuses a second correction (another d.tutor got there first) without overwriting", async () => {
    const submissionId = (await queue(d.tutor, "status=corrected")).items.find(
      (i: { learner: { lastName: string } }) => i.learner.lastName === "Dubois",
    ).submissionId;
    const response = await send(
      d.app,
      d.admin,
      "POST",
      `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}/correction`,
      {
        score: 10,
        verdict: "failed",
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("already_corrected");
    const detail = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}`)).json();
    expect(detail.submission.correction).toMatchObject({ score: 80, verdict: "passed" });
  });

  it("lets exactly one of two simultaneous corrections win", async () => {
    // A fresh pending submission for Garnier (second attempt after a failure).
    const attempt = await d.database.db.execute<{ id: number; enrollment_id: string; lesson_id: string }>(sql`
      insert into attempts (enrollment_id, lesson_id, number, started_at, ended_at, status, time_spent_s)
      select e.id, ${d.ids.c1Lessons.mission}, 2, now() - interval '1 hour', now(), 'in_progress', 1800
      from enrollments e join users u on u.id = e.user_id where u.last_name = 'Garnier' and e.course_id = ${d.ids.c1}
      returning id, enrollment_id, lesson_id`);
    const row = attempt.rows[0];
    const created = await d.database.db.execute<{ id: string }>(sql`
      insert into mission_submissions (attempt_id, enrollment_id, lesson_id, text) values (${row?.id}, ${row?.enrollment_id}, ${row?.lesson_id}, 'v2')
      returning id`);
    const submissionId = created.rows[0]?.id;
    const url = `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}/correction`;
    const [a, b] = await Promise.all([
      send(d.app, d.tutor, "POST", url, { verdict: "passed", score: 90 }),
      send(d.app, d.admin, "POST", url, { verdict: "failed", score: 20 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const detail = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}`)).json();
    expect(detail.history).toHaveLength(1);
    const winner = a.statusCode === 201 ? a.json() : b.json();
    expect(detail.submission.correction).toMatchObject({ score: winner.score, verdict: winner.verdict });
  });

  it("is 404 for a submission of another course or outside the scope", async () => {
    const submissionId = (await queue(d.tutor, "status=all")).items[0].submissionId;
    const response = await send(
      d.app,
      d.tutor2,
      "POST",
      `/api/tutoring/courses/${d.ids.c2}/missions/${submissionId}/correction`,
      {
        verdict: "passed",
      },
    );
    expect(response.statusCode).toBe(404);
    expect(
      (
        await get(
          d.app,
          d.tutor,
          `/api/tutoring/courses/${d.ids.c1}/missions/${submissionId}/files/00000000-0000-4000-8000-000000000000`,
        )
      ).statusCode,
    ).toBe(404);
  });
});
