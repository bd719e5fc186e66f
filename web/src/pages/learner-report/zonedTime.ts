import dayjs, { type Dayjs } from "dayjs";

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

function asUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/**
 * An instant as the wall-clock time of the user's time zone, in a Dayjs the date pickers can show (they work in the
 * browser's zone, which may differ from the user's).
 */
export function toZonedWallClock(iso: string | Date, timeZone: string): Dayjs {
  const clock = wallClockOf(typeof iso === "string" ? new Date(iso) : iso, timeZone);
  return dayjs(new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second));
}

/** The instant (ISO, UTC) of a wall-clock time picked in the user's time zone. */
export function fromZonedWallClock(value: Dayjs, timeZone: string): string {
  const wanted: WallClock = {
    year: value.year(),
    month: value.month() + 1,
    day: value.date(),
    hour: value.hour(),
    minute: value.minute(),
    second: value.second(),
  };
  const target = asUtc(wanted);
  // The zone's offset at the guessed instant, checked once more in case the guess crossed a DST change.
  let instant = target;
  for (let i = 0; i < 2; i++) {
    const offset = asUtc(wallClockOf(new Date(instant), timeZone)) - instant;
    instant = target - offset;
  }
  return new Date(instant + value.millisecond()).toISOString();
}
