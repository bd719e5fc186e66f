import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { openDatabase } from "../server/db/client.js";
import { copyFiles, type Manifest } from "./backup.js";
import { connectTarget } from "./db-connect.js";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "server", "db", "migrations");

/**
 * `npm run restore -- --from DIR`: puts a backup of `npm run backup` back.
 *
 * The target must be empty, or `--force` drops what it holds. The schema is rebuilt by replaying
 * exactly the migrations the backup was made at (checked by hash: a backup from another branch of
 * the schema is refused), then every table is loaded with COPY in foreign-key order, in one
 * transaction, identity sequences are moved past the restored ids, and the row counts are checked
 * against the manifest. The uploaded files go back under DATA_DIR. The app's next start applies
 * any newer migration, as after an upgrade.
 */
export async function restore(options: { url: string; dataDir: string; from: string; force?: boolean }) {
  const manifestFile = path.join(options.from, "manifest.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`${options.from} holds no manifest.json: not a complete backup`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== "tutora-backup/1") throw new Error(`Unknown backup format ${manifest.format}`);

  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`,
    );
    if ((existing.rows[0]?.n ?? 0) > 0) {
      if (!options.force) {
        throw new Error("The target database is not empty: pass --force to replace everything it holds");
      }
      await client.query("drop schema if exists public cascade");
      await client.query("drop schema if exists drizzle cascade");
      await client.query("drop schema if exists pgboss cascade");
      await client.query("create schema public");
    }
  } finally {
    await client.end();
  }

  // The schema as it was: the backup's migrations, verified by hash, replayed by drizzle.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-restore-migrations-"));
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    if (manifest.migrations.length > journal.entries.length) {
      throw new Error(
        `The backup was made at migration ${manifest.migrations.length}, this version only knows ${journal.entries.length}: restore with a newer version`,
      );
    }
    const entries = journal.entries.slice(0, manifest.migrations.length);
    fs.mkdirSync(path.join(folder, "meta"));
    for (const [i, entry] of entries.entries()) {
      const sqlText = fs.readFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), "utf8");
      const hash = crypto.createHash("sha256").update(sqlText).digest("hex");
      if (hash !== manifest.migrations[i]?.hash) {
        throw new Error(`Migration ${entry.tag} differs from the one the backup was made with: refusing to restore`);
      }
      fs.writeFileSync(path.join(folder, `${entry.tag}.sql`), sqlText);
    }
    fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
    const database = openDatabase(options.url, 1);
    try {
      await migrate(database.db, { migrationsFolder: folder });
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  const loader = new pg.Client({ connectionString: options.url });
  await loader.connect();
  try {
    await loader.query("begin");
    const names = manifest.tables.map((t) => t.name);
    await loader.query(`truncate ${names.map((n) => `public."${n}"`).join(", ")} restart identity cascade`);
    // The courses' counters and sort buckets are restored as they were saved: the triggers that
    // count copied enrollments into them would count them twice (off only inside this transaction).
    await loader.query("alter table public.enrollments disable trigger user");
    for (const name of await foreignKeyOrder(loader, names)) {
      const file = path.join(options.from, "tables", `${name}.copy`);
      await pipeline(fs.createReadStream(file), loader.query(copyFrom(`copy public."${name}" from stdin`)));
    }
    await loader.query("alter table public.enrollments enable trigger user");
    // Identity and serial columns continue after the restored ids.
    const sequences = await loader.query<{ table: string; column: string }>(`
      select c.table_name as table, c.column_name as column from information_schema.columns c
      where c.table_schema = 'public' and pg_get_serial_sequence('public.' || quote_ident(c.table_name), c.column_name) is not null`);
    for (const s of sequences.rows) {
      await loader.query(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${s.column}") from public."${s.table}"), 0) + 1, false)`,
        [`public."${s.table}"`, s.column],
      );
    }
    for (const table of manifest.tables) {
      const count = await loader.query<{ n: number }>(`select count(*)::int as n from public."${table.name}"`);
      if (count.rows[0]?.n !== table.rows) {
        throw new Error(`${table.name}: ${count.rows[0]?.n} rows restored, the backup holds ${table.rows}`);
      }
    }
    await loader.query("commit");
  } catch (error) {
    await loader.query("rollback").catch(() => {});
    throw error;
  } finally {
    await loader.end();
  }
  const files = copyFiles(path.join(options.from, "data"), options.dataDir);
  return { tables: manifest.tables.length, rows: manifest.tables.reduce((s, t) => s + t.rows, 0), files };
}

/** The tables ordered so that each comes after the tables its foreign keys point to. */
async function foreignKeyOrder(client: pg.Client, names: string[]): Promise<string[]> {
  const edges = await client.query<{ child: string; parent: string }>(`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
  const unquote = (n: string) => n.replace(/^public\./, "").replace(/^"|"$/g, "");
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges.rows) {
    const child = unquote(e.child);
    const parent = unquote(e.parent);
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error("Circular foreign keys between tables: can't order the restore");
    for (const n of ready) {
      ordered.push(n);
      placed.add(n);
    }
  }
  return ordered;
}

async function main() {
  const { values } = parseArgs({
    options: { from: { type: "string" }, force: { type: "boolean", default: false }, help: { type: "boolean" } },
  });
  if (values.help || !values.from) {
    console.log("Usage: npm run restore -- --from DIR [--force]   (--force replaces a database that isn't empty)");
    process.exit(values.help ? 0 : 2);
  }
  const target = await connectTarget({ mustBeStopped: true });
  try {
    const result = await restore({
      url: target.url,
      dataDir: target.dataDir,
      from: path.resolve(values.from),
      force: values.force,
    });
    console.log(`Restored ${result.tables} tables, ${result.rows} rows and ${result.files} files from ${values.from}.`);
  } finally {
    await target.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
