import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, sessionOf } from "../test/mockApi.js";
import { renderApp } from "../test/renderApp.js";
import { watchLayoutAlone } from "../test/watchLayoutAlone.js";

const emptyCourses = { items: [], total: 0, page: 1, pageSize: 25 };

describe("the app's first load", () => {
  it("shows the layout and the screen together, never the layout waiting for the screen's code", async () => {
    const seen = watchLayoutAlone();
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: "/api/tutoring/courses", reply: { body: emptyCourses } },
    ]);
    renderApp("/tutorat/formations");
    expect(await screen.findByRole("heading", { level: 1, name: "Formations" })).toBeTruthy();
    expect(document.getElementById("main-content")).not.toBeNull();
    expect(seen.layoutAlone).toBe(false);
  });

  it("sends /tutorat on to the tutored courses", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: "/api/tutoring/courses", reply: { body: emptyCourses } },
    ]);
    const { router } = renderApp("/tutorat");
    expect(await screen.findByRole("heading", { level: 1, name: "Formations" })).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe("/tutorat/formations"));
  });
});
