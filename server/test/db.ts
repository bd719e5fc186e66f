import crypto from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.js";
import { templateNames, withDatabase } from "./urls.js";

export interface TestDatabase extends Database {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TUTORA_TEST_ADMIN_URL;
  if (!url) throw new Error("TUTORA_TEST_ADMIN_URL is not set: run the tests through vitest (global-setup)");
  return url;
}

/** A fresh database cloned from a template: migrated and empty, or with the demo data. */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<TestDatabase> {
  const templates = templateNames();
  const template = options.demo ? templates.demo : templates.empty;
  const name = `${templates.clones}${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  const database = openDatabase(url, 5);
  return {
    ...database,
    url,
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
