import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../../common/api/imports.js";
import { uploadCsv } from "../../test/csvUpload.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();
const ROWS = 100_000;

function bigCsv() {
  const firsts = ["Élodie", "Jérôme", "Françoise", "Loïc", "Chloé", "Hélène", "Noël", "Zoé", "Maël", "Inès"];
  const lasts = [
    "Martin",
    "Lefèvre",
    "Guérin",
    "Dupont",
    "Ménard",
    "Prévost",
    "Le Gall",
    "Da Silva",
    "Rivière",
    "Noël",
  ];
  const lines = ["Email;Prénom;Nom;Organisation;Rôles;Langue;Actif"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `learner${i}@bulk.example.com;${firsts[i % 10]};${lasts[(i * 7) % 10]};Filiale ${i % 25};apprenant;${i % 20 ? "fr" : "en"};oui`,
    );
  }
  return `${lines.join("\n")}\n`;
}

describe("CSV import at scale (S3: 100,000 rows in under a minute)", () => {
  it("imports 100,000 users in one transaction in under 60 s, then finds them all unchanged", {
    timeout: 240_000,
  }, async () => {
    const csv = bigCsv();
    const started = performance.now();
    const response = await uploadCsv(d.app, d.admin, "/api/admin/imports/users?mode=all_or_nothing", csv, "bulk.csv");
    const seconds = (performance.now() - started) / 1000;
    expect(response.statusCode).toBe(200);
    const body = response.json() as ImportResult;
    expect(body.counts).toEqual({ rows: ROWS, create: ROWS, update: 0, unchanged: 0, invalid: 0 });
    const count = await d.database.db.execute<{ n: number; orgs: number }>(sql`
      select count(*)::int as n, count(distinct organisation_id)::int as orgs from users where email like '%@bulk.example.com'`);
    expect(count.rows[0]).toEqual({ n: ROWS, orgs: 25 });
    console.info(`100,000-row user import: ${seconds.toFixed(1)} s (server ${body.seconds} s)`);
    expect(seconds).toBeLessThan(60);

    const againStarted = performance.now();
    const again = (
      await uploadCsv(d.app, d.admin, "/api/admin/imports/users?mode=all_or_nothing", csv, "bulk.csv")
    ).json() as ImportResult;
    const againSeconds = (performance.now() - againStarted) / 1000;
    console.info(`100,000-row re-import (all unchanged): ${againSeconds.toFixed(1)} s`);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: ROWS });
    expect(againSeconds).toBeLessThan(60);
  });
});
