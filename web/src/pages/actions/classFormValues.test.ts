import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { classToValues, isHttpUrl, valuesToFields } from "./classFormValues.js";

describe("the class form's values", () => {
  it("sends the wall-clock start of the chosen time zone as a UTC instant", () => {
    const fields = valuesToFields({
      title: "  Questions-réponses ",
      startsAt: dayjs(new Date(2030, 5, 15, 10, 0)),
      durationMinutes: 90,
      timeZone: "Europe/Paris",
      joinUrl: " https://visio.example.com/salle ",
      description: "",
    });
    expect(fields).toEqual({
      title: "Questions-réponses",
      startsAt: "2030-06-15T08:00:00.000Z",
      durationMinutes: 90,
      timeZone: "Europe/Paris",
      joinUrl: "https://visio.example.com/salle",
      description: "",
    });
    expect(
      valuesToFields({ ...classToValues({ ...base, timeZone: "America/New_York" }), timeZone: "America/New_York" })
        .startsAt,
    ).toBe(base.startsAt);
  });

  it("shows a class in its own time zone", () => {
    expect(classToValues(base).startsAt?.format("DD/MM/YYYY HH:mm")).toBe("15/01/2030 10:00");
  });

  it("takes http and https links only", () => {
    expect(isHttpUrl("https://visio.example.com/x")).toBe(true);
    expect(isHttpUrl("http://intranet/salle")).toBe(true);
    expect(isHttpUrl("ftp://visio.example.com")).toBe(false);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("https://")).toBe(false);
  });
});

const base = {
  id: "00000000-0000-4000-8000-000000000001",
  title: "Classe",
  startsAt: "2030-01-15T09:00:00.000Z",
  durationMinutes: 60,
  timeZone: "Europe/Paris",
  joinUrl: "https://visio.example.com",
  description: "",
  lesson: null,
  cancelled: false,
  invitees: 1,
  present: 0,
  attendanceRecorded: false,
};
