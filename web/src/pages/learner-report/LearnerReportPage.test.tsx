import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type MockReply, mockApi, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";
import { samAudit, samReport, sheetStats } from "./samReport.fixture.js";

const courseId = samReport.course.id;
const learnerId = samReport.learner.id;
const sheet = samReport.lessons[1];
const learnerPath = `/api/tutoring/courses/${courseId}/learners/${learnerId}`;
const reportUrl = `/tutorat/formations/${courseId}/centre/apprenants/${learnerId}`;

function server(putReply: MockReply = { body: { version: 5, auditId: 3 } }) {
  return mockApi([
    { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
    { path: `${learnerPath}/report`, reply: { body: samReport } },
    { path: `${learnerPath}/audit`, reply: { body: samAudit } },
    { path: `${learnerPath}/lessons/${sheet?.lessonId}/stats`, reply: { body: sheetStats } },
    { method: "PUT", path: `${learnerPath}/lessons/${sheet?.lessonId}/stats`, reply: putReply },
  ]);
}

function lessonRow(title: RegExp) {
  const row = screen.getAllByRole("row").find((r) => title.test(r.textContent ?? ""));
  if (!row) throw new Error(`no row ${title}`);
  return row;
}

describe("learner report", () => {
  it("shows AGASSE Sam's figures as the source does", async () => {
    server();
    renderApp(reportUrl);
    expect(await screen.findByRole("heading", { level: 1, name: "Rapport de suivi — AGASSE Sam" })).toBeTruthy();
    const info = screen.getByRole("region", { name: "Informations" });
    expect(within(info).getByText("South")).toBeTruthy();
    expect(within(info).getByText("04:16:08")).toBeTruthy();
    expect(within(info).getByText("07/01/2024 19:36")).toBeTruthy();
    expect(within(info).getByText("11/02/2025 09:34")).toBeTruthy();
    expect(lessonRow(/^.*Fiche Pratique/).textContent).toContain("Terminé75%0%n.a.100:01:2007/01/2024 20:00");
    expect(lessonRow(/C01 Observation/).textContent).toContain("Echoué50%50%50%100:09:2011/02/2025 09:44");
    expect(screen.getByText("Pas de relance envoyée")).toBeTruthy();
    const crumbs = screen.getByRole("navigation", { name: "Fil d'Ariane" });
    expect(within(crumbs).getByRole("link", { name: "Centre de tutorat" }).getAttribute("href")).toBe(
      `/tutorat/formations/${courseId}/centre`,
    );
  });

  it("expands the e-learning row to its seven attempts with cumulative times", async () => {
    server();
    renderApp(reportUrl);
    await screen.findByRole("heading", { level: 1, name: /AGASSE Sam/ });
    const row = lessonRow(/E-Learning L'avant-vente/);
    fireEvent.click(within(row).getByRole("button", { name: /^Essais de « E-Learning/ }));
    const attempts = await screen.findByRole("table", { name: "Essais : E-Learning L'avant-vente, c'est quoi ?" });
    const times = within(attempts)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.querySelectorAll("td")[4]?.textContent);
    expect(times).toEqual(["00:00:00", "00:02:12", "00:02:26", "00:02:27", "00:02:45", "00:02:46", "00:04:14"]);
  });

  it("shows no pager under a lesson whose attempts fit on one page", async () => {
    server();
    renderApp(reportUrl);
    await screen.findByRole("heading", { level: 1, name: /AGASSE Sam/ });
    fireEvent.click(
      within(lessonRow(/E-Learning L'avant-vente/)).getByRole("button", { name: /^Essais de « E-Learning/ }),
    );
    await screen.findByRole("table", { name: /^Essais : E-Learning/ });
    expect(screen.queryByRole("navigation", { name: /^Pages des essais/ })).toBeNull();
  });

  it("pages a lesson's attempts from the server, the time going on from the first page", async () => {
    const quiz = samReport.lessons[2];
    if (!quiz) throw new Error("no quiz in the fixture");
    // The quiz with twelve attempts: the report brings the first ten, the server the two others.
    const first = Array.from({ length: 10 }, (_, i) => ({
      number: i + 1,
      date: `2024-01-07T19:${String(10 + i).padStart(2, "0")}:00.000Z`,
      status: "failed" as const,
      score: 50,
      cumulativeSeconds: (i + 1) * 60,
    }));
    const report = {
      ...samReport,
      lessons: samReport.lessons.map((l) =>
        l === quiz ? { ...quiz, attemptsCount: 12, attemptsTotal: 12, attempts: first } : l,
      ),
    };
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: `${learnerPath}/report`, reply: { body: report } },
      { path: `${learnerPath}/audit`, reply: { body: samAudit } },
      {
        path: `${learnerPath}/lessons/${quiz.lessonId}/attempts`,
        reply: {
          body: {
            items: [
              { number: 11, date: "2024-01-07T19:30:00.000Z", status: "failed", score: 60, cumulativeSeconds: 700 },
              { number: 12, date: "2024-01-07T19:40:00.000Z", status: "passed", score: 94, cumulativeSeconds: 754 },
            ],
            total: 12,
            page: 2,
            pageSize: 10,
          },
        },
      },
    ]);
    renderApp(reportUrl);
    await screen.findByRole("heading", { level: 1, name: /AGASSE Sam/ });
    fireEvent.click(within(lessonRow(/C01 Quiz/)).getByRole("button", { name: /^Essais de « C01 Quiz/ }));
    await screen.findByRole("table", { name: "Essais : C01 Quiz L'avant-vente" });
    const pager = screen.getByRole("navigation", { name: "Pages des essais : C01 Quiz L'avant-vente" });
    expect(within(pager).getByText("Page 1 sur 2, élément(s) 1 à 10 sur 12.")).toBeTruthy();
    // The server's page size is fixed: no size selector.
    expect(within(pager).queryByRole("combobox")).toBeNull();
    fireEvent.click(within(pager).getByTitle("2"));
    await within(pager).findByText("Page 2 sur 2, élément(s) 11 à 12 sur 12.");
    // The table element is rendered anew with its rows: look it up again.
    await waitFor(
      () =>
        expect(
          within(screen.getByRole("table", { name: "Essais : C01 Quiz L'avant-vente" }))
            .getAllByRole("row")
            .slice(1)
            .map((r) => [r.querySelectorAll("td")[3]?.textContent, r.querySelectorAll("td")[4]?.textContent]),
        ).toEqual([
          ["11", "00:11:40"],
          ["12", "00:12:34"],
        ]),
      { timeout: 5000 },
    );
    const asked = requests.find((r) => r.url.pathname.endsWith("/attempts"));
    expect(asked?.url.searchParams.get("page")).toBe("2");
    expect(asked?.url.searchParams.get("pageSize")).toBe("10");
  });

  it("checks the score before sending, and sends the edit with the version the form opened with", async () => {
    const { requests } = server();
    renderApp(reportUrl);
    await screen.findByRole("heading", { level: 1, name: /AGASSE Sam/ });
    fireEvent.click(within(lessonRow(/Fiche Pratique/)).getByRole("button", { name: /Actions sur la leçon/ }));
    fireEvent.click(await screen.findByText("Modifier les statistiques"));
    const score = await screen.findByLabelText("Score (%)");
    fireEvent.change(score, { target: { value: "101" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));
    expect(await screen.findByText("Le score doit être compris entre 0 et 100.")).toBeTruthy();
    expect(requests.some((r) => r.method === "PUT")).toBe(false);
    fireEvent.change(score, { target: { value: "80" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));
    await waitFor(() => expect(requests.some((r) => r.method === "PUT")).toBe(true));
    const put = requests.find((r) => r.method === "PUT");
    expect(put?.body).toMatchObject({ expectedVersion: sheetStats.version, score: 80, statusAt: sheetStats.statusAt });
    expect(put?.headers["x-csrf-token"]).toBe("csrf-123");
  });

  it("says clearly when the learner's data changed after the form opened", async () => {
    server({ status: 409, body: { error: { code: "stale", message: "The learner's data changed" } } });
    renderApp(reportUrl);
    await screen.findByRole("heading", { level: 1, name: /AGASSE Sam/ });
    fireEvent.click(within(lessonRow(/Fiche Pratique/)).getByRole("button", { name: /Actions sur la leçon/ }));
    fireEvent.click(await screen.findByText("Modifier les statistiques"));
    fireEvent.change(await screen.findByLabelText("Score (%)"), { target: { value: "80" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));
    expect(await screen.findByText("Les données de l'apprenant ont changé")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Recharger les valeurs" })).toBeTruthy();
  });

  it("shows a server refusal on its field", async () => {
    server({
      status: 400,
      body: {
        error: {
          code: "validation_error",
          message: "The date can't be in the future",
          fields: [{ field: "body.statusAt", rule: "not_in_future", message: "The date can't be in the future" }],
        },
      },
    });
    renderApp(reportUrl);
    await screen.findByRole("heading", { level: 1, name: /AGASSE Sam/ });
    fireEvent.click(within(lessonRow(/Fiche Pratique/)).getByRole("button", { name: /Actions sur la leçon/ }));
    fireEvent.click(await screen.findByText("Modifier les statistiques"));
    await screen.findByLabelText("Score (%)");
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));
    expect(await screen.findByText("La date ne peut pas être dans le futur.")).toBeTruthy();
  });

  it("answers an unknown learner with a clear page", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: `${learnerPath}/report`, reply: { status: 404, body: { error: { code: "not_found", message: "x" } } } },
    ]);
    renderApp(reportUrl);
    expect(await screen.findByText("Rapport introuvable")).toBeTruthy();
  });
});
