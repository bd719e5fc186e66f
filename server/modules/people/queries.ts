import { type SQL, sql } from "drizzle-orm";
import { normalizeForSearch } from "../../../common/format.js";
import type { Tx } from "../../db/client.js";

/** One parameter holding a whole array (drizzle would otherwise expand it into a list of parameters). */
const arr = (values: unknown[]) => sql.param(values);

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A search on people: their name (accent-insensitive) or their email. */
function personSearch(alias: string, q: string | undefined): SQL | null {
  const text = q?.trim();
  if (!text) return null;
  const name = normalizeForSearch(text);
  const u = sql.raw(alias);
  const byEmail = sql`lower(${u}.email) like ${`%${likeEscape(text.toLowerCase())}%`}`;
  return name ? sql`(${u}.sort_name like ${`%${name}%`} or ${byEmail})` : byEmail;
}

const where = (conditions: (SQL | null)[]) => {
  const parts = conditions.filter((c): c is SQL => c !== null);
  return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
};

// ---- Users ----

export type UserRow = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  roles: ("admin" | "tutor" | "learner")[];
  locale: "fr" | "en";
  active: boolean;
  hasPassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
};

const userColumns = sql`u.id, u.email, u.first_name as "firstName", u.last_name as "lastName", o.name as organisation,
  u.roles::text[] as roles, u.locale, u.active, (u.password_hash is not null) as "hasPassword",
  u.last_sign_in_at as "lastSignInAt", u.created_at as "createdAt"`;

export async function listUsers(
  tx: Tx,
  filters: { q?: string; role?: string; active?: boolean },
  page: number,
  pageSize: number,
) {
  const conditions = where([
    personSearch("u", filters.q),
    filters.role ? sql`${filters.role}::role = any(u.roles)` : null,
    filters.active === undefined ? null : sql`u.active = ${filters.active}`,
  ]);
  const [rows, count] = await Promise.all([
    tx.execute<UserRow>(sql`
      select ${userColumns} from users u left join organisations o on o.id = u.organisation_id
      ${conditions} order by u.sort_name, u.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from users u ${conditions}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

export async function findUser(tx: Tx, id: string) {
  const result = await tx.execute<UserRow>(sql`
    select ${userColumns} from users u left join organisations o on o.id = u.organisation_id where u.id = ${id}`);
  return result.rows[0];
}

export async function findUserIdByEmail(tx: Tx, email: string) {
  const result = await tx.execute<{ id: string }>(sql`select id from users where lower(email) = lower(${email})`);
  return result.rows[0]?.id;
}

/** The organisation's id, created when the name is new. */
export async function organisationId(tx: Tx, name: string): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    with inserted as (insert into organisations (name) values (${name}) on conflict (name) do nothing returning id)
    select id from inserted union all select id from organisations where name = ${name} limit 1`);
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`organisation ${name} not found after insert`);
  return id;
}

export async function listOrganisations(tx: Tx) {
  const result = await tx.execute<{ id: string; name: string }>(
    sql`select id, name from organisations order by name limit 1000`,
  );
  return result.rows;
}

export interface UserValues {
  email: string;
  firstName: string;
  lastName: string;
  sortName: string;
  organisationId: string | null;
  roles: string[];
  locale: "fr" | "en";
  active: boolean;
  passwordHash?: string;
}

export async function insertUser(tx: Tx, v: UserValues) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into users (email, first_name, last_name, sort_name, organisation_id, roles, locale, active, password_hash)
    values (${v.email}, ${v.firstName}, ${v.lastName}, ${v.sortName}, ${v.organisationId},
      ${`{${v.roles.join(",")}}`}::role[], ${v.locale}, ${v.active}, ${v.passwordHash ?? null})
    returning id`);
  return result.rows[0]?.id as string;
}

export async function updateUser(tx: Tx, id: string, v: UserValues) {
  await tx.execute(sql`
    update users set email = ${v.email}, first_name = ${v.firstName}, last_name = ${v.lastName},
      sort_name = ${v.sortName}, organisation_id = ${v.organisationId}, roles = ${`{${v.roles.join(",")}}`}::role[],
      locale = ${v.locale}, active = ${v.active},
      password_hash = coalesce(${v.passwordHash ?? null}, password_hash), updated_at = now()
    where id = ${id}`);
  // The enrollments keep a copy of the sort name, so a course's learners sort on one index.
  await tx.execute(sql`
    update enrollments set learner_sort_name = ${v.sortName} where user_id = ${id} and learner_sort_name <> ${v.sortName}`);
}

/** Signs the user out everywhere (deactivation). */
export async function deleteSessions(tx: Tx, userId: string) {
  await tx.execute(sql`delete from auth_sessions where user_id = ${userId}`);
}

// ---- Learner lists ----

export type ListRow = { id: string; name: string; members: number; createdAt: string };

export async function listLists(tx: Tx, q: string | undefined, page: number, pageSize: number) {
  const search = q?.trim() ? sql`where l.name ilike ${`%${likeEscape(q.trim())}%`}` : sql``;
  const [rows, count] = await Promise.all([
    tx.execute<ListRow>(sql`
      select l.id, l.name, l.created_at as "createdAt",
        (select count(*)::int from learner_list_members m where m.list_id = l.id) as members
      from learner_lists l ${search} order by l.name, l.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from learner_lists l ${search}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

export async function findList(tx: Tx, id: string) {
  const result = await tx.execute<ListRow>(sql`
    select l.id, l.name, l.created_at as "createdAt",
      (select count(*)::int from learner_list_members m where m.list_id = l.id) as members
    from learner_lists l where l.id = ${id}`);
  return result.rows[0];
}

export async function listNameTaken(tx: Tx, name: string, exceptId: string | null) {
  const result = await tx.execute(sql`
    select 1 from learner_lists where lower(name) = lower(${name}) and id is distinct from ${exceptId}::uuid`);
  return result.rows.length > 0;
}

export async function insertList(tx: Tx, name: string) {
  const result = await tx.execute<{ id: string }>(sql`insert into learner_lists (name) values (${name}) returning id`);
  return result.rows[0]?.id as string;
}

export async function renameList(tx: Tx, id: string, name: string) {
  await tx.execute(sql`update learner_lists set name = ${name} where id = ${id}`);
}

export async function deleteList(tx: Tx, id: string) {
  await tx.execute(sql`delete from learner_lists where id = ${id}`);
}

export async function listMembers(tx: Tx, listId: string, q: string | undefined, page: number, pageSize: number) {
  const conditions = where([sql`m.list_id = ${listId}`, personSearch("u", q)]);
  const [rows, count] = await Promise.all([
    tx.execute<{
      id: string;
      email: string;
      firstName: string;
      lastName: string;
      organisation: string | null;
      active: boolean;
    }>(sql`
      select u.id, u.email, u.first_name as "firstName", u.last_name as "lastName", o.name as organisation, u.active
      from learner_list_members m join users u on u.id = m.user_id left join organisations o on o.id = u.organisation_id
      ${conditions} order by u.sort_name, u.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`
      select count(*)::int as total from learner_list_members m join users u on u.id = m.user_id ${conditions}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

/** Ids among `ids` that are users. */
export async function existingUserIds(tx: Tx, ids: string[]) {
  const result = await tx.execute<{ id: string }>(sql`select id from users where id = any(${arr(ids)}::uuid[])`);
  return new Set(result.rows.map((r) => r.id));
}

export async function addMembers(tx: Tx, listId: string, userIds: string[]) {
  const result = await tx.execute(sql`
    insert into learner_list_members (list_id, user_id)
    select ${listId}, unnest(${arr(userIds)}::uuid[]) on conflict do nothing`);
  return result.rowCount ?? 0;
}

export async function removeMember(tx: Tx, listId: string, userId: string) {
  const result = await tx.execute(
    sql`delete from learner_list_members where list_id = ${listId} and user_id = ${userId}`,
  );
  return (result.rowCount ?? 0) > 0;
}

// ---- Enrollments ----

export type EnrollmentRow = {
  id: string;
  courseId: string;
  courseCode: string;
  courseName: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  type: "mandatory" | "recommended" | "free";
  enrolledAt: string;
  startAt: string | null;
  objectiveAt: string | null;
  endAt: string | null;
  status: "not_started" | "in_progress" | "completed";
  progressPct: number;
  hasActivity: boolean;
};

const enrollmentColumns = sql`e.id, c.id as "courseId", c.code as "courseCode", c.name as "courseName",
  u.id as "userId", u.email, u.first_name as "firstName", u.last_name as "lastName", e.type,
  e.enrolled_at as "enrolledAt", e.start_at as "startAt", e.objective_at as "objectiveAt", e.end_at as "endAt",
  e.status, e.progress_pct as "progressPct",
  (exists (select 1 from attempts a where a.enrollment_id = e.id)
    or exists (select 1 from sessions s where s.enrollment_id = e.id)) as "hasActivity"`;

export async function listEnrollments(
  tx: Tx,
  filters: { q?: string; courseId?: string; userId?: string },
  page: number,
  pageSize: number,
) {
  const conditions = where([
    filters.courseId ? sql`e.course_id = ${filters.courseId}` : null,
    filters.userId ? sql`e.user_id = ${filters.userId}` : null,
    personSearch("u", filters.q),
  ]);
  const from = sql`from enrollments e join users u on u.id = e.user_id join courses c on c.id = e.course_id`;
  const [rows, count] = await Promise.all([
    tx.execute<EnrollmentRow>(sql`
      select ${enrollmentColumns} ${from} ${conditions}
      order by c.search_name, e.learner_sort_name, e.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total ${from} ${conditions}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

export async function findEnrollment(tx: Tx, id: string) {
  const result = await tx.execute<EnrollmentRow>(sql`
    select ${enrollmentColumns}
    from enrollments e join users u on u.id = e.user_id join courses c on c.id = e.course_id where e.id = ${id}`);
  return result.rows[0];
}

export async function courseExists(tx: Tx, id: string) {
  const result = await tx.execute(sql`select 1 from courses where id = ${id}`);
  return result.rows.length > 0;
}

export async function enrollmentOf(tx: Tx, courseId: string, userId: string) {
  const result = await tx.execute<{ id: string }>(
    sql`select id from enrollments where course_id = ${courseId} and user_id = ${userId}`,
  );
  return result.rows[0]?.id;
}

export interface EnrollmentValues {
  type: "mandatory" | "recommended" | "free";
  startAt: string | null;
  objectiveAt: string | null;
  endAt: string | null;
}

export async function insertEnrollment(tx: Tx, courseId: string, userId: string, v: EnrollmentValues) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into enrollments (course_id, user_id, type, start_at, objective_at, end_at, learner_sort_name)
    select ${courseId}, u.id, ${v.type}, ${v.startAt}, ${v.objectiveAt}, ${v.endAt}, u.sort_name
    from users u where u.id = ${userId}
    returning id`);
  return result.rows[0]?.id as string;
}

export async function updateEnrollment(tx: Tx, id: string, v: EnrollmentValues) {
  await tx.execute(sql`
    update enrollments set type = ${v.type}, start_at = ${v.startAt}, objective_at = ${v.objectiveAt},
      end_at = ${v.endAt}, version = version + 1, updated_at = now()
    where id = ${id}`);
}

export async function deleteEnrollment(tx: Tx, id: string) {
  await tx.execute(sql`delete from enrollments where id = ${id}`);
}

// ---- Tutor assignments ----

export type AssignmentRow = {
  id: string;
  tutorId: string;
  email: string;
  firstName: string;
  lastName: string;
  courseId: string;
  courseCode: string;
  courseName: string;
  createdAt: string;
  lists: { id: string; name: string }[];
};

const assignmentColumns = sql`ta.id, u.id as "tutorId", u.email, u.first_name as "firstName", u.last_name as "lastName",
  c.id as "courseId", c.code as "courseCode", c.name as "courseName", ta.created_at as "createdAt",
  coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name) order by l.name)
    from tutor_assignment_lists tal join learner_lists l on l.id = tal.list_id where tal.assignment_id = ta.id), '[]'::json) as lists`;
const assignmentFrom = sql`from tutor_assignments ta join users u on u.id = ta.tutor_id join courses c on c.id = ta.course_id`;

export async function listAssignments(
  tx: Tx,
  filters: { q?: string; courseId?: string; tutorId?: string },
  page: number,
  pageSize: number,
) {
  const conditions = where([
    filters.courseId ? sql`ta.course_id = ${filters.courseId}` : null,
    filters.tutorId ? sql`ta.tutor_id = ${filters.tutorId}` : null,
    personSearch("u", filters.q),
  ]);
  const [rows, count] = await Promise.all([
    tx.execute<AssignmentRow>(sql`
      select ${assignmentColumns} ${assignmentFrom} ${conditions}
      order by c.search_name, u.sort_name, ta.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total ${assignmentFrom} ${conditions}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

export async function findAssignment(tx: Tx, id: string) {
  const result = await tx.execute<AssignmentRow>(
    sql`select ${assignmentColumns} ${assignmentFrom} where ta.id = ${id}`,
  );
  return result.rows[0];
}

export async function assignmentOf(tx: Tx, tutorId: string, courseId: string) {
  const result = await tx.execute<{ id: string }>(
    sql`select id from tutor_assignments where tutor_id = ${tutorId} and course_id = ${courseId}`,
  );
  return result.rows[0]?.id;
}

export async function existingListIds(tx: Tx, ids: string[]) {
  const result = await tx.execute<{ id: string }>(
    sql`select id from learner_lists where id = any(${arr(ids)}::uuid[])`,
  );
  return new Set(result.rows.map((r) => r.id));
}

export async function insertAssignment(tx: Tx, tutorId: string, courseId: string, listIds: string[]) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into tutor_assignments (tutor_id, course_id, restricted) values (${tutorId}, ${courseId}, ${listIds.length > 0})
    returning id`);
  const id = result.rows[0]?.id as string;
  await setAssignmentLists(tx, id, listIds);
  return id;
}

export async function setAssignmentLists(tx: Tx, id: string, listIds: string[]) {
  await tx.execute(sql`delete from tutor_assignment_lists where assignment_id = ${id}`);
  if (listIds.length) {
    await tx.execute(sql`
      insert into tutor_assignment_lists (assignment_id, list_id) select ${id}, unnest(${arr(listIds)}::uuid[])`);
  }
  await tx.execute(sql`update tutor_assignments set restricted = ${listIds.length > 0} where id = ${id}`);
}

export async function deleteAssignment(tx: Tx, id: string) {
  await tx.execute(sql`delete from tutor_assignments where id = ${id}`);
}
