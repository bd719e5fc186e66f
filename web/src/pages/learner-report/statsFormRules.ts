import type { Dayjs } from "dayjs";
import type { LessonStatsEdit, LessonStatsForm } from "../../../../common/api/statistics.js";
import type { LessonStatus } from "../../../../common/enums.js";
import type { ErrorField } from "../../../../common/errors.js";
import { formatDuration, parseDuration } from "../../../../common/format.js";
import { MAX_EDIT_HOURS } from "../../../../common/statuses.js";
import { fromZonedWallClock, toZonedWallClock } from "./zonedTime.js";

/** The `Modifier les statistiques` form as the user edits it. */
export interface StatsFormValues {
  status: LessonStatus;
  clearAttempts: boolean;
  /** Wall-clock time in the user's time zone; null when the lesson has no status date. */
  statusAt: Dayjs | null;
  /** Percent; null when the lesson has no score. */
  score: number | null;
  /** HH:MM:SS. */
  time: string;
  location: string;
  suspendData: string;
  reason: string;
}

export type StatsField = keyof StatsFormValues;

/** A message of the form: a translation key of `stats.errors` and its values. */
export interface StatsFieldError {
  key:
    | "status"
    | "future"
    | "beforeEnrollment"
    | "invalidDate"
    | "scoreRange"
    | "timeFormat"
    | "timeMax"
    | "locationTooLong"
    | "suspendDataTooLong"
    | "notElearning"
    | "noAttempt"
    | "reasonTooLong";
  values?: Record<string, number | string>;
}

export const maxReasonLength = 2000;
const maxSeconds = MAX_EDIT_HOURS * 3600;

/** The form's starting values, from what the server says the lesson holds. */
export function toFormValues(form: LessonStatsForm, timeZone: string): StatsFormValues {
  return {
    status: form.status,
    clearAttempts: false,
    statusAt: form.statusAt ? toZonedWallClock(form.statusAt, timeZone) : null,
    score: form.score,
    time: formatDuration(form.timeSpentSeconds),
    location: form.location,
    suspendData: form.suspendData,
    reason: "",
  };
}

/** Location and suspend data exist only for an e-learning (SCORM) lesson. */
export function hasCmiData(form: LessonStatsForm): boolean {
  return form.scormVersion !== null;
}

export function statusError(status: LessonStatus | undefined, form: LessonStatsForm): StatsFieldError | null {
  return status && form.allowedStatuses.includes(status) ? null : { key: "status" };
}

/** The same date rules as the server: not in the future, not before the enrollment. */
export function dateError(
  value: Dayjs | null,
  form: LessonStatsForm,
  timeZone: string,
  now = new Date(),
): StatsFieldError | null {
  if (!value) return null;
  if (!value.isValid()) return { key: "invalidDate" };
  const at = new Date(fromZonedWallClock(value, timeZone)).getTime();
  if (at > now.getTime() + 60_000) return { key: "future" };
  if (at < new Date(form.enrolledAt).getTime()) {
    return { key: "beforeEnrollment", values: { date: form.enrolledAt } };
  }
  return null;
}

/** Score: empty, or 0 to 100 (decimals allowed). */
export function scoreError(value: number | null | undefined): StatsFieldError | null {
  if (value === null || value === undefined) return null;
  return Number.isFinite(value) && value >= 0 && value <= 100 ? null : { key: "scoreRange" };
}

/** Time spent: HH:MM:SS, at most 1,000 hours. */
export function timeError(text: string | undefined): StatsFieldError | null {
  const seconds = parseDuration(text ?? "");
  if (seconds === null) return { key: "timeFormat" };
  return seconds > maxSeconds ? { key: "timeMax", values: { hours: MAX_EDIT_HOURS } } : null;
}

export function locationError(text: string | undefined, form: LessonStatsForm): StatsFieldError | null {
  const length = (text ?? "").length;
  if (!hasCmiData(form)) return length > 0 ? { key: "notElearning" } : null;
  return length > form.limits.location ? { key: "locationTooLong", values: { max: form.limits.location } } : null;
}

export function suspendDataError(text: string | undefined, form: LessonStatsForm): StatsFieldError | null {
  const length = (text ?? "").length;
  if (!hasCmiData(form)) return length > 0 ? { key: "notElearning" } : null;
  return length > form.limits.suspendData
    ? { key: "suspendDataTooLong", values: { max: form.limits.suspendData } }
    : null;
}

export function reasonError(text: string | undefined): StatsFieldError | null {
  return (text ?? "").length > maxReasonLength ? { key: "reasonTooLong", values: { max: maxReasonLength } } : null;
}

/**
 * What PUT .../stats is sent. Values the user left as they were go back exactly as the server gave them (a date is
 * shown to the minute; re-sending it rounded would count as a change).
 */
export function toEdit(values: StatsFormValues, form: LessonStatsForm, timeZone: string): LessonStatsEdit {
  let statusAt: string | null = null;
  if (values.statusAt) {
    const unchanged = form.statusAt && toZonedWallClock(form.statusAt, timeZone).isSame(values.statusAt, "minute");
    statusAt = unchanged ? form.statusAt : fromZonedWallClock(values.statusAt.second(0).millisecond(0), timeZone);
  }
  const seconds = parseDuration(values.time);
  return {
    expectedVersion: form.version,
    status: values.status,
    clearAttempts: values.clearAttempts,
    statusAt,
    score: values.score ?? null,
    timeSpentSeconds:
      seconds === null || values.time.trim() === formatDuration(form.timeSpentSeconds)
        ? form.timeSpentSeconds
        : seconds,
    location: hasCmiData(form) ? values.location : "",
    suspendData: hasCmiData(form) ? values.suspendData : "",
    reason: values.reason.trim(),
  };
}

const serverFields: Record<string, StatsField> = {
  "body.status": "status",
  "body.clearAttempts": "clearAttempts",
  "body.statusAt": "statusAt",
  "body.score": "score",
  "body.timeSpentSeconds": "time",
  "body.location": "location",
  "body.suspendData": "suspendData",
  "body.reason": "reason",
};

/** A field of the server's 400 as the form's field and message; message null when only the server's text fits. */
export function fromServerField(
  error: ErrorField,
  form: LessonStatsForm,
): { field: StatsField; message: StatsFieldError | null } | null {
  const field = serverFields[error.field];
  if (!field) return null;
  const rule = error.rule;
  switch (field) {
    case "status":
      return { field, message: { key: "status" } };
    case "statusAt":
      if (rule === "not_in_future") return { field, message: { key: "future" } };
      if (rule === "after_enrollment") {
        return { field, message: { key: "beforeEnrollment", values: { date: form.enrolledAt } } };
      }
      return { field, message: { key: "invalidDate" } };
    case "score":
      return { field, message: { key: "scoreRange" } };
    case "time":
      return { field, message: rule === "too_big" ? { key: "timeMax", values: { hours: MAX_EDIT_HOURS } } : null };
    case "location":
    case "suspendData": {
      if (rule === "not_applicable") return { field, message: { key: "notElearning" } };
      if (rule === "no_attempt") return { field, message: { key: "noAttempt" } };
      if (rule === "too_big") {
        return field === "location"
          ? { field, message: { key: "locationTooLong", values: { max: form.limits.location } } }
          : { field, message: { key: "suspendDataTooLong", values: { max: form.limits.suspendData } } };
      }
      return { field, message: null };
    }
    case "reason":
      return { field, message: { key: "reasonTooLong", values: { max: maxReasonLength } } };
    default:
      return { field, message: null };
  }
}
