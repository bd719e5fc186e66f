import fs from "node:fs";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../test/app.js";
import { demoFixture } from "../test/demo.js";
import {
  arbitraryFor,
  fillPath,
  HOSTILE_STRINGS,
  type JsonSchema,
  type Operation,
  operations,
  routeKey,
  toQueryString,
  validSample,
} from "./routes.js";
import { buildWorld, samplesFor, type World } from "./world.js";

/**
 * Hostile input, generated from each route's own request schemas (the OpenAPI document built from
 * the zod schemas): path, query and body are fuzzed with values near the valid ones and hostile
 * ones (SQL and HTML metacharacters, huge and negative numbers, wrong types). Whatever comes in:
 * never a 5xx, never a stack trace or SQL text in the answer, and a refused request writes nothing.
 *
 * FUZZ_RUNS (default 12: CI) sets the cases per route, FUZZ_SEED the seed; locally
 * `FUZZ_RUNS=500 npx vitest run server/security/fuzz.test.ts` tries thousands per route family.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);

/** Routes that end the caller's own session (fuzzing them would sign the fuzzer out) or stream. */
const SKIP = [/\/api\/auth\/sign-out/, /\/events$/];
/** Tables whose row counts a refused request must leave as they were. */
const KEY_TABLES = [
  "users",
  "enrollments",
  "lesson_stats",
  "attempts",
  "sessions",
  "audit_log",
  "certificates",
  "outbox",
  "reminders",
  "mission_corrections",
  "mission_submissions",
  "mission_files",
  "observations",
  "mail_templates",
  "reminder_rules",
  "virtual_classes",
  "lesson_comments",
  "bulk_jobs",
  "courses",
  "lessons",
  "learner_lists",
  "api_tokens",
];
/** A stack trace, anywhere; PostgreSQL's wording, in an error answer (a 2xx may echo user text). */
const STACK = /\bat [\w.<>]+ \(|node_modules\/|\.ts:\d+:\d+/;
const SQL_ERROR = /syntax error at or near|violates .* constraint|relation "|column "|invalid input syntax|\bpg_/i;
const leaksInternals = (status: number, body: string) => STACK.test(body) || (status >= 400 && SQL_ERROR.test(body));

const d = demoFixture();
let w: World;
let ops: Operation[];

beforeAll(async () => {
  w = await buildWorld(d);
  ops = (await operations(d.app)).filter((op) => !SKIP.some((re) => re.test(op.url)));
});
afterAll(() => {
  if (w) fs.rmSync(w.missionFilePath, { force: true });
});

/**
 * Cours 1's objects, but the account routes (`/api/admin/users/:userId`) aim at a learner the
 * fuzzer doesn't sign in as: a fuzzed admin edit may deactivate it or change its password.
 */
const fuzzScene = () => ({ ...w.c1, userId: w.otherLearner.userId });

async function counts(): Promise<Record<string, number>> {
  const existing = await d.database.db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = current_schema()`,
  );
  const names = KEY_TABLES.filter((t) => existing.rows.some((r) => r.name === t));
  const result = await d.database.db.execute<Record<string, number>>(
    sql.raw(`select ${names.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(", ")}`),
  );
  return result.rows[0] ?? {};
}

/** Who calls a route: the admin reaches every tutoring and admin route; a learner their own space. */
function callerOf(op: Operation): Session | null {
  if (op.url.startsWith("/api/auth/sign-in") || op.url.startsWith("/api/verify") || op.url.startsWith("/verify")) {
    return null;
  }
  if (/^\/api\/(learner|player|quiz|catalogue|courses)\//.test(op.url) || op.url.startsWith("/content/")) {
    return d.learner;
  }
  if (op.url.startsWith("/api/auth/")) return d.tutor;
  return d.admin;
}

interface Case {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const samples = samplesFor(op.url, fuzzScene(), w.lessons);
  const path = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => [
        p.name,
        fc.oneof(
          { arbitrary: fc.constant(samples[p.name]), weight: 3 },
          { arbitrary: arbitraryFor(p.schema), weight: 1 },
        ),
      ]),
    ),
  );
  const query = fc.record(Object.fromEntries(op.query.map((q) => [q.name, arbitraryFor(q.schema)])), {
    requiredKeys: [],
  });
  const body = op.body
    ? fc.oneof(
        { arbitrary: arbitraryFor(op.body), weight: 4 },
        { arbitrary: fc.constant(validSample(op.body, samples)), weight: 1 },
      )
    : fc.constant(undefined);
  return fc.record({ path, query, body });
}

async function send(op: Operation, c: Case, session: Session | null) {
  let url = fillPath(op.url, c.path).replace("*", "index.html");
  if (url.includes("//")) url = url.replace(/\/\/+/g, "/x/");
  const headers: Record<string, string> = session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {};
  const withBody = op.method !== "GET" && op.method !== "DELETE";
  if (withBody) headers["content-type"] = "application/json";
  return d.app.inject({
    method: op.method as "POST",
    url: url + toQueryString(c.query),
    headers,
    ...(withBody ? { payload: JSON.stringify(c.body ?? {}) } : {}),
  });
}

describe("hostile input on every route", () => {
  it(
    "never answers 5xx, never shows a stack trace or SQL, and a refused request writes nothing",
    async () => {
      const failures: string[] = [];
      let requests = 0;
      for (const op of ops) {
        const session = callerOf(op);
        await fc
          .assert(
            fc.asyncProperty(caseArbitrary(op), async (c) => {
              const before = await counts();
              const response = await send(op, c, session);
              requests++;
              const problem =
                response.statusCode >= 500
                  ? `${response.statusCode} ${response.body.slice(0, 200)}`
                  : response.headers["content-type"]?.toString().includes("json") &&
                      leaksInternals(response.statusCode, response.body)
                    ? `internals in the answer: ${response.body.slice(0, 200)}`
                    : undefined;
              if (!problem && response.statusCode >= 400) {
                const after = await counts();
                const diff = Object.keys(before).filter((t) => before[t] !== after[t]);
                if (diff.length) failures.push(`${routeKey(op)}: refused (${response.statusCode}) but wrote ${diff}`);
              }
              if (problem) {
                failures.push(`${routeKey(op)} ${JSON.stringify(c).slice(0, 300)}: ${problem}`);
                return false;
              }
              return true;
            }),
            { numRuns: RUNS, seed: SEED, endOnFailure: true },
          )
          .catch(() => {});
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(ops.length * Math.min(RUNS, 5));
    },
    60_000 + RUNS * 10_000,
  );

  it("takes SQL and HTML metacharacters in every filter, search and sort parameter as data", async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.method === "GET" && o.query.length > 0)) {
      const samples = samplesFor(op.url, fuzzScene(), w.lessons);
      const path = Object.fromEntries(op.pathParams.map((p) => [p.name, samples[p.name]]));
      const required = Object.fromEntries(
        op.query.filter((q) => q.required).map((q) => [q.name, validSample(q.schema, samples, q.name)]),
      );
      for (const param of op.query) {
        for (const value of HOSTILE_STRINGS) {
          const response = await send(
            op,
            { path, query: { ...required, [param.name]: value }, body: undefined },
            callerOf(op),
          );
          if (response.statusCode >= 500 || leaksInternals(response.statusCode, response.body.slice(0, 5000))) {
            failures.push(
              `${routeKey(op)} ?${param.name}=${JSON.stringify(value).slice(0, 40)}: ${response.statusCode}`,
            );
          }
          // A value outside a closed list (sort column, order, status) is refused, naming the parameter.
          const closed = (param.schema as JsonSchema).enum ?? (param.schema as JsonSchema).oneOf;
          if (closed && !closed.includes(value) && response.statusCode !== 400) {
            failures.push(
              `${routeKey(op)} ?${param.name}=${JSON.stringify(value).slice(0, 40)}: ${response.statusCode}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses text with a NUL character (PostgreSQL can't store it) with a 400 naming the field", async () => {
    const body = await send(
      ops.find((o) => o.method === "POST" && o.url === "/api/mail-templates") as Operation,
      { path: {}, query: {}, body: { name: "a\u0000b", subject: "s", body: "b" } },
      d.tutor,
    );
    expect(body.statusCode).toBe(400);
    expect(body.json().error.fields).toEqual([
      expect.objectContaining({ field: "body.name", rule: "no_nul_character" }),
    ]);
    const query = await d.app.inject({
      method: "GET",
      url: "/api/tutoring/courses?q=%00",
      headers: { cookie: d.tutor.cookie },
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.fields[0].field).toBe("querystring.q");
  });

  it("refuses unknown sort columns with a 400 naming the parameter", async () => {
    const sorted = ops.filter(
      (op) => op.method === "GET" && op.query.some((q) => /^(sort|sortBy|orderBy)$/.test(q.name)),
    );
    expect(sorted.length).toBeGreaterThanOrEqual(2);
    const failures: string[] = [];
    for (const op of sorted) {
      const samples = samplesFor(op.url, fuzzScene(), w.lessons);
      const path = Object.fromEntries(op.pathParams.map((p) => [p.name, samples[p.name]]));
      for (const param of op.query.filter((q) => /^(sort|sortBy|orderBy)$/.test(q.name))) {
        for (const column of ["password_hash", "1", "name; drop table users", "(select 1)"]) {
          const response = await send(op, { path, query: { [param.name]: column }, body: undefined }, callerOf(op));
          const fields = response.statusCode === 400 ? (response.json().error.fields ?? []) : [];
          if (
            response.statusCode !== 400 ||
            !fields.some((f: { field: string }) => f.field === `querystring.${param.name}`)
          ) {
            failures.push(`${routeKey(op)} ?${param.name}=${column}: ${response.statusCode}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses malformed JSON, wrong content types and oversized bodies with a 4xx", async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.method !== "GET" && o.body)) {
      const samples = samplesFor(op.url, fuzzScene(), w.lessons);
      const url = fillPath(op.url, samples);
      const session = callerOf(op);
      const base = session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {};
      for (const [type, payload] of [
        ["application/json", '{"a":'],
        ["application/json", "[]"],
        ["application/json", "null"],
        ["text/plain", "hello"],
        ["application/x-www-form-urlencoded", "a=1"],
        ["application/json", JSON.stringify({ x: "y".repeat(13 * 1024 * 1024) })],
      ] as const) {
        const response = await d.app.inject({
          method: op.method as "POST",
          url,
          headers: { ...base, "content-type": type },
          payload,
        });
        if (response.statusCode < 400 || response.statusCode >= 500) {
          failures.push(`${routeKey(op)} ${type} ${payload.slice(0, 10)}: ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
