import http from "node:http";
import { sql } from "drizzle-orm";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "../scripts/demo-data.js";
import { buildApp, defaultWebDir } from "./app.js";
import { loadConfig } from "./config.js";
import { ensureWritableDataDir } from "./data-dir.js";
import { openDatabase } from "./db/client.js";
import { startEmbeddedPostgres } from "./db/embedded.js";
import { runMigrations } from "./db/migrate.js";
import { startJobs } from "./plugins/jobs.js";

/** Starts Tutora: config -> database (embedded or DATABASE_URL) -> migrations -> demo data -> HTTP. */
async function main() {
  const config = loadConfig();
  await ensureWritableDataDir(config.dataDir);
  let handler: http.RequestListener | undefined;
  // Listen at once: /api/health says 503 until the database is ready.
  const server = http.createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
    res.end(
      req.url?.startsWith("/api/health")
        ? JSON.stringify({ status: "unavailable", database: "down" })
        : JSON.stringify({ error: { code: "unavailable", message: "Tutora is starting, retry shortly" } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });

  let stopEmbedded: (() => Promise<void>) | undefined;
  let url = config.databaseUrl;
  if (!url) {
    console.log(`Starting the embedded PostgreSQL in ${config.dataDir} ...`);
    const embedded = await startEmbeddedPostgres(config.dataDir, () => {}, { ownSignalHandling: true });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const database = openDatabase(url);
  let stopJobs = async () => {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Tutora ...`);
    // Stop accepting; give requests in flight a few seconds, then end what stays open (live event streams).
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    setTimeout(() => server.closeAllConnections(), 3000).unref();
    await closed;
    await stopJobs();
    await database.close().catch(() => {});
    if (stopEmbedded) await stopEmbedded().catch((e) => console.error("embedded PostgreSQL stop failed:", e));
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const version = await database.db.execute<{ v: number }>(sql`select current_setting('server_version_num')::int as v`);
  if ((version.rows[0]?.v ?? 0) < 150000) throw new Error("Tutora needs PostgreSQL 15 or newer");
  await runMigrations(database.db);
  let seeded = false;
  if (config.demoData && (await isDatabaseEmpty(database.db))) {
    console.log("Loading the demo data ...");
    await seedDemo(database.db, { dataDir: config.dataDir });
    seeded = true;
  }

  const jobs = await startJobs(database.db, config);
  stopJobs = () => jobs.stop();
  if (!config.smtpUrl) console.log("No SMTP_URL: messages stay in the outbox, marked not sent.");
  let appHandler: http.RequestListener | undefined;
  const app = await buildApp({
    db: database.db,
    config,
    jobs,
    webDir: defaultWebDir,
    serverFactory: (h) => {
      appHandler = h;
      return server;
    },
  });
  await app.ready();
  // Requests reach the app only once every plugin is loaded; until then they get the 503 above.
  handler = appHandler;

  const shown = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  console.log(`\nTutora is running at http://${shown}:${config.port}`);
  console.log(`Database: ${config.databaseUrl ? "DATABASE_URL" : `embedded PostgreSQL (data in ${config.dataDir})`}`);
  if (config.demoData) {
    console.log(`Demo accounts${seeded ? "" : " (demo data already loaded)"}, password "${DEMO_PASSWORD}":`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(24)} ${account.role}`);
  }
  console.log("Press Ctrl-C to stop.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
