import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type MockReply, mockApi, sessionOf, unauthorized } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const coursesPage = { items: [], total: 0, page: 1, pageSize: 25 };

function signInWith(reply: MockReply) {
  return mockApi([
    { path: "/api/auth/me", reply: unauthorized },
    { method: "POST", path: "/api/auth/sign-in", reply },
    { path: "/api/tutoring/courses", reply: { body: coursesPage } },
    { path: "/api/learner/courses", reply: { body: { items: [], catalogue: [] } } },
  ]);
}

async function submit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText("Adresse e-mail"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Mot de passe"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Se connecter" }));
}

describe("SignInPage", () => {
  it("is in French by default, with labelled fields", async () => {
    signInWith({ body: sessionOf(["tutor"]) });
    renderApp("/sign-in");
    expect(await screen.findByRole("heading", { level: 1, name: "Connexion" })).toBeTruthy();
    expect(screen.getByLabelText("Adresse e-mail").getAttribute("autocomplete")).toBe("username");
    expect(screen.getByLabelText("Mot de passe").getAttribute("autocomplete")).toBe("current-password");
    expect(document.documentElement.lang).toBe("fr");
  });

  it("checks the fields before calling the server", async () => {
    const { requests } = signInWith({ body: sessionOf(["tutor"]) });
    renderApp("/sign-in");
    await submit("pas-une-adresse", "");
    expect(await screen.findByText(/Saisissez une adresse e-mail valide/)).toBeTruthy();
    expect(screen.getByText("Saisissez votre mot de passe.")).toBeTruthy();
    expect(requests.some((r) => r.url.pathname === "/api/auth/sign-in")).toBe(false);
  });

  it("says the credentials are wrong", async () => {
    signInWith({
      status: 401,
      body: { error: { code: "invalid_credentials", message: "Email or password is incorrect" } },
    });
    renderApp("/sign-in");
    await submit("tuteur@demo.local", "wrong");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Adresse e-mail ou mot de passe incorrect.");
  });

  it("says how long to wait after too many attempts", async () => {
    signInWith({
      status: 429,
      headers: { "retry-after": "900" },
      body: { error: { code: "rate_limited", message: "Too many failed sign-ins" } },
    });
    renderApp("/sign-in");
    await submit("tuteur@demo.local", "wrong");
    expect((await screen.findByRole("alert")).textContent).toContain("réessayez dans 15 min");
  });

  it("says when the server cannot be reached", async () => {
    const api = signInWith({ status: 200 });
    api.fetchMock.mockImplementation(async (input: RequestInfo | URL) => {
      if (String(input).includes("/api/auth/me"))
        return new Response(JSON.stringify(unauthorized.body), { status: 401 });
      throw new TypeError("Failed to fetch");
    });
    renderApp("/sign-in");
    await submit("tuteur@demo.local", "demo");
    expect((await screen.findByRole("alert")).textContent).toContain("Impossible de joindre le serveur");
  });

  it("lands a tutor on Tutorat > Formations", async () => {
    const { requests } = signInWith({ body: sessionOf(["tutor"]) });
    const { router } = renderApp("/sign-in");
    await submit(" tuteur@demo.local ", "demo");
    await waitFor(() => expect(router.state.location.pathname).toBe("/tutorat/formations"));
    expect(requests.find((r) => r.url.pathname === "/api/auth/sign-in")?.body).toEqual({
      email: "tuteur@demo.local",
      password: "demo",
    });
    // The screen's code is loaded lazily: end once it shows, not while its import is still under way (finishing
    // after the environment's teardown, the import fails with an unhandled error that fails the run).
    expect(await screen.findByRole("heading", { level: 1, name: "Formations" })).toBeTruthy();
  });

  it("lands a learner on Mes formations", async () => {
    signInWith({ body: sessionOf(["learner"]) });
    const { router } = renderApp("/sign-in");
    await submit("sam.agasse@demo.local", "demo");
    await waitFor(() => expect(router.state.location.pathname).toBe("/mes-formations"));
    // As above: the lazily loaded screen shows before the test ends.
    expect(await screen.findByText(/Vous n'êtes inscrit à aucune formation/)).toBeTruthy();
  });

  it("goes back to the page that asked for sign-in", async () => {
    signInWith({ body: sessionOf(["tutor"]) });
    const { router } = renderApp("/sign-in?redirect=%2Ftutorat%2Fformations%3Fq%3Dvente");
    await submit("tuteur@demo.local", "demo");
    await waitFor(() => expect(router.state.location.search).toBe("?q=vente"));
    expect(router.state.location.pathname).toBe("/tutorat/formations");
    // As above: the lazily loaded screen shows before the test ends.
    expect(await screen.findByRole("heading", { level: 1, name: "Formations" })).toBeTruthy();
  });
});

describe("SignInPage language", () => {
  it("switches to English before sign-in, field messages included", async () => {
    signInWith({ body: sessionOf(["tutor"]) });
    renderApp("/sign-in");
    fireEvent.click(await screen.findByRole("button", { name: "Se connecter" }));
    await screen.findByText("Saisissez votre mot de passe.");
    fireEvent.click(screen.getByText("EN"));
    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeTruthy();
    expect(await screen.findByText("Enter your password.")).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });
});
