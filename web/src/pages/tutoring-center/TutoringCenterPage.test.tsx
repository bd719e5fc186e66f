import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { TutoredLearner } from "../../../../common/api/tutoring.js";
import { mockApi, type RecordedRequest, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const courseId = "00000000-0000-4000-8000-000000000c01";
const centerPath = `/tutorat/formations/${courseId}/centre`;

function learner(
  index: number,
  lastName: string,
  firstName: string,
  extra: Partial<TutoredLearner> = {},
): TutoredLearner {
  return {
    userId: `00000000-0000-4000-8000-0000000001${String(index).padStart(2, "0")}`,
    enrollmentId: `00000000-0000-4000-8000-0000000002${String(index).padStart(2, "0")}`,
    lastName,
    firstName,
    enrollmentType: "mandatory",
    status: "in_progress",
    progressPct: 0,
    timeSpentSeconds: 0,
    objectiveAt: null,
    lastActivityAt: null,
    riskReasons: [],
    certificate: null,
    ...extra,
  };
}

// The source's 21 learners, the first five as the source shows them.
const learners: TutoredLearner[] = [
  learner(1, "AGASSE", "Sam", {
    progressPct: 83,
    timeSpentSeconds: 15368,
    riskReasons: ["inactive"],
    lastActivityAt: "2025-02-11T08:44:00.000Z",
  }),
  learner(2, "Amalric", "Pierre Henri"),
  learner(3, "Basic", "Joëlle"),
  learner(4, "Borrat", "Nicolas"),
  learner(5, "Demory", "Jerome", { progressPct: 33, timeSpentSeconds: 815 }),
  ...Array.from({ length: 16 }, (_, i) => learner(6 + i, `Learner${String(i).padStart(2, "0")}`, "Test")),
];

/** A fake server for the center: pages and filters (on the name) like the real one. */
function centerServer() {
  return mockApi([
    { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
    {
      path: `/api/tutoring/courses/${courseId}`,
      reply: { body: { id: courseId, name: "Cours 1 : L'avant-vente" } },
    },
    {
      path: "/api/tutoring/courses",
      reply: { body: { items: [], total: 0, page: 1, pageSize: 50 } },
    },
    {
      path: `/api/tutoring/courses/${courseId}/indicators`,
      reply: {
        body: {
          learners: 21,
          missionsToCorrect: 1,
          observationsToDo: 21,
          statuses: { not_started: 6, in_progress: 15, completed: 0 },
        },
      },
    },
    {
      path: `/api/tutoring/courses/${courseId}/learners`,
      reply: (request: RecordedRequest) => {
        const params = request.url.searchParams;
        const page = Number(params.get("page") ?? 1);
        const pageSize = Number(params.get("pageSize") ?? 25);
        const q = (params.get("q") ?? "").toLowerCase();
        const matching = learners.filter((l) => `${l.lastName} ${l.firstName}`.toLowerCase().includes(q));
        return {
          body: {
            items: matching.slice((page - 1) * pageSize, page * pageSize),
            total: matching.length,
            page,
            pageSize,
            inactivityDays: 14,
          },
        };
      },
    },
    {
      method: "POST",
      path: `/api/tutoring/courses/${courseId}/selection`,
      reply: (request: RecordedRequest) => {
        const body = request.body as { mode: string; excludedLearnerIds?: string[] };
        return { body: { count: 21 - (body.excludedLearnerIds?.length ?? 0), sample: [] } };
      },
    },
  ]);
}

function learnerRows() {
  const table = screen.getByRole("region", { name: "UTILISATEURS TUTORÉS" });
  return within(table)
    .getAllByRole("row")
    .filter((row) => within(row).queryByRole("checkbox", { name: /^Sélectionner (?!la page$)/ }));
}

describe("TutoringCenterPage", () => {
  it("shows the source's screen: indicators, chart legend, the first page and the pager text", async () => {
    centerServer();
    renderApp(centerPath);
    // The first render of the file also loads the lazy page chunks: give it time on a busy machine.
    expect(await screen.findByText("AGASSE Sam", {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Centre de tutorat" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "MES FORMATIONS TUTORÉES" })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole("navigation", { name: "Fil d'Ariane" }).textContent).toBe(
        "Tutorat>Formations>Cours 1 : L'avant-vente>Centre de tutorat",
      ),
    );
    const indicators = screen.getByRole("region", { name: "Indicateurs de suivi" });
    expect(indicators.textContent).toContain("APPRENANTSTOTAL21");
    expect(indicators.textContent).toContain("MISSIONS À CORRIGERTOTAL1");
    expect(indicators.textContent).toContain("OBSERVATIONS À FAIRETOTAL21");
    expect(screen.getByRole("button", { name: /Non commencé/ }).textContent).toBe("Non commencé6 (29 %)");
    expect(learnerRows().map((row) => row.textContent)).toEqual([
      expect.stringContaining("AGASSE Sam"),
      expect.stringContaining("Amalric Pierre Henri"),
      expect.stringContaining("Basic Joëlle"),
      expect.stringContaining("Borrat Nicolas"),
      expect.stringContaining("Demory Jerome"),
    ]);
    expect(learnerRows()[0]?.textContent).toContain("83 %");
    expect(learnerRows()[0]?.textContent).toContain("04:16:08");
    expect(learnerRows()[0]?.textContent).toContain("Inactif");
    expect(learnerRows()[4]?.textContent).toContain("00:13:35");
    const pager = screen.getByRole("navigation", { name: "Pagination" });
    expect(pager.textContent).toContain("Taille de la page: 5 Page 1 sur 5, élément(s) 1 à 5 sur 21.");
    expect(screen.getByRole("link", { name: "Rapport de AGASSE Sam" }).getAttribute("href")).toBe(
      `${centerPath}/apprenants/00000000-0000-4000-8000-000000000101`,
    );
  });

  it("a legend entry filters the table on its status, in the URL", async () => {
    const { requests } = centerServer();
    const { router } = renderApp(centerPath);
    await screen.findByText("AGASSE Sam");
    fireEvent.click(screen.getByRole("button", { name: /Non commencé/ }));
    await waitFor(() => expect(router.state.location.search).toBe("?status=not_started"));
    const last = requests.filter((r) => r.url.pathname.endsWith("/learners")).at(-1);
    expect(last?.url.searchParams.get("status")).toBe("not_started");
    expect(screen.getByRole("button", { name: /Non commencé/ }).getAttribute("aria-pressed")).toBe("true");
  });

  it("selects all pages through the server's resolver, and clears the selection when a filter changes", async () => {
    const { requests } = centerServer();
    const { router } = renderApp(centerPath);
    await screen.findByText("AGASSE Sam");
    expect(screen.getByText("Aucun apprenant sélectionné")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Sélectionner toutes les pages" }));
    expect(await screen.findByText("21 sélectionnés")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Sélectionner AGASSE Sam" }));
    expect(await screen.findByText("20 sélectionnés")).toBeTruthy();
    const selection = requests.filter((r) => r.url.pathname.endsWith("/selection")).at(-1);
    expect(selection?.body).toEqual({
      mode: "filters",
      filters: {},
      excludedLearnerIds: ["00000000-0000-4000-8000-000000000101"],
    });

    fireEvent.change(screen.getByRole("textbox", { name: "Filtrer par utilisateur" }), { target: { value: "agas" } });
    await waitFor(() => expect(router.state.location.search).toBe("?q=agas"));
    expect(await screen.findByText("Aucun apprenant sélectionné")).toBeTruthy();
    await waitFor(() => expect(learnerRows()).toHaveLength(1));
  });

  it("says when the course is not one the tutor tutors", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      {
        path: `/api/tutoring/courses/${courseId}`,
        reply: { status: 404, body: { error: { code: "not_found", message: "Course not found" } } },
      },
    ]);
    renderApp(centerPath);
    expect(await screen.findByRole("heading", { level: 1, name: "Formation introuvable" })).toBeTruthy();
  });

  it("asks for the first page of learners as the route starts, before the session answers, and only once", async () => {
    let answerSession: () => void = () => {};
    const sessionAnswered = new Promise<void>((resolve) => {
      answerSession = resolve;
    });
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: async () => sessionAnswered.then(() => ({ body: sessionOf(["tutor"]) })) },
      { path: `/api/tutoring/courses/${courseId}`, reply: { body: { id: courseId, name: "Cours 1 : L'avant-vente" } } },
      { path: "/api/tutoring/courses", reply: { body: { items: [], total: 0, page: 1, pageSize: 50 } } },
      {
        path: `/api/tutoring/courses/${courseId}/indicators`,
        reply: {
          body: {
            learners: 1,
            missionsToCorrect: 0,
            observationsToDo: 0,
            statuses: { not_started: 0, in_progress: 1, completed: 0 },
          },
        },
      },
      {
        path: `/api/tutoring/courses/${courseId}/learners`,
        reply: { body: { items: learners.slice(0, 1), total: 1, page: 1, pageSize: 5, inactivityDays: 14 } },
      },
    ]);
    const learnerRequests = () => requests.filter((r) => r.url.pathname.endsWith("/learners"));
    renderApp(centerPath);
    // The session is still unanswered, so nothing of the page has rendered: the route asked already.
    await waitFor(() => expect(learnerRequests()).toHaveLength(1));
    expect(screen.queryByText("AGASSE Sam")).toBeNull();
    answerSession();
    expect(await screen.findByText("AGASSE Sam", {}, { timeout: 15_000 })).toBeTruthy();
    // The page's own query found that page in the cache instead of asking again.
    expect(learnerRequests()).toHaveLength(1);
  });
});
