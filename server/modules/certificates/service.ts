import crypto from "node:crypto";
import fs from "node:fs/promises";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { Selection } from "../../../common/api/tutoring.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { CertificateData } from "../../documents/certificate-pdf.js";
import { renderCertificate } from "../../documents/certificate-pool.js";
import { AppError, badRequest, notFound } from "../../errors.js";
import type { Jobs } from "../../plugins/jobs.js";
import { courseScope, learnerEnrollment } from "../access/policy.js";
import { writeAudit } from "../audit/audit.js";
import { actionSelection } from "../tutoring/service.js";
import * as q from "./queries.js";
import { entryName, type ZipEntry, ZipFileWriter, zipPath } from "./zip.js";

type Kind = "completion" | "attendance";
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A verification code that is hard to guess and easy to read out: TUT-XXXX-XXXX-XXXX. */
function newCode() {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `TUT-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * Issues one certificate of a kind for an enrollment unless a valid one exists (so a resumed job
 * never issues twice). A completion certificate needs the course completed.
 */
export async function issue(
  db: Db,
  config: Config,
  enrollmentId: string,
  kind: Kind,
  issuedBy: string,
  locale: "fr" | "en",
  timeZone: string,
): Promise<"issued" | "exists" | "not_completed"> {
  return db.transaction(async (tx) => {
    // One issuer at a time per learner: two jobs can't both find no certificate and issue one each.
    await q.lockIssuers(tx, [enrollmentId]);
    if (await q.validCertificate(tx, enrollmentId, kind)) return "exists";
    const { head, lessons } = await q.certificateData(tx, enrollmentId);
    if (!head) throw notFound("Learner");
    if (kind === "completion" && head.status !== "completed") return "not_completed";
    const code = newCode();
    const pdf = await renderCertificate(certificateContent(config, head, lessons, kind, code, timeZone), locale);
    const id = await q.insertCertificate(tx, { enrollmentId, kind, code, pdf, issuedBy });
    await writeAudit(tx, {
      actorId: issuedBy,
      action: "certificate.issue",
      entityType: "certificate",
      entityId: id,
      courseId: head.courseId,
      learnerId: head.userId,
      after: { kind, code },
    });
    return "issued";
  });
}

/** What a certificate shows, from the enrollment's data. */
function certificateContent(
  config: Config,
  head: q.CertificateHead,
  lessons: { title: string; seconds: number }[],
  kind: Kind,
  code: string,
  timeZone: string,
): CertificateData {
  return {
    kind,
    code,
    verifyUrl: `${config.publicUrl}/verify/${code}`,
    organisation: head.organisation ?? "",
    firstName: head.firstName,
    lastName: head.lastName,
    courseName: head.courseName,
    courseCode: head.courseCode,
    startedAt: head.startedAt ? new Date(head.startedAt).toISOString() : null,
    completedAt: head.completedAt ? new Date(head.completedAt).toISOString() : null,
    totalSeconds: head.totalSeconds,
    lessons,
    issuedAt: new Date(),
    timeZone,
    sessionCapSeconds: head.sessionCapSeconds,
  };
}

/** Learners a bulk job handles at once: one read, PDFs rendered in parallel, one transaction. */
const CHUNK = 25;

/** A chunk read and its PDFs being rendered, ready to be committed. */
interface PreparedChunk {
  enrollmentIds: string[];
  failed: number;
  toIssue: { enrollmentId: string; head: q.CertificateHead; code: string; pdf: Promise<Buffer> }[];
}

/**
 * Reads a chunk's data (two queries) and starts rendering its PDFs on the worker threads. A job
 * prepares the next chunk while the previous one commits, so the renderers never wait for the
 * database and the database never waits for the renderers (BENCHMARKS.md).
 */
async function prepareChunk(
  db: Db,
  config: Config,
  enrollmentIds: string[],
  kind: Kind,
  locale: "fr" | "en",
  timeZone: string,
): Promise<PreparedChunk> {
  const [data, certified] = await Promise.all([
    q.certificateDataMany(db, enrollmentIds),
    q.certifiedEnrollments(db, enrollmentIds, kind),
  ]);
  let failed = 0;
  const toIssue: PreparedChunk["toIssue"] = [];
  for (const enrollmentId of enrollmentIds) {
    if (certified.has(enrollmentId)) continue;
    const found = data.get(enrollmentId);
    if (!found || (kind === "completion" && found.head.status !== "completed")) {
      failed++;
      continue;
    }
    const code = newCode();
    const pdf = renderCertificate(certificateContent(config, found.head, found.lessons, kind, code, timeZone), locale);
    // Awaited in commitChunk; until then a failure must not count as unhandled.
    pdf.catch(() => {});
    toIssue.push({ enrollmentId, head: found.head, code, pdf });
  }
  return { enrollmentIds, failed, toIssue };
}

/**
 * Stores a prepared chunk in one transaction: the learners' issuer locks (one statement, fixed
 * order), whoever got a certificate meanwhile skipped, the rest stored with their audit entries
 * (one statement). Returns the PDFs it stored, by enrollment, for the job's zip.
 */
async function commitChunk(
  db: Db,
  chunk: PreparedChunk,
  kind: Kind,
  issuedBy: string,
): Promise<{ done: number; failed: number; issued: Map<string, ZipEntry> }> {
  const pdfs = await Promise.all(chunk.toIssue.map((item) => item.pdf));
  const issued = new Map<string, ZipEntry>();
  await db.transaction(async (tx) => {
    // The same per-learner lock as `issue`, so a single issue and a job never both issue.
    await q.lockIssuers(tx, chunk.enrollmentIds);
    const issuedMeanwhile = await q.certifiedEnrollments(
      tx,
      chunk.toIssue.map((item) => item.enrollmentId),
      kind,
    );
    const rows = chunk.toIssue
      .map((item, i) => ({ ...item, pdf: pdfs[i] as Buffer }))
      .filter((item) => !issuedMeanwhile.has(item.enrollmentId));
    await q.insertCertificatesAudited(
      tx,
      rows.map((r) => ({
        enrollmentId: r.enrollmentId,
        kind,
        code: r.code,
        pdf: r.pdf,
        issuedBy,
        courseId: r.head.courseId,
        learnerId: r.head.userId,
      })),
    );
    for (const r of rows) issued.set(r.enrollmentId, { name: entryName({ ...r.head, code: r.code }), pdf: r.pdf });
  });
  return { done: chunk.enrollmentIds.length - chunk.failed, failed: chunk.failed, issued };
}

/** Issues a chunk learner by learner (after the chunk failed as a whole), so only the culprit fails. */
async function issueOneByOne(
  db: Db,
  config: Config,
  enrollmentIds: string[],
  kind: Kind,
  issuedBy: string,
  locale: "fr" | "en",
  timeZone: string,
) {
  let done = 0;
  let failed = 0;
  for (const enrollmentId of enrollmentIds) {
    const one = await issue(db, config, enrollmentId, kind, issuedBy, locale, timeZone).catch(() => "error" as const);
    if (one === "issued" || one === "exists") done++;
    else failed++;
  }
  return { done, failed };
}

/**
 * The zip entries of a chunk, in the job's order: the PDFs just issued, and the certificates the
 * other learners already held (read back; on a resumed job, that is what earlier runs issued).
 */
async function chunkEntries(db: Db, enrollmentIds: string[], kind: Kind, issued: Map<string, ZipEntry>) {
  const others = enrollmentIds.filter((id) => !issued.has(id));
  const stored = new Map<string, ZipEntry>();
  for (const c of await q.jobCertificates(db, others, kind)) {
    if (c.pdf) stored.set(c.enrollmentId, { name: entryName(c), pdf: c.pdf });
  }
  return enrollmentIds.flatMap((id) => {
    const entry = issued.get(id) ?? stored.get(id);
    return entry ? [entry] : [];
  });
}

/** Starts generating certificates for a selection, in the background, with progress. */
export async function startJob(
  db: Db,
  jobs: Jobs,
  user: CurrentUser,
  courseId: string,
  input: { selection: Selection; kind: Kind; lang?: "fr" | "en" },
) {
  const where = await actionSelection(db, user, courseId, input.selection);
  const enrollmentIds = await q.enrollmentIds(db, where);
  if (enrollmentIds.length === 0) throw badRequest("body.selection", "empty", "The selection holds no learner");
  const jobId = await q.createJob(db, {
    courseId,
    createdBy: user.id,
    params: { enrollmentIds, kind: input.kind, locale: input.lang ?? user.locale, timeZone: user.timeZone },
    total: enrollmentIds.length,
  });
  await jobs.runBulk(jobId);
  return jobStatus(db, user, courseId, jobId);
}

/**
 * Runs (or resumes) a certificate job: learners already holding a valid certificate are skipped
 * (their certificate goes in the zip). The zip is written as the chunks commit and is in place
 * before the job says done; a job that stops midway leaves no zip (a resumed run writes it anew).
 */
export async function runJob(db: Db, config: Config, jobId: string) {
  const job = await q.findJob(db, jobId);
  if (!job || job.status === "done") return;
  await q.setJobProgress(db, jobId, 0, 0, "running");
  const { enrollmentIds, kind, locale, timeZone } = job.params;
  const chunks: string[][] = [];
  for (let start = 0; start < enrollmentIds.length; start += CHUNK)
    chunks.push(enrollmentIds.slice(start, start + CHUNK));
  const prepare = (chunk: string[] | undefined) =>
    chunk ? prepareChunk(db, config, chunk, kind, locale, timeZone).catch(() => null) : Promise.resolve(null);
  const zip = await ZipFileWriter.create(config.dataDir, jobId);
  try {
    let done = 0;
    let failed = 0;
    let next = prepare(chunks[0]);
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i] as string[];
      const prepared = await next;
      // The next chunk's reads and renders start now, while this one commits.
      next = prepare(chunks[i + 1]);
      const result = prepared ? await commitChunk(db, prepared, kind, job.createdBy).catch(() => null) : null;
      if (result) {
        done += result.done;
        failed += result.failed;
      } else {
        // The chunk failed as a whole (a learner deleted meanwhile...): one by one.
        const one = await issueOneByOne(db, config, chunk, kind, job.createdBy, locale, timeZone);
        done += one.done;
        failed += one.failed;
      }
      await zip.add(await chunkEntries(db, chunk, kind, result?.issued ?? new Map()));
      await q.setJobProgress(db, jobId, done, failed, "running");
    }
    await zip.finish(jobId);
    await q.setJobProgress(db, jobId, done, failed, "done");
  } catch (error) {
    await zip.abort();
    throw error;
  }
}

export async function jobStatus(db: Db, user: CurrentUser, courseId: string, jobId: string) {
  await courseScope(db, user, courseId);
  const job = await q.findJob(db, jobId);
  if (!job || job.courseId !== courseId) throw notFound("Job");
  return { jobId, kind: job.params.kind, total: job.total, done: job.done, failed: job.failed, status: job.status };
}

/** Certificates read at once when a zip is built from the database (~2 MB of PDFs). */
const ZIP_BATCH = 100;

/**
 * The zip of the certificates a job produced, as a file to send: the one the job wrote, unless a
 * certificate was revoked or regenerated (or a learner renamed) since, in which case it is built
 * again from the database, streamed to disk. Returns an open file, so removing it meanwhile (expiry)
 * doesn't cut the download.
 */
export async function jobZip(db: Db, config: Config, user: CurrentUser, courseId: string, jobId: string) {
  await jobStatus(db, user, courseId, jobId);
  const job = await q.findJob(db, jobId);
  if (!job) throw notFound("Job");
  if (job.status !== "done") throw new AppError(409, "not_ready", "The certificates are still being generated");
  const { enrollmentIds, kind } = job.params;
  const order = new Map(enrollmentIds.map((id, i) => [id, i]));
  const byOrder = <T extends { enrollmentId: string }>(rows: T[]) =>
    rows.sort((a, b) => (order.get(a.enrollmentId) ?? 0) - (order.get(b.enrollmentId) ?? 0));
  const current = byOrder(await q.jobCertificates(db, enrollmentIds, kind, false)).map(entryName);
  const file = await fs.open(zipPath(config.dataDir, jobId, current), "r").catch(async () => {
    const zip = await ZipFileWriter.create(config.dataDir, jobId);
    try {
      for (let start = 0; start < enrollmentIds.length; start += ZIP_BATCH) {
        const rows = byOrder(await q.jobCertificates(db, enrollmentIds.slice(start, start + ZIP_BATCH), kind));
        await zip.add(rows.map((c) => ({ name: entryName(c), pdf: c.pdf as Buffer })));
      }
      return await fs.open(await zip.finish(jobId), "r");
    } catch (error) {
      await zip.abort();
      throw error;
    }
  });
  return { file, size: (await file.stat()).size };
}

async function learnerCertificate(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  certificateId: string,
) {
  const scope = await courseScope(db, user, courseId);
  const enrollmentId = await learnerEnrollment(db, scope, learnerId);
  const found = await q.findCertificate(db, certificateId, enrollmentId);
  if (!found) throw notFound("Certificate");
  return { enrollmentId, found };
}

export async function download(db: Db, user: CurrentUser, courseId: string, learnerId: string, certificateId: string) {
  const { found } = await learnerCertificate(db, user, courseId, learnerId, certificateId);
  if (!found.pdf) throw notFound("Certificate");
  return { pdf: found.pdf, fileName: `${found.code}.pdf` };
}

/** Revokes a certificate (audited); the verification page then says so. */
export async function revoke(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  certificateId: string,
  reason: string,
) {
  const { found } = await learnerCertificate(db, user, courseId, learnerId, certificateId);
  if (found.revokedAt) throw new AppError(409, "already_revoked", "This certificate is already revoked");
  await db.transaction(async (tx) => {
    await q.revoke(tx, certificateId, user.id, reason);
    await writeAudit(tx, {
      actorId: user.id,
      action: "certificate.revoke",
      entityType: "certificate",
      entityId: certificateId,
      courseId,
      learnerId,
      before: { code: found.code },
      after: { revoked: true },
      reason,
    });
  });
}

/** Regenerates a learner's certificate: the valid one of that kind is revoked and a new one issued. */
export async function regenerate(
  db: Db,
  config: Config,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  kind: Kind,
  lang?: "fr" | "en",
) {
  const scope = await courseScope(db, user, courseId);
  const enrollmentId = await learnerEnrollment(db, scope, learnerId);
  const existing = await q.validCertificate(db, enrollmentId, kind);
  if (existing) await revoke(db, user, courseId, learnerId, existing.id, "regenerated");
  const result = await issue(db, config, enrollmentId, kind, user.id, lang ?? user.locale, user.timeZone);
  if (result === "not_completed") {
    throw new AppError(409, "not_completed", "A completion certificate needs the course completed");
  }
}

/** What the public verification page shows: learner, course, date, and whether it was revoked. */
export async function verify(db: Db, code: string) {
  return q.verification(db, code);
}
