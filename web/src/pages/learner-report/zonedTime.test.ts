import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { fromZonedWallClock, toZonedWallClock } from "./zonedTime.js";

describe("wall-clock times of the user's time zone", () => {
  it("shows an instant as the user's wall-clock time, whatever the browser's zone", () => {
    const paris = toZonedWallClock("2024-01-07T18:55:20.000Z", "Europe/Paris");
    expect(paris.format("DD/MM/YYYY HH:mm:ss")).toBe("07/01/2024 19:55:20");
    const tokyo = toZonedWallClock("2024-01-07T18:55:20.000Z", "Asia/Tokyo");
    expect(tokyo.format("DD/MM/YYYY HH:mm")).toBe("08/01/2024 03:55");
  });

  it("turns a picked wall-clock time back into the instant, across summer time", () => {
    expect(fromZonedWallClock(dayjs(new Date(2024, 0, 7, 19, 55)), "Europe/Paris")).toBe("2024-01-07T18:55:00.000Z");
    expect(fromZonedWallClock(dayjs(new Date(2024, 6, 14, 12, 0)), "Europe/Paris")).toBe("2024-07-14T10:00:00.000Z");
    expect(fromZonedWallClock(dayjs(new Date(2024, 6, 14, 12, 0)), "America/New_York")).toBe(
      "2024-07-14T16:00:00.000Z",
    );
  });

  it("round-trips", () => {
    const iso = "2025-02-11T08:44:00.000Z";
    expect(fromZonedWallClock(toZonedWallClock(iso, "Europe/Paris"), "Europe/Paris")).toBe(iso);
  });
});
