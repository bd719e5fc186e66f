import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { QuizEditor } from "../../../../common/api/quiz.js";
import { mockApi, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const courseId = "00000000-0000-4000-8000-000000000101";
const lessonId = "00000000-0000-4000-8000-000000000201";
const q1 = "00000000-0000-4000-8000-000000000301";
const editorUrl = `/api/admin/quiz/lessons/${lessonId}`;

const editor: QuizEditor = {
  course: { id: courseId, name: "Cours 1 : L'avant-vente" },
  lesson: { id: lessonId, title: "C01 Quiz", passingScore: 93 },
  settings: { order: "ordered", attemptsLimit: null },
  questions: [
    {
      id: q1,
      position: 1,
      text: "Quel est l'objectif ?",
      multiple: false,
      points: 1,
      choices: [
        { label: "Préparer", correct: true },
        { label: "Négocier", correct: false },
      ],
    },
  ],
  attemptsInProgress: 2,
};

describe("AdminQuizPage", () => {
  it("checks a question before sending it, edits one with its id, and deletes after confirmation", async () => {
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["admin"]) } },
      { path: editorUrl, reply: { body: editor } },
      { method: "PUT", path: `${editorUrl}/questions/${q1}`, reply: { body: editor } },
      { method: "DELETE", path: `${editorUrl}/questions/${q1}`, reply: { body: { ...editor, questions: [] } } },
    ]);
    renderApp(`/admin/formations/${courseId}/lecons/${lessonId}/quiz`);
    expect(await screen.findByText("Quiz : C01 Quiz", { selector: "h1" }, { timeout: 15_000 })).toBeTruthy();
    expect(
      screen.getByText("2 essais sont en cours : ils gardent les questions avec lesquelles ils ont commencé."),
    ).toBeTruthy();

    // A single choice with two right answers is refused before anything is sent.
    fireEvent.click(screen.getByLabelText("Modifier la question 1"));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByLabelText("Choix 2 correct"));
    fireEvent.click(within(dialog).getByText("Enregistrer la question"));
    expect(await within(dialog).findByText("Une question à choix unique a exactement une bonne réponse.")).toBeTruthy();
    expect(requests.some((r) => r.method === "PUT")).toBe(false);

    // As a multiple choice it is valid, and goes to the question's own URL.
    fireEvent.click(within(dialog).getByLabelText("Choix multiple"));
    fireEvent.click(within(dialog).getByText("Enregistrer la question"));
    await waitFor(() => expect(requests.some((r) => r.method === "PUT")).toBe(true));
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
      text: "Quel est l'objectif ?",
      multiple: true,
      points: 1,
      choices: [
        { label: "Préparer", correct: true },
        { label: "Négocier", correct: true },
      ],
    });

    fireEvent.click(await screen.findByLabelText("Supprimer la question 1"));
    fireEvent.click(await screen.findByText("Supprimer", { selector: "button span" }));
    expect(await screen.findByText("Aucune question : les apprenants ne peuvent pas commencer ce quiz.")).toBeTruthy();
    expect(requests.filter((r) => r.method === "DELETE")).toHaveLength(1);
  }, 60_000);
});
