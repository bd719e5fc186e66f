import { describe, expect, it } from "vitest";
import { auditViewToParams, auditViewToQuery, defaultAuditView, hasFilters, parseAuditView } from "./auditView.js";

const learner = "6442560a-b70a-4fe4-8f2b-99e52bed8c77";

describe("the audit screen's view in the URL", () => {
  it("reads filters and paging, and drops what is malformed", () => {
    const view = parseAuditView(
      new URLSearchParams(
        `action=lesson_stats.edit&apprenant=${learner}&cours=nope&du=2024-01-08&au=08/01/2024&page=2&pageSize=7`,
      ),
    );
    expect(view).toEqual({
      ...defaultAuditView,
      action: "lesson_stats.edit",
      learnerId: learner,
      from: "2024-01-08",
      page: 2,
    });
    expect(hasFilters(view)).toBe(true);
    expect(hasFilters(defaultAuditView)).toBe(false);
  });

  it("writes only what differs from the default, and reads it back", () => {
    expect(auditViewToParams(defaultAuditView).toString()).toBe("");
    const view = { ...defaultAuditView, actorId: learner, to: "2024-01-31", pageSize: 50 };
    expect(parseAuditView(auditViewToParams(view))).toEqual(view);
  });

  it("asks the server for whole days of the user's time zone", () => {
    const query = auditViewToQuery({ ...defaultAuditView, from: "2024-01-08", to: "2024-01-08" }, "Europe/Paris");
    expect(query).toMatchObject({
      page: 1,
      pageSize: 25,
      from: "2024-01-07T23:00:00.000Z",
      to: "2024-01-08T22:59:59.999Z",
    });
    expect(query.action).toBeUndefined();
  });
});
