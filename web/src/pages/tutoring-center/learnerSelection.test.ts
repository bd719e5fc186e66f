import { describe, expect, it } from "vitest";
import {
  allPages,
  emptySelection,
  isSelected,
  selectedCount,
  setSelected,
  toServerSelection,
} from "./learnerSelection.js";

describe("learner selection (T5)", () => {
  it("ticks and unticks rows and pages by id", () => {
    let selection = setSelected(emptySelection, ["a", "b"], true);
    selection = setSelected(selection, ["b", "c"], true);
    expect(selectedCount(selection, 21)).toBe(3);
    selection = setSelected(selection, ["a"], false);
    expect(isSelected(selection, "a")).toBe(false);
    expect(toServerSelection(selection, {})).toEqual({ mode: "ids", learnerIds: ["b", "c"] });
    expect(toServerSelection(emptySelection, {})).toBeNull();
  });

  it("all pages: everything matching the filters, minus the rows unticked afterwards", () => {
    let selection = allPages;
    expect(selectedCount(selection, 21)).toBe(21);
    expect(isSelected(selection, "anyone")).toBe(true);
    selection = setSelected(selection, ["a"], false);
    expect(selectedCount(selection, 21)).toBe(20);
    selection = setSelected(selection, ["a"], true);
    expect(selectedCount(selection, 21)).toBe(21);
    selection = setSelected(selection, ["x", "y"], false);
    expect(toServerSelection(selection, { status: "in_progress" })).toEqual({
      mode: "filters",
      filters: { status: "in_progress" },
      excludedLearnerIds: ["x", "y"],
    });
  });
});
