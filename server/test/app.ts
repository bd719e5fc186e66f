import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { createTestDatabase, type TestDatabase } from "./db.js";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The app in-process on a fresh database (demo data by default). */
export async function createTestApp(
  options: { demo?: boolean; env?: Record<string, string> } = { demo: true },
): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    LOG_LEVEL: process.env.TEST_LOG === "1" ? "error" : "silent",
    // Extra settings of one test file (e.g. its own DATA_DIR for stored files).
    ...options.env,
  });
  const app = await buildApp({ db: database.db, config, logger: process.env.TEST_LOG === "1" });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

/** Signs in through the API, as the browser does. */
export async function signIn(app: FastifyInstance, email: string, password = "demo"): Promise<Session> {
  const response = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers["set-cookie"];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? "").split(";")[0] ?? "";
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

/** A GET as a signed-in user. */
export function get(app: FastifyInstance, session: Session | null, url: string) {
  return app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });
}

/** A mutation as a signed-in user, with the CSRF header. */
export function send(
  app: FastifyInstance,
  session: Session | null,
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload: unknown = {},
) {
  return app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {},
  });
}
