import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeedBigOptions, type SeedBigResult, seedBig } from "../bench/seed-big.js";
import { normalizeForSearch, personSortName } from "../common/format.js";
import { verifyPassword } from "../server/modules/auth/password.js";
import { createTestDatabase, type TestDatabase } from "../server/test/db.js";

const options: SeedBigOptions = { learners: 300, courses: 5, log: () => {} };
const LESSON_TYPES = ["elearning", "sheet", "quiz", "webinar", "mission", "observation"];

let database: TestDatabase;
let result: SeedBigResult;

async function all<T>(query: SQL): Promise<T[]> {
  const found = await database.db.execute(query);
  return found.rows as T[];
}

async function one<T>(query: SQL): Promise<T> {
  const [row] = await all<T>(query);
  if (!row) throw new Error("no row");
  return row;
}

async function count(query: SQL): Promise<number> {
  return Number((await one<{ n: number }>(sql`select count(*)::int as n from (${query}) q`)).n);
}

/** A digest of the generated content, without surrogate ids (identity values may follow the scheduling). */
async function fingerprint(): Promise<string> {
  const row = await one<{ digest: string }>(sql`
    select md5(
      (select string_agg(concat_ws(',', id, course_id, user_id, type, status, progress_pct, completed_lessons, time_spent_s,
         first_activity_at, last_activity_at, enrolled_at, learner_sort_name), ';' order by id) from enrollments)
      || (select string_agg(concat_ws(',', enrollment_id, lesson_id, number, status, score, time_spent_s, started_at, cmi::text, data::text),
         ';' order by enrollment_id, lesson_id, number) from attempts)
      || (select string_agg(concat_ws(',', enrollment_id, lesson_id, started_at, duration_s), ';'
         order by enrollment_id, lesson_id, started_at, duration_s) from sessions)
      || (select string_agg(concat_ws(',', enrollment_id, lesson_id, status, score, attempts_count, time_spent_s), ';'
         order by enrollment_id, lesson_id) from lesson_stats)
      || (select string_agg(concat_ws(',', id, email, sort_name, first_sign_in_at, last_sign_in_at), ';' order by id) from users)
    ) as digest`);
  return row.digest;
}

beforeAll(async () => {
  database = await createTestDatabase();
  result = await seedBig(database.db, options);
});

afterAll(async () => {
  await database?.drop();
});

describe("seed:big", () => {
  it("generates the organisation the options ask for", async () => {
    expect(result.options).toMatchObject({ learners: 300, courses: 5, folders: 2, bigCourseLearners: 150 });
    expect(await count(sql`select 1 from users where roles = '{learner}'`)).toBe(300);
    expect(await count(sql`select 1 from courses`)).toBe(5);
    expect(await count(sql`select 1 from folders`)).toBe(2);
    expect(await count(sql`select 1 from enrollments where course_id = ${result.bigCourseId}`)).toBe(150);
    expect(await count(sql`select 1 from lessons where course_id = ${result.bigCourseId}`)).toBe(6);
    expect(result.counts.users).toBe(300 + 1 + result.tutorCount);
    expect(result.counts.courses).toBe(5);
    for (const table of [
      "attempts",
      "sessions",
      "lesson_stats",
      "sign_ins",
      "reviews",
      "lesson_comments",
      "organisations",
    ]) {
      expect(result.counts[table], table).toBeGreaterThan(0);
    }
    expect(result.steps.map((s) => s.step)).toContain("summaries");

    // Every course has the six lesson types, quizzes and observations a passing score.
    const types = await all<{ course_id: string; types: string[]; scored: boolean }>(sql`
      select course_id, array_agg(distinct type::text order by type::text) as types,
        bool_and(passing_score is not null) filter (where type in ('quiz', 'observation')) as scored
      from lessons group by course_id`);
    expect(types).toHaveLength(5);
    for (const row of types) {
      expect(row.types).toEqual([...LESSON_TYPES].sort());
      expect(row.scored).toBe(true);
    }

    // The accounts sign in with the generated password; the tutor and the admin have their roles.
    const staff = await all<{ email: string; roles: string; password_hash: string }>(sql`
      select email, roles::text as roles, password_hash from users where email in ('bench.tutor@bench.local', 'bench.admin@bench.local')
      order by email`);
    expect(staff.map((u) => [u.email, u.roles])).toEqual([
      ["bench.admin@bench.local", "{admin}"],
      ["bench.tutor@bench.local", "{tutor}"],
    ]);
    expect(await verifyPassword(staff[0]?.password_hash, "bench")).toBe(true);
  });

  it("builds a folder tree whose paths chain the ids from the root, and courses with normalized search names", async () => {
    expect(
      await count(sql`
        select 1 from folders f left join folders p on p.id = f.parent_id
        where f.path <> coalesce(p.path, '/') || f.id || '/'`),
    ).toBe(0);
    const courses = await all<{ name: string; search_name: string }>(sql`select name, search_name from courses`);
    for (const course of courses) expect(course.search_name).toBe(normalizeForSearch(course.name));
  });

  it("gives learners French names, sort names as the app computes them, and sign-ins that bound the user's dates", async () => {
    const users = await all<{ first_name: string; last_name: string; sort_name: string }>(
      sql`select first_name, last_name, sort_name from users`,
    );
    for (const user of users.filter((u) => u.first_name !== "Admin" && u.first_name !== "Tutrice")) {
      expect(user.sort_name).toBe(personSortName(user.last_name, user.first_name));
    }
    expect(users.some((u) => /[éèëïçô]/i.test(u.first_name + u.last_name))).toBe(true);
    expect(
      await count(sql`
        select 1 from users u
        left join (select user_id, min(at) as first, max(at) as last from sign_ins group by user_id) s on s.user_id = u.id
        where u.first_sign_in_at is distinct from s.first or u.last_sign_in_at is distinct from s.last`),
    ).toBe(0);
  });

  it("copies the user's sort_name into every enrollment", async () => {
    expect(
      await count(
        sql`select 1 from enrollments e join users u on u.id = e.user_id where e.learner_sort_name <> u.sort_name`,
      ),
    ).toBe(0);
  });

  it("assigns the benchmark tutor to every course", async () => {
    expect(
      await count(sql`
        select 1 from courses c where not exists (
          select 1 from tutor_assignments ta join users u on u.id = ta.tutor_id
          where ta.course_id = c.id and u.email = 'bench.tutor@bench.local' and not ta.restricted)`),
    ).toBe(0);
  });

  it("gives every assignment its course's sort name (the load bypasses the trigger that copies it)", async () => {
    expect(await count(sql`select 1 from tutor_assignments`)).toBeGreaterThan(0);
    expect(
      await count(sql`
        select 1 from tutor_assignments ta join courses c on c.id = ta.course_id
        where ta.course_sort_name is distinct from c.search_name`),
    ).toBe(0);
  });

  it("has one lesson_stats row per lesson for every enrollment", async () => {
    expect(
      await count(sql`
        select 1 from enrollments e join lessons l on l.course_id = e.course_id
        left join lesson_stats ls on ls.enrollment_id = e.id and ls.lesson_id = l.id
        where ls.enrollment_id is null`),
    ).toBe(0);
    expect(await count(sql`select 1 from lesson_stats`)).toBe(
      await count(sql`select 1 from enrollments e join lessons l on l.course_id = e.course_id`),
    );
  });

  it("derives lesson statistics and enrollment summaries that agree with the facts", async () => {
    // Attempt time is the sum of its sessions (all shorter than the platform's session cap).
    expect(Number((await one<{ n: number }>(sql`select max(duration_s) as n from sessions`)).n)).toBeLessThan(3600);
    expect(
      await count(sql`
        select 1 from attempts a join (select attempt_id, sum(duration_s) as total from sessions group by attempt_id) s
          on s.attempt_id = a.id
        where a.time_spent_s <> s.total`),
    ).toBe(0);
    // Lesson time = attempts + attended virtual classes; attempts counted; status the best reached.
    expect(
      await count(sql`
        select 1 from lesson_stats ls
        join enrollments e on e.id = ls.enrollment_id
        left join (select enrollment_id, lesson_id, count(*) as n, sum(time_spent_s) as t,
                     max(case status when 'passed' then 4 when 'completed' then 3 when 'failed' then 2 when 'in_progress' then 1 end) as best
                   from attempts group by enrollment_id, lesson_id) a
          on a.enrollment_id = ls.enrollment_id and a.lesson_id = ls.lesson_id
        left join (select vc.lesson_id, va.user_id, sum(va.minutes) * 60 as t from virtual_class_attendance va
                   join virtual_classes vc on vc.id = va.class_id where va.present and vc.cancelled_at is null
                   group by vc.lesson_id, va.user_id) v
          on v.lesson_id = ls.lesson_id and v.user_id = e.user_id
        where ls.time_spent_s <> coalesce(a.t, 0) + coalesce(v.t, 0)
           or ls.attempts_count <> coalesce(a.n, 0)
           or ls.status::text <> case greatest(coalesce(a.best, 0), case when v.t is not null then 3 else 0 end)
                when 4 then 'passed' when 3 then 'completed' when 2 then 'failed' when 1 then 'in_progress' else 'not_attempted' end`),
    ).toBe(0);
    // Progress = completed or passed lessons / lessons; time = sum of lesson times; status from them.
    expect(
      await count(sql`
        select 1 from enrollments e
        join (select enrollment_id, count(*) as total,
                count(*) filter (where status in ('completed', 'passed')) as completed,
                bool_or(status <> 'not_attempted') as active, sum(time_spent_s) as t
              from lesson_stats group by enrollment_id) s on s.enrollment_id = e.id
        where e.completed_lessons <> s.completed
           or e.progress_pct <> round(100.0 * s.completed / s.total)
           or e.time_spent_s <> s.t
           or e.status::text <> case when s.completed = s.total then 'completed' when s.active then 'in_progress' else 'not_started' end`),
    ).toBe(0);
    const statuses = await all<{ status: string; n: number }>(
      sql`select status::text as status, count(*)::int as n from enrollments group by status`,
    );
    expect(statuses.map((s) => s.status).sort()).toEqual(["completed", "in_progress", "not_started"]);
  });

  it("generates realistic activity: CMI data, sessions in the huge course, missions to correct, reviews", async () => {
    const cmi = await one<{ keys: string[] }>(sql`
      select array(select jsonb_object_keys(a.cmi) order by 1) as keys
      from attempts a join lessons l on l.id = a.lesson_id
      where l.type = 'elearning' and a.status = 'passed' limit 1`);
    expect(cmi.keys).toEqual(
      expect.arrayContaining([
        "completion_status",
        "success_status",
        "location",
        "suspend_data",
        "score",
        "total_time",
      ]),
    );
    const big = await one<{ sessions: number }>(sql`
      select count(*)::float8 / ${150} as sessions from sessions s join enrollments e on e.id = s.enrollment_id
      where e.course_id = ${result.bigCourseId}`);
    expect(big.sessions).toBeGreaterThan(60 * 0.75);
    expect(big.sessions).toBeLessThan(60 * 1.25);
    expect(
      await count(sql`select 1 from mission_submissions ms left join mission_corrections mc on mc.submission_id = ms.id
        where mc.id is null`),
    ).toBeGreaterThan(0);
    expect(await count(sql`select 1 from reviews where rating not between 1 and 5`)).toBe(0);
    expect(await count(sql`select 1 from lesson_comments where parent_id is not null`)).toBeGreaterThanOrEqual(0);
  });

  it("gives one learner 1,000 attempts and 5,000 sessions in C00002 (the learner report's worst case)", async () => {
    expect(result.heavyLearner).not.toBeNull();
    const heavy = await one<{ attempts: number; sessions: number; stats: number }>(sql`
      select (select count(*)::int from attempts a where a.enrollment_id = e.id) as attempts,
        (select count(*)::int from sessions s where s.enrollment_id = e.id) as sessions,
        (select sum(attempts_count)::int from lesson_stats ls where ls.enrollment_id = e.id) as stats
      from enrollments e where e.user_id = ${result.heavyLearner?.userId} and e.course_id = ${result.heavyLearner?.courseId}`);
    expect(heavy.attempts).toBeGreaterThanOrEqual(1000);
    expect(heavy.sessions).toBeGreaterThanOrEqual(5000);
    expect(heavy.stats).toBe(heavy.attempts);
  });

  it("refuses a database that has users, and with reset regenerates the same data", async () => {
    await expect(seedBig(database.db, options)).rejects.toThrow(/already has users/);
    const before = await fingerprint();
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    const again = await seedBig(database.db, { ...options, reset: true });
    expect(again.steps[0]?.step).toBe("reset");
    expect(again.counts).toEqual(result.counts);
    expect(await fingerprint()).toBe(before);
  });
});
