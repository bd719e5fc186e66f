/**
 * `npm run bench`: the performance suite of issue #8. Starts the app in production mode
 * (bench/server.ts, built to JavaScript as `npm start` runs it) on DATABASE_URL, or on the embedded
 * PostgreSQL under DATA_DIR (default ./data/bench), filled by seed:big when it is empty; then drives
 * it on loopback with autocannon and prints, for each case, requests, throughput and p50/p95/p99
 * latency, next to its floor (the same service call run in this process, straight on pg, without
 * HTTP) and its budget. Bulk actions are timed end to end, the server's RSS is sampled all along,
 * and the web app is measured (gzip size of each screen's JS, time until the tutoring center's table
 * shows in headless Chromium). Everything goes to bench/results/<timestamp>.json as well.
 *
 * `npm run bench -- --smoke`: a small fresh database and one-second cases, for CI: it checks that
 * every case produces results (requests answered 2xx, bulk actions complete), not their speed.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import autocannon, { type Result } from "autocannon";
import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import pg from "pg";
import type { CurrentUser } from "../common/api/auth.js";
import { tutoredCoursesQuerySchema } from "../common/api/courses.js";
import {
  indicatorsQuerySchema,
  learnerReportQuerySchema,
  type Selection,
  tutoredLearnersQuerySchema,
} from "../common/api/tutoring.js";
import { type Db, openDatabase, type Tx } from "../server/db/client.js";
import { startEmbeddedPostgres } from "../server/db/embedded.js";
import { runMigrations } from "../server/db/migrate.js";
import { insertSession } from "../server/modules/auth/queries.js";
import { listTutoredCourses } from "../server/modules/courses/service.js";
import { learnerReport } from "../server/modules/reports/service.js";
import { recomputeEnrollments } from "../server/modules/tracking/summaries.js";
import { indicators, listLearners } from "../server/modules/tutoring/service.js";
import { withDatabase } from "../server/test/urls.js";
import { DEFAULTS as SEED_DEFAULTS, seedBig } from "./seed-big.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `Usage: npm run bench -- [options]

  --smoke               a small fresh database and 1 s cases (CI: checks results are produced, not speed)
  --duration S          seconds per HTTP case (default 10; smoke 1)
  --connections C       concurrent connections of the read cases (default 10: ten tutors' sessions)
  --scorm-seconds S     duration of the SCORM commits case, 200 learners (default 60; smoke 2)
  --port P              port of the app under test (default 3700)
  --only REGEX          only the cases whose name matches
  --no-web              skip the web measures (bundle sizes, Chromium)
  --web-dir DIR         an existing web build made with --manifest (default: build one in a temporary folder)
  --out DIR             where the JSON goes (default bench/results)
  --note TEXT           a note stored with the results (e.g. the machine's load)
  --learners N, --courses M   size of the dataset seed:big generates when the database is empty
                        (defaults: seed:big's, 200,000 learners and 2,000 courses)

Database: DATABASE_URL (used as it is; seed:big fills it if it has no users), or the embedded
PostgreSQL under DATA_DIR (default ./data/bench). With --smoke, a new database on DATABASE_URL's
server (dropped afterwards) or an embedded one in a temporary folder.`;

interface Options {
  smoke: boolean;
  duration: number;
  connections: number;
  scormSeconds: number;
  port: number;
  only: RegExp | null;
  web: boolean;
  webDir: string | null;
  out: string;
  note: string;
  learners: number | undefined;
  courses: number | undefined;
}

function parseOptions(): Options | null {
  const { values } = parseArgs({
    options: {
      smoke: { type: "boolean", default: false },
      duration: { type: "string" },
      connections: { type: "string" },
      "scorm-seconds": { type: "string" },
      port: { type: "string" },
      only: { type: "string" },
      "no-web": { type: "boolean", default: false },
      "web-dir": { type: "string" },
      out: { type: "string" },
      note: { type: "string" },
      learners: { type: "string" },
      courses: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const number = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value.replaceAll("_", ""));
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name}: not a positive number: ${value}`);
    return parsed;
  };
  const smoke = values.smoke ?? false;
  return {
    smoke,
    duration: number("duration", values.duration, smoke ? 1 : 10),
    connections: number("connections", values.connections, 10),
    scormSeconds: number("scorm-seconds", values["scorm-seconds"], smoke ? 2 : 60),
    port: number("port", values.port, 3700),
    only: values.only ? new RegExp(values.only) : null,
    // The smoke run builds no web app (CI's npm test has built one without a manifest already).
    web: !(values["no-web"] ?? false) && (!smoke || values["web-dir"] !== undefined),
    webDir: values["web-dir"] ?? null,
    out: path.resolve(values.out ?? path.join(ROOT, "bench", "results")),
    note: values.note ?? "",
    learners: values.learners === undefined ? undefined : number("learners", values.learners, 0),
    courses: values.courses === undefined ? undefined : number("courses", values.courses, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Results

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface HttpCaseResult {
  name: string;
  title: string;
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  throughput: number;
  latency: Latency;
  floor: (Latency & { calls: number }) | null;
  ratioP95: number | null;
  budgetP95Ms: number | null;
  rssMaxMb: number;
}

interface BulkResult {
  name: string;
  title: string;
  learners: number;
  seconds: number;
  budgetSeconds: number;
  detail: string;
}

function percentiles(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] ?? 0 };
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// The database

interface BenchDatabase {
  url: string;
  db: Db;
  close(): Promise<void>;
  description: string;
}

async function openBenchDatabase(o: Options): Promise<BenchDatabase> {
  const cleanups: (() => Promise<unknown>)[] = [];
  let url = process.env.DATABASE_URL;
  let description: string;
  if (o.smoke) {
    if (url) {
      const name = `tutora_bench_smoke_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      await admin.end();
      const serverUrl = url;
      cleanups.push(async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      });
      url = withDatabase(url, name);
      description = `new database ${name} on DATABASE_URL's server`;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-bench-"));
      fs.chmodSync(dir, 0o755);
      const embedded = await startEmbeddedPostgres(dir);
      url = embedded.url;
      cleanups.push(() => fs.promises.rm(dir, { recursive: true, force: true }));
      cleanups.push(embedded.stop);
      description = "embedded PostgreSQL in a temporary folder";
    }
  } else if (url) {
    description = "DATABASE_URL";
  } else {
    const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, "data", "bench"));
    console.log(`Starting the embedded PostgreSQL in ${dataDir} ...`);
    const embedded = await startEmbeddedPostgres(dataDir);
    url = embedded.url;
    cleanups.push(embedded.stop);
    description = `embedded PostgreSQL in ${dataDir}`;
  }
  const database = openDatabase(url, 12);
  cleanups.push(() => database.close());
  await runMigrations(database.db);
  const users = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from users limit 1) u`,
  );
  if ((users.rows[0]?.n ?? 0) === 0) {
    const size = o.smoke
      ? { learners: 1200, courses: 30, bigCourseLearners: 600, sessionsPerLearner: 10, heavyLearnerAttempts: 100 }
      : { learners: o.learners, courses: o.courses };
    console.log(`The database is empty: seed:big ${JSON.stringify(size)} ...`);
    const seeded = await seedBig(database.db, { ...size, log: (line) => console.log(`  ${line}`) });
    console.log(`  seeded in ${seeded.totalSeconds.toFixed(1)} s`);
  }
  return {
    url,
    db: database.db,
    description,
    close: async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e));
    },
  };
}

async function rows<T>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

interface Dataset {
  tutor: CurrentUser;
  bigCourse: { id: string; learners: number; pages: number };
  heavy: { courseId: string; learnerId: string; attempts: number; sessions: number };
  tutoredCourses: number;
  templateId: string;
  counts: Record<string, number>;
  lastNames: string[];
  topics: string[];
}

async function describeDataset(db: Db): Promise<Dataset> {
  const [tutor] = await rows<CurrentUser & { organisation: string | null }>(
    db,
    sql`select id, email, first_name as "firstName", last_name as "lastName", roles::text[] as roles, locale, time_zone as "timeZone",
          null as organisation
        from users where email = ${SEED_DEFAULTS.tutorEmail}`,
  );
  if (!tutor) throw new Error(`No ${SEED_DEFAULTS.tutorEmail}: this database was not filled by seed:big`);
  const [big] = await rows<{ id: string; n: number }>(
    db,
    sql`select c.id, count(e.id)::int as n from courses c join enrollments e on e.course_id = c.id
        where c.code = 'C00001' group by c.id`,
  );
  const [heavy] = await rows<{ courseId: string; learnerId: string; attempts: number; sessions: number }>(
    db,
    sql`select e.course_id as "courseId", e.user_id as "learnerId",
          (select count(*)::int from attempts a where a.enrollment_id = e.id) as attempts,
          (select count(*)::int from sessions s where s.enrollment_id = e.id) as sessions
        from enrollments e join courses c on c.id = e.course_id
        where c.code = 'C00002'
        order by (select count(*) from attempts a where a.enrollment_id = e.id) desc limit 1`,
  );
  const [tutored] = await rows<{ n: number }>(
    db,
    sql`select count(distinct course_id)::int as n from tutor_assignments where tutor_id = ${tutor.id}`,
  );
  const [template] = await rows<{ id: string }>(
    db,
    sql`select id from mail_templates where owner_id is null order by name limit 1`,
  );
  if (!big || !heavy || !template)
    throw new Error("The seed:big dataset lacks its huge course, heavy learner or mail templates");
  const names = await rows<{ name: string }>(
    db,
    sql`select distinct u.last_name as name from enrollments e join users u on u.id = e.user_id where e.course_id = ${big.id} limit 60`,
  );
  const counts: Record<string, number> = {};
  for (const table of ["users", "courses", "enrollments", "attempts", "sessions", "lesson_stats"]) {
    // Estimates from the statistics (exact counts of 10 M rows take seconds).
    const [row] = await rows<{ n: number }>(
      db,
      sql`select greatest(reltuples, 0)::bigint as n from pg_class where relname = ${table} and relkind = 'r'`,
    );
    counts[table] = Number(row?.n ?? 0);
  }
  return {
    tutor: { ...tutor, organisation: null },
    bigCourse: { id: big.id, learners: big.n, pages: Math.max(1, Math.ceil(big.n / 25)) },
    heavy,
    tutoredCourses: tutored?.n ?? 0,
    templateId: template.id,
    counts,
    lastNames: names.map((n) => n.name.slice(0, 4)),
    topics: ["vente", "manag", "securite", "excel", "client", "rgpd", "negociation", "paie"],
  };
}

// ---------------------------------------------------------------------------------------------
// The app under test

interface Server {
  process: ChildProcess;
  base: string;
  logFile: string;
  rssMb(): number;
  stop(): Promise<void>;
}

/** The server as `npm start` runs it: built to JavaScript in dist/app (scripts/build-server.ts), on plain Node. */
function buildServer(): string {
  const built = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "build-server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (built.status !== 0) throw new Error(`The server build failed:\n${built.stdout}${built.stderr}`);
  return path.join(ROOT, "dist", "app", "bench", "server.js");
}

async function startServer(url: string, port: number, webDir: string | null): Promise<Server> {
  // BENCH_CPU_PROF=<folder>: the app writes a V8 CPU profile of the whole run there as it stops.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, buildServer()], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...(webDir ? { WEB_DIR: webDir } : {}),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  // The app's log (warnings and errors) goes on to a file, named in the report when a case fails.
  const logFile = path.join(os.tmpdir(), `tutora-bench-server-${port}.log`);
  const log = fs.createWriteStream(logFile);
  log.write(output);
  child.stdout?.removeAllListeners("data");
  child.stderr?.removeAllListeners("data");
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pid = child.pid ?? 0;
  return {
    process: child,
    base: `http://127.0.0.1:${port}`,
    logFile,
    rssMb: () => {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        return kb / 1024;
      } catch {
        return 0;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(base: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

async function api<T>(base: string, session: Session, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(body === undefined ? {} : { "content-type": "application/json", "x-csrf-token": session.csrfToken }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  const type = response.headers.get("content-type") ?? "";
  return (type.includes("json") ? await response.json() : Buffer.from(await response.arrayBuffer())) as T;
}

/** Samples the server's RSS every 200 ms; `take()` returns the maximum since the last call. */
function rssSampler(server: Server) {
  let max = 0;
  let overall = 0;
  const timer = setInterval(() => {
    const rss = server.rssMb();
    max = Math.max(max, rss);
    overall = Math.max(overall, rss);
  }, 200);
  timer.unref();
  return {
    take: () => {
      const value = Math.max(max, server.rssMb());
      max = 0;
      return value;
    },
    overall: () => overall,
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP cases

interface HttpCase<P> {
  name: string;
  title: string;
  budgetP95Ms: number | null;
  connections?: number;
  /** A fresh set of parameters for each request (a random page, a name...). */
  params(): P;
  path(params: P): string;
  /** The same read, through the service in this process (SQL on pg, no HTTP): the floor. */
  floor?: (params: P) => Promise<unknown>;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])) as [string, string][],
  ).toString();

function httpCases(ds: Dataset, db: Db): HttpCase<Record<string, string | number | undefined>>[] {
  const big = ds.bigCourse;
  const center = `/api/tutoring/courses/${big.id}`;
  const user = ds.tutor;
  const learners = (p: Record<string, string | number | undefined>) =>
    listLearners(db, user, big.id, tutoredLearnersQuerySchema.parse(p));
  return [
    {
      name: "health",
      title: "floor: GET /api/health (a trivial route: session-less, one `select 1`)",
      budgetP95Ms: null,
      params: () => ({}),
      path: () => "/api/health",
      floor: () => db.execute(sql`select 1`),
    },
    {
      name: "center.indicators",
      title: `tutoring center of the ${big.learners.toLocaleString("en-US")}-learner course: indicators + pie`,
      budgetP95Ms: 50,
      params: () => ({}),
      path: () => `${center}/indicators`,
      floor: () => indicators(db, user, big.id, indicatorsQuerySchema.parse({})),
    },
    {
      name: "center.first-page",
      title: "tutoring center: first page (sorted by name)",
      budgetP95Ms: 50,
      params: () => ({ page: 1, pageSize: 25, sort: "name" }),
      path: (p) => `${center}/learners?${query(p)}`,
      floor: learners,
    },
    {
      name: "center.page-by-progress",
      title: "tutoring center: any page sorted by progress (random page, either order)",
      budgetP95Ms: 50,
      params: () => ({ page: randomInt(1, big.pages), pageSize: 25, sort: "progress", order: pick(["asc", "desc"]) }),
      path: (p) => `${center}/learners?${query(p)}`,
      floor: learners,
    },
    {
      name: "center.page-by-name",
      title: "tutoring center: any page sorted by name (random page, either order)",
      budgetP95Ms: 50,
      params: () => ({ page: randomInt(1, big.pages), pageSize: 25, sort: "name", order: pick(["asc", "desc"]) }),
      path: (p) => `${center}/learners?${query(p)}`,
      floor: learners,
    },
    {
      name: "center.name-filter",
      title: "tutoring center: name filter (a name's first 4 letters), first page",
      budgetP95Ms: 50,
      params: () => ({ page: 1, pageSize: 25, sort: "name", q: pick(ds.lastNames) }),
      path: (p) => `${center}/learners?${query(p)}`,
      floor: learners,
    },
    {
      name: "center.enrollment-filter",
      title: "tutoring center: enrollment filter (mandatory), indicators and a random page by progress",
      budgetP95Ms: 50,
      params: () =>
        Math.random() < 0.5
          ? { indicators: 1, enrollmentType: "mandatory" }
          : {
              page: randomInt(1, Math.ceil(big.pages * 0.7)),
              pageSize: 25,
              sort: "progress",
              enrollmentType: "mandatory",
            },
      path: (p) =>
        p.indicators ? `${center}/indicators?enrollmentType=${p.enrollmentType}` : `${center}/learners?${query(p)}`,
      floor: (p) =>
        p.indicators
          ? indicators(db, user, big.id, indicatorsQuerySchema.parse({ enrollmentType: p.enrollmentType }))
          : learners(p),
    },
    {
      name: "report",
      title: `learner report: ${ds.heavy.attempts.toLocaleString("en-US")} attempts, ${ds.heavy.sessions.toLocaleString("en-US")} sessions (first page of each section)`,
      budgetP95Ms: 30,
      params: () => ({}),
      path: () => `/api/tutoring/courses/${ds.heavy.courseId}/learners/${ds.heavy.learnerId}/report`,
      floor: () => learnerReport(db, user, ds.heavy.courseId, ds.heavy.learnerId, learnerReportQuerySchema.parse({})),
    },
    {
      name: "courses.list",
      title: `tutored courses of a tutor with ${ds.tutoredCourses.toLocaleString("en-US")} courses: any page by name`,
      budgetP95Ms: 20,
      params: () => ({
        page: randomInt(1, Math.max(1, Math.ceil(ds.tutoredCourses / 25))),
        pageSize: 25,
        sort: "name",
        order: pick(["asc", "desc"]),
      }),
      path: (p) => `/api/tutoring/courses?${query(p)}`,
      floor: (p) => listTutoredCourses(db, user, tutoredCoursesQuerySchema.parse(p)),
    },
    {
      name: "courses.search",
      title: "tutored courses: search (a word of the course names), first page",
      budgetP95Ms: 20,
      params: () => ({ page: 1, pageSize: 25, sort: "name", q: pick(ds.topics) }),
      path: (p) => `/api/tutoring/courses?${query(p)}`,
      floor: (p) => listTutoredCourses(db, user, tutoredCoursesQuerySchema.parse(p)),
    },
  ];
}

/** `connections` loops calling `fn` for `seconds`: the latencies of the in-process floor. */
async function measureFloor(fn: () => Promise<unknown>, connections: number, seconds: number) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await fn();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { ...percentiles(latencies), calls: latencies.length };
}

async function runHttpCase<P extends Record<string, string | number | undefined>>(
  o: Options,
  server: Server,
  sessions: Session[],
  rss: ReturnType<typeof rssSampler>,
  c: HttpCase<P>,
): Promise<HttpCaseResult> {
  const connections = c.connections ?? o.connections;
  let next = 0;
  const latencies: number[] = [];
  // Warm-up (connections, plans, JIT), not counted.
  await new Promise<void>((resolve) => {
    autocannon(
      {
        url: server.base,
        connections,
        amount: connections * 5,
        requests: [
          {
            method: "GET",
            setupRequest: (request) => ({
              ...request,
              path: c.path(c.params()),
              headers: { cookie: sessions[0]?.cookie ?? "" },
            }),
          },
        ],
      },
      () => resolve(),
    );
  });
  rss.take();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.base,
        connections,
        duration: o.duration,
        timeout: 30,
        requests: [
          {
            method: "GET",
            // Each connection is one tutor's session; each request a fresh page, filter or name.
            setupRequest: (request, context) => {
              if (context.session === undefined) context.session = next++ % Math.max(1, sessions.length);
              const session = sessions[context.session as number];
              return { ...request, path: c.path(c.params()), headers: { cookie: session?.cookie ?? "" } };
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const rssMaxMb = rss.take();
  const floor = c.floor
    ? await measureFloor(
        () => (c.floor as (p: P) => Promise<unknown>)(c.params()),
        connections,
        Math.min(o.duration, 5),
      )
    : null;
  const latency = percentiles(latencies);
  return {
    name: c.name,
    title: c.title,
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    throughput: result.requests.total / Math.max(result.duration, 0.001),
    latency,
    floor,
    ratioP95: floor && floor.p95 > 0 ? latency.p95 / floor.p95 : null,
    budgetP95Ms: c.budgetP95Ms,
    rssMaxMb,
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk actions

interface PageOfLearners {
  items: { userId: string }[];
  total: number;
}

/**
 * "Sélectionner toutes les pages" designating exactly `target` learners: the course and filters
 * whose count is closest above it, minus the excess as excluded learners (as a tutor unticking them).
 */
async function selectionOf(
  base: string,
  session: Session,
  db: Db,
  target: number,
): Promise<{ courseId: string; selection: Selection; count: number }> {
  const courses = await rows<{ id: string; n: number }>(
    db,
    sql`select course_id as id, count(*)::int as n from enrollments group by course_id
        having count(*) >= ${target} order by count(*) limit 200`,
  );
  const candidates: Record<string, string>[] = [
    {},
    { enrollmentType: "mandatory" },
    { status: "in_progress" },
    { status: "not_started" },
    { status: "completed" },
    { enrollmentType: "recommended" },
    { progressMax: "50" },
    { progressMin: "50" },
  ];
  let best: { courseId: string; filters: Record<string, string>; count: number } | null = null;
  for (const course of courses) {
    for (const filters of candidates) {
      const { count } = await api<{ count: number }>(
        base,
        session,
        "POST",
        `/api/tutoring/courses/${course.id}/selection`,
        {
          mode: "filters",
          filters,
          excludedLearnerIds: [],
        },
      );
      if (count >= target && (!best || count < best.count)) best = { courseId: course.id, filters, count };
      if (best && best.count - target <= 100) break;
    }
    if (best && best.count - target <= 10_000) break;
  }
  if (!best || best.count - target > 10_000)
    throw new Error(`No selection of about ${target} learners in this dataset`);
  const excluded: string[] = [];
  for (let page = 1; excluded.length < best.count - target; page++) {
    const found = await api<PageOfLearners>(
      base,
      session,
      "GET",
      `/api/tutoring/courses/${best.courseId}/learners?${query({ ...best.filters, page, pageSize: 100, sort: "name", order: "desc" })}`,
    );
    if (found.items.length === 0) break;
    for (const item of found.items) if (excluded.length < best.count - target) excluded.push(item.userId);
  }
  return {
    courseId: best.courseId,
    selection: { mode: "filters", filters: best.filters, excludedLearnerIds: excluded },
    count: best.count - excluded.length,
  };
}

async function certificatesCase(base: string, session: Session, db: Db, target: number): Promise<BulkResult> {
  const { courseId, selection, count } = await selectionOf(base, session, db, target);
  // A learner who already holds a certificate is skipped: start from none (earlier runs made some).
  await db.execute(
    sql`delete from certificates where enrollment_id in (select id from enrollments where course_id = ${courseId})`,
  );
  const t0 = performance.now();
  const job = await api<{ jobId: string }>(base, session, "POST", `/api/tutoring/courses/${courseId}/certificates`, {
    selection,
    kind: "attendance",
  });
  let status = "";
  for (;;) {
    const state = await api<{ status: string; done: number; failed: number }>(
      base,
      session,
      "GET",
      `/api/tutoring/courses/${courseId}/certificate-jobs/${job.jobId}`,
    );
    status = state.status;
    if (status === "done" || status === "failed") {
      if (state.failed > 0) throw new Error(`certificates: ${state.failed} failed`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const zip = await api<Buffer>(
    base,
    session,
    "GET",
    `/api/tutoring/courses/${courseId}/certificate-jobs/${job.jobId}/zip`,
  );
  const seconds = (performance.now() - t0) / 1000;
  const files = Object.keys(unzipSync(new Uint8Array(zip)));
  if (files.length !== count) throw new Error(`certificates: the zip holds ${files.length} PDFs, not ${count}`);
  return {
    name: "bulk.certificates",
    title: `all pages selected → certificates for ${count.toLocaleString("en-US")} learners, until the zip is downloaded`,
    learners: count,
    seconds,
    budgetSeconds: 10,
    detail: `${files.length} PDFs, zip ${(zip.length / MB).toFixed(1)} MB`,
  };
}

async function remindersCase(base: string, session: Session, db: Db, templateId: string, target: number) {
  const { courseId, selection, count } = await selectionOf(base, session, db, target);
  const t0 = performance.now();
  const batch = await api<{ batchId: string; total: number; queued: number }>(
    base,
    session,
    "POST",
    `/api/tutoring/courses/${courseId}/reminders`,
    { templateId, selection, idempotencyKey: `bench-${Date.now()}-${process.pid}` },
  );
  // Disabled accounts get no mail: the batch's total is the selection's active learners.
  const expected = batch.total;
  if (expected < count * 0.9) throw new Error(`reminders: a batch of ${expected} for ${count} selected learners`);
  let queued = 0;
  while (queued < expected) {
    const [row] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from outbox where batch_id = ${batch.batchId}`,
    );
    queued = row?.n ?? 0;
    if (queued < expected) await new Promise((resolve) => setTimeout(resolve, 50));
    if (performance.now() - t0 > 120_000)
      throw new Error(`reminders: ${queued} of ${expected} in the outbox after 120 s`);
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    name: "bulk.reminders",
    title: `all pages selected → reminders to ${count.toLocaleString("en-US")} learners, until all are in the outbox`,
    learners: count,
    seconds,
    budgetSeconds: 3,
    detail: `${queued} messages in the outbox (${count - expected} of the selected accounts are disabled: no mail)`,
  } satisfies BulkResult;
}

// ---------------------------------------------------------------------------------------------
// SCORM commits

interface ScormResult {
  name: string;
  title: string;
  learners: number;
  seconds: number;
  commits: number;
  commitsPerSecond: number;
  errors: number;
  non2xx: number;
  latency: Latency;
  lost: number;
  wrongSummaries: number;
  rssMaxMb: number;
  budget: string;
}

const commitCmi = (n: number, final: boolean) => ({
  lessonStatus: null,
  completionStatus: final ? "completed" : "incomplete",
  successStatus: final ? "passed" : "unknown",
  score: { raw: final ? 90 : n % 100, min: 0, max: 100, scaled: final ? 0.9 : (n % 100) / 100 },
  progressMeasure: final ? 1 : Math.min(0.99, n / 1000),
  sessionTime: `PT${n}S`,
  location: `page-${n}`,
  suspendData: JSON.stringify({ n, seen: "x".repeat(n % 200) }),
  exit: final ? "normal" : "suspend",
  interactions: [],
  objectives: [],
});

/**
 * 200 learners of the huge course in its e-learning lesson, each committing as fast as the server
 * acknowledges (one request at a time per learner, as the player does), for `seconds`; then a last
 * "completed, passed" commit each. Afterwards: every learner's attempt holds their last
 * acknowledged commit (none lost), and recomputing their summaries from the facts changes nothing
 * (the summaries written with each commit were right).
 */
async function scormCase(o: Options, server: Server, db: Db, bigCourseId: string, rss: ReturnType<typeof rssSampler>) {
  const learnerCount = 200;
  const [lesson] = await rows<{ id: string }>(
    db,
    sql`select id from lessons where course_id = ${bigCourseId} and type = 'elearning' order by position limit 1`,
  );
  if (!lesson) throw new Error("The huge course has no e-learning lesson");
  // A package record for the lesson (launch needs one; the content files themselves are not served here).
  await db.execute(sql`
    insert into scorm_packages (lesson_id, version, launch_path, storage_path, mastery_score)
    select ${lesson.id}, '2004', 'index.html', 'bench/no-content', 80
    where not exists (select 1 from scorm_packages where lesson_id = ${lesson.id} and active)`);
  const learners = await rows<{ userId: string; enrollmentId: string }>(
    db,
    sql`select e.user_id as "userId", e.id as "enrollmentId" from enrollments e join users u on u.id = e.user_id
        where e.course_id = ${bigCourseId} and u.active order by e.learner_sort_name desc limit ${learnerCount}`,
  );
  // Sessions written directly: 200 sign-ins from one address would meet the sign-in rate limit.
  const sessions = await Promise.all(
    learners.map(async (learner) => {
      const token = crypto.randomBytes(32).toString("base64url");
      const csrfToken = crypto.randomBytes(24).toString("base64url");
      await insertSession(db, {
        token,
        userId: learner.userId,
        csrfToken,
        idleMinutes: 60,
        ip: "127.0.0.1",
        userAgent: "bench",
      });
      return { cookie: `tutora_session=${token}`, csrfToken };
    }),
  );
  const launched: { attemptId: number; sessionId: number; session: Session; enrollmentId: string }[] = [];
  for (let i = 0; i < learners.length; i += 20) {
    const batch = await Promise.all(
      learners.slice(i, i + 20).map(async (learner, j) => {
        const session = sessions[i + j] as Session;
        const launch = await api<{ attemptId: number; sessionId: number }>(
          server.base,
          session,
          "POST",
          `/api/player/lessons/${lesson.id}/launch`,
          {},
        );
        return { ...launch, session, enrollmentId: learner.enrollmentId };
      }),
    );
    launched.push(...batch);
  }
  const acknowledged = new Map<number, number>();
  let next = 0;
  const latencies: number[] = [];
  rss.take();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.base,
        connections: launched.length,
        duration: o.scormSeconds,
        timeout: 30,
        requests: [
          {
            method: "POST",
            setupRequest: (request, context) => {
              if (context.learner === undefined) {
                context.learner = next++ % launched.length;
                context.n = 0;
              }
              const learner = launched[context.learner as number];
              context.n = (context.n as number) + 1;
              return {
                ...request,
                path: `/api/player/attempts/${learner?.attemptId}/commit`,
                headers: {
                  cookie: learner?.session.cookie ?? "",
                  "x-csrf-token": learner?.session.csrfToken ?? "",
                  "content-type": "application/json",
                },
                body: JSON.stringify({ sessionId: learner?.sessionId, cmi: commitCmi(context.n as number, false) }),
              };
            },
            onResponse: (status, _body, context) => {
              if (status === 200) acknowledged.set(context.learner as number, context.n as number);
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const rssMaxMb = rss.take();
  // Commits in flight when the load stopped are still being applied: let them land before the
  // final commits, which must come last on each attempt.
  const latency = percentiles(latencies);
  await new Promise((resolve) => setTimeout(resolve, Math.max(1000, 2 * latency.max)));
  // The last commit of each learner: completed and passed.
  const finals = new Map<number, number>();
  for (let i = 0; i < launched.length; i += 20) {
    await Promise.all(
      launched.slice(i, i + 20).map(async (learner, j) => {
        const n = (acknowledged.get(i + j) ?? 0) + 1_000_000;
        await api(server.base, learner.session, "POST", `/api/player/attempts/${learner.attemptId}/commit`, {
          sessionId: learner.sessionId,
          cmi: commitCmi(n, true),
        });
        finals.set(i + j, n);
      }),
    );
  }
  // None lost: each attempt holds its learner's last acknowledged commit.
  const stored = await rows<{ id: number; location: string; status: string }>(
    db,
    sql`select id, cmi ->> 'location' as location, status::text as status from attempts
        where id in (select jsonb_array_elements_text(${JSON.stringify(launched.map((l) => l.attemptId))}::jsonb)::bigint)`,
  );
  const byAttempt = new Map(stored.map((r) => [Number(r.id), r]));
  let lost = 0;
  for (const [i, learner] of launched.entries()) {
    const row = byAttempt.get(learner.attemptId);
    if (row?.location !== `page-${finals.get(i)}` || row.status !== "passed") lost++;
  }
  // Right summaries: recomputing them from the facts, in a transaction rolled back, changes nothing.
  const enrollmentIds = JSON.stringify(launched.map((l) => l.enrollmentId));
  const snapshot = (tx: Tx) =>
    rows<{ digest: string }>(
      tx,
      sql`select md5(string_agg(concat_ws(',', e.id, e.status, e.progress_pct, e.completed_lessons, e.time_spent_s,
            ls.lesson_id, ls.status, ls.score, ls.attempts_count, ls.time_spent_s), ';' order by e.id, ls.lesson_id)) as digest
          from enrollments e join lesson_stats ls on ls.enrollment_id = e.id
          where e.id in (select jsonb_array_elements_text(${enrollmentIds}::jsonb)::uuid)`,
    );
  let wrongSummaries = 0;
  await db
    .transaction(async (tx) => {
      const before = (await snapshot(tx))[0]?.digest;
      await recomputeEnrollments(tx, sql`e.id in (select jsonb_array_elements_text(${enrollmentIds}::jsonb)::uuid)`);
      const after = (await snapshot(tx))[0]?.digest;
      if (before !== after) wrongSummaries = 1;
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.message.includes("Rollback"))) throw error;
    });
  const commits = result.requests.total;
  return {
    name: "scorm.commits",
    title: `${launched.length} learners committing SCORM data for ${o.scormSeconds} s, then checked`,
    learners: launched.length,
    seconds: result.duration,
    commits,
    commitsPerSecond: commits / Math.max(result.duration, 0.001),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    latency,
    lost,
    wrongSummaries,
    rssMaxMb,
    budget: "≥ 2,000/s sustained, 0 errors, 0 lost",
  } satisfies ScormResult;
}

// ---------------------------------------------------------------------------------------------
// Web

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

function buildWeb(o: Options): string {
  if (o.webDir) return path.resolve(o.webDir);
  const dir = path.join(os.tmpdir(), "tutora-bench-web");
  console.log(`Building the web app with a manifest into ${dir} ...`);
  const built = spawnSync(
    "npx",
    [
      "vite",
      "build",
      "--config",
      "web/vite.config.ts",
      "--outDir",
      dir,
      "--emptyOutDir",
      "--manifest",
      "--logLevel",
      "warn",
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (built.status !== 0) throw new Error("vite build failed");
  return dir;
}

interface ScreenSize {
  screen: string;
  jsGzipKb: number;
  ownJsGzipKb: number;
  files: number;
}

/** gzip size of the JS each screen needs: the entry, the layout, the page, and what they import statically. */
function screenSizes(webDir: string): ScreenSize[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(webDir, ".vite", "manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const gz = new Map<string, number>();
  const gzipSize = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length;
      gz.set(file, size);
    }
    return size;
  };
  const closure = (key: string, into = new Set<string>()) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error("No entry in the Vite manifest");
  const layoutKey = Object.keys(manifest).find((k) => k.endsWith("app/AppLayout.tsx"));
  const base = closure(entryKey);
  const shell = layoutKey ? closure(layoutKey, new Set(base)) : base;
  const sum = (files: Iterable<string>) =>
    [...files].filter((f) => f.endsWith(".js")).reduce((t, f) => t + gzipSize(f), 0);
  const sizes: ScreenSize[] = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || !/pages\/.+Page\.tsx$/.test(key)) continue;
    const signIn = key.includes("sign-in/");
    const start = new Set(signIn ? base : shell);
    const all = closure(key, new Set(start));
    const own = [...all].filter((f) => !start.has(f));
    sizes.push({
      screen: path.basename(key, ".tsx"),
      jsGzipKb: sum(all) / 1024,
      ownJsGzipKb: sum(own) / 1024,
      files: [...all].filter((f) => f.endsWith(".js")).length,
    });
  }
  return sizes.sort((a, b) => b.jsGzipKb - a.jsGzipKb);
}

/** Time from navigation to the tutoring center's first table row visible, in headless Chromium. */
async function centerInChromium(base: string, session: Session, courseId: string, runs: number) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const [name, value] = session.cookie.split("=") as [string, string];
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A new context each time: an empty HTTP cache, as on a first visit.
      const context = await browser.newContext({ locale: "fr-FR" });
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${base}/tutorat/formations/${courseId}/centre`);
      await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor({ state: "visible", timeout: 60_000 });
      times.push(performance.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: times.map((t) => round(t, 0)),
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    maxMs: sorted.at(-1) ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function table(headers: string[], body: (string | number)[][]): string {
  const cells = [headers, ...body.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

function loadNote(): string {
  const [one, five] = os.loadavg();
  return `load average ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min) on ${os.cpus().length} CPUs`;
}

async function main() {
  const o = parseOptions();
  if (!o) return;
  const started = new Date();
  const loadBefore = loadNote();
  const database = await openBenchDatabase(o);
  let server: Server | undefined;
  let failed = false;
  try {
    const ds = await describeDataset(database.db);
    console.log(
      `Dataset: ${Object.entries(ds.counts)
        .map(([t, n]) => `${t} ~${n.toLocaleString("en-US")}`)
        .join(", ")}; huge course ${ds.bigCourse.learners.toLocaleString("en-US")} learners`,
    );
    const webDir = o.web ? buildWeb(o) : null;
    server = await startServer(database.url, o.port, webDir);
    const rss = rssSampler(server);
    const sessions: Session[] = [];
    for (let i = 0; i < o.connections; i++) {
      sessions.push(await signIn(server.base, SEED_DEFAULTS.tutorEmail, SEED_DEFAULTS.password));
    }
    const session = sessions[0] as Session;

    const http: HttpCaseResult[] = [];
    for (const c of httpCases(ds, database.db)) {
      if (o.only && !o.only.test(c.name)) continue;
      process.stdout.write(`  ${c.name} ...`);
      const result = await runHttpCase(o, server, sessions, rss, c);
      http.push(result);
      process.stdout.write(` ${result.requests} requests, p95 ${round(result.latency.p95)} ms\n`);
    }

    let scorm: ScormResult | null = null;
    const bulkErrors: string[] = [];
    if (!o.only || o.only.test("scorm.commits")) {
      process.stdout.write("  scorm.commits ...");
      try {
        scorm = await scormCase(o, server, database.db, ds.bigCourse.id, rss);
        process.stdout.write(` ${scorm.commits} commits, ${round(scorm.commitsPerSecond, 0)}/s\n`);
      } catch (error) {
        bulkErrors.push(`scorm.commits: ${error instanceof Error ? error.message : error}`);
        process.stdout.write(" failed\n");
      }
    }

    const bulk: BulkResult[] = [];
    for (const [name, run] of [
      ["bulk.certificates", () => certificatesCase(server?.base ?? "", session, database.db, o.smoke ? 50 : 1000)],
      [
        "bulk.reminders",
        () => remindersCase(server?.base ?? "", session, database.db, ds.templateId, o.smoke ? 200 : 10_000),
      ],
    ] as const) {
      if (o.only && !o.only.test(name)) continue;
      process.stdout.write(`  ${name} ...`);
      rss.take();
      try {
        const result = await run();
        bulk.push(result);
        process.stdout.write(` ${round(result.seconds, 2)} s (RSS max ${round(rss.take(), 0)} MB)\n`);
      } catch (error) {
        bulkErrors.push(`${name}: ${error instanceof Error ? error.message : error}`);
        process.stdout.write(" failed\n");
      }
    }

    let web: { screens: ScreenSize[]; center: Awaited<ReturnType<typeof centerInChromium>> | null } | null = null;
    if (webDir && (!o.only || o.only.test("web"))) {
      console.log("  web ...");
      web = { screens: screenSizes(webDir), center: null };
      web.center = await centerInChromium(server.base, session, ds.bigCourse.id, o.smoke ? 1 : 5);
    }
    const rssOverall = rss.overall();
    rss.stop();

    // --- print
    const ms = (v: number) => round(v, 1).toFixed(1);
    const health = http.find((h) => h.name === "health");
    if (http.length) {
      console.log(
        `\nHTTP reads (${o.connections} connections, ${o.duration} s each; latency in ms; floor = the same service call in-process on pg, no HTTP):`,
      );
      console.log(
        table(
          [
            "case",
            "requests",
            "req/s",
            "p50",
            "p95",
            "p99",
            "errors",
            "floor p50",
            "floor p95",
            "p95/floor",
            "budget p95",
            "RSS MB",
          ],
          http.map((h) => [
            h.name,
            h.requests,
            round(h.throughput, 0),
            ms(h.latency.p50),
            ms(h.latency.p95),
            ms(h.latency.p99),
            h.errors + h.non2xx,
            h.floor ? ms(h.floor.p50) : "",
            h.floor ? ms(h.floor.p95) : "",
            h.ratioP95 === null ? "" : `${round(h.ratioP95, 1)}×`,
            h.budgetP95Ms === null ? "" : `≤ ${h.budgetP95Ms}${h.latency.p95 <= h.budgetP95Ms ? " ok" : " MISSED"}`,
            round(h.rssMaxMb, 0),
          ]),
        ),
      );
    }
    if (health)
      console.log(`HTTP floor (/api/health) p50 ${ms(health.latency.p50)} ms, p95 ${ms(health.latency.p95)} ms.`);
    if (scorm) {
      console.log(
        `\nSCORM commits: ${scorm.learners} learners, ${round(scorm.seconds, 0)} s: ${scorm.commits} commits, ${round(scorm.commitsPerSecond, 0)}/s, ` +
          `p50 ${ms(scorm.latency.p50)} ms, p95 ${ms(scorm.latency.p95)} ms, p99 ${ms(scorm.latency.p99)} ms, ` +
          `${scorm.errors + scorm.non2xx} errors, ${scorm.lost} lost, summaries ${scorm.wrongSummaries ? "WRONG" : "right"}, ` +
          `RSS max ${round(scorm.rssMaxMb, 0)} MB (budget ${scorm.budget}${scorm.commitsPerSecond >= 2000 && scorm.errors + scorm.non2xx + scorm.lost === 0 ? ": ok" : ": MISSED"}).`,
      );
    }
    if (bulk.length) {
      console.log("\nBulk actions:");
      console.log(
        table(
          ["case", "learners", "seconds", "budget", "detail"],
          bulk.map((b) => [
            b.name,
            b.learners,
            round(b.seconds, 2),
            `≤ ${b.budgetSeconds} s${b.seconds <= b.budgetSeconds ? " ok" : " MISSED"}`,
            b.detail,
          ]),
        ),
      );
    }
    for (const error of bulkErrors) console.log(`FAILED ${error}`);
    console.log(`\nServer RSS, maximum over the whole run: ${round(rssOverall, 0)} MB (budget ≤ 400 MB).`);
    if (web) {
      console.log("\nWeb: JS per screen (gzip -9, entry + layout + page + their static imports):");
      console.log(
        table(
          ["screen", "JS gzip kB", "own kB", "files"],
          web.screens.map((s) => [s.screen, round(s.jsGzipKb), round(s.ownJsGzipKb), s.files]),
        ),
      );
      if (web.center) {
        console.log(
          `Tutoring center table visible (huge course, cold cache): median ${round(web.center.medianMs, 0)} ms, max ${round(web.center.maxMs, 0)} ms over ${web.center.runs.length} loads (budget ≤ 1500 ms).`,
        );
      }
    }

    // --- save
    const loadAfter = loadNote();
    const results = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      mode: o.smoke ? "smoke" : "full",
      note: o.note,
      machine: {
        cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
        memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
        node: process.version,
        loadBefore,
        loadAfter,
      },
      database: database.description,
      dataset: ds.counts,
      bigCourseLearners: ds.bigCourse.learners,
      options: { duration: o.duration, connections: o.connections },
      http,
      scorm,
      bulk,
      bulkErrors,
      rssMaxMb: rssOverall,
      web,
    };
    fs.mkdirSync(o.out, { recursive: true });
    const file = path.join(
      o.out,
      `${started.toISOString().replaceAll(":", "-").replace(/\..+/, "")}${o.smoke ? "-smoke" : ""}.json`,
    );
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nResults: ${path.relative(process.cwd(), file)}`);

    // Results must exist and be answers, whatever their speed.
    const broken = [
      ...http
        .filter((h) => h.requests === 0 || h.errors + h.non2xx > 0)
        .map((h) => `${h.name}: ${h.requests} requests, ${h.errors} errors, ${h.non2xx} non-2xx`),
      ...bulkErrors,
      ...(scorm && scorm.errors + scorm.non2xx + scorm.lost + scorm.wrongSummaries > 0
        ? [
            `scorm.commits: ${scorm.errors + scorm.non2xx} errors, ${scorm.lost} lost, summaries ${scorm.wrongSummaries ? "wrong" : "right"}`,
          ]
        : []),
    ];
    if (broken.length) {
      failed = true;
      console.error(`\nBench FAILED:\n  ${broken.join("\n  ")}\nThe app's log: ${server.logFile}`);
    }
  } finally {
    await server?.stop();
    await database.close();
  }
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
