import { describe, expect, it } from "vitest";
import { coursesViewToParams, coursesViewToQuery, defaultCoursesView, parseCoursesView } from "./coursesView.js";

describe("courses view in the URL", () => {
  it("defaults everything when the URL says nothing", () => {
    expect(parseCoursesView(new URLSearchParams())).toEqual(defaultCoursesView);
    expect(coursesViewToParams(defaultCoursesView).toString()).toBe("");
  });

  it("round-trips a view", () => {
    const view = {
      page: 3,
      pageSize: 50,
      sort: "list" as const,
      order: "desc" as const,
      q: "avant vente",
      folder: "00000000-0000-4000-8000-000000000abc",
      course: "Cours",
      list: "Everyone",
    };
    expect(parseCoursesView(coursesViewToParams(view))).toEqual(view);
  });

  it("drops a folder that is not an id", () => {
    expect(parseCoursesView(new URLSearchParams("folder=../../etc")).folder).toBe("");
  });

  it("sends the folder and the filters to the API", () => {
    const query = coursesViewToQuery({
      ...defaultCoursesView,
      folder: "00000000-0000-4000-8000-000000000abc",
      course: "vente",
      list: "Everyone",
    });
    expect(query).toMatchObject({
      folderId: "00000000-0000-4000-8000-000000000abc",
      course: "vente",
      list: "Everyone",
    });
  });

  it("ignores malformed values instead of sending them to the server", () => {
    const view = parseCoursesView(new URLSearchParams("page=-2&pageSize=33&sort=drop&order=sideways"));
    expect(view).toEqual(defaultCoursesView);
    expect(parseCoursesView(new URLSearchParams("page=1e9")).page).toBe(1);
  });

  it("leaves an empty search out of the API query", () => {
    expect(coursesViewToQuery(defaultCoursesView)).toEqual({ page: 1, pageSize: 25, sort: "name", order: "asc" });
    expect(coursesViewToQuery({ ...defaultCoursesView, q: "vente" }).q).toBe("vente");
  });
});
