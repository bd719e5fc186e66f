import { type SQL, sql } from "drizzle-orm";
import { normalizeForSearch, personSortName } from "../../common/format.js";
import type { Db } from "../db/client.js";

export interface LearnersCourseOptions {
  /** The new course's code and name; it goes in the folder of the course `folderOf`. */
  code: string;
  name: string;
  folderOf: string;
  /** How many learners to create and enroll in it; learner n (from 1) is `learner(n)`. */
  count: number;
  learner: (n: number) => { email: string; firstName: string; lastName: string };
  /**
   * The enrollments' type, progress and status: SQL expressions of the learner's `sort_name`
   * (e.g. a hash of it, to spread them); mandatory, 0 % and not started when not given.
   */
  type?: SQL;
  progressPct?: SQL;
  status?: SQL;
}

/**
 * A new course with learners enrolled in it, in two statements however many they are: for the
 * tests that need more learners than the demo data has (thousands for paging, counting, bulk sends).
 * Returns the course's id.
 */
export async function courseWithLearners(db: Db, options: LearnersCourseOptions): Promise<string> {
  const [course] = (
    await db.execute<{ id: string }>(sql`
      insert into courses (code, name, search_name, folder_id)
      select ${options.code}, ${options.name}, ${normalizeForSearch(options.name)}, folder_id from courses
      where id = ${options.folderOf}
      returning id`)
  ).rows;
  if (!course) throw new Error(`no course ${options.folderOf} to take the folder of`);
  // Sort names as the app makes them (people/service.ts): accents folded as SQL alone would not.
  const people = Array.from({ length: options.count }, (_, i) => {
    const person = options.learner(i + 1);
    return { ...person, sortName: personSortName(person.lastName, person.firstName) };
  });
  await db.execute(sql`
    with people as (
      insert into users (email, first_name, last_name, sort_name)
      select p.email, p."firstName", p."lastName", p."sortName"
      from jsonb_to_recordset(${JSON.stringify(people)}::jsonb)
        as p(email text, "firstName" text, "lastName" text, "sortName" text)
      returning id, sort_name)
    insert into enrollments (course_id, user_id, type, learner_sort_name, progress_pct, status)
    select ${course.id}, id, (${options.type ?? sql`'mandatory'`})::enrollment_type, sort_name,
      ${options.progressPct ?? sql`0`}, (${options.status ?? sql`'not_started'`})::enrollment_status
    from people`);
  return course.id;
}
