import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

describe("MyCoursesPage", () => {
  it("lists the learner's courses with status, progress, time spent and objective date", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"]) } },
      {
        path: "/api/learner/courses",
        reply: {
          body: {
            items: [
              {
                courseId: "00000000-0000-4000-8000-000000000101",
                code: "C01",
                name: "Cours 1 : L'avant-vente",
                status: "in_progress",
                progressPct: 83,
                timeSpentSeconds: 15368,
                objectiveAt: "2025-03-31T15:30:00.000Z",
              },
              {
                courseId: "00000000-0000-4000-8000-000000000102",
                code: "C02",
                name: "Cours 2 : La vente",
                status: "not_started",
                progressPct: 0,
                timeSpentSeconds: 0,
                objectiveAt: null,
              },
            ],
            catalogue: [
              {
                courseId: "00000000-0000-4000-8000-000000000103",
                code: "MGT",
                name: "Manager à distance",
                description: "Animer une équipe à distance.",
                lessons: 4,
                durationSeconds: 5400,
              },
            ],
          },
        },
      },
    ]);
    renderApp("/mes-formations");
    const first = (await screen.findByText("Cours 1 : L'avant-vente", {}, { timeout: 15_000 })).closest(
      "tr",
    ) as HTMLElement;
    expect(within(first).getByText("En cours")).toBeTruthy();
    expect(within(first).getByText("83 %")).toBeTruthy();
    expect(within(first).getByText("04:16:08")).toBeTruthy();
    expect(within(first).getByText("31/03/2025 17:30")).toBeTruthy();
    const second = screen.getByText("Cours 2 : La vente").closest("tr") as HTMLElement;
    expect(within(second).getByText("Non commencé")).toBeTruthy();
    expect(within(second).getByText("00:00:00")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Mes formations" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Cours 1 : L'avant-vente" }).getAttribute("href")).toBe(
      "/mes-formations/00000000-0000-4000-8000-000000000101",
    );
    const open = screen.getByText("Manager à distance").closest("tr") as HTMLElement;
    expect(within(open).getByRole("button", { name: "S'inscrire à Manager à distance" })).toBeTruthy();
    expect(within(open).getByText("01:30:00")).toBeTruthy();
  });

  it("says when the learner has no course", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"]) } },
      { path: "/api/learner/courses", reply: { body: { items: [], catalogue: [] } } },
    ]);
    renderApp("/mes-formations");
    expect(await screen.findByText(/Vous n'êtes inscrit à aucune formation/)).toBeTruthy();
  });
});
