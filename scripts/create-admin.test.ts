import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { createTestDatabase, type TestDatabase } from "../server/test/db.js";
import { createAdmin } from "./create-admin.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("create-admin", () => {
  it("creates the first admin of an empty database, who can then sign in", async () => {
    const result = await createAdmin(database.db, {
      email: "boss@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      password: "a-long-enough-password",
    });
    expect(result.created).toBe(true);
    const app = await buildApp({ db: database.db, config: loadConfig({ DATABASE_URL: database.url }), logger: false });
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "boss@example.com", password: "a-long-enough-password" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.roles).toEqual(["admin"]);
    await app.close();
  });

  it("grants the role to an existing account instead of duplicating it", async () => {
    const again = await createAdmin(database.db, {
      email: "BOSS@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      password: "another-long-password",
    });
    expect(again.created).toBe(false);
    const count = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(count.rows[0]?.n).toBe(1);
  });

  it("refuses a short password or a bad email", async () => {
    await expect(
      createAdmin(database.db, { email: "x@example.com", firstName: "A", lastName: "B", password: "short" }),
    ).rejects.toThrow(/12 characters/);
    await expect(
      createAdmin(database.db, { email: "nope", firstName: "A", lastName: "B", password: "a-long-enough-password" }),
    ).rejects.toThrow();
  });
});
