import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, type RecordedRequest, sessionOf } from "../test/mockApi.js";
import { renderApp } from "../test/renderApp.js";

const courses = {
  items: [
    {
      id: "00000000-0000-4000-8000-000000000101",
      code: "C01",
      name: "Cours 1 : L'avant-vente",
      everyone: true,
      lists: [],
      folderId: null,
    },
  ],
  total: 1,
  page: 1,
  pageSize: 25,
};

describe("AppLayout", () => {
  it("shows the product, the Tutorat > Formations menu and the user's name and organisation", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: "/api/tutoring/courses", reply: { body: courses } },
    ]);
    renderApp("/tutorat/formations");
    const menu = await screen.findByRole("navigation", { name: "Menu principal" });
    expect(within(menu).getByText("Tutorat")).toBeTruthy();
    expect(within(menu).getByRole("link", { name: "Formations" }).getAttribute("href")).toBe("/tutorat/formations");
    expect(within(menu).queryByText("Mes formations")).toBeNull();
    expect(screen.getByText("Tutora")).toBeTruthy();
    expect(screen.getByText("Claire Martin")).toBeTruthy();
    expect(screen.getByText("South")).toBeTruthy();
  });

  it("shows a learner only Mes formations", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["learner"]) } },
      { path: "/api/learner/courses", reply: { body: { items: [] } } },
    ]);
    renderApp("/mes-formations");
    const menu = await screen.findByRole("navigation", { name: "Menu principal" });
    expect(within(menu).getByRole("link", { name: "Mes formations" })).toBeTruthy();
    expect(within(menu).queryByText("Tutorat")).toBeNull();
  });

  it("switches the whole UI to English and saves the choice", async () => {
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: "/api/tutoring/courses", reply: { body: courses } },
      {
        method: "PATCH",
        path: "/api/auth/me/preferences",
        reply: (request: RecordedRequest) => ({
          body: sessionOf(["tutor"], { locale: (request.body as { locale: "fr" | "en" }).locale }),
        }),
      },
    ]);
    renderApp("/tutorat/formations");
    await screen.findByText("Cours 1 : L'avant-vente");
    fireEvent.click(screen.getByRole("button", { name: "Menu de Claire Martin" }));
    fireEvent.click(await screen.findByText("English"));
    expect(await screen.findByRole("heading", { level: 1, name: "Courses" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Breadcrumb" }).textContent).toBe("Tutoring>Courses");
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    const patch = requests.find((r) => r.method === "PATCH");
    expect(patch?.body).toEqual({ locale: "en" });
    expect(patch?.headers["x-csrf-token"]).toBe("csrf-123");
    // antd's own texts follow (the sort tooltip, pagination, empty states).
    expect(screen.getByRole("navigation", { name: "Pagination" }).textContent).toContain(
      "Page size: 25 Page 1 of 1, item(s) 1 to 1 of 1.",
    );
  });

  it("opens in the user's saved language", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"], { locale: "en" }) } },
      { path: "/api/tutoring/courses", reply: { body: courses } },
    ]);
    renderApp("/tutorat/formations");
    expect(await screen.findByRole("heading", { level: 1, name: "Courses" })).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: /Course/ })).toBeTruthy();
  });
});
