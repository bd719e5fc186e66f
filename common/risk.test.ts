import { describe, expect, it } from "vitest";
import { riskReasons } from "./risk.js";

const now = new Date("2026-03-10T12:00:00Z");
const base = {
  status: "in_progress" as const,
  progressPct: 20,
  objectiveAt: null,
  activitySince: "2026-03-09T12:00:00Z",
  inactivityDays: 14,
};

describe("riskReasons", () => {
  it("is empty for an active learner without objective", () => {
    expect(riskReasons(base, now)).toEqual([]);
  });
  it("says late once the objective date has passed", () => {
    expect(riskReasons({ ...base, objectiveAt: "2026-03-01T00:00:00Z" }, now)).toEqual(["late"]);
  });
  it("says due soon within 7 days of the objective with progress under 50 %", () => {
    expect(riskReasons({ ...base, objectiveAt: "2026-03-15T00:00:00Z" }, now)).toEqual(["due_soon"]);
    expect(riskReasons({ ...base, progressPct: 60, objectiveAt: "2026-03-15T00:00:00Z" }, now)).toEqual([]);
    expect(riskReasons({ ...base, objectiveAt: "2026-03-30T00:00:00Z" }, now)).toEqual([]);
  });
  it("says inactive after the course's number of days", () => {
    expect(riskReasons({ ...base, activitySince: "2026-02-20T00:00:00Z" }, now)).toEqual(["inactive"]);
    expect(riskReasons({ ...base, activitySince: "2026-02-20T00:00:00Z", inactivityDays: 30 }, now)).toEqual([]);
  });
  it("never flags a learner who completed the course", () => {
    expect(riskReasons({ ...base, status: "completed", objectiveAt: "2026-03-01T00:00:00Z" }, now)).toEqual([]);
  });
});
