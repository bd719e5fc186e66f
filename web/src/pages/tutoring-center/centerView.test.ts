import { describe, expect, it } from "vitest";
import {
  centerViewToFilters,
  centerViewToParams,
  centerViewToQuery,
  defaultCenterView,
  filtersKey,
  hasColumnFilters,
  parseCenterView,
  parseTimeFilter,
} from "./centerView.js";

describe("centerView", () => {
  it("defaults to the source's screen: sorted by name, page size 5", () => {
    expect(parseCenterView(new URLSearchParams())).toEqual(defaultCenterView);
    expect(defaultCenterView.pageSize).toBe(5);
    expect(centerViewToParams(defaultCenterView).toString()).toBe("");
  });

  it("round-trips every filter, the sort and the page through the URL", () => {
    const params = new URLSearchParams(
      "enrollmentType=free&status=in_progress&q=agasse&progressMin=30&progressMax=40&timeMin=7200&timeMax=86400&atRisk=true&sort=risk&order=desc&pageSize=25&page=2",
    );
    const view = parseCenterView(params);
    expect(view).toEqual({
      enrollmentType: "free",
      status: "in_progress",
      q: "agasse",
      progressMin: 30,
      progressMax: 40,
      timeMin: 7200,
      timeMax: 86400,
      atRisk: true,
      sort: "risk",
      order: "desc",
      page: 2,
      pageSize: 25,
    });
    expect(parseCenterView(centerViewToParams(view))).toEqual(view);
  });

  it("ignores what it cannot read instead of sending it to the server", () => {
    const view = parseCenterView(
      new URLSearchParams(
        "enrollmentType=forced&status=lost&progressMin=101&timeMin=-1&atRisk=maybe&sort=password&pageSize=7&page=0",
      ),
    );
    expect(view).toEqual(defaultCenterView);
  });

  it("gives the learners endpoint and the all-pages selection the same filters", () => {
    const view = { ...defaultCenterView, status: "not_started" as const, q: "a", atRisk: false, timeMax: 0 };
    expect(centerViewToFilters(view)).toEqual({ status: "not_started", q: "a", atRisk: "false", timeMax: 0 });
    expect(centerViewToQuery(view)).toEqual({
      status: "not_started",
      q: "a",
      atRisk: "false",
      timeMax: 0,
      page: 1,
      pageSize: 5,
      sort: "name",
      order: "asc",
    });
  });

  it("tells filter changes (which clear the selection) from paging and sorting", () => {
    const base = filtersKey(defaultCenterView);
    expect(filtersKey({ ...defaultCenterView, page: 3, sort: "time", order: "desc" })).toBe(base);
    expect(filtersKey({ ...defaultCenterView, enrollmentType: "mandatory" })).not.toBe(base);
    expect(hasColumnFilters({ ...defaultCenterView, enrollmentType: "mandatory" })).toBe(false);
    expect(hasColumnFilters({ ...defaultCenterView, progressMin: 0 })).toBe(true);
  });

  it("reads time filters as HH:MM:SS, HH:MM or whole hours", () => {
    expect(parseTimeFilter("04:16:08")).toBe(15368);
    expect(parseTimeFilter("2")).toBe(7200);
    expect(parseTimeFilter("1:30")).toBe(5400);
    expect(parseTimeFilter("  ")).toBeNull();
    expect(parseTimeFilter("1h30")).toBeUndefined();
    expect(parseTimeFilter("00:75:00")).toBeUndefined();
  });
});
