import { type SQL, sql } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import { executeCached, type Tx } from "../../db/client.js";
import { notFound } from "../../errors.js";

/**
 * What a user may see of a course: the one authorization rule of the tutoring modules.
 * Admins see every course and learner. A tutor sees the courses they are assigned to and, in
 * each, the learners their assignment covers (all, or the members of its learner lists).
 * Anything else is answered as if it did not exist (404).
 */
export interface CourseScope {
  courseId: string;
  /** null: every learner of the course; otherwise the assignment whose lists bound the learners. */
  restrictedAssignmentId: string | null;
}

export function isAdmin(user: CurrentUser): boolean {
  return user.roles.includes("admin");
}

/** SQL condition on a `courses` alias `c`: the courses the user tutors (all for admins). */
export function tutoredCoursesCondition(user: CurrentUser): SQL {
  if (isAdmin(user)) return sql`true`;
  return sql`exists (select 1 from tutor_assignments ta where ta.course_id = c.id and ta.tutor_id = ${user.id})`;
}

/** The user's scope on a course, or 404 when they don't tutor it. */
export async function courseScope(tx: Tx, user: CurrentUser, courseId: string): Promise<CourseScope> {
  if (isAdmin(user)) {
    const found = await executeCached(tx, sql`select 1 from courses where id = ${courseId}`);
    if (found.rowCount === 0) throw notFound("Course");
    return { courseId, restrictedAssignmentId: null };
  }
  const result = await executeCached<{ id: string; restricted: boolean }>(
    tx,
    sql`select id, restricted from tutor_assignments where course_id = ${courseId} and tutor_id = ${user.id}`,
  );
  const assignment = result.rows[0];
  if (!assignment) throw notFound("Course");
  return { courseId, restrictedAssignmentId: assignment.restricted ? assignment.id : null };
}

/** SQL condition on an `enrollments` alias `e`: the learners of the course within the scope. */
export function learnersInScope(scope: CourseScope): SQL {
  if (!scope.restrictedAssignmentId) return sql`e.course_id = ${scope.courseId}`;
  return sql`e.course_id = ${scope.courseId} and exists (
    select 1 from learner_list_members m
    join tutor_assignment_lists al on al.list_id = m.list_id
    where al.assignment_id = ${scope.restrictedAssignmentId} and m.user_id = e.user_id)`;
}

/** The enrollment of a learner within the scope, or 404. */
export async function learnerEnrollment(tx: Tx, scope: CourseScope, learnerId: string): Promise<string> {
  const result = await executeCached<{ id: string }>(
    tx,
    sql`select e.id from enrollments e where ${learnersInScope(scope)} and e.user_id = ${learnerId}`,
  );
  const row = result.rows[0];
  if (!row) throw notFound("Learner");
  return row.id;
}

/**
 * The id of a learner's enrollment in a course when the user follows them there (else null), as a
 * scalar subquery: a read can find its enrollment in the same statement, instead of courseScope
 * and learnerEnrollment's two round trips first. The same scope as those two.
 */
export function learnerEnrollmentInScope(user: CurrentUser, courseId: string, learnerId: string): SQL {
  return sql`(select e.id from enrollments e
    where e.course_id = ${courseId} and e.user_id = ${learnerId} and ${allLearnersInScope(user)})`;
}

/** SQL condition on `enrollments e`: every learner the user follows, across all the courses they tutor. */
export function allLearnersInScope(user: CurrentUser): SQL {
  if (isAdmin(user)) return sql`true`;
  return sql`exists (
    select 1 from tutor_assignments ta
    where ta.tutor_id = ${user.id} and ta.course_id = e.course_id
      and (not ta.restricted or exists (
        select 1 from learner_list_members m join tutor_assignment_lists al on al.list_id = m.list_id
        where al.assignment_id = ta.id and m.user_id = e.user_id)))`;
}
