import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, type RecordedRequest, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const courseId = "00000000-0000-4000-8000-000000000c01";
const template = { id: "00000000-0000-4000-8000-0000000000a1", name: "Relance inactivité" };
const rule = (id: string, kind: string, days: number, progressBelow: number | null, paused = false) => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  kind,
  days,
  progressBelow,
  template,
  paused,
  createdAt: "2025-01-10T09:00:00.000Z",
  sent: Number(id) * 2,
});

describe("ReminderRulesPage", () => {
  it("words each rule as tutors say it, and pausing saves the rule with paused", async () => {
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: `/api/tutoring/courses/${courseId}`, reply: { body: { id: courseId, name: "Cours 1 : L'avant-vente" } } },
      {
        path: `/api/tutoring/courses/${courseId}/reminder-rules`,
        reply: {
          body: {
            items: [
              rule("1", "before_objective", 7, 50),
              rule("2", "inactive", 14, null),
              rule("3", "not_started", 1, null, true),
            ],
          },
        },
      },
      {
        method: "PUT",
        path: `/api/tutoring/courses/${courseId}/reminder-rules/00000000-0000-4000-8000-000000000002`,
        reply: (request: RecordedRequest) => ({
          body: { ...rule("2", "inactive", 14, null), ...(request.body as object) },
        }),
      },
    ]);
    renderApp(`/tutorat/formations/${courseId}/relances-automatiques`);
    expect(await screen.findByText("7 jours avant la date d'objectif si progression < 50 %")).toBeTruthy();
    const inactive = screen.getByText("Inactif depuis 14 jours").closest("tr") as HTMLElement;
    expect(within(inactive).getByText("Relance inactivité")).toBeTruthy();
    expect(within(inactive).getByText("4")).toBeTruthy();
    const notStarted = screen.getByText("Non commencé 1 jour après l'inscription").closest("tr") as HTMLElement;
    expect(within(notStarted).getByText("En pause")).toBeTruthy();

    fireEvent.click(within(inactive).getByRole("switch", { name: "Règle active : Inactif depuis 14 jours" }));
    await waitFor(() => expect(requests.some((r) => r.method === "PUT")).toBe(true));
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
      kind: "inactive",
      days: 14,
      progressBelow: null,
      templateId: template.id,
      paused: true,
    });
  });
});
