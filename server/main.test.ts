import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test/db.js";

/** `npm start`'s server on the embedded database, started and stopped as a user would. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-start-"));
fs.chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  output: () => string;
  port: number;
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts the app and resolves when it says it is running (or rejects when it exits first). */
async function start(databaseUrl?: string): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: "127.0.0.1" };
  delete env.DATABASE_URL;
  delete env.DEMO_DATA;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let text = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("Press Ctrl-C to stop.")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${text}`)));
  });
  return { child, output: () => text, port };
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.once("exit", (code) => resolve(code));
    started.child.kill("SIGINT");
  });
}

async function signIn(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "tuteur@demo.local", password: "demo" }),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return {
    status: response.status,
    cookie,
    body: (await response.json()) as { csrfToken: string; user: { locale: string } },
  };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start on the embedded database", () => {
  it("starts with the demo data, stops cleanly on Ctrl-C, and a second start reuses the data", async () => {
    const first = await start();
    expect(first.output()).toContain(`Tutora is running at http://127.0.0.1:${first.port}`);
    expect(first.output()).toContain("tuteur@demo.local");
    const health = await fetch(`http://127.0.0.1:${first.port}/api/health`);
    expect(health.status).toBe(200);
    const session = await signIn(first.port);
    expect(session.status).toBe(200);
    // A change made in the first run, to find again in the second.
    const changed = await fetch(`http://127.0.0.1:${first.port}/api/auth/me/preferences`, {
      method: "PATCH",
      headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.body.csrfToken },
      body: JSON.stringify({ locale: "en" }),
    });
    expect(changed.status).toBe(200);

    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain("Stopped.");
    // The embedded PostgreSQL stopped with the app.
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    const second = await start();
    expect(second.output()).toContain("demo data already loaded");
    const again = await signIn(second.port);
    expect(again.status).toBe(200);
    expect(again.body.user.locale).toBe("en");
    expect(await stop(second)).toBe(0);
  }, 180_000);
});

describe("npm start with DATABASE_URL", () => {
  it("migrates that database and loads no demo data unless asked", async () => {
    const database = await createTestDatabase();
    try {
      await database.pool.query(
        "drop schema public cascade; create schema public; drop schema if exists drizzle cascade",
      );
      const started = await start(database.url);
      expect(started.output()).toContain("Database: DATABASE_URL");
      expect(started.output()).not.toContain("Demo accounts");
      expect((await fetch(`http://127.0.0.1:${started.port}/api/health`)).status).toBe(200);
      expect((await signIn(started.port)).status).toBe(401);
      const tables = await database.pool.query(
        "select count(*)::int as n from information_schema.tables where table_name = 'enrollments'",
      );
      expect(tables.rows[0].n).toBe(1);
      expect(await stop(started)).toBe(0);
    } finally {
      await database.drop();
    }
  }, 120_000);
});
