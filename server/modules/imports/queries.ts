import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/** One parameter holding a whole array (drizzle would otherwise expand it into a list of parameters). */
const arr = (values: unknown[]) => sql.param(values);

/** Rows per statement of the set-based writes: big enough to be fast, small enough for one parameter array. */
export const CHUNK = 10_000;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Imports run one at a time: two files naming the same new email can't race to a duplicate. */
export async function lockImports(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tutora.imports'))`);
}

export type ExistingUser = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  roles: ("admin" | "tutor" | "learner")[];
  locale: "fr" | "en";
  active: boolean;
};

/** Users by lower-cased email. */
export async function usersByEmail(tx: Tx, emails: string[]) {
  const map = new Map<string, ExistingUser>();
  for (const part of chunks(emails, 50_000)) {
    const result = await tx.execute<ExistingUser>(sql`
      select u.id, lower(u.email) as email, u.first_name as "firstName", u.last_name as "lastName",
        o.name as organisation, u.roles::text[] as roles, u.locale, u.active
      from unnest(${arr(part)}::text[]) as t(email)
      join users u on lower(u.email) = t.email
      left join organisations o on o.id = u.organisation_id`);
    for (const row of result.rows) map.set(row.email, row);
  }
  return map;
}

// Case-insensitive matching is done here, not with SQL lower(): under the C locale PostgreSQL only
// folds ASCII, and "Équipe Nord" must match "équipe nord". Courses and lists are few enough to load.

/** Course ids by lower-cased code. */
export async function coursesByCode(tx: Tx) {
  const result = await tx.execute<{ id: string; code: string }>(sql`select id, code from courses`);
  return new Map(result.rows.map((r) => [r.code.toLowerCase(), r.id]));
}

/** Learner list ids by lower-cased name. */
export async function listsByName(tx: Tx) {
  const result = await tx.execute<{ id: string; name: string }>(sql`select id, name from learner_lists`);
  return new Map(result.rows.map((r) => [r.name.toLowerCase(), r.id]));
}

/** The organisations' ids by name, creating the names that are new. */
export async function ensureOrganisations(tx: Tx, names: string[]) {
  if (names.length === 0) return new Map<string, string>();
  await tx.execute(
    sql`insert into organisations (name) select unnest(${arr(names)}::text[]) on conflict (name) do nothing`,
  );
  const result = await tx.execute<{ id: string; name: string }>(
    sql`select id, name from organisations where name = any(${arr(names)}::text[])`,
  );
  return new Map(result.rows.map((r) => [r.name, r.id]));
}

export interface UserWrite {
  id?: string;
  email: string;
  firstName: string;
  lastName: string;
  sortName: string;
  organisationId: string | null;
  roles: string[];
  locale: string;
  active: boolean;
}

const rolesLiteral = (roles: string[]) => `{${roles.join(",")}}`;

export async function insertUsers(tx: Tx, rows: UserWrite[]) {
  for (const part of chunks(rows)) {
    await tx.execute(sql`
      insert into users (email, first_name, last_name, sort_name, organisation_id, roles, locale, active)
      select t.email, t.first_name, t.last_name, t.sort_name, t.organisation_id, t.roles::role[], t.locale::locale, t.active
      from unnest(${arr(part.map((r) => r.email))}::text[], ${arr(part.map((r) => r.firstName))}::text[],
        ${arr(part.map((r) => r.lastName))}::text[], ${arr(part.map((r) => r.sortName))}::text[],
        ${arr(part.map((r) => r.organisationId))}::uuid[], ${arr(part.map((r) => rolesLiteral(r.roles)))}::text[],
        ${arr(part.map((r) => r.locale))}::text[], ${arr(part.map((r) => r.active))}::boolean[])
        as t(email, first_name, last_name, sort_name, organisation_id, roles, locale, active)`);
  }
}

export async function updateUsers(tx: Tx, rows: UserWrite[]) {
  for (const part of chunks(rows)) {
    const ids = part.map((r) => r.id as string);
    await tx.execute(sql`
      update users u set first_name = t.first_name, last_name = t.last_name, sort_name = t.sort_name,
        organisation_id = t.organisation_id, roles = t.roles::role[], locale = t.locale::locale, active = t.active,
        updated_at = now()
      from unnest(${arr(ids)}::uuid[], ${arr(part.map((r) => r.firstName))}::text[], ${arr(part.map((r) => r.lastName))}::text[],
        ${arr(part.map((r) => r.sortName))}::text[], ${arr(part.map((r) => r.organisationId))}::uuid[],
        ${arr(part.map((r) => rolesLiteral(r.roles)))}::text[], ${arr(part.map((r) => r.locale))}::text[],
        ${arr(part.map((r) => r.active))}::boolean[])
        as t(id, first_name, last_name, sort_name, organisation_id, roles, locale, active)
      where u.id = t.id`);
    // Enrollments keep a copy of the sort name (one index sorts a course's learners by name).
    await tx.execute(sql`
      update enrollments e set learner_sort_name = u.sort_name
      from users u where u.id = any(${arr(ids)}::uuid[]) and e.user_id = u.id and e.learner_sort_name <> u.sort_name`);
    // A deactivated account is signed out everywhere.
    await tx.execute(sql`
      delete from auth_sessions s using users u where u.id = any(${arr(ids)}::uuid[]) and s.user_id = u.id and not u.active`);
  }
}

// ---- Learner list members ----

/** The (list, user) pairs among those given that are already memberships. */
export async function existingMemberships(tx: Tx, pairs: { listId: string; userId: string }[]) {
  const found = new Set<string>();
  for (const part of chunks(pairs)) {
    const result = await tx.execute<{ listId: string; userId: string }>(sql`
      select m.list_id as "listId", m.user_id as "userId"
      from unnest(${arr(part.map((p) => p.listId))}::uuid[], ${arr(part.map((p) => p.userId))}::uuid[]) as t(list_id, user_id)
      join learner_list_members m on m.list_id = t.list_id and m.user_id = t.user_id`);
    for (const row of result.rows) found.add(`${row.listId}:${row.userId}`);
  }
  return found;
}

export async function insertLists(tx: Tx, names: string[]) {
  if (names.length === 0) return new Map<string, string>();
  const result = await tx.execute<{ id: string; name: string }>(sql`
    insert into learner_lists (name) select unnest(${arr(names)}::text[]) returning id, name`);
  return new Map(result.rows.map((r) => [r.name.toLowerCase(), r.id]));
}

export async function insertMemberships(tx: Tx, pairs: { listId: string; userId: string }[]) {
  for (const part of chunks(pairs)) {
    await tx.execute(sql`
      insert into learner_list_members (list_id, user_id)
      select * from unnest(${arr(part.map((p) => p.listId))}::uuid[], ${arr(part.map((p) => p.userId))}::uuid[])
      on conflict do nothing`);
  }
}

// ---- Enrollments ----

export type ExistingEnrollment = {
  id: string;
  userId: string;
  courseId: string;
  type: "mandatory" | "recommended" | "free";
  startAt: string | null;
  objectiveAt: string | null;
  endAt: string | null;
};

export async function existingEnrollments(tx: Tx, pairs: { userId: string; courseId: string }[]) {
  const map = new Map<string, ExistingEnrollment>();
  for (const part of chunks(pairs)) {
    const result = await tx.execute<ExistingEnrollment>(sql`
      select e.id, e.user_id as "userId", e.course_id as "courseId", e.type,
        e.start_at as "startAt", e.objective_at as "objectiveAt", e.end_at as "endAt"
      from unnest(${arr(part.map((p) => p.userId))}::uuid[], ${arr(part.map((p) => p.courseId))}::uuid[]) as t(user_id, course_id)
      join enrollments e on e.user_id = t.user_id and e.course_id = t.course_id`);
    for (const row of result.rows) map.set(`${row.userId}:${row.courseId}`, row);
  }
  return map;
}

export interface EnrollmentWrite {
  id?: string;
  userId: string;
  courseId: string;
  type: string;
  startAt: string | null;
  objectiveAt: string | null;
  endAt: string | null;
}

export async function insertEnrollments(tx: Tx, rows: EnrollmentWrite[]) {
  const ids: string[] = [];
  for (const part of chunks(rows)) {
    const result = await tx.execute<{ id: string }>(sql`
      insert into enrollments (course_id, user_id, type, start_at, objective_at, end_at, learner_sort_name)
      select t.course_id, t.user_id, t.type::enrollment_type, t.start_at, t.objective_at, t.end_at, u.sort_name
      from unnest(${arr(part.map((r) => r.courseId))}::uuid[], ${arr(part.map((r) => r.userId))}::uuid[],
        ${arr(part.map((r) => r.type))}::text[], ${arr(part.map((r) => r.startAt))}::timestamptz[],
        ${arr(part.map((r) => r.objectiveAt))}::timestamptz[], ${arr(part.map((r) => r.endAt))}::timestamptz[])
        as t(course_id, user_id, type, start_at, objective_at, end_at)
      join users u on u.id = t.user_id
      returning id`);
    ids.push(...result.rows.map((r) => r.id));
  }
  return ids;
}

export async function updateEnrollments(tx: Tx, rows: EnrollmentWrite[]) {
  for (const part of chunks(rows)) {
    await tx.execute(sql`
      update enrollments e set type = t.type::enrollment_type, start_at = t.start_at, objective_at = t.objective_at,
        end_at = t.end_at, version = e.version + 1, updated_at = now()
      from unnest(${arr(part.map((r) => r.id as string))}::uuid[], ${arr(part.map((r) => r.type))}::text[],
        ${arr(part.map((r) => r.startAt))}::timestamptz[], ${arr(part.map((r) => r.objectiveAt))}::timestamptz[],
        ${arr(part.map((r) => r.endAt))}::timestamptz[]) as t(id, type, start_at, objective_at, end_at)
      where e.id = t.id`);
  }
}

// ---- Tutor assignments ----

export type ExistingAssignment = { id: string; tutorId: string; courseId: string; listIds: string[] };

export async function existingAssignments(tx: Tx, pairs: { userId: string; courseId: string }[]) {
  const map = new Map<string, ExistingAssignment>();
  for (const part of chunks(pairs)) {
    const result = await tx.execute<ExistingAssignment>(sql`
      select ta.id, ta.tutor_id as "tutorId", ta.course_id as "courseId",
        coalesce((select array_agg(tal.list_id::text order by tal.list_id) from tutor_assignment_lists tal
          where tal.assignment_id = ta.id), '{}') as "listIds"
      from unnest(${arr(part.map((p) => p.userId))}::uuid[], ${arr(part.map((p) => p.courseId))}::uuid[]) as t(tutor_id, course_id)
      join tutor_assignments ta on ta.tutor_id = t.tutor_id and ta.course_id = t.course_id`);
    for (const row of result.rows) map.set(`${row.tutorId}:${row.courseId}`, row);
  }
  return map;
}

export interface AssignmentWrite {
  id?: string;
  tutorId: string;
  courseId: string;
  listIds: string[];
}

export async function insertAssignments(tx: Tx, rows: AssignmentWrite[]) {
  for (const part of chunks(rows)) {
    const result = await tx.execute<{ id: string; tutorId: string; courseId: string }>(sql`
      insert into tutor_assignments (tutor_id, course_id, restricted)
      select * from unnest(${arr(part.map((r) => r.tutorId))}::uuid[], ${arr(part.map((r) => r.courseId))}::uuid[],
        ${arr(part.map((r) => r.listIds.length > 0))}::boolean[])
      returning id, tutor_id as "tutorId", course_id as "courseId"`);
    const byPair = new Map(result.rows.map((r) => [`${r.tutorId}:${r.courseId}`, r.id]));
    await setAssignmentLists(
      tx,
      part.map((r) => ({ ...r, id: byPair.get(`${r.tutorId}:${r.courseId}`) as string })),
    );
  }
}

/** Replaces the lists of the assignments given (and their `restricted` flag). */
export async function setAssignmentLists(tx: Tx, rows: AssignmentWrite[]) {
  for (const part of chunks(rows)) {
    const ids = part.map((r) => r.id as string);
    await tx.execute(sql`delete from tutor_assignment_lists where assignment_id = any(${arr(ids)}::uuid[])`);
    const pairs = part.flatMap((r) => r.listIds.map((listId) => ({ id: r.id as string, listId })));
    if (pairs.length) {
      await tx.execute(sql`
        insert into tutor_assignment_lists (assignment_id, list_id)
        select * from unnest(${arr(pairs.map((p) => p.id))}::uuid[], ${arr(pairs.map((p) => p.listId))}::uuid[])`);
    }
    await tx.execute(sql`
      update tutor_assignments ta set restricted = t.restricted
      from unnest(${arr(ids)}::uuid[], ${arr(part.map((r) => r.listIds.length > 0))}::boolean[]) as t(id, restricted)
      where ta.id = t.id`);
  }
}
