import { sql } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import type {
  AddMembersRequest,
  AdminEnrollment,
  AdminEnrollmentsQuery,
  AdminTutorAssignment,
  AdminTutorAssignmentsQuery,
  AdminUser,
  AdminUsersQuery,
  CreateEnrollmentRequest,
  CreateTutorAssignmentRequest,
  CreateUserRequest,
  ListRequest,
  UpdateEnrollmentRequest,
  UpdateTutorAssignmentRequest,
  UpdateUserRequest,
} from "../../../common/api/people.js";
import { personSortName } from "../../../common/format.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError, badRequest, notFound } from "../../errors.js";
import { writeAudit } from "../audit/audit.js";
import { hashPassword } from "../auth/password.js";
import { recomputeEnrollments } from "../tracking/summaries.js";
import * as q from "./queries.js";

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
const isoDate = (value: string | null) => (value === null ? null : new Date(value).toISOString());

function presentUser(row: q.UserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    organisation: row.organisation,
    roles: row.roles,
    locale: row.locale,
    active: row.active,
    hasPassword: row.hasPassword,
    lastSignInAt: iso(row.lastSignInAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

const emailTaken = () =>
  new AppError(409, "email_taken", "A user already has this email", [
    { field: "email", rule: "unique", message: "A user already has this email" },
  ]);

// ---- Users ----

export async function listUsers(db: Db, query: AdminUsersQuery) {
  const { rows, total } = await q.listUsers(
    db,
    { q: query.q, role: query.role, active: query.active === undefined ? undefined : query.active === "true" },
    query.page,
    query.pageSize,
  );
  return { items: rows.map(presentUser), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Db, userId: string) {
  const row = await q.findUser(db, userId);
  if (!row) throw notFound("User");
  return presentUser(row);
}

export async function organisations(db: Db) {
  return { items: await q.listOrganisations(db) };
}

/** Creates an account; a new organisation name creates the organisation. */
export async function createUser(db: Db, actor: CurrentUser, input: CreateUserRequest) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    if (await q.findUserIdByEmail(tx, input.email)) throw emailTaken();
    const organisationId = input.organisation ? await q.organisationId(tx, input.organisation) : null;
    const id = await q.insertUser(tx, {
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      sortName: personSortName(input.lastName, input.firstName),
      organisationId,
      roles: [...new Set(input.roles)],
      locale: input.locale,
      active: input.active,
      passwordHash,
    });
    const created = presentUser((await q.findUser(tx, id)) as q.UserRow);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.create",
      entityType: "user",
      entityId: id,
      after: { ...created, hasPassword: Boolean(passwordHash) },
    });
    return created;
  });
}

/** Changes an account; deactivating signs the user out everywhere. An admin can't lock themselves out. */
export async function updateUser(db: Db, actor: CurrentUser, userId: string, input: UpdateUserRequest) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await q.findUser(tx, userId);
    if (!before) throw notFound("User");
    if (userId === actor.id && input.active === false) {
      throw badRequest("active", "self", "You can't deactivate your own account");
    }
    if (userId === actor.id && input.roles && !input.roles.includes("admin")) {
      throw badRequest("roles", "self", "You can't remove your own admin role");
    }
    const email = input.email ?? before.email;
    if (email.toLowerCase() !== before.email.toLowerCase()) {
      const other = await q.findUserIdByEmail(tx, email);
      if (other && other !== userId) throw emailTaken();
    }
    const firstName = input.firstName ?? before.firstName;
    const lastName = input.lastName ?? before.lastName;
    const organisation = input.organisation === undefined ? before.organisation : input.organisation;
    const active = input.active ?? before.active;
    await q.updateUser(tx, userId, {
      email,
      firstName,
      lastName,
      sortName: personSortName(lastName, firstName),
      organisationId: organisation ? await q.organisationId(tx, organisation) : null,
      roles: [...new Set(input.roles ?? before.roles)],
      locale: input.locale ?? before.locale,
      active,
      passwordHash,
    });
    if (!active) await q.deleteSessions(tx, userId);
    const after = presentUser((await q.findUser(tx, userId)) as q.UserRow);
    await writeAudit(tx, {
      actorId: actor.id,
      action: before.active && !active ? "user.deactivate" : "user.update",
      entityType: "user",
      entityId: userId,
      before: presentUser(before),
      after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return after;
  });
}

// ---- Learner lists ----

export async function listLists(db: Db, query: { q?: string; page: number; pageSize: number }) {
  const { rows, total } = await q.listLists(db, query.q, query.page, query.pageSize);
  return {
    items: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadList(tx: Tx, listId: string) {
  const list = await q.findList(tx, listId);
  if (!list) throw notFound("List");
  return { ...list, createdAt: new Date(list.createdAt).toISOString() };
}

const listNameTaken = () =>
  new AppError(409, "name_taken", "A list already has this name", [
    { field: "name", rule: "unique", message: "A list already has this name" },
  ]);

export async function createList(db: Db, actor: CurrentUser, input: ListRequest) {
  return db.transaction(async (tx) => {
    if (await q.listNameTaken(tx, input.name, null)) throw listNameTaken();
    const id = await q.insertList(tx, input.name);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "list.create",
      entityType: "learner_list",
      entityId: id,
      after: input,
    });
    return loadList(tx, id);
  });
}

export async function renameList(db: Db, actor: CurrentUser, listId: string, input: ListRequest) {
  return db.transaction(async (tx) => {
    const before = await loadList(tx, listId);
    if (await q.listNameTaken(tx, input.name, listId)) throw listNameTaken();
    await q.renameList(tx, listId, input.name);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "list.rename",
      entityType: "learner_list",
      entityId: listId,
      before: { name: before.name },
      after: input,
    });
    return loadList(tx, listId);
  });
}

/** Deletes a list: its members stay users; tutors restricted to it lose that restriction's learners. */
export async function deleteList(db: Db, actor: CurrentUser, listId: string) {
  await db.transaction(async (tx) => {
    const before = await loadList(tx, listId);
    await q.deleteList(tx, listId);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "list.delete",
      entityType: "learner_list",
      entityId: listId,
      before,
    });
  });
}

export async function listMembers(db: Db, listId: string, query: { q?: string; page: number; pageSize: number }) {
  await loadList(db, listId);
  const { rows, total } = await q.listMembers(db, listId, query.q, query.page, query.pageSize);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

export async function addMembers(db: Db, actor: CurrentUser, listId: string, input: AddMembersRequest) {
  return db.transaction(async (tx) => {
    await loadList(tx, listId);
    const ids = [...new Set(input.userIds)];
    const known = await q.existingUserIds(tx, ids);
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw badRequest(`userIds.${unknown}`, "unknown_user", `No user has the id ${ids[unknown]}`);
    const added = await q.addMembers(tx, listId, ids);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "list.add_members",
      entityType: "learner_list",
      entityId: listId,
      after: { userIds: ids, added },
    });
    return { added };
  });
}

export async function removeMember(db: Db, actor: CurrentUser, listId: string, userId: string) {
  await db.transaction(async (tx) => {
    await loadList(tx, listId);
    if (!(await q.removeMember(tx, listId, userId))) throw notFound("Member");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "list.remove_member",
      entityType: "learner_list",
      entityId: listId,
      learnerId: userId,
      before: { userId },
    });
  });
}

// ---- Enrollments ----

function presentEnrollment(r: q.EnrollmentRow): AdminEnrollment {
  return {
    id: r.id,
    course: { id: r.courseId, code: r.courseCode, name: r.courseName },
    user: { id: r.userId, email: r.email, firstName: r.firstName, lastName: r.lastName },
    type: r.type,
    enrolledAt: new Date(r.enrolledAt).toISOString(),
    startAt: iso(r.startAt),
    objectiveAt: iso(r.objectiveAt),
    endAt: iso(r.endAt),
    status: r.status,
    progressPct: r.progressPct,
    hasActivity: r.hasActivity,
  };
}

/** The dates in order: start ≤ objective ≤ end (each optional). */
function checkDates(v: { startAt: string | null; objectiveAt: string | null; endAt: string | null }) {
  const t = (s: string | null) => (s === null ? null : Date.parse(s));
  const [start, objective, end] = [t(v.startAt), t(v.objectiveAt), t(v.endAt)];
  if (start !== null && objective !== null && objective < start) {
    throw badRequest("objectiveAt", "date_order", "The objective date is before the start date");
  }
  if (end !== null && (start ?? objective) !== null && end < Math.max(start ?? end, objective ?? end)) {
    throw badRequest("endAt", "date_order", "The end date is before the start or objective date");
  }
}

export async function listEnrollments(db: Db, query: AdminEnrollmentsQuery) {
  const { rows, total } = await q.listEnrollments(
    db,
    { q: query.q, courseId: query.courseId, userId: query.userId },
    query.page,
    query.pageSize,
  );
  return { items: rows.map(presentEnrollment), total, page: query.page, pageSize: query.pageSize };
}

async function loadEnrollment(tx: Tx, id: string) {
  const row = await q.findEnrollment(tx, id);
  if (!row) throw notFound("Enrollment");
  return presentEnrollment(row);
}

/** Enrols a user; the lesson statistics rows are created at once, so the tutoring center lists them. */
export async function createEnrollment(db: Db, actor: CurrentUser, input: CreateEnrollmentRequest) {
  checkDates(input);
  return db.transaction(async (tx) => {
    if (!(await q.courseExists(tx, input.courseId))) throw badRequest("courseId", "unknown", "No course has this id");
    if ((await q.existingUserIds(tx, [input.userId])).size === 0) {
      throw badRequest("userId", "unknown", "No user has this id");
    }
    if (await q.enrollmentOf(tx, input.courseId, input.userId)) {
      throw new AppError(409, "already_enrolled", "This user is already enrolled in this course", [
        { field: "userId", rule: "unique", message: "This user is already enrolled in this course" },
      ]);
    }
    const id = await q.insertEnrollment(tx, input.courseId, input.userId, {
      type: input.type,
      startAt: isoDate(input.startAt),
      objectiveAt: isoDate(input.objectiveAt),
      endAt: isoDate(input.endAt),
    });
    await recomputeEnrollments(tx, sql`e.id = ${id}`);
    const created = await loadEnrollment(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "enrollment.create",
      entityType: "enrollment",
      entityId: id,
      courseId: input.courseId,
      learnerId: input.userId,
      after: { type: created.type, startAt: created.startAt, objectiveAt: created.objectiveAt, endAt: created.endAt },
    });
    return created;
  });
}

/** Changes the type and dates; the summary is recomputed (the at-risk date depends on the objective). */
export async function updateEnrollment(db: Db, actor: CurrentUser, id: string, input: UpdateEnrollmentRequest) {
  checkDates(input);
  return db.transaction(async (tx) => {
    const before = await loadEnrollment(tx, id);
    await q.updateEnrollment(tx, id, {
      type: input.type,
      startAt: isoDate(input.startAt),
      objectiveAt: isoDate(input.objectiveAt),
      endAt: isoDate(input.endAt),
    });
    await recomputeEnrollments(tx, sql`e.id = ${id}`);
    const after = await loadEnrollment(tx, id);
    const fields = (e: AdminEnrollment) => ({
      type: e.type,
      startAt: e.startAt,
      objectiveAt: e.objectiveAt,
      endAt: e.endAt,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "enrollment.update",
      entityType: "enrollment",
      entityId: id,
      courseId: before.course.id,
      learnerId: before.user.id,
      before: fields(before),
      after: fields(after),
    });
    return after;
  });
}

/** Removes an enrollment that has no activity yet; with activity it would delete the learner's evidence (409). */
export async function deleteEnrollment(db: Db, actor: CurrentUser, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadEnrollment(tx, id);
    if (before.hasActivity) {
      throw new AppError(
        409,
        "has_activity",
        "This learner has activity in the course; removing the enrollment would delete it",
      );
    }
    await q.deleteEnrollment(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "enrollment.delete",
      entityType: "enrollment",
      entityId: id,
      courseId: before.course.id,
      learnerId: before.user.id,
      before,
    });
  });
}

// ---- Tutor assignments ----

function presentAssignment(r: q.AssignmentRow): AdminTutorAssignment {
  return {
    id: r.id,
    tutor: { id: r.tutorId, email: r.email, firstName: r.firstName, lastName: r.lastName },
    course: { id: r.courseId, code: r.courseCode, name: r.courseName },
    lists: r.lists,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export async function listAssignments(db: Db, query: AdminTutorAssignmentsQuery) {
  const { rows, total } = await q.listAssignments(
    db,
    { q: query.q, courseId: query.courseId, tutorId: query.tutorId },
    query.page,
    query.pageSize,
  );
  return { items: rows.map(presentAssignment), total, page: query.page, pageSize: query.pageSize };
}

async function loadAssignment(tx: Tx, id: string) {
  const row = await q.findAssignment(tx, id);
  if (!row) throw notFound("Tutor assignment");
  return presentAssignment(row);
}

async function checkLists(tx: Tx, listIds: string[]) {
  const ids = [...new Set(listIds)];
  const known = await q.existingListIds(tx, ids);
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw badRequest(`listIds.${unknown}`, "unknown", `No learner list has the id ${ids[unknown]}`);
  return ids;
}

/** Assigns a tutor to a course, following every learner or only the members of some lists. */
export async function createAssignment(db: Db, actor: CurrentUser, input: CreateTutorAssignmentRequest) {
  return db.transaction(async (tx) => {
    const tutor = await q.findUser(tx, input.tutorId);
    if (!tutor) throw badRequest("tutorId", "unknown", "No user has this id");
    if (!tutor.roles.includes("tutor")) throw badRequest("tutorId", "role", "This user doesn't have the tutor role");
    if (!(await q.courseExists(tx, input.courseId))) throw badRequest("courseId", "unknown", "No course has this id");
    const listIds = await checkLists(tx, input.listIds);
    if (await q.assignmentOf(tx, input.tutorId, input.courseId)) {
      throw new AppError(409, "already_assigned", "This tutor is already assigned to this course", [
        { field: "tutorId", rule: "unique", message: "This tutor is already assigned to this course" },
      ]);
    }
    const id = await q.insertAssignment(tx, input.tutorId, input.courseId, listIds);
    const created = await loadAssignment(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "tutor_assignment.create",
      entityType: "tutor_assignment",
      entityId: id,
      courseId: input.courseId,
      after: { tutorId: input.tutorId, lists: created.lists },
    });
    return created;
  });
}

export async function updateAssignment(db: Db, actor: CurrentUser, id: string, input: UpdateTutorAssignmentRequest) {
  return db.transaction(async (tx) => {
    const before = await loadAssignment(tx, id);
    const listIds = await checkLists(tx, input.listIds);
    await q.setAssignmentLists(tx, id, listIds);
    const after = await loadAssignment(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "tutor_assignment.update",
      entityType: "tutor_assignment",
      entityId: id,
      courseId: before.course.id,
      before: { lists: before.lists },
      after: { lists: after.lists },
    });
    return after;
  });
}

export async function deleteAssignment(db: Db, actor: CurrentUser, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadAssignment(tx, id);
    await q.deleteAssignment(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "tutor_assignment.delete",
      entityType: "tutor_assignment",
      entityId: id,
      courseId: before.course.id,
      before,
    });
  });
}
