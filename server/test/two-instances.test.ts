import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./db.js";
import { demoIds } from "./demo.js";
import { incompleteCmi } from "./player.js";
import { buildPackage } from "./scorm-packages.js";

/**
 * Beyond one machine (#8): two app instances, each its own process with its own pool, live hub and
 * pg-boss workers (bench/server.ts, production mode), on one PostgreSQL database. Nothing but the
 * database is shared, as behind a load balancer.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Instance {
  process: ChildProcess;
  base: string;
  output: () => string;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function startInstance(url: string, dataDir: string): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "server.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: "0", LOG_LEVEL: "warn", SMTP_URL: "", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening (\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  child.removeAllListeners("exit");
  return { process: child, base: `http://127.0.0.1:${port}`, output: () => output };
}

async function stopInstance(instance: Instance | undefined) {
  const child = instance?.process;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function signIn(instance: Instance, email: string): Promise<Session> {
  const response = await fetch(`${instance.base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "demo" }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "", csrfToken: body.csrfToken };
}

function call(instance: Instance, session: Session, method: string, url: string, body?: unknown) {
  return fetch(`${instance.base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(body === undefined ? {} : { "content-type": "application/json", "x-csrf-token": session.csrfToken }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Reads a server-sent event stream until `event: <name>` arrives (or fails after `ms`). */
async function waitForEvent(reader: ReadableStreamDefaultReader<Uint8Array>, name: string, ms: number) {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  while (!text.includes(`event: ${name}\n`)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no "${name}" event within ${ms} ms; received:\n${text}`);
    const chunk = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no "${name}" event within ${ms} ms`)), left),
      ),
    ]);
    if (chunk.done) throw new Error(`the stream ended before "${name}"; received:\n${text}`);
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}

let database: TestDatabase;
/** Stored files (SCORM packages), shared by both instances as a deployment's shared volume would be. */
let dataDir: string;
let a: Instance;
let b: Instance;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  ids = await demoIds(database.db);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-two-instances-"));
  [a, b] = await Promise.all([startInstance(database.url, dataDir), startInstance(database.url, dataDir)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await database?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("two app instances on one database", () => {
  it("run on different ports", () => {
    expect(a.base).not.toBe(b.base);
  });

  it("accept on one instance a session signed in on the other, and end it on both at sign-out", async () => {
    const session = await signIn(a, "tuteur@demo.local");
    const me = await call(b, session, "GET", "/api/auth/me");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe("tuteur@demo.local");
    // A read on A: A keeps a copy of the session from now on.
    expect((await call(a, session, "GET", "/api/auth/me")).status).toBe(200);
    // A mutation authorised by the session's CSRF token, on the instance that did not issue it.
    const out = await call(b, session, "POST", "/api/auth/sign-out", {});
    expect(out.status).toBeLessThan(300);
    expect((await call(b, session, "GET", "/api/auth/me")).status).toBe(401);
    // A drops its copy when it hears B's commit through PostgreSQL, within milliseconds.
    let status = 0;
    const deadline = Date.now() + 5_000;
    while (status !== 401 && Date.now() < deadline) status = (await call(a, session, "GET", "/api/auth/me")).status;
    expect(status).toBe(401);
  });

  it("refuse the SCORM player's next request on one instance once its session ended on the other", async () => {
    const admin = await signIn(a, "admin@demo.local");
    const form = new FormData();
    form.append(
      "file",
      new Blob([Buffer.from(buildPackage({ version: "2004" }))], { type: "application/zip" }),
      "package.zip",
    );
    const uploaded = await fetch(`${a.base}/api/admin/lessons/${ids.c1Lessons.elearning}/scorm-package`, {
      method: "POST",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const session = await signIn(a, "sam.agasse@demo.local");
    const launched = await call(a, session, "POST", `/api/player/lessons/${ids.c1Lessons.elearning}/launch`, {});
    expect(launched.status).toBe(201);
    const { attemptId, sessionId } = (await launched.json()) as { attemptId: number; sessionId: number };
    const commit = (n: number) =>
      call(a, session, "POST", `/api/player/attempts/${attemptId}/commit`, {
        sessionId,
        cmi: incompleteCmi(`page ${n}`),
      });
    // Two commits on A: the second uses A's copy of the session.
    expect((await commit(1)).status).toBe(200);
    expect((await commit(2)).status).toBe(200);
    expect((await call(b, session, "POST", "/api/auth/sign-out-everywhere", {})).status).toBe(204);
    // A hears it through PostgreSQL (a notification at B's commit), within milliseconds; A's copy
    // would otherwise serve for up to a minute.
    let status = 0;
    const deadline = Date.now() + 5_000;
    for (let n = 3; status !== 401 && Date.now() < deadline; n++) status = (await commit(n)).status;
    expect(status).toBe(401);
  });

  it("deliver a live update (B5) from a write on one instance to a tutoring center open on the other", async () => {
    const session = await signIn(a, "tuteur@demo.local");
    const controller = new AbortController();
    const stream = await fetch(`${b.base}/api/tutoring/courses/${ids.c1}/events`, {
      headers: { cookie: session.cookie, accept: "text/event-stream" },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    try {
      await waitForEvent(reader, "ready", 10_000);
      // Modifier les statistiques (R6) on instance A: summaries recomputed, pg_notify at commit.
      const statsUrl = `/api/tutoring/courses/${ids.c1}/learners/${ids.sam}/lessons/${ids.c1Lessons.sheet}/stats`;
      const form = (await (await call(a, session, "GET", statsUrl)).json()) as Record<string, unknown> & {
        version: number;
        timeSpentSeconds: number;
      };
      const edited = await call(a, session, "PUT", statsUrl, {
        expectedVersion: form.version,
        status: form.status,
        statusAt: form.statusAt,
        score: form.score,
        timeSpentSeconds: form.timeSpentSeconds + 60,
        location: form.location,
        suspendData: form.suspendData,
      });
      expect(edited.status).toBe(200);
      const received = await waitForEvent(reader, "progress", 10_000);
      expect(received).toContain(`"courseId":"${ids.c1}"`);
    } finally {
      controller.abort();
      await reader.cancel().catch(() => {});
    }
  });

  it("work each background job once across both instances' pg-boss workers", async () => {
    const session = await signIn(a, "tuteur@demo.local");
    const page = (await (
      await call(a, session, "GET", `/api/tutoring/courses/${ids.c1}/learners?pageSize=6&sort=name`)
    ).json()) as { items: { userId: string }[] };
    const learners = page.items.map((item) => item.userId);
    expect(learners).toHaveLength(6);
    // Six jobs of one learner each, posted alternately to A and B: queued in the shared pgboss schema.
    const jobs: { instance: Instance; jobId: string }[] = [];
    for (const [i, learnerId] of learners.entries()) {
      const instance = i % 2 === 0 ? a : b;
      const response = await call(instance, session, "POST", `/api/tutoring/courses/${ids.c1}/certificates`, {
        selection: { mode: "ids", learnerIds: [learnerId] },
        kind: "attendance",
      });
      expect(response.status).toBe(202);
      jobs.push({ instance, jobId: ((await response.json()) as { jobId: string }).jobId });
    }
    // Each job's status is the same through either instance, and every one ends done.
    for (const job of jobs) {
      const other = job.instance === a ? b : a;
      let status = "";
      for (let i = 0; i < 300 && status !== "done"; i++) {
        const state = (await (
          await call(other, session, "GET", `/api/tutoring/courses/${ids.c1}/certificate-jobs/${job.jobId}`)
        ).json()) as { status: string; done: number; failed: number };
        status = state.status;
        if (status !== "done") await new Promise((resolve) => setTimeout(resolve, 100));
        else expect(state).toMatchObject({ done: 1, failed: 0 });
      }
      expect(status).toBe("done");
    }
    // pg-boss handed each job to one worker, once: completed at the first try, never retried.
    const bossJobs = await database.db.execute<{ state: string; retry_count: number; job_id: string }>(sql`
      select state::text as state, retry_count, data ->> 'jobId' as job_id from pgboss.job where name = 'bulk'`);
    expect(bossJobs.rows.map((r) => r.job_id).sort()).toEqual(jobs.map((j) => j.jobId).sort());
    for (const row of bossJobs.rows) expect(row).toMatchObject({ state: "completed", retry_count: 0 });
    // One certificate and one audit entry per learner: nothing was issued twice.
    const issued = await database.db.execute<{ n: number; audits: number }>(sql`
      select (select count(*)::int from certificates c join enrollments e on e.id = c.enrollment_id
              where e.course_id = ${ids.c1} and c.kind = 'attendance') as n,
             (select count(*)::int from audit_log where action = 'certificate.issue') as audits`);
    expect(issued.rows[0]).toEqual({ n: 6, audits: 6 });
  });
});
