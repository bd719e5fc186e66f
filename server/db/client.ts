import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction or the database: queries take either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

// Return timestamps as ISO strings, numerics as numbers: presenters never see Date or string numbers.
pg.types.setTypeParser(1700, (v) => (v === null ? null : Number(v)));
pg.types.setTypeParser(20, (v) => (v === null ? null : Number(v)));

/** Opens a pool on the given URL. */
export function openDatabase(url: string, max = 10): Database {
  // No JIT: the app's queries are short, and on a deep page or a big course the planner's estimates
  // made PostgreSQL compile them first (~25 ms of JIT for a 5 ms query, BENCHMARKS.md).
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, options: "-c jit=off" });
  // A dropped connection (server restart) must not crash the process; the pool reconnects.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema });
  return {
    pool,
    db,
    close: () => pool.end(),
  };
}

const dialect = new PgDialect();

/**
 * Runs `query` as a named prepared statement on the connection of `tx`: PostgreSQL parses and plans
 * it once per connection, then reuses the plan. For the hottest statements only (the SCORM commit:
 * planning its statement cost twice its execution, issue #8). `query` must give the same text on
 * every call (its values as parameters), or the driver refuses a second text under the same name.
 */
export async function executePrepared<T extends Record<string, unknown>>(
  tx: Tx,
  name: string,
  query: SQL,
): Promise<pg.QueryResult<T>> {
  const prepared = tx._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  return (await prepared.execute()) as pg.QueryResult<T>;
}

const cachedNames = new Map<string, string>();

/**
 * Runs `query` as a prepared statement named after its text, so each distinct text is planned once
 * per connection: for the small lookups by id that every tutoring read makes (its scope, the
 * learner's enrollment, the report's parts), where planning cost more than executing (issue #8).
 * Not for queries whose best plan depends on the values (a page of a course of 20 or of 100,000
 * learners): after five runs PostgreSQL may keep one generic plan for every value.
 */
export async function executeCached<T extends Record<string, unknown>>(tx: Tx, query: SQL): Promise<pg.QueryResult<T>> {
  const compiled = dialect.sqlToQuery(query);
  let name = cachedNames.get(compiled.sql);
  if (!name) {
    name = `cached_${createHash("sha1").update(compiled.sql).digest("hex").slice(0, 20)}`;
    cachedNames.set(compiled.sql, name);
  }
  const prepared = tx._.session.prepareQuery(compiled, undefined, name, false);
  return (await prepared.execute()) as pg.QueryResult<T>;
}
