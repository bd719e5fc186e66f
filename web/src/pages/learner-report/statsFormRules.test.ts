import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import type { LessonStatsForm } from "../../../../common/api/statistics.js";
import {
  dateError,
  fromServerField,
  locationError,
  scoreError,
  statusError,
  suspendDataError,
  timeError,
  toEdit,
  toFormValues,
} from "./statsFormRules.js";

const sheet: LessonStatsForm = {
  status: "completed",
  statusAt: "2024-01-07T19:00:30.000Z",
  score: 75,
  timeSpentSeconds: 80,
  attemptsCount: 1,
  location: "",
  suspendData: "",
  allowedStatuses: ["not_attempted", "in_progress", "completed"],
  scormVersion: null,
  limits: { location: 1000, suspendData: 64000 },
  version: 4,
  enrolledAt: "2024-01-05T09:00:00.000Z",
};
const elearning: LessonStatsForm = {
  ...sheet,
  score: null,
  location: "page-8",
  allowedStatuses: ["not_attempted", "in_progress", "completed", "passed", "failed"],
  scormVersion: "1.2",
  limits: { location: 255, suspendData: 4096 },
};
const zone = "Europe/Paris";

describe("Modifier les statistiques: the server's rules, in the form", () => {
  it("opens with the lesson's values, the date in the user's zone and the time as HH:MM:SS", () => {
    const values = toFormValues(sheet, zone);
    expect(values).toMatchObject({
      status: "completed",
      score: 75,
      time: "00:01:20",
      clearAttempts: false,
      reason: "",
    });
    expect(values.statusAt?.format("DD/MM/YYYY HH:mm")).toBe("07/01/2024 20:00");
  });

  it("sends back untouched values exactly as the server gave them", () => {
    const edit = toEdit({ ...toFormValues(sheet, zone), score: 80 }, sheet, zone);
    expect(edit).toEqual({
      expectedVersion: 4,
      status: "completed",
      clearAttempts: false,
      statusAt: "2024-01-07T19:00:30.000Z",
      score: 80,
      timeSpentSeconds: 80,
      location: "",
      suspendData: "",
      reason: "",
    });
  });

  it("sends a changed date and time", () => {
    const values = { ...toFormValues(sheet, zone), statusAt: dayjs(new Date(2024, 0, 8, 9, 30)), time: "01:02:03" };
    const edit = toEdit(values, sheet, zone);
    expect(edit.statusAt).toBe("2024-01-08T08:30:00.000Z");
    expect(edit.timeSpentSeconds).toBe(3723);
  });

  it("accepts a status of the lesson type only", () => {
    expect(statusError("completed", sheet)).toBeNull();
    expect(statusError("passed", sheet)).toEqual({ key: "status" });
  });

  it("takes a score from 0 to 100 with decimals, or none", () => {
    expect(scoreError(null)).toBeNull();
    expect(scoreError(0)).toBeNull();
    expect(scoreError(87.555)).toBeNull();
    expect(scoreError(100)).toBeNull();
    expect(scoreError(101)).toEqual({ key: "scoreRange" });
    expect(scoreError(-0.5)).toEqual({ key: "scoreRange" });
  });

  it("takes a time as HH:MM:SS up to 1,000 hours", () => {
    expect(timeError("00:04:14")).toBeNull();
    expect(timeError("1000:00:00")).toBeNull();
    expect(timeError("1000:00:01")).toEqual({ key: "timeMax", values: { hours: 1000 } });
    expect(timeError("4 min")).toEqual({ key: "timeFormat" });
    expect(timeError("00:61:00")).toEqual({ key: "timeFormat" });
  });

  it("refuses a date in the future or before the enrollment", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(dateError(dayjs(new Date(2024, 0, 7, 20, 0)), sheet, zone, now)).toBeNull();
    expect(dateError(dayjs(new Date(2026, 0, 2, 10, 0)), sheet, zone, now)).toEqual({ key: "future" });
    expect(dateError(dayjs(new Date(2024, 0, 5, 9, 59)), sheet, zone, now)?.key).toBe("beforeEnrollment");
    expect(dateError(null, sheet, zone, now)).toBeNull();
  });

  it("applies the SCORM limits of the lesson's version, and no CMI text outside e-learning", () => {
    expect(locationError("x".repeat(255), elearning)).toBeNull();
    expect(locationError("x".repeat(256), elearning)).toEqual({ key: "locationTooLong", values: { max: 255 } });
    expect(suspendDataError("x".repeat(4097), elearning)).toEqual({ key: "suspendDataTooLong", values: { max: 4096 } });
    expect(locationError("page-2", sheet)).toEqual({ key: "notElearning" });
    expect(toEdit({ ...toFormValues(sheet, zone), location: "page-2" }, sheet, zone).location).toBe("");
  });

  it("puts the server's 400 on the form's field, with the form's message", () => {
    expect(fromServerField({ field: "body.score", rule: "too_big", message: "body.score: Too big" }, sheet)).toEqual({
      field: "score",
      message: { key: "scoreRange" },
    });
    expect(
      fromServerField({ field: "body.statusAt", rule: "after_enrollment", message: "The date can't precede" }, sheet),
    ).toEqual({ field: "statusAt", message: { key: "beforeEnrollment", values: { date: sheet.enrolledAt } } });
    expect(fromServerField({ field: "body.location", rule: "no_attempt", message: "No attempt" }, elearning)).toEqual({
      field: "location",
      message: { key: "noAttempt" },
    });
    expect(fromServerField({ field: "body", rule: "parse", message: "Bad JSON" }, sheet)).toBeNull();
  });
});
