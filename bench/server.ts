/**
 * One app instance as it runs in production, for the benchmark (bench/run.ts) and the two-instance
 * test (server/test/two-instances.test.ts): NODE_ENV=production, the pg-boss workers, no demo data,
 * an already migrated database. Environment: DATABASE_URL (required), PORT, WEB_DIR (the built web
 * app, default dist/web), LOG_LEVEL (default warn). Prints `listening <port>` once it takes requests;
 * SIGTERM/SIGINT stop HTTP, the workers and the pool.
 */
import { buildApp, defaultWebDir } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { openDatabase } from "../server/db/client.js";
import { startJobs } from "../server/plugins/jobs.js";

async function main() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DEMO_DATA: "false",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  if (!config.databaseUrl) throw new Error("bench/server.ts needs DATABASE_URL");
  const database = openDatabase(config.databaseUrl);
  const jobs = await startJobs(database.db, config);
  const app = await buildApp({ db: database.db, config, jobs, webDir: process.env.WEB_DIR ?? defaultWebDir });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : config.port}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => app.server.closeAllConnections(), 2000).unref();
    await app.close().catch(() => {});
    await jobs.stop();
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
