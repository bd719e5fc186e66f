import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/**
 * `= any(uuid[])` for a list of ids: with `in (select jsonb_array_elements…)` the planner joined a
 * job's 1,000 ids to every certificate row in a nested loop (1.3 s for a zip; now an index probe
 * per id). The ids come from the database (uuids), the array is one parameter.
 */
function anyOf(ids: string[]) {
  return sql`any(${`{${ids.join(",")}}`}::uuid[])`;
}

export async function enrollmentIds(tx: Tx, where: SQL) {
  const result = await tx.execute<{ id: string }>(
    sql`select e.id from enrollments e where ${where} order by e.learner_sort_name, e.id`,
  );
  return result.rows.map((r) => r.id);
}

export async function createJob(
  tx: Tx,
  values: { courseId: string; createdBy: string; params: Record<string, unknown>; total: number },
) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into bulk_jobs (kind, course_id, created_by, params, total)
    values ('certificates', ${values.courseId}, ${values.createdBy}, ${JSON.stringify(values.params)}::jsonb, ${values.total})
    returning id`);
  return result.rows[0]?.id ?? "";
}

export type JobRow = {
  id: string;
  courseId: string;
  createdBy: string;
  params: { enrollmentIds: string[]; kind: "completion" | "attendance"; locale: "fr" | "en"; timeZone: string };
  total: number;
  done: number;
  failed: number;
  status: string;
  error: string | null;
};

export async function findJob(tx: Tx, jobId: string) {
  const result = await tx.execute<JobRow>(sql`
    select id, course_id as "courseId", created_by as "createdBy", params, total, done, failed, status, error
    from bulk_jobs where id = ${jobId} and kind = 'certificates'`);
  return result.rows[0];
}

export async function setJobProgress(tx: Tx, jobId: string, done: number, failed: number, status: string) {
  await tx.execute(sql`
    update bulk_jobs set done = ${done}, failed = ${failed}, status = ${status},
      finished_at = case when ${status} in ('done', 'failed') then now() else null end
    where id = ${jobId}`);
}

export async function validCertificate(tx: Tx, enrollmentId: string, kind: string) {
  const result = await tx.execute<{ id: string }>(sql`
    select id from certificates where enrollment_id = ${enrollmentId} and kind = ${kind} and revoked_at is null limit 1`);
  return result.rows[0];
}

export async function certificateData(tx: Tx, enrollmentId: string) {
  const head = await tx.execute<{
    organisation: string | null;
    firstName: string;
    lastName: string;
    userId: string;
    courseId: string;
    courseName: string;
    courseCode: string;
    status: string;
    startedAt: string | null;
    completedAt: string | null;
    totalSeconds: number;
    sessionCapSeconds: number;
  }>(sql`
    select o.name as organisation, u.first_name as "firstName", u.last_name as "lastName", u.id as "userId",
      c.id as "courseId", c.name as "courseName", c.code as "courseCode", e.status,
      coalesce(e.start_at, e.first_activity_at) as "startedAt",
      case when e.status = 'completed' then coalesce(e.end_at, (select max(ls.status_at) from lesson_stats ls where ls.enrollment_id = e.id)) end
        as "completedAt",
      e.time_spent_s as "totalSeconds",
      coalesce((select session_cap_s from platform_settings where id = 1), 14400) as "sessionCapSeconds"
    from enrollments e join users u on u.id = e.user_id join courses c on c.id = e.course_id
    left join organisations o on o.id = u.organisation_id
    where e.id = ${enrollmentId}`);
  const lessons = await tx.execute<{ title: string; seconds: number }>(sql`
    select l.title, coalesce(ls.time_spent_s, 0) as seconds
    from enrollments e join lessons l on l.course_id = e.course_id
    left join lesson_stats ls on ls.enrollment_id = e.id and ls.lesson_id = l.id
    where e.id = ${enrollmentId} order by l.position`);
  return { head: head.rows[0], lessons: lessons.rows };
}

/** The enrollments among `enrollmentIds` that hold a valid certificate of this kind. */
export async function certifiedEnrollments(tx: Tx, enrollmentIds: string[], kind: string): Promise<Set<string>> {
  if (enrollmentIds.length === 0) return new Set();
  const result = await tx.execute<{ id: string }>(sql`
    select distinct enrollment_id as id from certificates
    where enrollment_id = ${anyOf(enrollmentIds)} and kind = ${kind} and revoked_at is null`);
  return new Set(result.rows.map((r) => r.id));
}

export type CertificateHead = NonNullable<Awaited<ReturnType<typeof certificateData>>["head"]>;

/** certificateData for many enrollments in two queries (bulk jobs), by enrollment id. */
export async function certificateDataMany(tx: Tx, enrollmentIds: string[]) {
  const ids = anyOf(enrollmentIds);
  const [heads, lessons] = await Promise.all([
    tx.execute<CertificateHead & { enrollmentId: string }>(sql`
      select e.id as "enrollmentId", o.name as organisation, u.first_name as "firstName", u.last_name as "lastName",
        u.id as "userId", c.id as "courseId", c.name as "courseName", c.code as "courseCode", e.status,
        coalesce(e.start_at, e.first_activity_at) as "startedAt",
        case when e.status = 'completed' then coalesce(e.end_at, (select max(ls.status_at) from lesson_stats ls where ls.enrollment_id = e.id)) end
          as "completedAt",
        e.time_spent_s as "totalSeconds",
        coalesce((select session_cap_s from platform_settings where id = 1), 14400) as "sessionCapSeconds"
      from enrollments e join users u on u.id = e.user_id join courses c on c.id = e.course_id
      left join organisations o on o.id = u.organisation_id
      where e.id = ${ids}`),
    tx.execute<{ enrollmentId: string; title: string; seconds: number }>(sql`
      select e.id as "enrollmentId", l.title, coalesce(ls.time_spent_s, 0) as seconds
      from enrollments e join lessons l on l.course_id = e.course_id
      left join lesson_stats ls on ls.enrollment_id = e.id and ls.lesson_id = l.id
      where e.id = ${ids} order by e.id, l.position`),
  ]);
  const byEnrollment = new Map<string, { head: CertificateHead; lessons: { title: string; seconds: number }[] }>();
  for (const { enrollmentId, ...head } of heads.rows) byEnrollment.set(enrollmentId, { head, lessons: [] });
  for (const { enrollmentId, ...lesson } of lessons.rows) byEnrollment.get(enrollmentId)?.lessons.push(lesson);
  return byEnrollment;
}

/**
 * Stores many certificates and their audit entries (`certificate.issue`, as `writeAudit` writes
 * them) in one statement: one round trip per chunk of a bulk job instead of one per learner.
 */
export async function insertCertificatesAudited(
  tx: Tx,
  values: {
    enrollmentId: string;
    kind: string;
    code: string;
    pdf: Buffer;
    issuedBy: string;
    courseId: string;
    learnerId: string;
  }[],
) {
  if (values.length === 0) return;
  const rows = sql.join(
    values.map(
      (v) =>
        sql`(${v.enrollmentId}::uuid, ${v.kind}::certificate_kind, ${v.code}::text, ${v.pdf}::bytea, ${v.issuedBy}::uuid, ${v.courseId}::uuid, ${v.learnerId}::uuid)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    with input (enrollment_id, kind, code, pdf, issued_by, course_id, learner_id) as (values ${rows}),
    inserted as (
      insert into certificates (enrollment_id, kind, code, pdf, issued_by)
      select enrollment_id, kind, code, pdf, issued_by from input
      returning id, code)
    insert into audit_log (actor_id, action, entity_type, entity_id, course_id, learner_id, after)
    select i.issued_by, 'certificate.issue', 'certificate', inserted.id::text, i.course_id, i.learner_id,
      jsonb_build_object('kind', i.kind, 'code', i.code)
    from inserted join input i on i.code = inserted.code`);
}

/** The per-learner issuer locks of many enrollments in one statement, taken in a fixed order (no deadlock). */
export async function lockIssuers(tx: Tx, enrollmentIds: string[]) {
  await tx.execute(sql`
    select pg_advisory_xact_lock(hashtext('certificate:' || id))
    from (select jsonb_array_elements_text(${JSON.stringify([...enrollmentIds].sort())}::jsonb) as id) ids order by id`);
}

export async function insertCertificate(
  tx: Tx,
  values: { enrollmentId: string; kind: string; code: string; pdf: Buffer; issuedBy: string },
) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into certificates (enrollment_id, kind, code, pdf, issued_by)
    values (${values.enrollmentId}, ${values.kind}, ${values.code}, ${values.pdf}, ${values.issuedBy})
    returning id`);
  return result.rows[0]?.id ?? "";
}

export async function findCertificate(tx: Tx, certificateId: string, enrollmentId: string) {
  const result = await tx.execute<{
    id: string;
    code: string;
    kind: string;
    pdf: Buffer | null;
    revokedAt: string | null;
  }>(sql`
    select id, code, kind, pdf, revoked_at as "revokedAt" from certificates
    where id = ${certificateId} and enrollment_id = ${enrollmentId}`);
  return result.rows[0];
}

/**
 * The valid certificate of each of these enrollments (the latest if several), with its PDF or not.
 */
export async function jobCertificates(tx: Tx, enrollmentIds: string[], kind: string, withPdf = true) {
  if (enrollmentIds.length === 0) return [];
  const result = await tx.execute<{
    enrollmentId: string;
    code: string;
    pdf: Buffer | null;
    lastName: string;
    firstName: string;
  }>(sql`
    select distinct on (c.enrollment_id) c.enrollment_id as "enrollmentId", c.code,
      ${withPdf ? sql`c.pdf` : sql`null::bytea`} as pdf, u.last_name as "lastName", u.first_name as "firstName"
    from certificates c join enrollments e on e.id = c.enrollment_id join users u on u.id = e.user_id
    where c.enrollment_id = ${anyOf(enrollmentIds)}
      and c.kind = ${kind} and c.revoked_at is null and c.pdf is not null
    order by c.enrollment_id, c.issued_at desc`);
  return result.rows;
}

export async function revoke(tx: Tx, certificateId: string, userId: string, reason: string) {
  await tx.execute(sql`
    update certificates set revoked_at = now(), revoked_by = ${userId}, revoke_reason = ${reason}
    where id = ${certificateId} and revoked_at is null`);
}

export async function verification(tx: Tx, code: string) {
  const result = await tx.execute<{
    firstName: string;
    lastName: string;
    courseName: string;
    kind: string;
    issuedAt: string;
    revokedAt: string | null;
  }>(sql`
    select u.first_name as "firstName", u.last_name as "lastName", c.name as "courseName", ce.kind,
      ce.issued_at as "issuedAt", ce.revoked_at as "revokedAt"
    from certificates ce join enrollments e on e.id = ce.enrollment_id join users u on u.id = e.user_id
    join courses c on c.id = e.course_id where ce.code = ${code}`);
  return result.rows[0];
}
