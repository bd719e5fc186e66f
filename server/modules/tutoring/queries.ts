import { type SQL, sql } from "drizzle-orm";
import type { LearnerFilters, TutoredLearnersQuery } from "../../../common/api/tutoring.js";
import { normalizeForSearch } from "../../../common/format.js";
import { executeCached, type Tx } from "../../db/client.js";

const sortColumns = {
  name: sql`e.learner_sort_name`,
  status: sql`e.status`,
  progress: sql`e.progress_pct`,
  time: sql`e.time_spent_s`,
  // At risk first (ascending): the soonest risk date; learners never at risk last.
  risk: sql`e.risk_at`,
} as const;

/** A LIKE pattern for names containing `search` (normalized: letters, digits and spaces, no wildcard). */
function containing(search: string) {
  return `%${search}%`;
}

/** SQL conditions on `enrollments e` for the tutored-users filters. */
export function learnerFilterConditions(filters: LearnerFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.enrollmentType) conditions.push(sql`e.type = ${filters.enrollmentType}`);
  if (filters.status) conditions.push(sql`e.status = ${filters.status}`);
  const search = filters.q ? normalizeForSearch(filters.q) : "";
  if (search) conditions.push(sql`e.learner_sort_name like ${containing(search)}`);
  if (filters.progressMin !== undefined) conditions.push(sql`e.progress_pct >= ${filters.progressMin}`);
  if (filters.progressMax !== undefined) conditions.push(sql`e.progress_pct <= ${filters.progressMax}`);
  if (filters.timeMin !== undefined) conditions.push(sql`e.time_spent_s >= ${filters.timeMin}`);
  if (filters.timeMax !== undefined) conditions.push(sql`e.time_spent_s <= ${filters.timeMax}`);
  if (filters.atRisk === "true") conditions.push(sql`e.risk_at <= now()`);
  if (filters.atRisk === "false") conditions.push(sql`(e.risk_at is null or e.risk_at > now())`);
  return conditions;
}

type LearnerRow = {
  userId: string;
  enrollmentId: string;
  lastName: string;
  firstName: string;
  enrollmentType: "mandatory" | "recommended" | "free";
  status: "not_started" | "in_progress" | "completed";
  progressPct: number;
  timeSpentSeconds: number;
  objectiveAt: string | null;
  lastActivityAt: string | null;
  activitySince: string;
  certificateId: string | null;
  certificateKind: "completion" | "attendance" | null;
};

/**
 * Whether the course's counters can tell how many learners `filters` select: only the enrollment
 * type and status filters (the others bound summaries the counters don't keep).
 */
export function countedByCounters(filters: LearnerFilters): boolean {
  return (
    !(filters.q && normalizeForSearch(filters.q)) &&
    filters.progressMin === undefined &&
    filters.progressMax === undefined &&
    filters.timeMin === undefined &&
    filters.timeMax === undefined &&
    filters.atRisk === undefined
  );
}

/** How many learners of the whole course have the enrollment type and status given, from course_counters. */
async function countFromCounters(tx: Tx, courseId: string, filters: LearnerFilters) {
  const conditions = [sql`course_id = ${courseId}`];
  if (filters.enrollmentType) conditions.push(sql`type = ${filters.enrollmentType}`);
  if (filters.status) conditions.push(sql`status = ${filters.status}`);
  const result = await executeCached<{ total: number }>(
    tx,
    sql`select coalesce(sum(learners), 0)::int as total from course_counters where ${sql.join(conditions, sql` and `)}`,
  );
  return result.rows[0]?.total ?? 0;
}

/** Below this offset a page walks the index from its start (cheaper than asking the buckets). */
const SEEK_FROM = 2_000;
/** Sorts after every name that starts with a given prefix (the greatest code point; collation "C"). */
const AFTER_PREFIX = "\u{10FFFF}";

/**
 * Where a deep page sorted by name or progress over a whole course starts: the sort bucket
 * (progress, 3-letter name prefix) that holds its first row, from course_sort_buckets, as a condition
 * to seek to on the index and the offset left within that bucket. Without it, page 4,000 of a
 * 100,000-learner course skipped 100,000 index entries. Null when the buckets can't tell: other
 * sorts, filters other than the enrollment type, shallow pages.
 */
async function bucketSeek(tx: Tx, courseId: string, query: TutoredLearnersQuery, offset: number) {
  if (offset < SEEK_FROM || (query.sort !== "name" && query.sort !== "progress")) return null;
  if (!countedByCounters(query) || query.status) return null;
  const desc = query.order === "desc";
  const byProgress = query.sort === "progress";
  const direction = desc ? sql`desc` : sql`asc`;
  const keys = byProgress ? sql`progress_pct, prefix` : sql`prefix`;
  const order = byProgress ? sql`progress ${direction}, prefix ${direction}` : sql`prefix ${direction}`;
  const byType = query.enrollmentType ? sql`and type = ${query.enrollmentType}` : sql``;
  // Prepared: its plan (an index-only scan of the course's buckets) doesn't depend on the values, and
  // planning it cost about as much as running it.
  const result = await executeCached<{ progress: number | null; prefix: string; before: number }>(
    tx,
    sql`
    with buckets as (
      select ${byProgress ? sql`progress_pct` : sql`null::smallint`} as progress, prefix, sum(learners)::int as n
      from course_sort_buckets where course_id = ${courseId} ${byType}
      group by ${keys} having sum(learners) > 0),
    placed as (
      select progress, prefix, (sum(n) over (order by ${order} rows unbounded preceding) - n)::int as before
      from buckets)
    select progress, prefix, before from placed where before <= ${offset} order by before desc limit 1`,
  );
  const bucket = result.rows[0];
  if (!bucket) return null;
  const start = desc ? `${bucket.prefix}${AFTER_PREFIX}` : bucket.prefix;
  const compare = desc ? sql`<` : sql`>=`;
  const condition = byProgress
    ? sql`(e.progress_pct, e.learner_sort_name) ${compare} (${bucket.progress}, ${start})`
    : sql`e.learner_sort_name ${compare} ${start}`;
  return { condition, offset: offset - bucket.before };
}

/**
 * One page of a course's learners within `scope` (a condition on `enrollments e`), from the summaries.
 * `wholeCourse`: the scope is every learner of that course, so the total can come from its counters
 * when the filters allow (counting 100,000 index entries per page took most of a page's time).
 */
export async function listLearners(tx: Tx, scope: SQL, query: TutoredLearnersQuery, wholeCourse: string | null) {
  const where = sql.join([scope, ...learnerFilterConditions(query)], sql` and `);
  // Descending reverses the whole order (ties by name and id too), so each sort is one index read
  // backwards: with the ties ascending, a page sorted by progress descending sorted 100,000 rows.
  const direction = query.order === "desc" ? sql`desc` : sql`asc`;
  const sortKey = sortColumns[query.sort];
  const nulls = query.sort === "risk" ? sql`nulls last` : sql``;
  const orderBy =
    query.sort === "name"
      ? sql`${sortKey} ${direction}, e.id ${direction}`
      : sql`${sortKey} ${direction} ${nulls}, e.learner_sort_name ${direction}, e.id ${direction}`;
  const offset = (query.page - 1) * query.pageSize;
  const search = query.q ? normalizeForSearch(query.q) : "";
  // A name search over a whole course: its matches are counted from the trigram index of
  // enrollment_names (testing each of 100,000 names took 45 ms). When they are few, the page is
  // read through them too; when many, the name-sorted index finds a page's matches sooner.
  const byNames = wholeCourse && search.length >= 3 ? { courseId: wholeCourse, search } : null;
  // The page's enrollment ids first, from the (course_id, sort key, name, id) index alone; users and
  // certificates are joined for those rows only. Joined before the offset, page 400 of a
  // 100,000-learner course read 10,000 users and certificates to drop them (BENCHMARKS.md).
  const pageOf = (condition: SQL, skip: number) =>
    sql`select e.id from enrollments e where ${condition} order by ${orderBy} limit ${query.pageSize} offset ${skip}`;
  // `prepared`: for the seek to a sort bucket (whole course, deep page), whose best plan is always
  // the sort's index from the bucket on, whatever the values; planning it took as long as running it.
  const readPage = async (pageIds: SQL, prepared = false) => {
    const statement = sql`
        with page as (${pageIds})
        select e.user_id as "userId", e.id as "enrollmentId", u.last_name as "lastName", u.first_name as "firstName",
          e.type as "enrollmentType", e.status, e.progress_pct as "progressPct", e.time_spent_s as "timeSpentSeconds",
          e.objective_at as "objectiveAt", e.last_activity_at as "lastActivityAt",
          coalesce(e.last_activity_at, e.start_at, e.enrolled_at) as "activitySince",
          cert.id as "certificateId", cert.kind as "certificateKind"
        from page
        join enrollments e on e.id = page.id
        join users u on u.id = e.user_id
        left join lateral (
          select c.id, c.kind from certificates c where c.enrollment_id = e.id and c.revoked_at is null
          order by c.issued_at desc limit 1) cert on true
        order by ${orderBy}`;
    return (prepared ? await executeCached<LearnerRow>(tx, statement) : await tx.execute<LearnerRow>(statement)).rows;
  };
  if (byNames) {
    const other = learnerFilterConditions({ ...query, q: undefined });
    const matching = sql`n.course_id = ${byNames.courseId} and n.name like ${containing(byNames.search)}`;
    if (query.sort === "name" && other.length === 0) {
      const few = await fewMatchesPage(tx, matching, direction, query.pageSize, offset);
      if (few)
        return {
          rows: few.ids.length ? await readPage(sql`select unnest(${sql.param(few.ids)}::uuid[]) as id`, true) : [],
          total: few.total,
        };
    }
    const total = await countByNames(tx, byNames, other);
    if (offset >= total) return { rows: [], total };
    if (total > FEW_MATCHES) return { rows: await readPage(pageOf(where, offset)), total };
    // Few matches (other sorts or filters: by name alone, fewMatchesPage took them): the matches'
    // enrollments are read by id (driving from the name index tested all 100,000 names).
    const pageIds = pageOf(
      sql`${where} and e.id = any(array(select n.enrollment_id from enrollment_names n where ${matching}))`,
      offset,
    );
    return { rows: await readPage(pageIds), total };
  }
  const [rows, total] = await Promise.all([
    (wholeCourse ? bucketSeek(tx, wholeCourse, query, offset) : Promise.resolve(null)).then((seek) =>
      seek ? readPage(pageOf(sql`${where} and ${seek.condition}`, seek.offset), true) : readPage(pageOf(where, offset)),
    ),
    wholeCourse && countedByCounters(query)
      ? countFromCounters(tx, wholeCourse, query)
      : tx
          .execute<{ total: number }>(sql`select count(*)::int as total from enrollments e where ${where}`)
          .then((r) => r.rows[0]?.total ?? 0),
  ]);
  return { rows, total };
}

/** Up to this many matches, a name search's page is read through its matches (see listLearners). */
const FEW_MATCHES = 1_000;

/**
 * Up to `sortedMatches` matches, a name search sorted by name is counted and cut in one read
 * (fewMatchesPage). A setting only so that the tests can take the other path on a smaller course.
 */
export const nameSearchLimits = { sortedMatches: 10_000 };

/**
 * A name search sorted by name alone, read once from the trigram index of enrollment_names: at
 * most `sortedMatches` + 1 matches, counted, and the page's ids cut from them by name. Null when
 * there are more (the caller counts them all and walks the name index). Counting first and then
 * reading the page searched the index twice (2 + 3.2 ms a request for a name with a few hundred
 * matches); walking the name index for a name's 2,578 matches took up to 28 ms when they sort late,
 * sorting them 5-8 ms (issue #8). The cap was 3,000: but counting reads every match anyway, and
 * sorting them adds little, so this one read is the cheaper up to 10,000 matches too (3,528
 * matches: 11.4 → 5.3 ms; 7,256: 9.9 → 7.2 ms). Past the cap the matches read here are wasted.
 */
async function fewMatchesPage(tx: Tx, matching: SQL, direction: SQL, pageSize: number, offset: number) {
  // Prepared: of enrollment_names' indexes only the trigram one serves a course and a pattern (the
  // primary key is the enrollment's id), so the generic plan that PostgreSQL keeps after five runs
  // searches it too, and planning took 1.6 ms of a 5 ms read. The ids are sorted as uuids and the
  // page's cast to text, not each of the matches; past the cap they are not sorted at all.
  const result = await executeCached<{ total: number; ids: string[] | null }>(
    tx,
    sql`
    with matches as materialized (
      select n.enrollment_id as id, n.name from enrollment_names n where ${matching} limit ${nameSearchLimits.sortedMatches + 1})
    , counted as (select count(*)::int as total from matches)
    select counted.total,
      case when counted.total <= ${nameSearchLimits.sortedMatches} then
        array(select id from matches order by name collate "C" ${direction}, id ${direction}
          limit ${pageSize} offset ${offset})::text[] end as ids
    from counted`,
  );
  const found = result.rows[0];
  return found?.ids ? { total: found.total, ids: found.ids } : null;
}

/**
 * How many learners of a whole course a name search (3 characters or more: trigrams) matches, with
 * the `other` filters (conditions on `enrollments e`), from the trigram index of enrollment_names.
 */
async function countByNames(tx: Tx, names: { courseId: string; search: string }, other: SQL[]) {
  const matching = sql`n.course_id = ${names.courseId} and n.name like ${containing(names.search)}`;
  const result = await tx.execute<{ total: number }>(
    other.length === 0
      ? sql`select count(*)::int as total from enrollment_names n where ${matching}`
      : sql`select count(*)::int as total from enrollment_names n join enrollments e on e.id = n.enrollment_id
          where ${matching} and ${sql.join(other, sql` and `)}`,
  );
  return result.rows[0]?.total ?? 0;
}

export async function inactivityDays(tx: Tx, courseId: string) {
  const result = await executeCached<{ days: number }>(
    tx,
    sql`select inactivity_days as days from courses where id = ${courseId}`,
  );
  return result.rows[0]?.days ?? 14;
}

/** Count and first learners (by name) of the enrollments that `where` selects. */
export async function selectionSummary(tx: Tx, where: SQL) {
  const [counted, sample] = await Promise.all([
    tx.execute<{ total: number }>(sql`select count(*)::int as total from enrollments e where ${where}`),
    tx.execute<{ userId: string; lastName: string; firstName: string }>(sql`
      select e.user_id as "userId", u.last_name as "lastName", u.first_name as "firstName"
      from enrollments e join users u on u.id = e.user_id
      where ${where} order by e.learner_sort_name, e.id limit 10`),
  ]);
  return { count: counted.rows[0]?.total ?? 0, sample: sample.rows };
}

type IndicatorsRow = {
  learners: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  missionsToCorrect: number;
  observationsToDo: number;
};

function indicatorsFrom(row: IndicatorsRow | undefined) {
  return {
    learners: row?.learners ?? 0,
    missionsToCorrect: row?.missionsToCorrect ?? 0,
    observationsToDo: row?.observationsToDo ?? 0,
    statuses: { not_started: row?.notStarted ?? 0, in_progress: row?.inProgress ?? 0, completed: row?.completed ?? 0 },
  };
}

/**
 * Indicators of a whole course (every learner, or those of one enrollment type): learners by
 * status, mission submissions awaiting a correction, learners with an observation lesson not
 * passed. Read from course_counters, at most 9 rows, whatever the course's size: counting a
 * 100,000-learner course's enrollments took 0.5 to 1.5 s (BENCHMARKS.md).
 */
export async function courseIndicators(tx: Tx, courseId: string, enrollmentType?: string) {
  const byType = enrollmentType ? sql`and type = ${enrollmentType}` : sql``;
  const result = await executeCached<IndicatorsRow>(
    tx,
    sql`
    select
      coalesce(sum(learners), 0)::int as learners,
      coalesce(sum(learners) filter (where status = 'not_started'), 0)::int as "notStarted",
      coalesce(sum(learners) filter (where status = 'in_progress'), 0)::int as "inProgress",
      coalesce(sum(learners) filter (where status = 'completed'), 0)::int as completed,
      coalesce(sum(missions_to_correct), 0)::int as "missionsToCorrect",
      coalesce(sum(observations_to_do), 0)::int as "observationsToDo"
    from course_counters where course_id = ${courseId} ${byType}`,
  );
  return indicatorsFrom(result.rows[0]);
}

/**
 * The same indicators over the learners in `scope` (a tutor restricted to learner lists), in one
 * pass over their enrollment summaries.
 */
export async function indicators(tx: Tx, scope: SQL, enrollmentType?: string) {
  const where = enrollmentType ? sql`${scope} and e.type = ${enrollmentType}` : scope;
  const result = await tx.execute<IndicatorsRow>(sql`
    select
      count(*)::int as learners,
      (count(*) filter (where e.status = 'not_started'))::int as "notStarted",
      (count(*) filter (where e.status = 'in_progress'))::int as "inProgress",
      (count(*) filter (where e.status = 'completed'))::int as completed,
      coalesce(sum(e.missions_to_correct), 0)::int as "missionsToCorrect",
      (count(*) filter (where e.observations_pending > 0))::int as "observationsToDo"
    from enrollments e where ${where}`);
  return indicatorsFrom(result.rows[0]);
}
