import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { connectTarget } from "./db-connect.js";

/**
 * `npm run backup`: a consistent logical copy of the database and of the uploaded files.
 *
 * The embedded PostgreSQL ships no pg_dump (and a system pg_dump of another major version refuses
 * the server), so the copy is made with PostgreSQL's own COPY, table by table, inside one
 * read-only REPEATABLE READ transaction: every table as of the same instant, while the app keeps
 * running. The schema is not copied: it is the app's migrations, whose list the manifest records
 * (restore replays exactly those, then loads the rows). Uploaded files (everything under DATA_DIR
 * but the embedded database itself) are copied beside. manifest.json is written last: a backup
 * without one is incomplete.
 */
export interface Manifest {
  format: "tutora-backup/1";
  createdAt: string;
  migrations: { hash: string; createdAt: string }[];
  tables: { name: string; rows: number }[];
  files: number;
}

export async function backup(options: { url: string; dataDir: string; out: string }): Promise<Manifest> {
  fs.mkdirSync(path.join(options.out, "tables"), { recursive: true });
  if (fs.existsSync(path.join(options.out, "manifest.json"))) throw new Error(`${options.out} already holds a backup`);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const tables: Manifest["tables"] = [];
  let migrations: Manifest["migrations"] = [];
  try {
    await client.query("begin isolation level repeatable read read only");
    const names = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    for (const { name } of names.rows) {
      const file = path.join(options.out, "tables", `${name}.copy`);
      await pipeline(client.query(copyTo(`copy public."${name}" to stdout`)), fs.createWriteStream(file));
      const count = await client.query<{ n: number }>(`select count(*)::int as n from public."${name}"`);
      tables.push({ name, rows: count.rows[0]?.n ?? 0 });
    }
    const applied = await client.query<{ hash: string; created_at: string }>(
      `select hash, created_at::text from drizzle.__drizzle_migrations order by id`,
    );
    migrations = applied.rows.map((r) => ({ hash: r.hash, createdAt: r.created_at }));
    await client.query("commit");
  } finally {
    await client.end();
  }
  const files = copyFiles(options.dataDir, path.join(options.out, "data"));
  const manifest: Manifest = {
    format: "tutora-backup/1",
    createdAt: new Date().toISOString(),
    migrations,
    tables,
    files,
  };
  fs.writeFileSync(path.join(options.out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Copies DATA_DIR's uploaded files (not the embedded database under pg/); returns how many. */
export function copyFiles(from: string, to: string): number {
  let count = 0;
  if (!fs.existsSync(from)) return 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === "pg" || entry.name === "backups") continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) count += copyFiles(source, target);
    else if (entry.isFile()) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
      count++;
    }
  }
  return count;
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log("Usage: npm run backup [-- --out DIR]   (default: backups/tutora-<date>)");
    return;
  }
  const out = path.resolve(
    values.out ?? path.join("backups", `tutora-${new Date().toISOString().replace(/[:.]/g, "-")}`),
  );
  const target = await connectTarget();
  try {
    const manifest = await backup({ url: target.url, dataDir: target.dataDir, out });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Backup written to ${out}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files} files.`);
  } finally {
    await target.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
