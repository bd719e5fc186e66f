import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import type { Db } from "../db/client.js";

/**
 * The text a response carries, whatever its format: JSON and HTML as they are, zips and XLSX
 * unpacked (every entry, recursively), PDFs through pdftotext, so a search for a foreign
 * learner's name or email sees what a person opening the file would.
 */
export function responseText(response: { headers: Record<string, unknown>; rawPayload: Buffer }): string {
  return bytesText(new Uint8Array(response.rawPayload), String(response.headers["content-type"] ?? ""));
}

function bytesText(bytes: Uint8Array, type: string): string {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (isZip) {
    const entries = unzipSync(bytes);
    return Object.entries(entries)
      .map(([name, content]) => `${name}\n${bytesText(content, name)}`)
      .join("\n");
  }
  if (isPdf || type.includes("pdf")) {
    return execFileSync("pdftotext", ["-q", "-", "-"], { input: bytes, maxBuffer: 64 * 1024 * 1024 }).toString();
  }
  return strFromU8(bytes, true);
}

/**
 * A fingerprint of every table's content (but the session bookkeeping a request touches), to prove
 * that refused requests wrote nothing: the same before and after.
 */
export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.execute<{ name: string }>(sql`
    select tablename as name from pg_tables where schemaname = current_schema()
      and tablename not in ('auth_sessions', 'sign_ins', 'sign_in_failures', '__drizzle_migrations')
      and tablename not like 'pgboss%'
    order by tablename`);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const result = await db.execute<{ n: number; h: string }>(
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
          from ${sql.identifier(name)} t`,
    );
    out[name] = `${result.rows[0]?.n}:${result.rows[0]?.h}`;
  }
  return out;
}

/** The tables whose fingerprint changed. */
export function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
