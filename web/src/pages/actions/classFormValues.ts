import type { Dayjs } from "dayjs";
import type { ClassFields, VirtualClass } from "../../../../common/api/classes.js";
import { fromZonedWallClock, toZonedWallClock } from "../learner-report/zonedTime.js";

/** The class form's values: the start is a wall-clock time in the class's time zone. */
export interface ClassFormValues {
  title: string;
  startsAt: Dayjs | null;
  durationMinutes: number | null;
  timeZone: string;
  joinUrl: string;
  description: string;
}

/** The form's fields, named as the server names them (its 400s land on the right field). */
export const classFormFields = ["title", "startsAt", "durationMinutes", "timeZone", "joinUrl", "description"] as const;

export const minDuration = 5;
export const maxDuration = 1440;

/** An empty form: an hour-long class in the user's time zone. */
export function newClassValues(timeZone: string): ClassFormValues {
  return { title: "", startsAt: null, durationMinutes: 60, timeZone, joinUrl: "", description: "" };
}

/** A class as the reschedule form shows it. */
export function classToValues(virtualClass: VirtualClass): ClassFormValues {
  return {
    title: virtualClass.title,
    startsAt: toZonedWallClock(virtualClass.startsAt, virtualClass.timeZone),
    durationMinutes: virtualClass.durationMinutes,
    timeZone: virtualClass.timeZone,
    joinUrl: virtualClass.joinUrl,
    description: virtualClass.description,
  };
}

/** The validated form as the API takes it: the start as an instant (ISO, UTC). */
export function valuesToFields(values: ClassFormValues): ClassFields {
  return {
    title: values.title.trim(),
    startsAt: values.startsAt ? fromZonedWallClock(values.startsAt.second(0).millisecond(0), values.timeZone) : "",
    durationMinutes: values.durationMinutes ?? 60,
    timeZone: values.timeZone,
    joinUrl: values.joinUrl.trim(),
    description: values.description ?? "",
  };
}

/** Whether a join link is one the server takes: an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** The IANA time zones the browser knows, the user's first. */
export function timeZoneOptions(preferred: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  return [preferred, ...zones.filter((zone) => zone !== preferred)];
}
