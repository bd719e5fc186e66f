import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { changed, snapshot } from "../server/security/inspect.js";
import { createTestDatabase, type TestDatabase } from "../server/test/db.js";
import { backup } from "./backup.js";
import { checkConsistency } from "./check-consistency.js";
import { restore } from "./restore.js";

const run = promisify(execFile);
const databases: TestDatabase[] = [];
const folders: string[] = [];
const tmp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
afterAll(async () => {
  for (const db of databases) await db.drop();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});
async function database(demo: boolean) {
  const db = await createTestDatabase({ demo });
  databases.push(db);
  return db;
}

describe("npm run check:consistency", () => {
  it("finds the demo data consistent, and changes nothing", async () => {
    const db = await database(true);
    const before = await snapshot(db.db);
    expect(await checkConsistency(db.db)).toEqual([]);
    expect(changed(before, await snapshot(db.db))).toEqual([]);
  });

  it("reports each summary that differs from the facts, and exits 1", async () => {
    const db = await database(true);
    const target = await db.db.execute<{ enrollment_id: string; lesson_id: string }>(sql`
      update lesson_stats set time_spent_s = time_spent_s + 60
      where (enrollment_id, lesson_id) = (select enrollment_id, lesson_id from lesson_stats order by 1, 2 limit 1)
      returning enrollment_id, lesson_id`);
    const row = target.rows[0];
    await db.db.execute(sql`update enrollments set progress_pct = 99 where id = ${row?.enrollment_id}`);
    const counter = await db.db.execute<{ course_id: string; type: string; status: string }>(sql`
      update course_counters set learners = learners + 3
      where (course_id, type, status) = (select course_id, type, status from course_counters order by 1, 2, 3 limit 1)
      returning course_id, type, status`);
    const drifted = counter.rows[0];
    const assignment = await db.db.execute<{ id: string }>(sql`
      update tutor_assignments set course_sort_name = 'zzz'
      where id = (select id from tutor_assignments order by id limit 1) returning id`);
    const differences = await checkConsistency(db.db);
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: "lesson_stats",
          id: `${row?.enrollment_id}/${row?.lesson_id}`,
          column: "time_spent_s",
        }),
        expect.objectContaining({ table: "enrollments", id: row?.enrollment_id, column: "progress_pct", stored: "99" }),
        expect.objectContaining({
          table: "course_counters",
          id: `${drifted?.course_id}/${drifted?.type}/${drifted?.status}`,
          column: "learners",
        }),
        expect.objectContaining({
          table: "tutor_assignments",
          id: assignment.rows[0]?.id,
          column: "course_sort_name",
          stored: "zzz",
        }),
      ]),
    );
    // The command line: one line per difference, exit code 1.
    const cli = await run("npx", ["tsx", "scripts/check-consistency.ts"], {
      env: { ...process.env, DATABASE_URL: db.url },
    }).catch((error: { code: number; stdout: string }) => error);
    expect("code" in cli ? cli.code : 0).toBe(1);
    expect(cli.stdout).toMatch(/progress_pct: stored 99/);
  }, 60_000);
});

describe("npm run backup / npm run restore", () => {
  it("round-trips the database and the uploaded files, and the restored data is consistent", async () => {
    const source = await database(true);
    const dataDir = tmp("tutora-backup-data-");
    fs.mkdirSync(path.join(dataDir, "files", "missions"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "files", "missions", "proof.pdf"), "%PDF-1.4 evidence");
    fs.mkdirSync(path.join(dataDir, "pg"));
    fs.writeFileSync(path.join(dataDir, "pg", "PG_VERSION"), "18");
    const out = path.join(tmp("tutora-backup-out-"), "b1");
    const manifest = await backup({ url: source.url, dataDir, out });
    expect(manifest.files).toBe(1);
    expect(manifest.tables.find((t) => t.name === "users")?.rows).toBeGreaterThan(30);
    expect(fs.existsSync(path.join(out, "data", "pg"))).toBe(false);

    const target = await database(false);
    const restoredDir = tmp("tutora-restore-data-");
    // A migrated database isn't empty: restore asks for --force before replacing it.
    await expect(restore({ url: target.url, dataDir: restoredDir, from: out })).rejects.toThrow(/--force/);
    const result = await restore({ url: target.url, dataDir: restoredDir, from: out, force: true });
    expect(result.files).toBe(1);
    expect(changed(await snapshot(source.db), await snapshot(target.db))).toEqual([]);
    expect(fs.readFileSync(path.join(restoredDir, "files", "missions", "proof.pdf"), "utf8")).toBe("%PDF-1.4 evidence");
    expect(await checkConsistency(target.db)).toEqual([]);
    // Identities continue after the restored ids: new rows insert without a conflict.
    await target.db.execute(
      sql`insert into audit_log (action, entity_type, entity_id) values ('restore.checked', 'system', 'restore')`,
    );
  }, 120_000);

  it("refuses an incomplete backup and one made with other migrations", async () => {
    const target = await database(false);
    const empty = tmp("tutora-backup-incomplete-");
    await expect(restore({ url: target.url, dataDir: empty, from: empty, force: true })).rejects.toThrow(/no manifest/);
    const source = await database(false);
    const out = path.join(tmp("tutora-backup-out-"), "b2");
    const manifest = await backup({ url: source.url, dataDir: tmp("tutora-none-"), out });
    const first = manifest.migrations[0];
    if (first) first.hash = "0".repeat(64);
    fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify(manifest));
    await expect(restore({ url: target.url, dataDir: empty, from: out, force: true })).rejects.toThrow(/differs/);
  }, 60_000);
});
