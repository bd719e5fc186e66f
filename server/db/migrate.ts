import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { projectRoot } from "../project-root.js";
import type { Db } from "./client.js";

// The SQL files stay in the sources (the JavaScript build in dist/app has none of them).
const migrationsFolder = path.join(projectRoot, "server", "db", "migrations");

/** Applies the committed migrations; safe to run at every start and from several instances. */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
