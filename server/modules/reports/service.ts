import type { CurrentUser } from "../../../common/api/auth.js";
import type { LearnerReport, LearnerReportQuery } from "../../../common/api/tutoring.js";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { courseScope, learnerEnrollment } from "../access/policy.js";
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
  const scope = await courseScope(db, user, courseId);
  const enrollmentId = await learnerEnrollment(db, scope, learnerId);
  const [header, lessons, attempts, sessions, reminders] = await Promise.all([
    q.findReportHeader(db, enrollmentId),
    q.findLessonStats(db, enrollmentId),
    q.findAttempts(db, enrollmentId),
    q.findSessions(db, enrollmentId, query.sessionsPage, query.sessionsPageSize),
    q.findReminders(db, enrollmentId),
  ]);
  if (!header) throw notFound("Learner");
  return {
    course: { id: header.courseId, name: header.courseName },
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
      attempts: attempts
        .filter((a) => a.lessonId === l.lessonId)
        .map((a) => ({
          number: a.number,
          date: iso(a.date),
          status: a.status,
          score: a.score,
          cumulativeSeconds: a.cumulativeSeconds,
        })),
    })),
    sessions: {
      items: sessions.rows.map((s) => ({ ...s, startedAt: new Date(s.startedAt).toISOString() })),
      total: sessions.total,
      page: query.sessionsPage,
      pageSize: query.sessionsPageSize,
    },
    reminders: reminders.map((r) => ({ ...r, sentAt: new Date(r.sentAt).toISOString() })),
  };
}
