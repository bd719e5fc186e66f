import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { buildApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { openDatabase } from "../server/db/client.js";
import { startEmbeddedPostgres } from "../server/db/embedded.js";
import { runMigrations } from "../server/db/migrate.js";
import { checkConsistency } from "./check-consistency.js";
import { seedDemo } from "./demo-data.js";

/**
 * `npm run soak -- --minutes 10`: the app on loopback HTTP over a fresh embedded PostgreSQL with
 * the demo data, under tutors reading (lists, indicators, reports), learners writing facts
 * (reading sessions on a practical sheet: open, heartbeats, close — each recomputes their
 * statistics) and tutors editing the same learners' statistics concurrently (optimistic
 * concurrency: a stale version is a 409, never a silent overwrite).
 *
 * Pass criteria, printed at the end: zero 5xx; no lost update (each edited statistic holds the
 * value of its last acknowledged edit); summaries consistent with the facts; memory flat (heap
 * after GC in the last third of the run within 1.5× of the first third). Exit code 1 otherwise.
 */
interface Session {
  cookie: string;
  csrf: string;
}

async function main() {
  const { values } = parseArgs({
    options: {
      minutes: { type: "string", default: "10" },
      seconds: { type: "string" },
      readers: { type: "string", default: "3" },
      learners: { type: "string", default: "6" },
      editors: { type: "string", default: "2" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log("Usage: npm run soak -- [--minutes 10 | --seconds N] [--readers 3] [--learners 6] [--editors 2]");
    return;
  }
  const durationMs = values.seconds ? Number(values.seconds) * 1000 : Number(values.minutes) * 60_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-soak-"));
  fs.chmodSync(dataDir, 0o755);
  console.log(`Soak: ${durationMs / 1000} s on a fresh embedded PostgreSQL in ${dataDir} ...`);
  const embedded = await startEmbeddedPostgres(dataDir);
  const database = openDatabase(embedded.url, 10);
  try {
    await runMigrations(database.db);
    await seedDemo(database.db, { dataDir });
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: embedded.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: "error",
    });
    const app = await buildApp({ db: database.db, config, logger: process.env.SOAK_LOG === "1" });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const result = await soak(base, database.db, durationMs, {
      readers: Number(values.readers),
      learners: Number(values.learners),
      editors: Number(values.editors),
    });
    await app.close();
    console.log(JSON.stringify(result, null, 2));
    if (!result.passed) process.exitCode = 1;
  } finally {
    await database.close();
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function soak(
  base: string,
  db: ReturnType<typeof openDatabase>["db"],
  durationMs: number,
  counts: { readers: number; learners: number; editors: number },
) {
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const errors: string[] = [];
  const call = async (session: Session | null, method: string, url: string, body?: unknown) => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    latencies.push(performance.now() - started);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status >= 500 && errors.length < 20)
      errors.push(`${method} ${url}: ${response.status} ${text.slice(0, 200)}`);
    return { status: response.status, json: () => JSON.parse(text) };
  };
  const signIn = async (email: string): Promise<Session> => {
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "demo" }),
    });
    const body = (await response.json()) as { csrfToken: string };
    return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "", csrf: body.csrfToken };
  };

  const ids = await db.execute<{ c1: string; sheet: string; elearning: string }>(sql`
    select c.id as c1,
      (select id from lessons where course_id = c.id and type = 'sheet' order by position limit 1) as sheet,
      (select id from lessons where course_id = c.id and type = 'elearning' order by position limit 1) as elearning
    from courses c where c.code = 'C01_L''avant-vente commerciale'`);
  const { c1, sheet, elearning } = ids.rows[0] ?? { c1: "", sheet: "", elearning: "" };
  const learnerRows = await db.execute<{ id: string; email: string }>(sql`
    select u.id, u.email from enrollments e join users u on u.id = e.user_id
    where e.course_id = ${c1} and u.active order by u.email limit ${counts.learners}`);
  const learners = learnerRows.rows;
  const tutor = await signIn("tuteur@demo.local");
  const editorsSessions = await Promise.all(
    Array.from({ length: counts.editors }, (_, i) => signIn(i % 2 === 0 ? "tuteur@demo.local" : "admin@demo.local")),
  );
  const end = Date.now() + durationMs;
  const memory: { at: number; heap: number; rss: number }[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const sampler = setInterval(() => {
    gc?.();
    const usage = process.memoryUsage();
    memory.push({ at: Date.now(), heap: usage.heapUsed, rss: usage.rss });
  }, 5_000);

  const reader = async () => {
    while (Date.now() < end) {
      const learner = learners[Math.floor(Math.random() * learners.length)];
      await call(tutor, "GET", `/api/tutoring/courses/${c1}/learners?pageSize=25&sort=progress&order=desc`);
      await call(tutor, "GET", `/api/tutoring/courses/${c1}/indicators`);
      await call(tutor, "GET", `/api/tutoring/courses/${c1}/learners/${learner?.id}/report`);
    }
  };
  const learnerLoop = async (email: string) => {
    const session = await signIn(email);
    while (Date.now() < end) {
      const opened = await call(session, "POST", `/api/learner/courses/${c1}/lessons/${sheet}/sessions`, {});
      if (opened.status !== 201) continue;
      const { sessionId } = opened.json() as { sessionId: number };
      await call(session, "POST", `/api/learner/courses/${c1}/lessons/${sheet}/sessions/${sessionId}/heartbeat`, {});
      await call(session, "POST", `/api/learner/courses/${c1}/lessons/${sheet}/sessions/${sessionId}/close`, {});
    }
  };
  // The last acknowledged value of each edited statistic, by the version the server returned.
  const acknowledged = new Map<string, { version: number; time: number }>();
  let conflicts = 0;
  const editor = async (session: Session) => {
    while (Date.now() < end) {
      const learner = learners[Math.floor(Math.random() * Math.min(2, learners.length))];
      const url = `/api/tutoring/courses/${c1}/learners/${learner?.id}/lessons/${elearning}/stats`;
      const form = await call(session, "GET", url);
      if (form.status !== 200) continue;
      const current = form.json() as { version: number; status: string; statusAt: string | null; score: number | null };
      const time = 3600 + Math.floor(Math.random() * 3600);
      const edit = await call(session, "PUT", url, {
        expectedVersion: current.version,
        status: current.status,
        statusAt: current.statusAt,
        score: current.score,
        timeSpentSeconds: time,
        reason: "soak",
      });
      if (edit.status === 409) conflicts++;
      if (edit.status === 200) {
        const { version } = edit.json() as { version: number };
        const key = learner?.id ?? "";
        const previous = acknowledged.get(key);
        if (!previous || previous.version < version) acknowledged.set(key, { version, time });
      }
    }
  };
  await Promise.all([
    ...Array.from({ length: counts.readers }, reader),
    ...learners.map((l) => learnerLoop(l.email)),
    ...editorsSessions.map(editor),
  ]);
  clearInterval(sampler);

  const lost: string[] = [];
  for (const [learnerId, last] of acknowledged) {
    const form = await call(
      tutor,
      "GET",
      `/api/tutoring/courses/${c1}/learners/${learnerId}/lessons/${elearning}/stats`,
    );
    const stored = (form.json() as { timeSpentSeconds: number }).timeSpentSeconds;
    if (stored !== last.time) lost.push(`${learnerId}: stored ${stored}, last acknowledged ${last.time}`);
  }
  const differences = await checkConsistency(db);
  const third = Math.max(1, Math.floor(memory.length / 3));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const heapFirst = median(memory.slice(0, third).map((m) => m.heap));
  const heapLast = median(memory.slice(-third).map((m) => m.heap));
  const sorted = [...latencies].sort((a, b) => a - b);
  const fivexx = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 500)
    .reduce((sum, [, n]) => sum + n, 0);
  const memoryFlat = memory.length < 6 || heapLast <= heapFirst * 1.5;
  return {
    seconds: durationMs / 1000,
    requests: latencies.length,
    statuses,
    p50ms: Math.round(sorted[Math.floor(sorted.length * 0.5)] ?? 0),
    p95ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    editsAcknowledged: acknowledged.size,
    conflicts409: conflicts,
    lostUpdates: lost,
    inconsistencies: differences.length,
    heapMB: { firstThird: Math.round(heapFirst / 1e6), lastThird: Math.round(heapLast / 1e6), gc: Boolean(gc) },
    rssMB: Math.round((memory.at(-1)?.rss ?? 0) / 1e6),
    errors,
    passed: fivexx === 0 && lost.length === 0 && differences.length === 0 && memoryFlat,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Soak failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  });
}
