import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { get, type Session, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

let grid: { criteria: { id: string; label: string }[]; levels: { label: string }[] };

const d = demoFixture();

beforeAll(async () => {
  grid = (
    await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.observation}/grid`)
  ).json();
});

const observe = (session: Session, body: Record<string, unknown>) =>
  send(d.app, session, "POST", `/api/tutoring/courses/${d.ids.c1}/observations`, body);
const body = (levels: number[], extra: Record<string, unknown> = {}) => ({
  lessonId: d.ids.c1Lessons.observation,
  learnerId: d.ids.sam,
  observedAt: new Date(Date.now() - 3_600_000).toISOString(),
  durationSeconds: 900,
  ratings: grid.criteria.map((c, i) => ({ criterionId: c.id, levelIndex: levels[i] ?? 0 })),
  comment: "Observation en clientèle.",
  ...extra,
});

describe("Observations à faire (T8)", () => {
  it("lists the 21 learners whose observation is not passed, Sam failed with 50 %", async () => {
    const page = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/observations?pageSize=100`)).json();
    expect(page.total).toBe(21);
    const sam = page.items.find((i: { learner: { lastName: string } }) => i.learner.lastName === "AGASSE");
    expect(sam).toMatchObject({ status: "failed", attempts: 1, lastScore: 50 });
    expect((await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/observations`)).statusCode).toBe(404);
  });

  it("gives the grid with its criteria and levels", () => {
    expect(grid.levels.map((l) => l.label)).toEqual(["Non acquis", "En cours d'acquisition", "Acquis"]);
    expect(grid.criteria).toHaveLength(4);
  });

  it("refuses incomplete or inconsistent grids, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body([2, 2, 2, 2]), ratings: body([2, 2, 2, 2]).ratings.slice(0, 3) }, "body.ratings"],
      [body([2, 2, 2, 9]), "body.ratings.3.levelIndex"],
      [{ ...body([2, 2, 2, 2]), observedAt: new Date(Date.now() + 86_400_000).toISOString() }, "body.observedAt"],
      [{ ...body([2, 2, 2, 2]), durationSeconds: -5 }, "body.durationSeconds"],
      [{ ...body([2, 2, 2, 2]), observedAt: "yesterday" }, "body.observedAt"],
    ];
    for (const [payload, field] of cases) {
      const response = await observe(d.tutor, payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
    const duplicate = body([2, 2, 2, 2]);
    duplicate.ratings[1] = { ...duplicate.ratings[0], levelIndex: 2 } as (typeof duplicate.ratings)[number];
    expect((await observe(d.tutor, duplicate)).statusCode).toBe(400);
  });

  it("scores a grid: an eliminating criterion fails whatever the score", async () => {
    const response = await observe(d.tutor, body([1, 2, 2, 2]));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      score: 87.5,
      passed: false,
      failedRequired: ["Préparer son rendez-vous"],
      attemptNumber: 2,
    });
  });

  it("a passed observation completes Sam's course and leaves 20 observations to do", async () => {
    const response = await observe(d.tutor, body([2, 2, 1, 2], { durationSeconds: 600 }));
    expect(response.json()).toMatchObject({ score: 87.5, passed: true, attemptNumber: 3 });
    const report = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/report`)).json();
    expect(report.enrollment).toMatchObject({ progressPct: 100, status: "completed" });
    const observation = report.lessons.find((l: { type: string }) => l.type === "observation");
    expect(observation).toMatchObject({ status: "passed", attemptsCount: 3, score: 87.5 });
    expect(observation.timeSpentSeconds).toBe(560 + 900 + 600);
    const indicators = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/indicators`)).json();
    expect(indicators.observationsToDo).toBe(20);
    const audit = await d.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'observation.record' and learner_id = ${d.ids.sam}`,
    );
    expect(audit.rows[0]?.n).toBe(2);
  });

  it("is 404 for a learner outside the scope or a lesson that is not an observation", async () => {
    expect((await observe(d.tutor2, body([2, 2, 2, 2]))).statusCode).toBe(404);
    expect((await observe(d.tutor, body([2, 2, 2, 2], { lessonId: d.ids.c1Lessons.quiz }))).statusCode).toBe(404);
    expect(
      (await observe(d.tutor, body([2, 2, 2, 2], { learnerId: "00000000-0000-4000-8000-000000000000" }))).statusCode,
    ).toBe(404);
  });
});
