import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, get, send, signIn, type TestApp } from "../../test/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const signInAs = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password }, headers });

describe("sign-in", () => {
  it("opens a session in an httpOnly, SameSite=Lax cookie and returns the user", async () => {
    const response = await signInAs("tuteur@demo.local", "demo");
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/^tutora_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = response.json();
    expect(body.user).toMatchObject({ email: "tuteur@demo.local", roles: ["tutor"], locale: "fr" });
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it("accepts the email in any case", async () => {
    expect((await signInAs("Tuteur@Demo.Local", "demo")).statusCode).toBe(200);
  });

  it("refuses a wrong password and an unknown account with the same answer", async () => {
    const wrong = await signInAs("admin@demo.local", "not-the-password");
    const unknown = await signInAs("nobody@demo.local", "demo");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe("invalid_credentials");
  });

  it("names the field and the rule on bad input", async () => {
    const response = await signInAs("not-an-email", "x");
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("validation_error");
    expect(error.fields).toEqual([expect.objectContaining({ field: "body.email" })]);
  });

  it("refuses a body that is not JSON (a cross-site form can't sign in)", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: "email=tuteur@demo.local&password=demo",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("unsupported_media_type");
  });

  it("slows down guessing: after 5 failures the account is refused, even with the right password", async () => {
    for (let i = 0; i < 5; i++) expect((await signInAs("sam.agasse@demo.local", `guess-${i}`)).statusCode).toBe(401);
    const blocked = await signInAs("sam.agasse@demo.local", "demo");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    // Another account from the same address is not blocked.
    expect((await signInAs("tuteur2@demo.local", "demo")).statusCode).toBe(200);
  });

  it("records the platform sign-in (first and last connection)", async () => {
    const session = await signIn(t.app, "tuteur2@demo.local");
    const result = await t.database.db.execute<{ n: number; last: string }>(sql`
      select count(*)::int as n, max(u.last_sign_in_at)::text as last from sign_ins s join users u on u.id = s.user_id
      where u.id = ${session.userId}`);
    expect(result.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("gives a new session at each sign-in and ends the one presented (no fixation)", async () => {
    const first = await signIn(t.app, "tuteur@demo.local");
    const second = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "tuteur@demo.local", password: "demo" },
      headers: { cookie: first.cookie },
    });
    const cookie = String(second.headers["set-cookie"]).split(";")[0];
    expect(cookie).not.toBe(first.cookie);
    expect((await get(t.app, first, "/api/auth/me")).statusCode).toBe(401);
  });
});

describe("session", () => {
  it("answers who is signed in", async () => {
    const session = await signIn(t.app, "admin@demo.local");
    const response = await get(t.app, session, "/api/auth/me");
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: "admin@demo.local", roles: ["admin"], organisation: "Siège" });
  });

  it("is 401 without a session or with a forged cookie", async () => {
    expect((await get(t.app, null, "/api/auth/me")).statusCode).toBe(401);
    expect(
      (await get(t.app, { cookie: "tutora_session=forged", csrfToken: "", userId: "" }, "/api/auth/me")).statusCode,
    ).toBe(401);
  });

  it("expires after inactivity", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    await t.database.db.execute(sql`update auth_sessions set expires_at = now() - interval '1 second'`);
    expect((await get(t.app, session, "/api/auth/me")).statusCode).toBe(401);
  });

  it("cuts off a disabled account at its next request", async () => {
    const session = await signIn(t.app, "tuteur2@demo.local");
    await t.database.db.execute(sql`update users set active = false where email = 'tuteur2@demo.local'`);
    expect((await get(t.app, session, "/api/tutoring/courses")).statusCode).toBe(401);
    await t.database.db.execute(sql`update users set active = true where email = 'tuteur2@demo.local'`);
  });

  it("signs out", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    const out = await send(t.app, session, "POST", "/api/auth/sign-out");
    expect(out.statusCode).toBe(204);
    expect((await get(t.app, session, "/api/auth/me")).statusCode).toBe(401);
  });

  it("changes the language", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    const response = await send(t.app, session, "PATCH", "/api/auth/me/preferences", { locale: "en" });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.locale).toBe("en");
    const bad = await send(t.app, session, "PATCH", "/api/auth/me/preferences", { locale: "de" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.locale");
    await send(t.app, session, "PATCH", "/api/auth/me/preferences", { locale: "fr" });
  });
});

describe("CSRF", () => {
  it("refuses a signed-in mutation without the CSRF token", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me/preferences",
      payload: { locale: "en" },
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf");
  });

  it("refuses a mutation from another origin, even with the token", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me/preferences",
      payload: { locale: "en" },
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, origin: "https://evil.example" },
    });
    expect(response.statusCode).toBe(403);
    const signInFromElsewhere = await signInAs("tuteur@demo.local", "demo", { origin: "https://evil.example" });
    expect(signInFromElsewhere.statusCode).toBe(403);
  });
});

describe("platform", () => {
  it("reports health", async () => {
    const response = await get(t.app, null, "/api/health");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: "up" });
  });

  it("serves the OpenAPI document generated from the schemas", async () => {
    const response = await get(t.app, null, "/api/docs/json");
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/sign-in", "/api/tutoring/courses", "/api/tutoring/courses/{courseId}"]),
    );
  });

  it("sets the security headers", async () => {
    const response = await get(t.app, null, "/api/health");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
  });

  it("answers unknown API routes with the error shape", async () => {
    const response = await get(t.app, null, "/api/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });
});
