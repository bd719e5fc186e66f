import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, get, signIn, type TestApp } from "../test/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("error handler", () => {
  it("answers a 500 without internals, with a request id", async () => {
    const session = await signIn(t.app, "tuteur@demo.local");
    // Break the database under the app: the query fails in an unexpected way.
    await t.database.db.execute(sql`alter table courses rename to courses_gone`);
    const response = await get(t.app, session, "/api/tutoring/courses");
    await t.database.db.execute(sql`alter table courses_gone rename to courses`);
    expect(response.statusCode).toBe(500);
    const { error } = response.json();
    expect(error).toEqual({
      code: "internal_error",
      message: "An internal error occurred",
      requestId: expect.any(String),
    });
    expect(response.body).not.toMatch(/courses|relation|stack|at /);
  });

  it("answers bad JSON with a 400 naming the body", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe("body");
  });
});
