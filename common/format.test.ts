import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration, normalizeForSearch, parseDuration, personSortName } from "./format.js";

describe("formatters", () => {
  it("formats durations as HH:MM:SS, hours beyond 24 included", () => {
    expect(formatDuration(15_368)).toBe("04:16:08");
    expect(formatDuration(0)).toBe("00:00:00");
    expect(formatDuration(100 * 3600 + 61)).toBe("100:01:01");
    expect(parseDuration("04:16:08")).toBe(15_368);
    expect(parseDuration("4:61:00")).toBeNull();
  });
  it("formats dates as the source does, in the user's time zone", () => {
    expect(formatDateTime("2024-01-07T18:36:12Z", "Europe/Paris")).toBe("07/01/2024 19:36");
    expect(formatDateTime(null)).toBe("");
  });
  it("normalizes names for accent-, case- and punctuation-insensitive search", () => {
    expect(normalizeForSearch("L'avant-vente")).toBe("l avant vente");
    expect(normalizeForSearch("Straße Œdipe Łukasz Joëlle")).toBe("strasse oedipe lukasz joelle");
    expect(personSortName("AGASSE", "Sam")).toBe("agasse sam");
  });
});
