import type { SQL } from "drizzle-orm";
import { zip } from "fflate";
import type { CurrentUser } from "../../../common/api/auth.js";
import {
  ATTEMPTS_PAGE_SIZE,
  type LearnerReport,
  type LearnerReportQuery,
  type LessonAttemptsPage,
  type LessonAttemptsQuery,
  type Selection,
} from "../../../common/api/tutoring.js";
import type { Db } from "../../db/client.js";
import type { Evidence } from "../../documents/evidence.js";
import type { DocumentLocale } from "../../documents/labels.js";
import { reportPdf } from "../../documents/report-pdf.js";
import { reportXlsx } from "../../documents/report-xlsx.js";
import { badRequest, notFound } from "../../errors.js";
import { allLearnersInScope, courseScope, learnerEnrollment, learnerEnrollmentInScope } from "../access/policy.js";
import { actionSelection } from "../tutoring/service.js";
import * as q from "./queries.js";

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** A learner's follow-up report in a course (R1-R5); 404 outside the tutor's scope. */
export async function learnerReport(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  query: LearnerReportQuery,
): Promise<LearnerReport> {
  // The enrollment is found within the scope by the report's one statement: no lookup of the scope
  // and then the enrollment first (issue #8: under ten tutors at once, the number of queries per
  // report weighs more than their size).
  const report = await buildReport(
    db,
    learnerEnrollmentInScope(user, courseId, learnerId),
    query,
    allLearnersInScope(user),
  );
  if (report) return report;
  // Nothing found: say which of the course and the learner is unknown or out of scope.
  const scope = await courseScope(db, user, courseId);
  await learnerEnrollment(db, scope, learnerId);
  throw notFound("Learner");
}

/** The report; `coursesScope` lists the learner's courses within it (R2), else only this one (the exports). */
async function buildReport(
  db: Db,
  enrollmentId: q.EnrollmentRef,
  query: LearnerReportQuery | "all",
  coursesScope: SQL | null,
): Promise<LearnerReport | null> {
  const { header, lessons, sessionsTotal, sessions } = await q.findReport(
    db,
    enrollmentId,
    coursesScope,
    // The report carries the first page of each lesson's attempts, the exports every one.
    query === "all" ? null : ATTEMPTS_PAGE_SIZE,
    query === "all" ? "all" : { page: query.sessionsPage, pageSize: query.sessionsPageSize },
  );
  if (!header) return null;
  return {
    course: { id: header.courseId, name: header.courseName },
    courses: header.courses ?? [{ id: header.courseId, name: header.courseName }],
    version: header.version,
    learner: {
      id: header.learnerId,
      organisation: header.organisation,
      lastName: header.lastName,
      firstName: header.firstName,
      firstSignInAt: iso(header.firstSignInAt),
      lastSignInAt: iso(header.lastSignInAt),
    },
    enrollment: {
      startAt: iso(header.startAt),
      objectiveAt: iso(header.objectiveAt),
      endAt: iso(header.endAt),
      status: header.status,
      progressPct: header.progressPct,
      timeSpentSeconds: header.timeSpentSeconds,
    },
    lessons: lessons.map((l) => ({
      ...l,
      statusAt: iso(l.statusAt),
      attempts: l.attempts.map(presentAttempt),
    })),
    sessions: {
      items: sessions.map((s) => ({ ...s, startedAt: new Date(s.startedAt).toISOString() })),
      total: sessionsTotal,
      page: query === "all" ? 1 : query.sessionsPage,
      pageSize: query === "all" ? Math.max(sessionsTotal, 1) : query.sessionsPageSize,
    },
    reminders: header.reminders.map((r) => ({ ...r, sentAt: new Date(r.sentAt).toISOString() })),
  };
}

function presentAttempt(a: q.ReportRow["lessons"][number]["attempts"][number]) {
  return {
    number: a.number,
    date: iso(a.date),
    status: a.status,
    score: a.score,
    cumulativeSeconds: a.cumulativeSeconds,
  };
}

/** One page of a learner's attempts on a lesson (R3b), oldest first; 404 outside the tutor's scope or the course. */
export async function lessonAttempts(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  lessonId: string,
  query: LessonAttemptsQuery,
): Promise<LessonAttemptsPage> {
  const scope = await courseScope(db, user, courseId);
  const enrollmentId = await learnerEnrollment(db, scope, learnerId);
  const found = await q.findAttemptsPage(db, enrollmentId, lessonId, query.page, query.pageSize);
  if (!found) throw notFound("Lesson");
  return { items: found.items.map(presentAttempt), total: found.total, page: query.page, pageSize: query.pageSize };
}

/** Everything the evidence exports (B3) need for one enrollment, within the user's scope. */
export async function evidenceFor(db: Db, enrollmentId: string, timeZone: string): Promise<Evidence> {
  const [report, context] = await Promise.all([
    buildReport(db, enrollmentId, "all", null),
    q.exportContext(db, enrollmentId),
  ]);
  if (!report) throw notFound("Learner");
  return {
    report,
    courseCode: context?.courseCode ?? "",
    sessionCapSeconds: context?.sessionCapSeconds ?? 14_400,
    issuedAt: new Date(),
    timeZone,
  };
}

/** The learner's evidence document (PDF or XLSX); 404 outside the tutor's scope. */
export async function learnerDocument(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  format: "pdf" | "xlsx",
  locale: DocumentLocale,
) {
  const scope = await courseScope(db, user, courseId);
  const enrollmentId = await learnerEnrollment(db, scope, learnerId);
  const evidence = await evidenceFor(db, enrollmentId, user.timeZone);
  const body = format === "pdf" ? await reportPdf(evidence, locale) : await reportXlsx(evidence, locale);
  return { body, fileName: documentName(evidence, format) };
}

/** "AGASSE_Sam_C01_L'avant-vente commerciale.pdf", safe for any file system. */
export function documentName(evidence: Evidence, format: "pdf" | "xlsx") {
  const raw = `${evidence.report.learner.lastName}_${evidence.report.learner.firstName}_${evidence.courseCode}`;
  const safe = [...raw].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? "-" : ch)).join("");
  return `${safe.slice(0, 150)}.${format}`;
}

/** One zip with the evidence of every learner of the selection (tutoring center export). */
export async function selectionArchive(
  db: Db,
  user: CurrentUser,
  courseId: string,
  selection: Selection,
  format: "pdf" | "xlsx",
  locale: DocumentLocale,
) {
  const enrollmentIds = await q.selectedEnrollments(db, await actionSelection(db, user, courseId, selection));
  if (enrollmentIds.length === 0) throw badRequest("body.selection", "empty", "The selection holds no learner");
  if (enrollmentIds.length > MAX_EXPORT) {
    throw badRequest("body.selection", "too_big", `At most ${MAX_EXPORT} learners per export; narrow the selection`);
  }
  const files: Record<string, Uint8Array> = {};
  for (const enrollmentId of enrollmentIds) {
    const evidence = await evidenceFor(db, enrollmentId, user.timeZone);
    const body = format === "pdf" ? await reportPdf(evidence, locale) : await reportXlsx(evidence, locale);
    let name = documentName(evidence, format);
    for (let i = 2; files[name]; i++) name = name.replace(/(\.\w+)$/, `-${i}$1`);
    files[name] = body;
  }
  return new Promise<Buffer>((resolve, reject) =>
    zip(files, { level: format === "pdf" ? 1 : 6 }, (error, data) =>
      error ? reject(error) : resolve(Buffer.from(data)),
    ),
  );
}

/** Exports per request; larger selections belong to a background job. */
export const MAX_EXPORT = 500;
