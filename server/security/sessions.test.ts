import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, get, send, signIn, type TestApp } from "../test/app.js";

/**
 * Sessions and cross-site requests (issue #9): fixation, expiry, sign-out everywhere, a disabled
 * account cut off at its next request, brute force slowed and recorded, and every way a
 * cross-site page could ride on the session cookie refused.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const signInRaw = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password }, headers });

describe("sessions", () => {
  it("issues a new, unguessable session id at each sign-in, never the one presented (fixation)", async () => {
    const planted = "tutora_session=attacker-chosen-value";
    const response = await signInRaw("tuteur@demo.local", "demo", { cookie: planted });
    const cookie = String(response.headers["set-cookie"]).split(";")[0] ?? "";
    expect(cookie).not.toBe(planted);
    expect(cookie.length).toBeGreaterThan("tutora_session=".length + 40);
    const stored = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from auth_sessions where token_hash = ${cookie.split("=")[1] ?? ""}`,
    );
    // Only a hash of the token is stored: a copy of the database can't be replayed as cookies.
    expect(stored.rows[0]?.n).toBe(0);
  });

  it("ends after the idle time, and a touched session is extended", async () => {
    const session = await signIn(t.app, "tuteur2@demo.local");
    await t.database.db.execute(
      sql`update auth_sessions set expires_at = now() - interval '1 second' where user_id = ${session.userId}`,
    );
    const expired = await get(t.app, session, "/api/auth/me");
    expect(expired.statusCode).toBe(401);
    expect(String(expired.headers["set-cookie"])).toMatch(/tutora_session=;/);
  });

  it("signs out everywhere: every session of the user ends, other users' don't", async () => {
    const laptop = await signIn(t.app, "tuteur@demo.local");
    const phone = await signIn(t.app, "tuteur@demo.local");
    const someoneElse = await signIn(t.app, "admin@demo.local");
    expect((await get(t.app, phone, "/api/auth/me")).statusCode).toBe(200);
    const out = await send(t.app, laptop, "POST", "/api/auth/sign-out-everywhere");
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/tutora_session=;/);
    expect((await get(t.app, laptop, "/api/auth/me")).statusCode).toBe(401);
    expect((await get(t.app, phone, "/api/tutoring/courses")).statusCode).toBe(401);
    expect((await get(t.app, someoneElse, "/api/auth/me")).statusCode).toBe(200);
    const left = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from auth_sessions where user_id = ${laptop.userId}`,
    );
    expect(left.rows[0]?.n).toBe(0);
  });

  it("asks sign-out everywhere for a session and the CSRF token", async () => {
    expect((await send(t.app, null, "POST", "/api/auth/sign-out-everywhere")).statusCode).toBe(401);
    const session = await signIn(t.app, "tuteur@demo.local");
    const forged = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out-everywhere",
      headers: { cookie: session.cookie },
    });
    expect(forged.statusCode).toBe(403);
    expect((await get(t.app, session, "/api/auth/me")).statusCode).toBe(200);
  });

  it("cuts off a disabled account at its next request, and it can't sign in again", async () => {
    const session = await signIn(t.app, "sam.agasse@demo.local");
    const admin = await signIn(t.app, "admin@demo.local");
    expect((await get(t.app, session, "/api/learner/courses")).statusCode).toBe(200);
    const disabled = await send(t.app, admin, "PATCH", `/api/admin/users/${session.userId}`, { active: false });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await get(t.app, session, "/api/learner/courses")).statusCode).toBe(401);
    expect((await signInRaw("sam.agasse@demo.local", "demo")).statusCode).toBe(401);
    await t.database.db.execute(sql`update users set active = true where id = ${session.userId}`);
    await t.database.db.execute(sql`delete from sign_in_failures`);
  });

  it("cuts off an account disabled outside the app once PostgreSQL's notification is heard", async () => {
    const session = await signIn(t.app, "sam.agasse@demo.local");
    expect((await get(t.app, session, "/api/learner/courses")).statusCode).toBe(200);
    try {
      // A script's change: this instance's copy of the session goes when the change is notified.
      await t.database.db.execute(sql`update users set active = false where id = ${session.userId}`);
      await vi.waitFor(async () => expect((await get(t.app, session, "/api/learner/courses")).statusCode).toBe(401), {
        timeout: 5_000,
        interval: 20,
      });
    } finally {
      await t.database.db.execute(sql`update users set active = true where id = ${session.userId}`);
    }
  });

  it("slows down password guessing and records each failure with its address", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signInRaw("tuteur2@demo.local", `guess-${i}`, {})).statusCode).toBe(401);
    }
    const blocked = await signInRaw("tuteur2@demo.local", "demo");
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThanOrEqual(60);
    const recorded = await t.database.db.execute<{ n: number; ip: string }>(
      sql`select count(*)::int as n, max(ip)::text as ip from sign_in_failures where email = 'tuteur2@demo.local'`,
    );
    expect(recorded.rows[0]?.n).toBeGreaterThanOrEqual(5);
    expect(recorded.rows[0]?.ip).toBe("127.0.0.1");
    // Spraying one password over many accounts from one address is capped too.
    await t.database.db.execute(sql`delete from sign_in_failures`);
    await t.database.db.execute(sql`
      insert into sign_in_failures (email, ip) select 'spray' || g || '@example.com', '127.0.0.1' from generate_series(1, 50) g`);
    expect((await signInRaw("admin@demo.local", "demo")).statusCode).toBe(429);
    await t.database.db.execute(sql`delete from sign_in_failures`);
  });
});

describe("cross-site requests", () => {
  it("refuses a cross-site HTML form post riding on the session cookie", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    for (const [type, payload] of [
      ["application/x-www-form-urlencoded", "name=x&subject=y&body=z"],
      ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--\r\n'],
      ["text/plain", '{"name":"x","subject":"y","body":"z"}'],
    ] as const) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/mail-templates",
        headers: { cookie: session.cookie, "content-type": type, origin: "https://evil.example" },
        payload,
      });
      expect(response.statusCode, type).toBe(403);
    }
    const templates = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from mail_templates`);
    expect(templates.rows[0]?.n).toBe(3);
  });

  it("refuses a cross-site fetch with the cookie: no token, a wrong token, another origin, or an opaque origin", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    const attempts: Record<string, string>[] = [
      { cookie: session.cookie },
      { cookie: session.cookie, "x-csrf-token": "guess" },
      { cookie: session.cookie, "x-csrf-token": session.csrfToken, origin: "https://evil.example" },
      { cookie: session.cookie, "x-csrf-token": session.csrfToken, origin: "null" },
      { cookie: session.cookie, "x-csrf-token": session.csrfToken, origin: "http://localhost:3000.evil.example" },
    ];
    for (const headers of attempts) {
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/auth/me/preferences",
        headers,
        payload: { locale: "en" },
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error.code).toBe("csrf");
    }
    const ok = await send(t.app, session, "PATCH", "/api/auth/me/preferences", { locale: "fr" });
    expect(ok.statusCode).toBe(200);
  });

  it("gives no other site read access (no CORS headers), even when asked", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    const response = await t.app.inject({
      method: "GET",
      url: "/api/tutoring/courses",
      headers: { cookie: session.cookie, origin: "https://evil.example" },
    });
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    expect(response.headers["access-control-allow-credentials"]).toBeUndefined();
    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: "/api/tutoring/courses",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("sets the security headers on the API, the verification page and errors", async () => {
    for (const url of ["/api/health", "/verify/TUT-0000-0000-0000", "/api/nothing-here"]) {
      const response = await t.app.inject({ method: "GET", url });
      const csp = String(response.headers["content-security-policy"]);
      expect(csp, url).toContain("frame-ancestors 'self'");
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["referrer-policy"], url).toBe("same-origin");
      expect(response.headers["x-frame-options"], url).toBe("SAMEORIGIN");
    }
    const signedIn = await signInRaw("tuteur@demo.local", "demo");
    expect(String(signedIn.headers["set-cookie"])).toMatch(/HttpOnly/i);
    expect(String(signedIn.headers["set-cookie"])).toMatch(/SameSite=Lax/i);
  });
});
