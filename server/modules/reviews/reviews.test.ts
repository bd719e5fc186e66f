import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { get } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();

describe("GET reviews (Avis)", () => {
  it("lists Cours 1's reviews newest first with average and distribution", async () => {
    const page = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/reviews`)).json();
    expect(page).toMatchObject({ total: 6, average: 4.2, distribution: [0, 0, 1, 3, 2] });
    expect(
      page.items.map((r: { author: { lastName: string }; rating: number }) => `${r.author.lastName} ${r.rating}`),
    ).toEqual(["Garnier 4", "Dubois 3", "Lefèvre 4", "Durand 5", "Demory 4", "AGASSE 5"]);
  });

  it("shows a restricted d.tutor only the reviews of its learners", async () => {
    const restricted = (await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c2}/reviews`)).json();
    const all = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c2}/reviews`)).json();
    expect(restricted.total).toBeLessThanOrEqual(all.total);
    const members = await d.database.db.execute<{ id: string }>(sql`
      select m.user_id as id from learner_list_members m join learner_lists l on l.id = m.list_id where l.name = 'Équipe Nord'`);
    const memberIds = new Set(members.rows.map((r) => r.id));
    expect(restricted.items.every((r: { author: { id: string } }) => memberIds.has(r.author.id))).toBe(true);
  });

  it("returns a comment with markup as text", async () => {
    await d.database.db.execute(
      sql`update reviews set comment = '<img src=x onerror=alert(1)>' where user_id = ${d.ids.sam}`,
    );
    const page = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/reviews`)).json();
    expect(page.items.find((r: { author: { lastName: string } }) => r.author.lastName === "AGASSE").comment).toBe(
      "<img src=x onerror=alert(1)>",
    );
  });

  it("is 404 for another d.tutor and 400 on bad paging", async () => {
    expect((await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/reviews`)).statusCode).toBe(404);
    const bad = await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/reviews?page=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("querystring.page");
  });
});

describe("GET evaluation (Évaluation formation)", () => {
  it("gives response count and rate, per question average and distribution, and free texts", async () => {
    const evaluation = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/evaluation`)).json();
    expect(evaluation).toMatchObject({ responses: 6, learners: 21, rate: 0.286 });
    const [q1, , q3, q4] = evaluation.questions;
    expect(q1).toMatchObject({ kind: "rating", answers: 6 });
    expect(q1.distribution.map((d: { value: string }) => d.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(q1.distribution.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(6);
    expect(q1.average).toBeGreaterThan(3);
    expect(q3).toMatchObject({ kind: "choice", average: null });
    expect(q3.distribution).toEqual([
      { value: "Oui", count: 4 },
      { value: "Non", count: 1 },
      { value: "Peut-être", count: 1 },
    ]);
    expect(q4).toMatchObject({ kind: "text", answers: 5 });
    expect(evaluation.texts.total).toBe(5);
    expect(evaluation.texts.items[0]).toMatchObject({ questionLabel: "Qu'avez-vous le plus apprécié ?" });
  });

  it("pages the free texts and is 404 for another tutor", async () => {
    const page = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/evaluation?textPage=2&textPageSize=3`)
    ).json();
    expect(page.texts).toMatchObject({ total: 5, page: 2, pageSize: 3 });
    expect(page.texts.items).toHaveLength(2);
    expect((await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/evaluation`)).statusCode).toBe(404);
  });
});
