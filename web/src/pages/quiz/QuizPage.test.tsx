import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { QuizOverview, QuizResult } from "../../../../common/api/quiz.js";
import { mockApi, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const courseId = "00000000-0000-4000-8000-000000000101";
const lessonId = "00000000-0000-4000-8000-000000000201";
const q1 = "00000000-0000-4000-8000-000000000301";
const q2 = "00000000-0000-4000-8000-000000000302";
const quizUrl = `/api/quiz/lessons/${lessonId}`;
const pagePath = `/mes-formations/${courseId}/lecons/${lessonId}/quiz`;

const attempt = {
  id: 42,
  number: 3,
  startedAt: "2025-02-11T08:00:00.000Z",
  questions: [
    {
      id: q1,
      text: "Single?",
      multiple: false,
      points: 1,
      choices: [
        { index: 0, label: "Yes" },
        { index: 1, label: "No" },
      ],
    },
    {
      id: q2,
      text: "Many?",
      multiple: true,
      points: 2,
      choices: [
        { index: 0, label: "A" },
        { index: 1, label: "B" },
      ],
    },
  ],
};

const result: QuizResult = {
  attemptId: 42,
  number: 3,
  startedAt: "2025-02-11T08:00:00.000Z",
  submittedAt: "2025-02-11T08:02:05.000Z",
  durationSeconds: 125,
  score: 33.33,
  earnedPoints: 1,
  totalPoints: 3,
  outcome: "failed",
  passingScore: 80,
  questions: [
    {
      id: q1,
      text: "Single?",
      multiple: false,
      points: 1,
      right: true,
      choices: [
        { index: 0, label: "Yes", correct: true, chosen: true },
        { index: 1, label: "No", correct: false, chosen: false },
      ],
    },
    {
      id: q2,
      text: "Many?",
      multiple: true,
      points: 2,
      right: false,
      choices: [
        { index: 0, label: "A", correct: true, chosen: true },
        { index: 1, label: "B", correct: true, chosen: false },
      ],
    },
  ],
};

function overview(overrides: Partial<QuizOverview> = {}): QuizOverview {
  return {
    course: { id: courseId, name: "Cours 1 : L'avant-vente" },
    lesson: { id: lessonId, title: "C01 Quiz", description: "" },
    rules: { order: "ordered", attemptsLimit: 3, passingScore: 80, questionCount: 2, totalPoints: 3 },
    attemptsUsed: 3,
    attemptsLeft: 0,
    status: "in_progress",
    bestScore: null,
    history: [],
    inProgress: null,
    lastResult: null,
    ...overrides,
  };
}

describe("QuizPage", () => {
  it("brings back the open attempt, in English, and shows the result when another tab submitted it", async () => {
    let submitted = false;
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"], { locale: "en" }) } },
      {
        path: quizUrl,
        reply: () => ({
          body: submitted
            ? overview({
                lastResult: result,
                history: [{ number: 3, submittedAt: result.submittedAt, score: 33.33, outcome: "failed" }],
              })
            : overview({ inProgress: attempt }),
        }),
      },
      {
        method: "POST",
        path: `${quizUrl}/attempts/42/submit`,
        reply: () => {
          submitted = true;
          return { status: 409, body: { error: { code: "already_submitted", message: "Already submitted" } } };
        },
      },
    ]);
    renderApp(pagePath);
    const first = await screen.findByRole("group", { name: /^Question 1 of 2/ }, { timeout: 15_000 });
    expect(screen.getByRole("heading", { name: "Attempt no. 3" })).toBeTruthy();
    fireEvent.click(within(first).getByRole("radio", { name: "Yes" }));
    fireEvent.click(
      within(screen.getByRole("group", { name: /^Question 2 of 2/ })).getByRole("checkbox", { name: "A" }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Submit my answers" }));
    expect(await screen.findByText("This attempt was already submitted. Here is its result.")).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Last result: attempt no. 3" })).toBeTruthy();
    expect(screen.getByText("Failed: 33.3 %")).toBeTruthy();
    expect(screen.getByText("You didn't reach the passing score: 33.3 % where 80 % is required.")).toBeTruthy();
    expect(screen.getByText("B (right answer)")).toBeTruthy();
    expect(screen.getByText("You have no attempt left.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New attempt" })).toBeNull();
    const sent = requests.find((r) => r.method === "POST");
    expect(sent?.body).toEqual({
      answers: [
        { questionId: q1, choices: [0] },
        { questionId: q2, choices: [0] },
      ],
    });
  }, 60_000);

  it("says why the learner can't start: no questions yet, or the last attempt taken meanwhile", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"]) } },
      {
        path: quizUrl,
        reply: {
          body: overview({ rules: { ...overview().rules, questionCount: 0, totalPoints: 0 }, attemptsLeft: 3 }),
        },
      },
    ]);
    const view = renderApp(pagePath);
    expect(await screen.findByText("Ce quiz n'a pas encore de questions", {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Commencer le quiz" })).toBeNull();
    view.unmount();

    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"]) } },
      { path: quizUrl, reply: { body: overview({ attemptsUsed: 2, attemptsLeft: 1 }) } },
      {
        method: "POST",
        path: `${quizUrl}/attempts`,
        reply: { status: 409, body: { error: { code: "attempts_exhausted", message: "No attempt left" } } },
      },
    ]);
    renderApp(pagePath);
    fireEvent.click(await screen.findByRole("button", { name: "Commencer le quiz" }, { timeout: 15_000 }));
    expect((await screen.findByRole("alert")).textContent).toContain("Plus d'essai disponible");
  });

  it("answers not found for a quiz of another course than the URL's", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"]) } },
      { path: quizUrl, reply: { body: overview({ course: { id: lessonId, name: "Autre" } }) } },
    ]);
    renderApp(pagePath);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Quiz introuvable" }, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(screen.queryByText("C01 Quiz")).toBeNull();
  });
});
