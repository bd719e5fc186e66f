import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, sessionOf } from "../test/mockApi.js";
import { renderApp } from "../test/renderApp.js";
import { watchLayoutAlone } from "../test/watchLayoutAlone.js";

const emptyCourses = { items: [], total: 0, page: 1, pageSize: 25 };

// A file of its own: a screen's code, once loaded, stays loaded for the rest of a test file, and
// the layout would then render with the screen however the load went.
describe("the app's first load at /", () => {
  it("sends / on to the user's home screen within the same load, in one pass too", async () => {
    const seen = watchLayoutAlone();
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["admin"]) } },
      { path: "/api/tutoring/courses", reply: { body: emptyCourses } },
    ]);
    const { router } = renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Formations" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/tutorat/formations");
    expect(seen.layoutAlone).toBe(false);
  });
});
