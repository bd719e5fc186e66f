import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personSortName } from "../../../common/format.js";
import { loadConfig } from "../../config.js";
import { get, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";
import { recomputeEnrollments } from "../tracking/summaries.js";
import { runJob } from "./service.js";
import { ZIP_DIR, ZIP_TTL_MS, ZipFileWriter } from "./zip.js";

// Its own DATA_DIR: the jobs' zips are files under DATA_DIR/certificates.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-certificates-"));
const zipDir = path.join(dataDir, ZIP_DIR);
const d = demoFixture({ env: { DATA_DIR: dataDir } });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

beforeAll(async () => {
  await d.database.db.execute(
    sql`update users set first_name = 'Łukasz Œdipe', last_name = 'Straße', sort_name = ${personSortName("Straße", "Łukasz Œdipe")}
      where id = ${d.ids.sam}`,
  );
  await d.database.db.execute(
    sql`update enrollments set learner_sort_name = ${personSortName("Straße", "Łukasz Œdipe")} where user_id = ${d.ids.sam}`,
  );
});

/** Polls the job until it is done (it runs in the background). */
async function finished(courseId: string, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await get(d.app, d.tutor, `/api/tutoring/courses/${courseId}/certificate-jobs/${jobId}`)).json();
    if (job.status === "done") return job;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("job never finished");
}

const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString();

describe("Attestations (A3)", () => {
  it("issues an attendance certificate with the name in any script and a verification code", async () => {
    const started = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/certificates`, {
      selection: { mode: "ids", learnerIds: [d.ids.sam] },
      kind: "attendance",
    });
    expect(started.statusCode).toBe(202);
    const job = await finished(d.ids.c1, started.json().jobId);
    expect(job).toMatchObject({ total: 1, done: 1, failed: 0 });
    const row = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?q=strasse`)).json().items[0];
    expect(row.certificate).toMatchObject({ kind: "attendance" });
    const pdf = await get(
      d.app,
      d.tutor,
      `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/certificates/${row.certificate.id}`,
    );
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain("Attestation d'assiduité");
    expect(text).toContain("Łukasz Œdipe Straße");
    expect(text).toContain("04:16:08");
    const code = /TUT-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(text)?.[0];
    expect(code).toBeDefined();
    expect(text).toContain(`/verify/${code}`);
    const page = await d.app.inject({ method: "GET", url: `/verify/${code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Attestation valide");
    expect(page.body).toContain("Łukasz Œdipe Straße");
    expect(page.body).not.toContain("South");
  });

  it("issues a completion certificate only to learners who completed the course", async () => {
    const started = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/certificates`, {
      selection: { mode: "ids", learnerIds: [d.ids.sam] },
      kind: "completion",
    });
    expect(await finished(d.ids.c1, started.json().jobId)).toMatchObject({ done: 0, failed: 1 });
  });

  it("never issues twice: a rerun of the job skips learners who have one", async () => {
    const request = { selection: { mode: "ids", learnerIds: [d.ids.sam] }, kind: "attendance" };
    const again = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/certificates`, request);
    expect(await finished(d.ids.c1, again.json().jobId)).toMatchObject({ done: 1 });
    const count = await d.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from certificates c join enrollments e on e.id = c.enrollment_id where e.user_id = ${d.ids.sam}`,
    );
    expect(count.rows[0]?.n).toBe(1);
  });

  it("revokes (audited) and the verification page then says revoked; regenerating issues a new code", async () => {
    const row = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?q=strasse`)).json().items[0];
    const code = (
      await d.database.db.execute<{ code: string }>(sql`select code from certificates where id = ${row.certificate.id}`)
    ).rows[0]?.code;
    const url = `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/certificates/${row.certificate.id}/revoke`;
    expect((await send(d.app, d.tutor2, "POST", url, { reason: "x" })).statusCode).toBe(404);
    expect((await send(d.app, d.tutor, "POST", url, { reason: "" })).statusCode).toBe(400);
    expect((await send(d.app, d.tutor, "POST", url, { reason: "Erreur de saisie" })).statusCode).toBe(204);
    const page = await d.app.inject({ method: "GET", url: `/verify/${code}` });
    expect(page.body).toContain("Attestation révoquée");
    expect((await get(d.app, null, `/api/verify/${code}`)).json()).toMatchObject({ valid: false, revoked: true });
    const audit = await d.database.db.execute<{ reason: string }>(
      sql`select reason from audit_log where action = 'certificate.revoke'`,
    );
    expect(audit.rows[0]?.reason).toBe("Erreur de saisie");
    expect(
      (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?q=strasse`)).json().items[0].certificate,
    ).toBeNull();
    const regenerated = await send(
      d.app,
      d.tutor,
      "POST",
      `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/certificates`,
      {
        kind: "attendance",
      },
    );
    expect(regenerated.statusCode).toBe(204);
    const fresh = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?q=strasse`)).json().items[0]
      .certificate;
    expect(fresh).not.toBeNull();
    expect((await d.app.inject({ method: "GET", url: "/verify/TUT-0000-0000-0000" })).statusCode).toBe(404);
  });

  it("zips the certificates of 50 learners", async () => {
    // 29 more learners in Cours 1, so the course has 50.
    await d.database.db.transaction(async (tx) => {
      await tx.execute(sql`
        with created as (
          insert into users (email, first_name, last_name, sort_name, roles)
          select 'extra' || n || '@demo.local', 'Extra', 'Learner' || lpad(n::text, 2, '0'), 'learner' || lpad(n::text, 2, '0') || ' extra', '{learner}'
          from generate_series(1, 29) n returning id, sort_name)
        insert into enrollments (course_id, user_id, learner_sort_name) select ${d.ids.c1}, id, sort_name from created`);
      await recomputeEnrollments(tx, sql`e.course_id = ${d.ids.c1}`);
    });
    const started = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/certificates`, {
      selection: { mode: "filters", filters: {} },
      kind: "attendance",
    });
    const job = await finished(d.ids.c1, started.json().jobId);
    expect(job).toMatchObject({ total: 50, done: 50 });
    const zip = await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/certificate-jobs/${job.jobId}/zip`);
    expect(zip.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files)).toHaveLength(50);
    expect(Object.keys(files).every((name) => name.endsWith(".pdf"))).toBe(true);
    // Every PDF whole, stored as issued: the bytes are the ones in the database.
    const stored = await d.database.db.execute<{ code: string; pdf: Buffer }>(
      sql`select c.code, c.pdf from certificates c join enrollments e on e.id = c.enrollment_id
        where e.course_id = ${d.ids.c1} and c.kind = 'attendance' and c.revoked_at is null`,
    );
    expect(stored.rows).toHaveLength(50);
    for (const row of stored.rows) {
      const name = Object.keys(files).find((n) => n.includes(row.code)) ?? "";
      expect(Buffer.from(files[name] as Uint8Array).equals(row.pdf)).toBe(true);
    }
    // One audit entry per certificate, as for a single issue.
    const audited = await d.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from audit_log a join certificates c on c.id::text = a.entity_id
      join enrollments e on e.id = c.enrollment_id
      where a.action = 'certificate.issue' and e.course_id = ${d.ids.c1} and c.revoked_at is null
        and a.after = jsonb_build_object('kind', 'attendance', 'code', c.code) and a.actor_id = ${d.tutor.userId}
        and a.learner_id = e.user_id and a.course_id = e.course_id`);
    expect(audited.rows[0]?.n).toBe(50);
    // The job wrote its zip to DATA_DIR while it ran: the download is that file, sent as it is.
    const written = fs.readdirSync(zipDir).filter((n) => n.startsWith(job.jobId));
    expect(written).toHaveLength(1);
    expect(fs.readFileSync(path.join(zipDir, written[0] as string)).equals(zip.rawPayload)).toBe(true);
    expect(Number(zip.headers["content-length"])).toBe(zip.rawPayload.length);
  }, 120_000);

  it("rebuilds a job's zip after a revocation, without the revoked certificate, and removes the old one", async () => {
    const jobId = (
      await d.database.db.execute<{ id: string }>(
        sql`select id from bulk_jobs where kind = 'certificates' and total = 50 order by created_at desc limit 1`,
      )
    ).rows[0]?.id as string;
    const url = `/api/tutoring/courses/${d.ids.c1}/certificate-jobs/${jobId}/zip`;
    const before = fs.readdirSync(zipDir).filter((n) => n.startsWith(jobId));
    const row = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?q=strasse`)).json().items[0];
    const code = (
      await d.database.db.execute<{ code: string }>(sql`select code from certificates where id = ${row.certificate.id}`)
    ).rows[0]?.code as string;
    const revoke = `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/certificates/${row.certificate.id}/revoke`;
    expect((await send(d.app, d.tutor, "POST", revoke, { reason: "Erreur" })).statusCode).toBe(204);
    const files = Object.keys(unzipSync(new Uint8Array((await get(d.app, d.tutor, url)).rawPayload)));
    expect(files).toHaveLength(49);
    expect(files.some((name) => name.includes(code))).toBe(false);
    const after = fs.readdirSync(zipDir).filter((n) => n.startsWith(jobId));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    // A zip older than a day is removed when another is finished; its job's download builds it again.
    const old = path.join(zipDir, after[0] as string);
    const longAgo = new Date(Date.now() - ZIP_TTL_MS - 60_000);
    fs.utimesSync(old, longAgo, longAgo);
    const other = await ZipFileWriter.create(dataDir, "other-job");
    await other.add([{ name: "a.pdf", pdf: new Uint8Array([1, 2, 3]) }]);
    await other.finish("other-job");
    expect(fs.existsSync(old)).toBe(false);
    expect(Object.keys(unzipSync(new Uint8Array((await get(d.app, d.tutor, url)).rawPayload)))).toHaveLength(49);
  });

  it("leaves no zip, whole or half, when a job stops midway", async () => {
    const jobId = (
      await d.database.db.execute<{ id: string }>(sql`
        insert into bulk_jobs (kind, course_id, created_by, params, total)
        values ('certificates', ${d.ids.c1}, ${d.tutor.userId}, ${JSON.stringify({
          // The second chunk's id can't be read: the job fails after writing the first chunk's PDFs.
          enrollmentIds: [
            ...(
              await d.database.db.execute<{ id: string }>(
                sql`select id from enrollments where course_id = ${d.ids.c1} order by learner_sort_name limit 25`,
              )
            ).rows.map((r) => r.id),
            "not-a-uuid",
          ],
          kind: "attendance",
          locale: "fr",
          timeZone: "Europe/Paris",
        })}::jsonb, 26) returning id`)
    ).rows[0]?.id as string;
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://unused", DATA_DIR: dataDir });
    await expect(runJob(d.database.db, config, jobId)).rejects.toThrow();
    expect(fs.readdirSync(zipDir).filter((n) => n.includes(jobId))).toEqual([]);
    const job = await d.database.db.execute<{ status: string }>(sql`select status from bulk_jobs where id = ${jobId}`);
    expect(job.rows[0]?.status).not.toBe("done");
  });

  it("writes a zip entry by entry to a temporary file that abort removes", async () => {
    const zip = await ZipFileWriter.create(dataDir, "aborted-job");
    await zip.add([{ name: "x.pdf", pdf: new Uint8Array(1000) }]);
    expect(fs.readdirSync(zipDir).filter((n) => n.includes("aborted-job"))).toHaveLength(1);
    await zip.abort();
    expect(fs.readdirSync(zipDir).filter((n) => n.includes("aborted-job"))).toEqual([]);
  });

  it("acts on no learner outside the scope, even by id", async () => {
    const before = await d.database.db.execute<{ n: number }>(sql`select count(*)::int as n from bulk_jobs`);
    const response = await send(d.app, d.tutor2, "POST", `/api/tutoring/courses/${d.ids.c2}/certificates`, {
      selection: { mode: "ids", learnerIds: [d.ids.sam] },
      kind: "attendance",
    });
    expect(response.statusCode).toBe(404);
    const after = await d.database.db.execute<{ n: number }>(sql`select count(*)::int as n from bulk_jobs`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
