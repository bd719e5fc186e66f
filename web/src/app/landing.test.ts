import { describe, expect, it } from "vitest";
import { landingPathFor, safeRedirect, signInPathFrom } from "./landing.js";

describe("landing", () => {
  it("sends tutors and admins to their courses, learners to theirs", () => {
    expect(landingPathFor({ roles: ["tutor"] })).toBe("/tutorat/formations");
    expect(landingPathFor({ roles: ["admin"] })).toBe("/tutorat/formations");
    expect(landingPathFor({ roles: ["learner", "tutor"] })).toBe("/tutorat/formations");
    expect(landingPathFor({ roles: ["learner"] })).toBe("/mes-formations");
  });

  it("only returns to in-app paths after sign-in", () => {
    expect(safeRedirect("/tutorat/formations?page=2")).toBe("/tutorat/formations?page=2");
    expect(safeRedirect("//evil.example/x")).toBeNull();
    expect(safeRedirect("/\\evil.example")).toBeNull();
    expect(safeRedirect("https://evil.example")).toBeNull();
    expect(safeRedirect("/sign-in?redirect=/x")).toBeNull();
    expect(safeRedirect(null)).toBeNull();
  });

  it("remembers where the user was going", () => {
    expect(signInPathFrom({ pathname: "/tutorat/formations", search: "?q=vente" })).toBe(
      "/sign-in?redirect=%2Ftutorat%2Fformations%3Fq%3Dvente",
    );
    expect(signInPathFrom({ pathname: "/", search: "" })).toBe("/sign-in");
  });
});
