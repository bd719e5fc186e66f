import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ApiToken, CreatedApiToken } from "../../../common/api/tokens.js";
import { get, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function createToken(userId: string, scopes: string[], name = "Intégration SIRH") {
  const response = await send(d.app, d.admin, "POST", "/api/admin/api-tokens", { userId, name, scopes });
  expect(response.statusCode).toBe(201);
  return response.json() as CreatedApiToken;
}

describe("personal API tokens", () => {
  it("creates a token shown once, stored only as its SHA-256", async () => {
    const created = await createToken(d.tutor.userId, ["read"]);
    expect(created.secret).toMatch(/^tut_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({
      name: "Intégration SIRH",
      scopes: ["read"],
      lastUsedAt: null,
      revokedAt: null,
    });
    const stored = await d.database.db.execute<{ token_hash: string }>(
      sql`select token_hash from api_tokens where id = ${created.token.id}`,
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toContain(created.secret);
    const list = (await get(d.app, d.admin, "/api/admin/api-tokens")).json();
    expect(JSON.stringify(list)).not.toContain(created.secret);
    expect(list.items.map((t: ApiToken) => t.id)).toContain(created.token.id);
  });

  it("a read token calls a documented endpoint as its user, without cookie or CSRF, and records its use", async () => {
    const { token, secret } = await createToken(d.tutor.userId, ["read"]);
    const response = await d.app.inject({ method: "GET", url: "/api/tutoring/courses", headers: bearer(secret) });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((c: { id: string }) => c.id)).toContain(d.ids.c1);
    // The token acts with its user's roles: a tutor's token can't read the admin API.
    const admin = await d.app.inject({ method: "GET", url: "/api/admin/users", headers: bearer(secret) });
    expect(admin.statusCode).toBe(403);
    const listed = (await get(d.app, d.admin, "/api/admin/api-tokens")).json();
    expect(listed.items.find((t: ApiToken) => t.id === token.id).lastUsedAt).not.toBeNull();
  });

  it("a read-only token can't write (403 insufficient_scope); a write token can, without CSRF", async () => {
    const read = await createToken(d.admin.userId, ["read"]);
    const refused = await d.app.inject({
      method: "POST",
      url: "/api/admin/lists",
      headers: bearer(read.secret),
      payload: { name: "Liste par jeton" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("insufficient_scope");
    const write = await createToken(d.admin.userId, ["read", "write"]);
    const created = await d.app.inject({
      method: "POST",
      url: "/api/admin/lists",
      headers: bearer(write.secret),
      payload: { name: "Liste par jeton" },
    });
    expect(created.statusCode).toBe(201);
    // Tokens can't mint tokens, even an admin's write token.
    const mint = await d.app.inject({
      method: "POST",
      url: "/api/admin/api-tokens",
      headers: bearer(write.secret),
      payload: { userId: d.admin.userId, name: "x", scopes: ["read"] },
    });
    expect(mint.statusCode).toBe(403);
  });

  it("a revoked or unknown token is refused (401); revoking is audited", async () => {
    const { token, secret } = await createToken(d.tutor.userId, ["read"]);
    const revoked = await send(d.app, d.admin, "POST", `/api/admin/api-tokens/${token.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const call = await d.app.inject({ method: "GET", url: "/api/tutoring/courses", headers: bearer(secret) });
    expect(call.statusCode).toBe(401);
    expect(call.json().error.code).toBe("invalid_token");
    const unknown = await d.app.inject({ method: "GET", url: "/api/tutoring/courses", headers: bearer("tut_nope") });
    expect(unknown.statusCode).toBe(401);
    const basic = await d.app.inject({
      method: "GET",
      url: "/api/tutoring/courses",
      headers: { authorization: "Basic YTpi" },
    });
    expect(basic.statusCode).toBe(401);
    const audit = await d.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'api_token.revoke' and entity_id = ${token.id}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });

  it("a deactivated user's token is refused", async () => {
    const user = await send(d.app, d.admin, "POST", "/api/admin/users", {
      email: "robot@example.com",
      firstName: "Robot",
      lastName: "Sync",
      roles: ["tutor"],
    });
    const { secret } = await createToken(user.json().id, ["read"]);
    expect((await d.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(secret) })).statusCode).toBe(200);
    await send(d.app, d.admin, "PATCH", `/api/admin/users/${user.json().id}`, { active: false });
    expect((await d.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(secret) })).statusCode).toBe(401);
    const forInactive = await send(d.app, d.admin, "POST", "/api/admin/api-tokens", {
      userId: user.json().id,
      name: "x",
      scopes: ["read"],
    });
    expect(forInactive.json().error.fields[0]).toMatchObject({ field: "userId", rule: "inactive" });
  });

  it("names bad input, 404 for an unknown token, 403 for non-admins", async () => {
    const bad = await send(d.app, d.admin, "POST", "/api/admin/api-tokens", {
      userId: d.tutor.userId,
      name: "",
      scopes: ["delete"],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["body.name", "body.scopes.0"]));
    const none = await send(d.app, d.admin, "POST", "/api/admin/api-tokens", {
      userId: d.tutor.userId,
      name: "x",
      scopes: [],
    });
    expect(none.json().error.fields[0].field).toBe("body.scopes");
    const unknown = await send(
      d.app,
      d.admin,
      "POST",
      "/api/admin/api-tokens/00000000-0000-4000-8000-000000000000/revoke",
    );
    expect(unknown.statusCode).toBe(404);
    expect((await get(d.app, d.tutor, "/api/admin/api-tokens")).statusCode).toBe(403);
  });

  it("the OpenAPI document declares the bearer scheme", async () => {
    const response = await d.app.inject({ method: "GET", url: "/api/docs/json" });
    const doc = response.json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toContainEqual({ bearer: [] });
  });
});
