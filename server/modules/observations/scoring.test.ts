import { describe, expect, it } from "vitest";
import { scoreObservation } from "./scoring.js";

const levels = [
  { label: "Non acquis", value: 0 },
  { label: "En cours d'acquisition", value: 50 },
  { label: "Acquis", value: 100 },
];
const criteria = [
  { id: "a", weight: 1, required: true },
  { id: "b", weight: 1, required: false },
  { id: "c", weight: 2, required: false },
];

describe("scoreObservation", () => {
  it("weights the levels reached", () => {
    const result = scoreObservation(
      levels,
      criteria,
      new Map([
        ["a", 2],
        ["b", 1],
        ["c", 1],
      ]),
      50,
    );
    expect(result).toEqual({ score: 62.5, passed: true, failedRequired: [] });
  });

  it("fails on an eliminating criterion below the top level whatever the score", () => {
    const result = scoreObservation(
      levels,
      criteria,
      new Map([
        ["a", 1],
        ["b", 2],
        ["c", 2],
      ]),
      50,
    );
    expect(result.score).toBe(87.5);
    expect(result.passed).toBe(false);
    expect(result.failedRequired).toEqual(["a"]);
  });

  it("fails below the passing score", () => {
    const result = scoreObservation(
      levels,
      criteria,
      new Map([
        ["a", 2],
        ["b", 0],
        ["c", 0],
      ]),
      50,
    );
    expect(result).toMatchObject({ score: 25, passed: false });
  });

  it("refuses a criterion without a level", () => {
    expect(() => scoreObservation(levels, criteria, new Map([["a", 2]]), 50)).toThrow(/no valid level/);
  });
});
