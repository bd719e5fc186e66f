import crypto from "node:crypto";
import { sql as sqlTag } from "drizzle-orm";
import { zipSync } from "fflate";
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
    await tx.execute(sqlLock(enrollmentId));
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

/**
 * Issues the certificates of a chunk of learners (bulk jobs): their data in two queries, the PDFs
 * rendered on the worker threads, then one transaction that takes the learners' issuer locks,
 * skips whoever got a certificate meanwhile, and stores the rest with their audit entries. One by
 * one, 1,000 learners took ~30 s; this way about a third of it (BENCHMARKS.md).
 */
async function issueChunk(
  db: Db,
  config: Config,
  enrollmentIds: string[],
  kind: Kind,
  issuedBy: string,
  locale: "fr" | "en",
  timeZone: string,
): Promise<{ done: number; failed: number }> {
  const [data, certified] = await Promise.all([
    q.certificateDataMany(db, enrollmentIds),
    q.certifiedEnrollments(db, enrollmentIds, kind),
  ]);
  let failed = 0;
  const toIssue: { enrollmentId: string; head: q.CertificateHead; code: string; pdf: Promise<Buffer> }[] = [];
  for (const enrollmentId of enrollmentIds) {
    if (certified.has(enrollmentId)) continue;
    const found = data.get(enrollmentId);
    if (!found || (kind === "completion" && found.head.status !== "completed")) {
      failed++;
      continue;
    }
    const code = newCode();
    const pdf = renderCertificate(certificateContent(config, found.head, found.lessons, kind, code, timeZone), locale);
    toIssue.push({ enrollmentId, head: found.head, code, pdf });
  }
  const pdfs = await Promise.all(toIssue.map((item) => item.pdf));
  await db.transaction(async (tx) => {
    // The same per-learner lock as `issue`, taken in a fixed order so two jobs never deadlock.
    for (const enrollmentId of [...enrollmentIds].sort()) await tx.execute(sqlLock(enrollmentId));
    const issuedMeanwhile = await q.certifiedEnrollments(
      tx,
      toIssue.map((item) => item.enrollmentId),
      kind,
    );
    const rows = toIssue
      .map((item, i) => ({ ...item, pdf: pdfs[i] as Buffer }))
      .filter((item) => !issuedMeanwhile.has(item.enrollmentId));
    const ids = await q.insertCertificates(
      tx,
      rows.map((r) => ({ enrollmentId: r.enrollmentId, kind, code: r.code, pdf: r.pdf, issuedBy })),
    );
    for (const row of rows) {
      await writeAudit(tx, {
        actorId: issuedBy,
        action: "certificate.issue",
        entityType: "certificate",
        entityId: ids.get(row.enrollmentId) ?? "",
        courseId: row.head.courseId,
        learnerId: row.head.userId,
        after: { kind, code: row.code },
      });
    }
  });
  return { done: enrollmentIds.length - failed, failed };
}

function sqlLock(enrollmentId: string) {
  return sqlTag`select pg_advisory_xact_lock(hashtext(${`certificate:${enrollmentId}`}))`;
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

/** Runs (or resumes) a certificate job: learners already holding a valid certificate are skipped. */
export async function runJob(db: Db, config: Config, jobId: string) {
  const job = await q.findJob(db, jobId);
  if (!job || job.status === "done") return;
  await q.setJobProgress(db, jobId, 0, 0, "running");
  let done = 0;
  let failed = 0;
  const { enrollmentIds, kind, locale, timeZone } = job.params;
  for (let start = 0; start < enrollmentIds.length; start += CHUNK) {
    const chunk = enrollmentIds.slice(start, start + CHUNK);
    const result = await issueChunk(db, config, chunk, kind, job.createdBy, locale, timeZone).catch(() => null);
    if (result) {
      done += result.done;
      failed += result.failed;
    } else {
      // The chunk failed as a whole (a learner deleted meanwhile...): one by one, so only the culprit fails.
      for (const enrollmentId of chunk) {
        const one = await issue(db, config, enrollmentId, kind, job.createdBy, locale, timeZone).catch(
          () => "error" as const,
        );
        if (one === "issued" || one === "exists") done++;
        else failed++;
      }
    }
    await q.setJobProgress(db, jobId, done, failed, "running");
  }
  await q.setJobProgress(db, jobId, done, failed, "done");
}

export async function jobStatus(db: Db, user: CurrentUser, courseId: string, jobId: string) {
  await courseScope(db, user, courseId);
  const job = await q.findJob(db, jobId);
  if (!job || job.courseId !== courseId) throw notFound("Job");
  return { jobId, kind: job.params.kind, total: job.total, done: job.done, failed: job.failed, status: job.status };
}

/** The certificates a job produced, as one zip. */
export async function jobZip(db: Db, user: CurrentUser, courseId: string, jobId: string) {
  await jobStatus(db, user, courseId, jobId);
  const job = await q.findJob(db, jobId);
  if (!job) throw notFound("Job");
  if (job.status !== "done") throw new AppError(409, "not_ready", "The certificates are still being generated");
  const files: Record<string, Uint8Array> = {};
  for (const c of await q.jobCertificates(db, job.params.enrollmentIds, job.params.kind)) {
    files[`${c.lastName}_${c.firstName}_${c.code}.pdf`.replace(/[\\/:*?"<>|]+/g, "-")] = c.pdf;
  }
  return Buffer.from(zipSync(files, { level: 1 }));
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
