import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, sessionOf, unauthorized } from "../test/mockApi.js";
import { renderApp } from "../test/renderApp.js";

const emptyCourses = { items: [], total: 0, page: 1, pageSize: 25 };

describe("access to the signed-in screens", () => {
  it("sends a visitor to the sign-in page, remembering where they were going", async () => {
    mockApi([{ path: "/api/auth/me", reply: unauthorized }]);
    const { router } = renderApp("/tutorat/formations?q=vente");
    await screen.findByRole("heading", { level: 1, name: "Connexion" });
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(new URLSearchParams(router.state.location.search).get("redirect")).toBe("/tutorat/formations?q=vente");
  });

  it("refuses the tutoring screens to a learner, without asking the server for them", async () => {
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"]) } },
      { path: "/api/tutoring/courses", reply: { status: 403, body: { error: { code: "forbidden", message: "x" } } } },
    ]);
    renderApp("/tutorat/formations");
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeTruthy();
    expect(requests.some((r) => r.url.pathname === "/api/tutoring/courses")).toBe(false);
  });

  it("shows the refusal too when the server refuses", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: "/api/tutoring/courses", reply: { status: 403, body: { error: { code: "forbidden", message: "x" } } } },
    ]);
    renderApp("/tutorat/formations");
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeTruthy();
  });

  it("sends the user back to sign in when the session expires", async () => {
    let signedIn = true;
    mockApi([
      { path: "/api/auth/me", reply: () => (signedIn ? { body: sessionOf(["tutor"]) } : unauthorized) },
      {
        path: "/api/tutoring/courses",
        reply: () => {
          signedIn = false;
          return unauthorized;
        },
      },
    ]);
    const { router } = renderApp("/tutorat/formations");
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(new URLSearchParams(router.state.location.search).get("redirect")).toBe("/tutorat/formations");
  });

  it("sends / to each user's home screen", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["admin"]) } },
      { path: "/api/tutoring/courses", reply: { body: emptyCourses } },
    ]);
    const { router } = renderApp("/");
    await waitFor(() => expect(router.state.location.pathname).toBe("/tutorat/formations"));
    // The screen's code is loaded lazily: end once it shows, not while its import is still under way (finishing
    // after the environment's teardown, the import fails with an unhandled error that fails the run).
    expect(await screen.findByRole("heading", { level: 1, name: "Formations" })).toBeTruthy();
  });

  it("offers to retry when the session cannot be checked", async () => {
    mockApi([{ path: "/api/auth/me", reply: { status: 503, body: { error: { code: "unavailable", message: "x" } } } }]);
    renderApp("/tutorat/formations");
    expect(await screen.findByText("Impossible de vérifier votre session")).toBeTruthy();
  });
});
