import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { get, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();

describe("GET lessons (Leçons)", () => {
  it("lists Cours 1's six lessons with completion among the tutor's 21 learners, comments and corrections", async () => {
    const response = await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/lessons`);
    expect(response.statusCode).toBe(200);
    const rows = response
      .json()
      .items.map(
        (l: {
          type: string;
          points: number;
          completed: number;
          learners: number;
          comments: number;
          pendingCorrections: number;
        }) => `${l.type} ${l.points}pts ${l.completed}/${l.learners} ${l.comments}c ${l.pendingCorrections}p`,
      );
    expect(rows).toEqual([
      "elearning 10pts 10/21 1c 0p",
      "sheet 5pts 8/21 0c 0p",
      "quiz 20pts 5/21 1c 0p",
      "webinar 10pts 3/21 0c 0p",
      "mission 30pts 2/21 1c 1p",
      "observation 25pts 0/21 0c 0p",
    ]);
  });

  it("is 404 for another d.tutor and 403 for a learner", async () => {
    expect((await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/lessons`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/api/tutoring/courses/${d.ids.c1}/lessons`)).statusCode).toBe(403);
  });
});

describe("lesson preview (Lancer le contenu)", () => {
  it("shows a practical sheet's text, a quiz's questions, a webinar's sessions and an observation's grid", async () => {
    const preview = (type: keyof typeof d.ids.c1Lessons) =>
      get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons[type]}/preview`).then((r) =>
        r.json(),
      );
    const sheet = await preview("sheet");
    expect(sheet.document[0]).toMatch(/^Avant le rendez-vous/);
    const quiz = await preview("quiz");
    expect(quiz.passingScore).toBe(93);
    expect(quiz.questions[0].choices[0]).toEqual({
      label: "Préparer l'entretien pour répondre au besoin réel du client",
      correct: true,
    });
    const webinar = await preview("webinar");
    expect(webinar.classes.map((c: { durationMinutes: number }) => c.durationMinutes)).toEqual([120, 120]);
    const observation = await preview("observation");
    expect(observation.grid.levels.map((l: { label: string }) => l.label)).toEqual([
      "Non acquis",
      "En cours d'acquisition",
      "Acquis",
    ]);
    expect(observation.grid.criteria[0]).toMatchObject({ label: "Préparer son rendez-vous", required: true });
    const elearning = await preview("elearning");
    expect(elearning).toMatchObject({
      type: "elearning",
      title: "E-Learning L'avant-vente, c'est quoi ?",
      document: null,
    });
  });

  it("records nothing", async () => {
    const before = await d.database.db.execute<{ n: number }>(sql`select count(*)::int as n from attempts`);
    await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.quiz}/preview`);
    const after = await d.database.db.execute<{ n: number }>(sql`select count(*)::int as n from attempts`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it("is 404 for a lesson of another course or another tutor", async () => {
    const otherLesson = await d.database.db.execute<{ id: string }>(
      sql`select id from lessons where course_id = ${d.ids.c2} limit 1`,
    );
    const foreign = otherLesson.rows[0]?.id;
    expect((await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/lessons/${foreign}/preview`)).statusCode).toBe(
      404,
    );
    expect(
      (await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.quiz}/preview`))
        .statusCode,
    ).toBe(404);
  });
});

describe("comments (Voir les commentaires)", () => {
  const url = () => `/api/tutoring/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.elearning}/comments`;

  it("lists the learners' comments with the tutor's answer under each", async () => {
    const page = (await get(d.app, d.tutor, url())).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      author: { firstName: "Jerome", lastName: "Demory" },
      body: "La vidéo du chapitre 2 ne se lance pas sur mon téléphone.",
    });
    expect(page.items[0].answers).toHaveLength(1);
    expect(page.items[0].answers[0].author).toMatchObject({ firstName: "Julien", lastName: "Roche" });
  });

  it("stores an answer as text, markup included, and shows it under the comment", async () => {
    const commentId = (await get(d.app, d.tutor, url())).json().items[0].id;
    const body = "<script>alert('x')</script> Merci, c'est corrigé.";
    const created = await send(d.app, d.tutor, "POST", `${url()}/${commentId}/answers`, { body });
    expect(created.statusCode).toBe(201);
    expect(created.json().body).toBe(body);
    const page = (await get(d.app, d.tutor, url())).json();
    expect(page.items[0].answers.map((a: { body: string }) => a.body)).toContain(body);
  });

  it("refuses an empty or oversized answer, naming the field", async () => {
    const commentId = (await get(d.app, d.tutor, url())).json().items[0].id;
    for (const body of ["", "   ", "x".repeat(5001)]) {
      const response = await send(d.app, d.tutor, "POST", `${url()}/${commentId}/answers`, { body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe("body.body");
    }
  });

  it("is 404 for another d.tutor, for a comment of another lesson, and for an answer (not a learner's comment)", async () => {
    const page = (await get(d.app, d.tutor, url())).json();
    const commentId = page.items[0].id;
    const answerId = page.items[0].answers[0].id;
    expect((await get(d.app, d.tutor2, url())).statusCode).toBe(404);
    expect((await send(d.app, d.tutor2, "POST", `${url()}/${commentId}/answers`, { body: "hi" })).statusCode).toBe(404);
    const quizUrl = `/api/tutoring/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.quiz}/comments`;
    expect((await send(d.app, d.tutor, "POST", `${quizUrl}/${commentId}/answers`, { body: "hi" })).statusCode).toBe(
      404,
    );
    expect((await send(d.app, d.tutor, "POST", `${url()}/${answerId}/answers`, { body: "hi" })).statusCode).toBe(404);
  });

  it("pages, and refuses bad paging", async () => {
    const bad = await get(d.app, d.tutor, `${url()}?pageSize=101`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("querystring.pageSize");
    expect((await get(d.app, d.tutor, `${url()}?page=5`)).json()).toMatchObject({ items: [], total: 1, page: 5 });
  });
});
