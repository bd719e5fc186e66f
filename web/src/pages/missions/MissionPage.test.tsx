import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MissionDetail } from "../../../../common/api/missions.js";
import { mockApi, type RecordedRequest, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const courseId = "00000000-0000-4000-8000-000000000c01";
const submissionId = "00000000-0000-4000-8000-000000000501";
const missionPath = `/api/tutoring/courses/${courseId}/missions/${submissionId}`;

const pending: MissionDetail = {
  course: { id: courseId, name: "Cours 1 : L'avant-vente" },
  lesson: {
    id: "00000000-0000-4000-8000-000000000401",
    title: "Mission Préparer sa vente",
    description: "Préparez un rendez-vous réel avec un de vos clients.",
    passingScore: null,
  },
  learner: { id: "00000000-0000-4000-8000-000000000101", firstName: "Camille", lastName: "Dubois" },
  submission: {
    id: submissionId,
    attemptNumber: 1,
    text: "Voici mon plan de préparation <b>pour</b> le rendez-vous.",
    submittedAt: "2026-11-27T01:14:06.354Z",
    declaredTimeSeconds: 5400,
    files: [
      {
        id: "00000000-0000-4000-8000-000000000601",
        fileName: "plan.pdf",
        mimeType: "application/pdf",
        sizeBytes: 2048,
      },
    ],
    correction: null,
  },
  history: [],
};

const byAdmin = {
  score: 80,
  verdict: "passed" as const,
  feedback: "Plan précis.",
  correctedAt: "2026-11-28T09:00:00.000Z",
  tutor: { id: "00000000-0000-4000-8000-000000000002", firstName: "Nadia", lastName: "Benali" },
};

function missionServer(correctionReply: { status: number; body: unknown }) {
  let corrected = false;
  return mockApi([
    { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
    {
      path: `/api/tutoring/courses/${courseId}/missions`,
      reply: { body: { items: [], total: 0, page: 1, pageSize: 2 } },
    },
    {
      path: missionPath,
      reply: () => ({
        body: corrected ? { ...pending, submission: { ...pending.submission, correction: byAdmin } } : pending,
      }),
    },
    {
      method: "POST",
      path: `${missionPath}/correction`,
      reply: (_request: RecordedRequest) => {
        corrected = true;
        return correctionReply;
      },
    },
  ]);
}

describe("MissionPage", () => {
  it("shows the submission as text, with its file to download", async () => {
    missionServer({ status: 201, body: byAdmin });
    renderApp(`/tutorat/formations/${courseId}/centre/missions/${submissionId}`);
    // The first render of the file also loads the lazy page chunks: give it time on a busy machine.
    expect(await screen.findByRole("heading", { level: 1, name: "Dubois Camille" }, { timeout: 15_000 })).toBeTruthy();
    // User text stays text: the markup is shown, never interpreted.
    expect(screen.getByText("Voici mon plan de préparation <b>pour</b> le rendez-vous.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "plan.pdf" }).getAttribute("href")).toBe(
      `${missionPath}/files/00000000-0000-4000-8000-000000000601`,
    );
    expect(screen.getByText("01:30:00")).toBeTruthy();
  });

  it("sends score, verdict and feedback, then shows the saved correction", async () => {
    const { requests } = missionServer({
      status: 201,
      body: { ...byAdmin, tutor: { ...byAdmin.tutor, lastName: "Roche", firstName: "Julien" } },
    });
    renderApp(`/tutorat/formations/${courseId}/centre/missions/${submissionId}`);
    await screen.findByRole("heading", { level: 1, name: "Dubois Camille" });
    fireEvent.click(screen.getByRole("radio", { name: "Réussi" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: /^Score \(%\)/ }), { target: { value: "80" } });
    fireEvent.change(screen.getByRole("textbox", { name: /^Commentaire pour l'apprenant/ }), {
      target: { value: "Plan précis." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer la correction" }));
    expect(await screen.findByText("Correction enregistrée.")).toBeTruthy();
    const post = requests.find((r) => r.method === "POST");
    expect(post?.body).toEqual({ score: 80, verdict: "passed", feedback: "Plan précis." });
    expect(post?.headers["x-csrf-token"]).toBe("csrf-123");
  });

  it("says clearly when another tutor corrected first, and shows their correction", async () => {
    missionServer({
      status: 409,
      body: { error: { code: "already_corrected", message: "Another tutor corrected this submission first" } },
    });
    renderApp(`/tutorat/formations/${courseId}/centre/missions/${submissionId}`);
    await screen.findByRole("heading", { level: 1, name: "Dubois Camille" });
    fireEvent.click(screen.getByRole("radio", { name: "Échoué" }));
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer la correction" }));
    expect(await screen.findByText("Un autre tuteur a corrigé cette mission avant vous.")).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/^Benali Nadia, le /)).toBeTruthy());
    expect(screen.getByText("Plan précis.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Enregistrer la correction" })).toBeNull();
  });
});
