import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { QuizAttempt, QuizEditor, QuizOverview, QuizResult } from "../../../common/api/quiz.js";
import { get, type Session, send, signIn } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

let demory: Session;
let mgtQuiz: string;
beforeAll(async () => {
  demory = await signIn(d.app, "jerome.demory@demo.local");
  const row = await d.database.db.execute<{ id: string }>(
    sql`select id from lessons where course_id = ${d.ids.mgt} and type = 'quiz'`,
  );
  mgtQuiz = row.rows[0]?.id ?? "";
});

const quizUrl = () => `/api/quiz/lessons/${d.ids.c1Lessons.quiz}`;
const editorUrl = () => `/api/admin/quiz/lessons/${d.ids.c1Lessons.quiz}`;
const overview = async (session: Session = d.learner) => (await get(d.app, session, quizUrl())).json() as QuizOverview;
const start = (session: Session = d.learner) => send(d.app, session, "POST", `${quizUrl()}/attempts`);
const submit = (attemptId: number, answers: unknown, session: Session = d.learner) =>
  send(d.app, session, "POST", `${quizUrl()}/attempts/${attemptId}/submit`, { answers });
const editor = async () => (await get(d.app, d.admin, editorUrl())).json() as QuizEditor;

/** The demo quiz's right answers (scripts/demo-data.ts): the first choice, then the first two. */
function rightAnswers(attempt: QuizAttempt) {
  return attempt.questions.map((q) => ({ questionId: q.id, choices: q.multiple ? [0, 1] : [0] }));
}
function wrongAnswers(attempt: QuizAttempt) {
  return attempt.questions.map((q) => ({ questionId: q.id, choices: q.multiple ? [0] : [0] }));
}

async function samStats() {
  const result = await d.database.db.execute<{ attempts: number; status: string; score: number; sessions: number }>(sql`
    select ls.attempts_count as attempts, ls.status, ls.score,
      (select count(*)::int from sessions s where s.enrollment_id = e.id and s.lesson_id = ls.lesson_id) as sessions
    from enrollments e join lesson_stats ls on ls.enrollment_id = e.id
    where e.user_id = ${d.ids.sam} and e.course_id = ${d.ids.c1} and ls.lesson_id = ${d.ids.c1Lessons.quiz}`);
  return result.rows[0];
}

describe("native quiz, learner side (S2)", () => {
  it("shows the rules and where the learner stands, without any correct flag", async () => {
    const response = await get(d.app, d.learner, quizUrl());
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/"correct"/);
    const quiz = response.json() as QuizOverview;
    expect(quiz).toMatchObject({
      course: { id: d.ids.c1, name: "Cours 1 : L'avant-vente" },
      lesson: { title: "C01 Quiz L'avant-vente" },
      rules: { order: "ordered", attemptsLimit: null, passingScore: 93, questionCount: 2, totalPoints: 2 },
      attemptsUsed: 6,
      attemptsLeft: null,
      status: "passed",
      bestScore: 94,
      inProgress: null,
      lastResult: null,
    });
    expect(quiz.history).toEqual([{ number: 6, submittedAt: expect.any(String), score: 94, outcome: "passed" }]);
  });

  it("answers 404 outside the learner's courses: not enrolled, another course, not a quiz, unknown", async () => {
    expect((await get(d.app, d.tutor, quizUrl())).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/api/quiz/lessons/${mgtQuiz}`)).statusCode).toBe(404);
    expect((await send(d.app, d.learner, "POST", `/api/quiz/lessons/${mgtQuiz}/attempts`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/api/quiz/lessons/${d.ids.c1Lessons.mission}`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/api/quiz/lessons/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, "/api/quiz/lessons/not-a-uuid")).json().error.fields[0].field).toBe(
      "params.lessonId",
    );
    expect((await get(d.app, null, quizUrl())).statusCode).toBe(401);
  });

  it("starts an attempt without the answers, and hands the same one back until it is submitted", async () => {
    const first = await start();
    expect(first.statusCode).toBe(201);
    expect(first.body).not.toMatch(/correct/);
    const attempt = first.json() as QuizAttempt;
    expect(attempt.number).toBe(7);
    expect(attempt.questions.map((q) => q.text)).toEqual([
      "Quel est l'objectif principal de l'avant-vente ?",
      "Quels éléments préparer avant un rendez-vous ?",
    ]);
    expect(attempt.questions[0]?.choices[0]).toEqual({
      index: 0,
      label: "Préparer l'entretien pour répondre au besoin réel du client",
    });
    const again = await start();
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(attempt.id);
    const page = await get(d.app, d.learner, quizUrl());
    expect(page.body).not.toMatch(/"correct"/);
    expect((page.json() as QuizOverview).inProgress?.id).toBe(attempt.id);
    expect((page.json() as QuizOverview).attemptsUsed).toBe(7);
    // Demory had never tried the quiz: starting makes it `En cours` at once.
    expect((await overview(demory)).status).toBe("not_attempted");
    const theirs = await start(demory);
    expect(theirs.statusCode).toBe(201);
    expect((await overview(demory)).status).toBe("in_progress");
  });

  it("refuses bad answers naming the field and the rule, and changes nothing", async () => {
    const attempt = (await start()).json() as QuizAttempt;
    const [single, multiple] = attempt.questions as [QuizAttempt["questions"][0], QuizAttempt["questions"][0]];
    const cases: [unknown, string, string][] = [
      [[{ questionId: UNKNOWN, choices: [0] }], "body.answers.0.questionId", "in_attempt"],
      [
        [
          { questionId: single.id, choices: [0, 1] },
          { questionId: multiple.id, choices: [0] },
        ],
        "body.answers.0.choices",
        "exactly_one",
      ],
      [
        [
          { questionId: single.id, choices: [7] },
          { questionId: multiple.id, choices: [0] },
        ],
        "body.answers.0.choices",
        "in_range",
      ],
      [[{ questionId: single.id, choices: [0] }], "body.answers", "every_question"],
      [[{ questionId: single.id, choices: [-1] }], "body.answers.0.choices.0", "too_small"],
      [[{ questionId: "x", choices: [0] }], "body.answers.0.questionId", "invalid_format"],
      ["nope", "body.answers", "invalid_type"],
    ];
    for (const [answers, field, rule] of cases) {
      const response = await submit(attempt.id, answers);
      expect(response.statusCode, JSON.stringify(answers)).toBe(400);
      expect(response.json().error.fields[0], JSON.stringify(answers)).toMatchObject({ field, rule });
    }
    expect((await overview()).inProgress?.id).toBe(attempt.id);
  });

  it("fails a wrong attempt, records its time as a session and recomputes the statistics", async () => {
    const attempt = (await start()).json() as QuizAttempt;
    const before = await samStats();
    const response = await submit(attempt.id, wrongAnswers(attempt));
    expect(response.statusCode).toBe(200);
    const result = response.json() as QuizResult;
    expect(result).toMatchObject({
      attemptId: attempt.id,
      number: 7,
      score: 50,
      earnedPoints: 1,
      totalPoints: 2,
      outcome: "failed",
      passingScore: 93,
    });
    // The correct answers are revealed once submitted.
    expect(result.questions[1]).toMatchObject({
      right: false,
      choices: [
        { index: 0, correct: true, chosen: true },
        { index: 1, correct: true, chosen: false },
        { index: 2, correct: false, chosen: false },
      ],
    });
    const after = await samStats();
    expect(after).toMatchObject({ attempts: 7, status: "passed", score: 94, sessions: (before?.sessions ?? 0) + 1 });
    const session = await d.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from sessions where attempt_id = ${attempt.id}`,
    );
    expect(session.rows[0]?.n).toBe(1);
    const page = await overview();
    expect(page.inProgress).toBeNull();
    expect(page.lastResult?.attemptId).toBe(attempt.id);
    expect(page.history[0]).toMatchObject({ number: 7, score: 50, outcome: "failed" });
  });

  it("refuses a second submission of the same attempt with 409", async () => {
    const last = (await overview()).lastResult;
    const response = await submit(last?.attemptId ?? 0, [{ questionId: UNKNOWN, choices: [0] }]);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("already_submitted");
  });

  it("takes one of two simultaneous submissions of an attempt, refusing the other with 409", async () => {
    const attempt = (await start(demory)).json() as QuizAttempt;
    const responses = await Promise.all([
      submit(attempt.id, wrongAnswers(attempt), demory),
      submit(attempt.id, rightAnswers(attempt), demory),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const sessions = await d.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from sessions where attempt_id = ${attempt.id}`,
    );
    expect(sessions.rows[0]?.n).toBe(1);
  });

  it("passes a right attempt; the tutor's report lists it", async () => {
    const attempt = (await start()).json() as QuizAttempt;
    const result = (await submit(attempt.id, rightAnswers(attempt))).json() as QuizResult;
    expect(result).toMatchObject({ number: 8, score: 100, outcome: "passed" });
    expect(result.questions.every((q) => q.right)).toBe(true);
    expect(await samStats()).toMatchObject({ attempts: 8, status: "passed", score: 100 });
    const report = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/report`)
    ).json() as { lessons: { lessonId: string; attempts: { number: number; status: string; score: number }[] }[] };
    const quiz = report.lessons.find((l) => l.lessonId === d.ids.c1Lessons.quiz);
    expect(quiz?.attempts.slice(-2).map((a) => [a.number, a.status, a.score])).toEqual([
      [7, "failed", 50],
      [8, "passed", 100],
    ]);
  });

  it("answers 404 for another learner's attempt", async () => {
    const theirs = (await start(demory)).json() as QuizAttempt;
    expect(theirs.number).toBe(2);
    const response = await submit(theirs.id, rightAnswers(theirs));
    expect(response.statusCode).toBe(404);
    expect((await submit(999_999_999, rightAnswers(theirs))).statusCode).toBe(404);
    // Still theirs to submit.
    expect((await submit(theirs.id, rightAnswers(theirs), demory)).statusCode).toBe(200);
  });

  it("keeps an attempt's questions when an admin edits the quiz meanwhile", async () => {
    const attempt = (await start()).json() as QuizAttempt;
    const first = (await editor()).questions[0];
    // The admin makes the second choice the right one and adds a question.
    const edited = await send(d.app, d.admin, "PUT", `${editorUrl()}/questions/${first?.id}`, {
      text: "Objectif de l'avant-vente (révisé) ?",
      multiple: false,
      points: 1,
      choices: [
        { label: "Préparer l'entretien", correct: false },
        { label: "Présenter le catalogue complet", correct: true },
      ],
    });
    expect(edited.statusCode).toBe(200);
    const added = await send(d.app, d.admin, "POST", `${editorUrl()}/questions`, {
      text: "Nouvelle question",
      multiple: false,
      points: 2,
      choices: [
        { label: "Oui", correct: true },
        { label: "Non", correct: false },
      ],
    });
    expect(added.statusCode).toBe(201);
    expect((await overview()).inProgress?.questions[0]?.text).toBe("Quel est l'objectif principal de l'avant-vente ?");
    const result = (await submit(attempt.id, rightAnswers(attempt))).json() as QuizResult;
    expect(result).toMatchObject({ score: 100, outcome: "passed", totalPoints: 2 });
    const next = (await start()).json() as QuizAttempt;
    expect(next.questions.map((q) => q.text)).toEqual([
      "Objectif de l'avant-vente (révisé) ?",
      "Quels éléments préparer avant un rendez-vous ?",
      "Nouvelle question",
    ]);
    const scored = (
      await submit(next.id, [
        { questionId: next.questions[0]?.id, choices: [1] },
        { questionId: next.questions[1]?.id, choices: [0, 1] },
        { questionId: next.questions[2]?.id, choices: [1] },
      ])
    ).json() as QuizResult;
    expect(scored).toMatchObject({ earnedPoints: 2, totalPoints: 4, score: 50, outcome: "failed" });
  });

  it("stops at the attempts limit with 409", async () => {
    const used = (await overview()).attemptsUsed;
    const saved = await send(d.app, d.admin, "PUT", `${editorUrl()}/settings`, {
      order: "random",
      attemptsLimit: used + 1,
      passingScore: 93,
    });
    expect(saved.statusCode).toBe(200);
    expect((await overview()).attemptsLeft).toBe(1);
    const attempt = (await start()).json() as QuizAttempt;
    // Random order: a permutation of the quiz's questions, stored with the attempt.
    const stored = await d.database.db.execute<{ ids: string[] }>(
      sql`select array(select q->>'id' from jsonb_array_elements(data->'quiz'->'questions') q) as ids from attempts where id = ${attempt.id}`,
    );
    expect(stored.rows[0]?.ids).toEqual(attempt.questions.map((q) => q.id));
    expect([...attempt.questions.map((q) => q.id)].sort()).toEqual((await editor()).questions.map((q) => q.id).sort());
    const answers = attempt.questions.map((q) => ({ questionId: q.id, choices: [0] }));
    expect((await submit(attempt.id, answers)).statusCode).toBe(200);
    expect((await overview()).attemptsLeft).toBe(0);
    const refused = await start();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("attempts_exhausted");
  });

  it("completes without a passing score", async () => {
    await send(d.app, d.admin, "PUT", `${editorUrl()}/settings`, {
      order: "ordered",
      attemptsLimit: null,
      passingScore: null,
    });
    const attempt = (await start(demory)).json() as QuizAttempt;
    const answers = attempt.questions.map((q) => ({ questionId: q.id, choices: [0] }));
    const result = (await submit(attempt.id, answers, demory)).json() as QuizResult;
    expect(result.outcome).toBe("completed");
    expect(result.passingScore).toBeNull();
  });
});

describe("quiz editor (admins)", () => {
  const question = (overrides: Record<string, unknown> = {}) => ({
    text: "Question d'essai",
    multiple: false,
    points: 1,
    choices: [
      { label: "A", correct: true },
      { label: "B", correct: false },
    ],
    ...overrides,
  });

  it("shows the questions with their correct choices, to admins only", async () => {
    const response = await get(d.app, d.admin, editorUrl());
    expect(response.statusCode).toBe(200);
    const quiz = response.json() as QuizEditor;
    expect(quiz.course.name).toBe("Cours 1 : L'avant-vente");
    expect(quiz.questions.map((q) => q.position)).toEqual([1, 2, 3]);
    expect(quiz.questions[1]?.choices).toEqual([
      { label: "Un objectif d'entretien", correct: true },
      { label: "Les questions de découverte", correct: true },
      { label: "Une remise maximale", correct: false },
    ]);
    expect((await get(d.app, d.tutor, editorUrl())).statusCode).toBe(403);
    expect((await get(d.app, d.learner, editorUrl())).statusCode).toBe(403);
    expect((await get(d.app, d.admin, `/api/admin/quiz/lessons/${d.ids.c1Lessons.sheet}`)).statusCode).toBe(404);
  });

  it("refuses bad settings and questions, naming the field and the rule, and writes nothing", async () => {
    const before = await editor();
    const audits = async () =>
      (
        await d.database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action like 'quiz.%'`,
        )
      ).rows[0]?.n;
    const auditsBefore = await audits();
    const settingsCases: [unknown, string][] = [
      [{ order: "ordered", attemptsLimit: 0, passingScore: 50 }, "body.attemptsLimit"],
      [{ order: "shuffled", attemptsLimit: null, passingScore: 50 }, "body.order"],
      [{ order: "ordered", attemptsLimit: null, passingScore: 101 }, "body.passingScore"],
    ];
    for (const [body, field] of settingsCases) {
      const response = await send(d.app, d.admin, "PUT", `${editorUrl()}/settings`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
    const questionCases: [unknown, string, string][] = [
      [question({ choices: [{ label: "A", correct: true }] }), "body.choices", "too_small"],
      [
        question({
          choices: [
            { label: "A", correct: false },
            { label: "B", correct: false },
          ],
        }),
        "body.choices",
        "one_correct",
      ],
      [
        question({
          choices: [
            { label: "A", correct: true },
            { label: "B", correct: true },
          ],
        }),
        "body.choices",
        "single_one_correct",
      ],
      [question({ points: 0 }), "body.points", "too_small"],
      [question({ text: "   " }), "body.text", "too_small"],
      [
        question({
          choices: [
            { label: "", correct: true },
            { label: "B", correct: false },
          ],
        }),
        "body.choices.0.label",
        "too_small",
      ],
    ];
    for (const [body, field, rule] of questionCases) {
      const response = await send(d.app, d.admin, "POST", `${editorUrl()}/questions`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields[0]).toMatchObject({ field, rule });
      const id = before.questions[0]?.id;
      const update = await send(d.app, d.admin, "PUT", `${editorUrl()}/questions/${id}`, body);
      expect(update.statusCode).toBe(400);
    }
    expect(await editor()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it("adds, edits, moves and deletes questions, each with an audit entry", async () => {
    const added = await send(
      d.app,
      d.admin,
      "POST",
      `${editorUrl()}/questions`,
      question({
        text: "Ajoutée",
        multiple: true,
        points: 3,
        choices: [
          { label: "A", correct: true },
          { label: "B", correct: true },
          { label: "C", correct: false },
        ],
      }),
    );
    expect(added.statusCode).toBe(201);
    let quiz = added.json() as QuizEditor;
    const last = quiz.questions.at(-1);
    expect(last).toMatchObject({ position: 4, text: "Ajoutée", multiple: true, points: 3 });
    const id = last?.id ?? "";

    const moved = await send(d.app, d.admin, "POST", `${editorUrl()}/questions/${id}/move`, { direction: "up" });
    quiz = moved.json() as QuizEditor;
    expect(quiz.questions.map((q) => q.text).slice(2)).toEqual(["Ajoutée", "Nouvelle question"]);
    const atEdge = await send(d.app, d.admin, "POST", `${editorUrl()}/questions/${quiz.questions[0]?.id}/move`, {
      direction: "up",
    });
    expect(atEdge.statusCode).toBe(400);
    expect(atEdge.json().error.fields[0]).toMatchObject({ field: "body.direction", rule: "at_edge" });
    const badDirection = await send(d.app, d.admin, "POST", `${editorUrl()}/questions/${id}/move`, {
      direction: "left",
    });
    expect(badDirection.json().error.fields[0].field).toBe("body.direction");

    const edited = await send(d.app, d.admin, "PUT", `${editorUrl()}/questions/${id}`, question({ text: "Modifiée" }));
    expect((edited.json() as QuizEditor).questions[2]).toMatchObject({ id, text: "Modifiée", multiple: false });

    const deleted = await send(d.app, d.admin, "DELETE", `${editorUrl()}/questions/${id}`);
    expect(deleted.statusCode).toBe(200);
    quiz = deleted.json() as QuizEditor;
    expect(quiz.questions.map((q) => q.position)).toEqual([1, 2, 3]);
    expect(quiz.questions.some((q) => q.id === id)).toBe(false);
    expect((await send(d.app, d.admin, "DELETE", `${editorUrl()}/questions/${id}`)).statusCode).toBe(404);

    const audit = await d.database.db.execute<{ action: string; entityId: string; lessonId: string }>(sql`
      select action, entity_id as "entityId", lesson_id as "lessonId" from audit_log
      where entity_id = ${id} order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual([
      "quiz.question.create",
      "quiz.question.move",
      "quiz.question.update",
      "quiz.question.delete",
    ]);
    expect(audit.rows.every((r) => r.lessonId === d.ids.c1Lessons.quiz)).toBe(true);
  });

  it("answers 404 for a question of another quiz", async () => {
    const other = await d.database.db.execute<{ id: string }>(
      sql`insert into quiz_questions (lesson_id, position, text, choices) values (${mgtQuiz}, 1, 'Autre', ${JSON.stringify(
        [
          { label: "A", correct: true },
          { label: "B", correct: false },
        ],
      )}::jsonb) returning id`,
    );
    const foreign = other.rows[0]?.id;
    expect((await send(d.app, d.admin, "PUT", `${editorUrl()}/questions/${foreign}`, question())).statusCode).toBe(404);
    expect((await send(d.app, d.admin, "DELETE", `${editorUrl()}/questions/${foreign}`)).statusCode).toBe(404);
    expect(
      (await send(d.app, d.admin, "POST", `${editorUrl()}/questions/${foreign}/move`, { direction: "up" })).statusCode,
    ).toBe(404);
    expect(
      (await send(d.app, d.admin, "POST", `/api/admin/quiz/lessons/${UNKNOWN}/questions`, question())).statusCode,
    ).toBe(404);
  });

  it("saves the settings with an audit entry", async () => {
    const saved = await send(d.app, d.admin, "PUT", `${editorUrl()}/settings`, {
      order: "random",
      attemptsLimit: 3,
      passingScore: 80,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      settings: { order: "random", attemptsLimit: 3 },
      lesson: { passingScore: 80 },
    });
    const audit = await d.database.db.execute<{ before: unknown; after: unknown }>(sql`
      select before, after from audit_log where action = 'quiz.settings' order by id desc limit 1`);
    expect(audit.rows[0]?.after).toEqual({ order: "random", attemptsLimit: 3, passingScore: 80 });
    expect(audit.rows[0]?.before).toEqual({ order: "ordered", attemptsLimit: null, passingScore: null });
  });
});
