import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { seedDemo } from "../scripts/demo-data.js";
import { buildApp, defaultWebDir } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { type Db, openDatabase } from "../server/db/client.js";
import { startEmbeddedPostgres } from "../server/db/embedded.js";
import { runMigrations } from "../server/db/migrate.js";
import { withDatabase } from "../server/test/urls.js";

/**
 * The app for the browser tests: a fresh database with the demo data (a new database on
 * DATABASE_URL's server, or an embedded one in a temporary folder), the built web app, port 3100.
 * Everything it made is removed when Playwright stops it.
 */
async function main() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const cleanups: (() => Promise<unknown>)[] = [];
  let url: string;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `tutora_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    url = withDatabase(serverUrl, name);
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    });
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tutora-e2e-"));
    await fs.chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres(dir);
    url = embedded.url;
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    cleanups.push(embedded.stop);
  }
  // Stored files (SCORM packages, uploads) in their own temporary folder, removed at the end.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tutora-e2e-files-"));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const database = openDatabase(url);
  cleanups.push(() => database.close());
  await runMigrations(database.db);
  await seedDemo(database.db, { dataDir });
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: url,
    PORT: String(port),
    LOG_LEVEL: "warn",
    DATA_DIR: dataDir,
  });
  // WEB_DIR lets several checkouts or builds be served side by side (each its own build folder).
  const app = await buildApp({ db: database.db, config, webDir: process.env.WEB_DIR ?? defaultWebDir });
  cleanups.push(() => app.close());
  await app.listen({ port, host: "127.0.0.1" });
  console.log(`e2e server on http://127.0.0.1:${port}`);

  // Test-only control port (loopback, this process only): each spec file starts from the demo data
  // as loaded, whatever the files before it changed (e2e/helpers.ts calls it).
  const control = http.createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/reset") {
      response.writeHead(404).end();
      return;
    }
    resetDemo(database.db, dataDir).then(
      () => response.writeHead(204).end(),
      (error) => {
        console.error(error);
        response.writeHead(500).end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => control.listen(port + 1000, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => control.close(resolve)));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e));
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

/** Empties every table the demo fills and loads the demo again. */
async function resetDemo(db: Db, dataDir: string) {
  const tables = await db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'platform_settings'`,
  );
  await db.execute(
    sql.raw(`truncate table ${tables.rows.map((t) => `"${t.name}"`).join(", ")} restart identity cascade`),
  );
  await seedDemo(db, { dataDir });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
