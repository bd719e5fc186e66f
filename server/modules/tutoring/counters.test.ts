import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { tutoredLearnersQuerySchema } from "../../../common/api/tutoring.js";
import { get, type Session, send } from "../../test/app.js";
import { courseWithLearners } from "../../test/courses.js";
import { demoFixture } from "../../test/demo.js";
import { rebuildEnrollmentProjections } from "../tracking/counters.js";
import { recomputeEnrollments } from "../tracking/summaries.js";
import { courseIndicators, indicators, listLearners, nameSearchLimits } from "./queries.js";

const d = demoFixture();

/** course_counters rows that differ from a count of the enrollments (none when the triggers kept them). */
async function drift() {
  const result = await d.database.db.execute<{ key: string; kept: string; counted: string }>(sql`
    with counted as (
      select course_id, type, status, count(*)::int as learners, sum(missions_to_correct)::int as missions,
        (count(*) filter (where observations_pending > 0))::int as observations
      from enrollments group by 1, 2, 3),
    kept as (
      select course_id, type, status, learners, missions_to_correct as missions, observations_to_do as observations
      from course_counters where (learners, missions_to_correct, observations_to_do) <> (0, 0, 0))
    select concat_ws('/', coalesce(k.course_id, c.course_id), coalesce(k.type, c.type), coalesce(k.status, c.status)) as key,
      concat_ws(',', k.learners, k.missions, k.observations) as kept,
      concat_ws(',', c.learners, c.missions, c.observations) as counted
    from kept k full join counted c using (course_id, type, status)
    where (k.learners, k.missions, k.observations) is distinct from (c.learners, c.missions, c.observations)`);
  return result.rows;
}

const center = (session: Session, courseId: string, query = "") =>
  get(d.app, session, `/api/tutoring/courses/${courseId}/indicators?${query}`).then((r) => r.json());

describe("course counters (the tutoring center's indicators of a whole course)", () => {
  it("hold, for every course and enrollment type, what counting the enrollments gives", async () => {
    expect(await drift()).toEqual([]);
    const courses = await d.database.db.execute<{ id: string }>(sql`select id from courses`);
    for (const { id } of courses.rows) {
      for (const type of [undefined, "mandatory", "recommended", "free"]) {
        const counted = await indicators(d.database.db, sql`e.course_id = ${id}`, type);
        expect(await courseIndicators(d.database.db, id, type), `${id} ${type}`).toEqual(counted);
      }
    }
    expect(await center(d.tutor, d.ids.c1)).toMatchObject({
      learners: 21,
      missionsToCorrect: 1,
      observationsToDo: 21,
      statuses: { not_started: 6, in_progress: 15, completed: 0 },
    });
  });

  it("follow enrollments added, retyped and removed, submissions and corrections, observations", async () => {
    const before = await center(d.admin, d.ids.mgt);
    const user = await send(d.app, d.admin, "POST", "/api/admin/users", {
      email: "compteur@example.com",
      firstName: "Cléo",
      lastName: "Compteur",
    });
    const enrolled = await send(d.app, d.admin, "POST", "/api/admin/enrollments", {
      courseId: d.ids.mgt,
      userId: user.json().id,
      type: "recommended",
    });
    expect(enrolled.statusCode).toBe(201);
    expect(await center(d.admin, d.ids.mgt)).toMatchObject({
      learners: before.learners + 1,
      statuses: { not_started: before.statuses.not_started + 1 },
    });
    const recommended = (await center(d.admin, d.ids.mgt, "enrollmentType=recommended")).learners;
    await send(d.app, d.admin, "PUT", `/api/admin/enrollments/${enrolled.json().id}`, { type: "mandatory" });
    expect((await center(d.admin, d.ids.mgt, "enrollmentType=recommended")).learners).toBe(recommended - 1);
    expect(await drift()).toEqual([]);
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/enrollments/${enrolled.json().id}`)).statusCode).toBe(204);
    expect(await center(d.admin, d.ids.mgt)).toEqual(before);

    // The demo's pending mission, corrected: one fewer to correct, in the course and in its type.
    const queue = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/missions`)).json();
    const corrected = await send(
      d.app,
      d.tutor,
      "POST",
      `/api/tutoring/courses/${d.ids.c1}/missions/${queue.items[0].submissionId}/correction`,
      { verdict: "passed", score: 75 },
    );
    expect(corrected.statusCode).toBe(201);
    expect((await center(d.tutor, d.ids.c1)).missionsToCorrect).toBe(0);

    // Sam's observation passed by a tutor's statistics override: one fewer observation to do.
    await d.database.db.transaction(async (tx) => {
      await tx.execute(sql`update lesson_stats set override_status = 'passed'
        where lesson_id = ${d.ids.c1Lessons.observation}
          and enrollment_id = (select id from enrollments where user_id = ${d.ids.sam} and course_id = ${d.ids.c1})`);
      await recomputeEnrollments(tx, sql`e.user_id = ${d.ids.sam} and e.course_id = ${d.ids.c1}`);
    });
    expect((await center(d.tutor, d.ids.c1)).observationsToDo).toBe(20);
    expect(await drift()).toEqual([]);
  });

  it("give a restricted tutor the counts of their learners only, and page totals the same as counting", async () => {
    const restricted = await center(d.tutor2, d.ids.c2);
    const listed = (await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c2}/learners?pageSize=100`)).json();
    expect(restricted.learners).toBe(listed.total);
    expect(restricted.learners).toBeLessThan((await center(d.admin, d.ids.c2)).learners);
    for (const query of [
      "",
      "status=in_progress",
      "enrollmentType=mandatory",
      "status=not_started&enrollmentType=free",
    ]) {
      const counted = (
        await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?pageSize=100&${query}`)
      ).json();
      expect(counted.total, query).toBe(counted.items.length);
    }
  });

  it("are counted anew by rebuildEnrollmentProjections (loads that bypass the triggers)", async () => {
    await d.database.db.transaction(async (tx) => {
      await tx.execute(sql`update course_counters set learners = learners + 7`);
      expect((await drift()).length).toBe(0); // another connection: not committed yet
      await rebuildEnrollmentProjections(tx);
    });
    expect(await drift()).toEqual([]);
  });
});

describe("deep pages from the sort buckets", () => {
  /** A course of 6,500 learners with names, progress and types spread, for pages past the seek threshold. */
  function bigCourse() {
    const names = ["Martin", "Marchand", "Bernard", "Dubois", "Zola", "Ozturk", "Éluard", "Ba", "Lefèvre", "Roux"];
    return courseWithLearners(d.database.db, {
      code: "BUCKETS",
      name: "Buckets",
      folderOf: d.ids.c1,
      count: 6500,
      learner: (n) => ({ email: `bucket${n}@example.com`, firstName: "Léa", lastName: `${names[n % 10]} ${n}` }),
      type: sql`(array['mandatory','recommended','free'])[1 + abs(hashtext(sort_name)) % 3]`,
      progressPct: sql`(abs(hashtext(sort_name || 'p')) % 5) * 25`,
      status: sql`case when abs(hashtext(sort_name || 'p')) % 5 = 0 then 'not_started' else 'in_progress' end`,
    });
  }

  let courseId: string;
  beforeAll(async () => {
    courseId = await bigCourse();
  });

  /** The same query's page and total through the counters, buckets and names as by testing every row. */
  async function expectSame(query: ReturnType<typeof tutoredLearnersQuerySchema.parse>, label: string) {
    const scope = sql`e.course_id = ${courseId}`;
    const fast = await listLearners(d.database.db, scope, query, courseId);
    const plain = await listLearners(d.database.db, scope, query, null);
    expect(fast.total, label).toBe(plain.total);
    expect(
      fast.rows.map((r) => r.enrollmentId),
      label,
    ).toEqual(plain.rows.map((r) => r.enrollmentId));
    return fast;
  }

  /** The page the buckets give equals the one a plain offset gives, for every sort, order and type. */
  async function expectSamePages() {
    for (const sort of ["name", "progress"] as const) {
      for (const order of ["asc", "desc"] as const) {
        for (const enrollmentType of [undefined, "mandatory", "free"] as const) {
          for (const page of [81, 86, 120, 200, 259]) {
            const query = tutoredLearnersQuerySchema.parse({ page, pageSize: 25, sort, order, enrollmentType });
            await expectSame(query, `${sort} ${order} ${enrollmentType ?? "all"} page ${page}`);
          }
        }
      }
    }
  }

  it("count and page a name search from the trigram index the same as testing every name", async () => {
    // "martin" matches 650 learners, "mar" 1,300, "lea" all 6,500 (by name: counted and cut in one
    // read of their matches; otherwise, and past the cap, "mar" and "lea" are read on the name index),
    // "lea 1" a few hundred, "zz" is too short for trigrams, "nobody" matches none.
    const defaultCap = nameSearchLimits.sortedMatches;
    for (const cap of [defaultCap, 1_000]) {
      nameSearchLimits.sortedMatches = cap;
      try {
        for (const q of ["martin", "mar", "lea", "lea 1", "zz", "nobody", "eluard 4"]) {
          for (const [sort, order, page, enrollmentType] of [
            ["name", "asc", 1, undefined],
            ["name", "desc", 2, undefined],
            ["name", "asc", 40, undefined],
            ["name", "desc", 3, "free"],
            ["progress", "asc", 2, undefined],
            ["time", "desc", 1, "mandatory"],
          ] as const) {
            const query = tutoredLearnersQuerySchema.parse({ page, pageSize: 25, sort, order, q, enrollmentType });
            await expectSame(query, `cap ${cap}: ${q} ${sort} ${order} ${page} ${enrollmentType ?? "all"}`);
          }
        }
      } finally {
        nameSearchLimits.sortedMatches = defaultCap;
      }
    }
    expect((await expectSame(tutoredLearnersQuerySchema.parse({ q: "Martin", pageSize: 100 }), "Martin")).total).toBe(
      650,
    );
  });

  it("give the same pages as skipping rows, before and after learners move", async () => {
    const buckets = await d.database.db.execute<{ n: number }>(
      sql`select sum(learners)::int as n from course_sort_buckets where course_id = ${courseId}`,
    );
    expect(buckets.rows[0]?.n).toBe(6500);
    await expectSamePages();
    // Progress made, types changed, learners removed and renamed: the triggers move them between buckets.
    await d.database.db.execute(sql`update enrollments set progress_pct = least(progress_pct + 25, 100)
      where course_id = ${courseId} and learner_sort_name like 'ma%'`);
    await d.database.db.execute(sql`update enrollments set type = 'free'
      where course_id = ${courseId} and learner_sort_name like 'b%'`);
    await d.database.db.execute(sql`update enrollments set learner_sort_name = 'aaa ' || learner_sort_name
      where course_id = ${courseId} and learner_sort_name like 'zola%'`);
    await d.database.db.execute(
      sql`delete from enrollments where course_id = ${courseId} and learner_sort_name like 'roux%'`,
    );
    await expectSamePages();
    expect(await drift()).toEqual([]);
    const renamed = await expectSame(tutoredLearnersQuerySchema.parse({ q: "aaa zola", pageSize: 100 }), "renamed");
    expect(renamed.total).toBe(650);
    const sorted = await d.database.db.execute<{ ok: boolean }>(sql`
      select bool_and(n = learners) as ok from course_sort_buckets b
      join (select type, progress_pct, left(learner_sort_name, 3) as prefix, count(*)::int as n
            from enrollments where course_id = ${courseId} group by 1, 2, 3) c using (type, progress_pct, prefix)
      where b.course_id = ${courseId}`);
    expect(sorted.rows[0]?.ok).toBe(true);
  });
});
