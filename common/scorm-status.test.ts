import { describe, expect, it } from "vitest";
import {
  type AttemptStatus,
  type CmiScore,
  lessonStatusFromCmi,
  SCORM12_LESSON_STATUSES,
  SCORM2004_COMPLETION_STATUSES,
  SCORM2004_SUCCESS_STATUSES,
  scorePercent,
} from "./scorm-status.js";

const noScore: CmiScore = { raw: null, min: null, max: null, scaled: null };
const raw = (value: number): CmiScore => ({ raw: value, min: 0, max: 100, scaled: null });
const scaled = (value: number): CmiScore => ({ raw: null, min: null, max: null, scaled: value });

describe("scorePercent", () => {
  it("prefers the scaled score, then raw within min..max, then raw as a percentage", () => {
    expect(scorePercent(noScore)).toBeNull();
    expect(scorePercent({ raw: 40, min: 0, max: 50, scaled: 0.5 })).toBe(50);
    expect(scorePercent({ raw: 40, min: 0, max: 50, scaled: null })).toBe(80);
    expect(scorePercent({ raw: 15, min: 10, max: 20, scaled: null })).toBe(50);
    expect(scorePercent({ raw: 72.5, min: null, max: null, scaled: null })).toBe(72.5);
    expect(scorePercent({ raw: 7, min: 5, max: 5, scaled: null })).toBe(7);
  });

  it("clamps to 0–100 and rounds to two decimals", () => {
    expect(scorePercent(scaled(-0.4))).toBe(0);
    expect(scorePercent(raw(130))).toBe(100);
    expect(scorePercent({ raw: 1, min: 0, max: 3, scaled: null })).toBe(33.33);
  });
});

describe("SCORM 1.2 lesson_status", () => {
  // Every reported status, without a pass mark, with the package's mastery score, and with the
  // lesson's passing score, each with no score, a score below (50) and above (90) the mark of 80.
  const expected: Record<
    (typeof SCORM12_LESSON_STATUSES)[number],
    { none: AttemptStatus[]; mastery: AttemptStatus[]; passing: AttemptStatus[] }
  > = {
    passed: {
      none: ["passed", "passed", "passed"],
      mastery: ["passed", "failed", "passed"],
      passing: ["passed", "passed", "passed"],
    },
    failed: {
      none: ["failed", "failed", "failed"],
      mastery: ["failed", "failed", "passed"],
      passing: ["failed", "failed", "failed"],
    },
    completed: {
      none: ["completed", "completed", "completed"],
      mastery: ["completed", "failed", "passed"],
      passing: ["completed", "failed", "passed"],
    },
    incomplete: {
      none: ["in_progress", "in_progress", "in_progress"],
      mastery: ["in_progress", "in_progress", "in_progress"],
      passing: ["in_progress", "in_progress", "in_progress"],
    },
    browsed: {
      none: ["in_progress", "in_progress", "in_progress"],
      mastery: ["in_progress", "in_progress", "in_progress"],
      passing: ["in_progress", "in_progress", "in_progress"],
    },
    "not attempted": {
      none: ["in_progress", "in_progress", "in_progress"],
      mastery: ["in_progress", "in_progress", "in_progress"],
      passing: ["in_progress", "in_progress", "in_progress"],
    },
  };
  const scores = [noScore, raw(50), raw(90)];

  for (const lessonStatus of SCORM12_LESSON_STATUSES) {
    for (const mark of ["none", "mastery", "passing"] as const) {
      it(`${lessonStatus}, ${mark === "none" ? "no pass mark" : mark === "mastery" ? "masteryscore 80" : "lesson passing score 80"}`, () => {
        const got = scores.map(
          (score) =>
            lessonStatusFromCmi({
              version: "1.2",
              lessonStatus,
              score,
              masteryScore: mark === "mastery" ? 80 : null,
              passingScore: mark === "passing" ? 80 : null,
            }).status,
        );
        expect(got).toEqual(expected[lessonStatus][mark]);
      });
    }
  }

  it("an empty or unknown status is in progress", () => {
    for (const lessonStatus of [null, "", "bogus"]) {
      expect(
        lessonStatusFromCmi({ version: "1.2", lessonStatus, score: raw(95), masteryScore: 80, passingScore: null })
          .status,
      ).toBe("in_progress");
    }
  });

  it("the mastery score wins over the lesson's passing score, and applies to the raw score", () => {
    const result = lessonStatusFromCmi({
      version: "1.2",
      lessonStatus: "completed",
      score: { raw: 60, min: 0, max: 200, scaled: null },
      masteryScore: 50,
      passingScore: 90,
    });
    expect(result).toEqual({ status: "passed", scorePct: 30 });
  });

  it("a score at exactly the mark passes", () => {
    expect(
      lessonStatusFromCmi({
        version: "1.2",
        lessonStatus: "completed",
        score: raw(80),
        masteryScore: 80,
        passingScore: null,
      }).status,
    ).toBe("passed");
    expect(
      lessonStatusFromCmi({
        version: "1.2",
        lessonStatus: "completed",
        score: raw(80),
        masteryScore: null,
        passingScore: 80,
      }).status,
    ).toBe("passed");
  });
});

describe("SCORM 2004 completion_status × success_status", () => {
  const base = (completion: string, success: string): AttemptStatus => {
    if (success === "passed" || success === "failed") return success;
    return completion === "completed" ? "completed" : "in_progress";
  };

  for (const completionStatus of SCORM2004_COMPLETION_STATUSES) {
    for (const successStatus of SCORM2004_SUCCESS_STATUSES) {
      it(`${completionStatus} / ${successStatus}: without a pass mark, the content decides`, () => {
        for (const score of [noScore, scaled(0.5), scaled(0.9)]) {
          expect(
            lessonStatusFromCmi({
              version: "2004",
              completionStatus,
              successStatus,
              score,
              masteryScore: null,
              passingScore: null,
            }).status,
          ).toBe(base(completionStatus, successStatus));
        }
      });

      it(`${completionStatus} / ${successStatus}: the scaled passing score decides success from score.scaled`, () => {
        const run = (score: CmiScore) =>
          lessonStatusFromCmi({
            version: "2004",
            completionStatus,
            successStatus,
            score,
            masteryScore: 80,
            passingScore: null,
          }).status;
        expect(run(scaled(0.5))).toBe("failed");
        expect(run(scaled(0.8))).toBe("passed");
        // No scaled score: success is unknown, whatever the content said.
        expect(run(noScore)).toBe(completionStatus === "completed" ? "completed" : "in_progress");
        expect(run(raw(95))).toBe(completionStatus === "completed" ? "completed" : "in_progress");
      });

      it(`${completionStatus} / ${successStatus}: the lesson's passing score applies to a completed lesson without a verdict`, () => {
        const run = (score: CmiScore) =>
          lessonStatusFromCmi({
            version: "2004",
            completionStatus,
            successStatus,
            score,
            masteryScore: null,
            passingScore: 80,
          }).status;
        const verdict = successStatus === "passed" || successStatus === "failed" ? successStatus : null;
        const completed = completionStatus === "completed";
        expect(run(noScore)).toBe(verdict ?? (completed ? "completed" : "in_progress"));
        expect(run(scaled(0.5))).toBe(verdict ?? (completed ? "failed" : "in_progress"));
        expect(run(scaled(0.9))).toBe(verdict ?? (completed ? "passed" : "in_progress"));
      });
    }
  }

  it("reports the score in percent from the scaled score", () => {
    expect(
      lessonStatusFromCmi({
        version: "2004",
        completionStatus: "completed",
        successStatus: "passed",
        score: { raw: 9, min: 0, max: 10, scaled: 0.9 },
        masteryScore: null,
        passingScore: null,
      }),
    ).toEqual({ status: "passed", scorePct: 90 });
  });
});
