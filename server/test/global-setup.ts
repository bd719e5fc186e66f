import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seedDemo } from "../../scripts/demo-data.js";
import { openDatabase } from "../db/client.js";
import { startEmbeddedPostgres } from "../db/embedded.js";
import { runMigrations } from "../db/migrate.js";
import { templateNames, withDatabase } from "./urls.js";

/**
 * Runs once before the server tests: a PostgreSQL server (DATABASE_URL's, or an embedded one
 * started here) and two template databases, migrated-empty and migrated-with-demo-data. Each
 * test file then clones the template it needs in a few milliseconds.
 */
export default async function setup() {
  let adminUrl = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tutora-test-pg-"));
    await fs.chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres(dataDir);
    adminUrl = embedded.url;
    stop = embedded.stop;
  }
  process.env.TUTORA_TEST_ADMIN_URL = adminUrl;
  process.env.TUTORA_TEST_RUN = String(process.pid);
  const { empty: TEMPLATE_EMPTY, demo: TEMPLATE_DEMO, clones: CLONES } = templateNames();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of [TEMPLATE_EMPTY, TEMPLATE_DEMO]) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const database = openDatabase(withDatabase(adminUrl, name), 2);
    await runMigrations(database.db);
    if (name === TEMPLATE_DEMO) await seedDemo(database.db);
    await database.close();
  }
  await admin.end();
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    const leftovers = await cleanup.query<{ datname: string }>(
      // Only this run's databases: another run on the same server keeps its own (and in LIKE, "_"
      // matches any character, so the prefix is compared as a plain string).
      `select datname from pg_database where left(datname, length($3)) = $3 or datname in ($1, $2)`,
      [TEMPLATE_EMPTY, TEMPLATE_DEMO, CLONES],
    );
    for (const row of leftovers.rows) await cleanup.query(`drop database if exists "${row.datname}" with (force)`);
    await cleanup.end();
    if (stop) await stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}
