import { describe, expect, it } from "vitest";
import { pagerSummary } from "./pagerSummary.js";

describe("pagerSummary", () => {
  it("matches the source's pagers", () => {
    expect(pagerSummary(1, 25, 5)).toEqual({ pages: 1, from: 1, to: 5 });
    expect(pagerSummary(1, 5, 21)).toEqual({ pages: 5, from: 1, to: 5 });
  });

  it("handles the last, partial page and an empty list", () => {
    expect(pagerSummary(5, 5, 21)).toEqual({ pages: 5, from: 21, to: 21 });
    expect(pagerSummary(1, 25, 0)).toEqual({ pages: 1, from: 0, to: 0 });
  });
});
