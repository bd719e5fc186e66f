import { sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Session, send, signIn } from "../../test/app.js";
import { incompleteCmi, playerFixture } from "../../test/player.js";
import { LISTENER_NAME } from "../live/hub.js";
import * as queries from "./queries.js";
import { SessionCache } from "./sessionCache.js";

const row = (id: string, expiresInMs = 3_600_000): queries.SessionRow => ({
  id,
  email: `${id}@example.test`,
  firstName: "A",
  lastName: "B",
  roles: ["learner"],
  locale: "fr",
  timeZone: "Europe/Paris",
  organisation: null,
  active: true,
  csrfToken: "csrf",
  lastSeenAt: new Date().toISOString(),
  expiresInMs,
  tokenHash: `hash-${id}`,
});

describe("SessionCache", () => {
  it("keeps nothing while its notifications are not heard, and forgets everything when they stop", () => {
    const cache = new SessionCache();
    cache.set("h1", row("u1"), cache.version);
    expect(cache.get("h1")).toBeUndefined();
    cache.setListening(true);
    cache.set("h1", row("u1"), cache.version);
    expect(cache.get("h1")?.id).toBe("u1");
    cache.setListening(false);
    expect(cache.get("h1")).toBeUndefined();
    cache.setListening(true);
    expect(cache.get("h1")).toBeUndefined();
  });

  it("does not keep a read that a drop overtook", () => {
    const cache = new SessionCache();
    cache.setListening(true);
    const version = cache.version;
    cache.dropUser("someone-else");
    cache.set("h1", row("u1"), version);
    expect(cache.get("h1")).toBeUndefined();
  });

  it("drops a token, a user's sessions, or everyone's", () => {
    const cache = new SessionCache();
    cache.setListening(true);
    cache.set("h1", row("u1"), cache.version);
    cache.set("h2", row("u1"), cache.version);
    cache.set("h3", row("u2"), cache.version);
    cache.dropToken("h1");
    expect([cache.get("h1"), cache.get("h2")?.id, cache.get("h3")?.id]).toEqual([undefined, "u1", "u2"]);
    cache.dropUser("u1");
    expect([cache.get("h2"), cache.get("h3")?.id]).toEqual([undefined, "u2"]);
    cache.dropUser("*");
    expect(cache.get("h3")).toBeUndefined();
  });

  it("reads again a session past its expiry, or held for a minute", () => {
    const cache = new SessionCache();
    cache.setListening(true);
    const now = Date.now();
    cache.set("h1", row("u1", 1_000), cache.version, now);
    expect(cache.get("h1", now + 999)?.id).toBe("u1");
    expect(cache.get("h1", now + 1_000)).toBeUndefined();
    cache.set("h2", row("u2"), cache.version, now);
    expect(cache.get("h2", now + 60_000)?.id).toBe("u2");
    expect(cache.get("h2", now + 60_001)).toBeUndefined();
  });

  it("follows this instance's extension of a session", () => {
    const cache = new SessionCache();
    cache.setListening(true);
    const now = Date.now();
    cache.set("h1", row("u1", 1_000), cache.version, now);
    cache.touched("h1", new Date(now).toISOString(), 10_000, now);
    expect(cache.get("h1", now + 5_000)?.expiresInMs).toBe(10_000);
    expect(cache.get("h1", now + 10_000)).toBeUndefined();
  });
});

const d = playerFixture("session-cache");

describe("the SCORM player's requests and this instance's copy of the session", () => {
  afterEach(() => vi.restoreAllMocks());

  async function playing(): Promise<{ session: Session; commit: () => Promise<number> }> {
    const session = await signIn(d.app, "sam.agasse@demo.local");
    const launched = await d.launch(session);
    expect(launched.statusCode, launched.body).toBe(201);
    const { attemptId, sessionId } = launched.json() as { attemptId: number; sessionId: number };
    let n = 0;
    const commit = async () => {
      n += 1;
      const response = await send(d.app, session, "POST", `/api/player/attempts/${attemptId}/commit`, {
        sessionId,
        cmi: incompleteCmi(`page ${n}`),
      });
      return response.statusCode;
    };
    return { session, commit };
  }

  it("reads the session once for a player's commits and for reads, and every time for other mutations", async () => {
    const { session, commit } = await playing();
    const read = vi.spyOn(queries, "findSession");
    expect([await commit(), await commit(), await commit()]).toEqual([200, 200, 200]);
    for (let i = 0; i < 2; i++) {
      const me = await d.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session.cookie } });
      expect(me.statusCode).toBe(200);
    }
    expect(read).toHaveBeenCalledTimes(0);
    for (const locale of ["en", "fr"]) {
      expect((await send(d.app, session, "PATCH", "/api/auth/me/preferences", { locale })).statusCode).toBe(200);
    }
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("shares its syncs: callers arriving while one is on its way wait together for the next one", async () => {
    const query = vi.spyOn(pg.Client.prototype, "query");
    await Promise.all([d.app.sessionCache.sync(), d.app.sessionCache.sync(), d.app.sessionCache.sync()]);
    // The first is sent at once; it may come back before what the two others' callers committed,
    // so they share one sent after it.
    expect(query.mock.calls.filter(([text]) => text === "select pg_notify($1, $2)")).toHaveLength(2);
  });

  it("a change made through this instance is heard before its answer: the next read sees it", async () => {
    const session = await signIn(d.app, "sam.agasse@demo.local");
    const me = () => d.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session.cookie } });
    expect((await me()).json().user.locale).toBe("fr");
    const heard = vi.spyOn(d.app.sessionCache, "notified");
    try {
      const changed = await send(d.app, session, "PATCH", "/api/auth/me/preferences", { locale: "en" });
      expect(changed.statusCode).toBe(200);
      // Heard before the answer left, not some time after it.
      expect(heard).toHaveBeenCalledWith(session.userId);
      expect((await me()).json().user.locale).toBe("en");
      // An admin disables the account: its very next read is refused.
      const disabled = await send(d.app, d.admin, "PATCH", `/api/admin/users/${session.userId}`, { active: false });
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect((await me()).statusCode).toBe(401);
    } finally {
      const enabled = await send(d.app, d.admin, "PATCH", `/api/admin/users/${session.userId}`, { active: true });
      expect(enabled.statusCode, enabled.body).toBe(200);
      await send(d.app, await signIn(d.app, "sam.agasse@demo.local"), "PATCH", "/api/auth/me/preferences", {
        locale: "fr",
      });
    }
  });

  it("a sign-out here refuses the player's very next request, without waiting for the notification", async () => {
    const { session, commit } = await playing();
    expect(await commit()).toBe(200);
    // Notifications are not acted on: only the sign-out's own drop remains.
    vi.spyOn(d.app.sessionCache, "notified").mockImplementation(() => {});
    expect((await send(d.app, session, "POST", "/api/auth/sign-out")).statusCode).toBe(204);
    expect(await commit()).toBe(401);
  });

  it("sign-out everywhere here refuses the player's very next request too", async () => {
    const { session, commit } = await playing();
    expect(await commit()).toBe(200);
    vi.spyOn(d.app.sessionCache, "notified").mockImplementation(() => {});
    expect((await send(d.app, session, "POST", "/api/auth/sign-out-everywhere")).statusCode).toBe(204);
    expect(await commit()).toBe(401);
  });

  it("a new sign-in over a session drops that session's copy here at once", async () => {
    const { session, commit } = await playing();
    expect(await commit()).toBe(200);
    vi.spyOn(d.app.sessionCache, "notified").mockImplementation(() => {});
    const again = await d.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "sam.agasse@demo.local", password: "demo" },
      headers: { cookie: session.cookie },
    });
    expect(again.statusCode).toBe(200);
    // The replaced token, still held by whoever had it, no longer plays.
    expect(await commit()).toBe(401);
  });

  it("a copy whose session ended meanwhile is refused at its once-a-minute extension", async () => {
    const session = await signIn(d.app, "sam.agasse@demo.local");
    // Last seen 45 s ago: the launch reads and keeps the session without extending it.
    await d.database.db.execute(
      sql`update auth_sessions set last_seen_at = now() - interval '45 seconds' where user_id = ${session.userId}`,
    );
    const launched = await d.launch(session);
    expect(launched.statusCode, launched.body).toBe(201);
    const { attemptId, sessionId } = launched.json() as { attemptId: number; sessionId: number };
    // Ended without this instance hearing of it; 30 s later (this process's clock), the copy is
    // still fresh but its last use is over a minute old: the request extends it, and finds none.
    vi.spyOn(d.app.sessionCache, "notified").mockImplementation(() => {});
    await d.database.db.execute(sql`delete from auth_sessions where user_id = ${session.userId}`);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 30_000 });
    try {
      const response = await send(d.app, session, "POST", `/api/player/attempts/${attemptId}/commit`, {
        sessionId,
        cmi: incompleteCmi("after the end"),
      });
      expect(response.statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a session ended by another instance (its row deleted by another connection) is refused once notified", async () => {
    const { session, commit } = await playing();
    expect(await commit()).toBe(200);
    await d.database.db.execute(sql`delete from auth_sessions where user_id = ${session.userId}`);
    await vi.waitFor(async () => expect(await commit()).toBe(401), { timeout: 5_000, interval: 20 });
  });

  it("while the listening connection is down, every player request reads its session; copies resume after", async () => {
    const { commit } = await playing();
    expect(await commit()).toBe(200);
    const read = vi.spyOn(queries, "findSession");
    const ended = await d.database.db.execute<{ ended: boolean }>(sql`
      select pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = current_database() and application_name = ${LISTENER_NAME}`);
    expect(ended.rows).toEqual([{ ended: true }]);
    await vi.waitFor(
      async () => {
        read.mockClear();
        expect([await commit(), await commit()]).toEqual([200, 200]);
        expect(read).toHaveBeenCalledTimes(2);
      },
      { timeout: 5_000, interval: 20 },
    );
    // The hub connects again (after a second) and the copies serve again.
    await vi.waitFor(
      async () => {
        read.mockClear();
        expect([await commit(), await commit(), await commit()]).toEqual([200, 200, 200]);
        expect(read.mock.calls.length).toBeLessThanOrEqual(1);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it("a user changed elsewhere: the copy is dropped when notified and the session read again", async () => {
    const { session, commit } = await playing();
    expect(await commit()).toBe(200);
    const read = vi.spyOn(queries, "findSession");
    try {
      await d.database.db.execute(sql`update users set locale = 'en' where id = ${session.userId}`);
      await vi.waitFor(
        async () => {
          expect(await commit()).toBe(200);
          expect(read).toHaveBeenCalled();
        },
        { timeout: 5_000, interval: 20 },
      );
    } finally {
      await d.database.db.execute(sql`update users set locale = 'fr' where id = ${session.userId}`);
    }
  });

  it("an account disabled elsewhere, its sessions kept or ended: refused once notified", async () => {
    const { session, commit } = await playing();
    expect(await commit()).toBe(200);
    try {
      // Only the account's flag (the users trigger alone).
      await d.database.db.execute(sql`update users set active = false where id = ${session.userId}`);
      await vi.waitFor(async () => expect(await commit()).toBe(401), { timeout: 5_000, interval: 20 });
    } finally {
      await d.database.db.execute(sql`update users set active = true where id = ${session.userId}`);
    }
    const again = await playing();
    expect(await again.commit()).toBe(200);
    // Through the admin API: the account is disabled and its sessions end.
    try {
      const disabled = await send(d.app, d.admin, "PATCH", `/api/admin/users/${again.session.userId}`, {
        active: false,
      });
      expect(disabled.statusCode, disabled.body).toBe(200);
      await vi.waitFor(async () => expect(await again.commit()).toBe(401), { timeout: 5_000, interval: 20 });
    } finally {
      const enabled = await send(d.app, d.admin, "PATCH", `/api/admin/users/${again.session.userId}`, { active: true });
      expect(enabled.statusCode, enabled.body).toBe(200);
    }
  });
});
