import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AdminEnrollment, AdminList, AdminTutorAssignment, AdminUser } from "../../../common/api/people.js";
import { get, send, signIn } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();
const unknownId = "00000000-0000-4000-8000-000000000000";

async function auditCount(action: string) {
  const result = await d.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_log where action = ${action}`,
  );
  return result.rows[0]?.n ?? 0;
}

describe("admin users", () => {
  let created: AdminUser;

  it("lists users by name with search and role filter", async () => {
    const response = await get(d.app, d.admin, "/api/admin/users?q=agasse");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((u: AdminUser) => u.email)).toContain("sam.agasse@demo.local");
    const tutors = (await get(d.app, d.admin, "/api/admin/users?role=tutor&pageSize=100")).json();
    expect(tutors.items.every((u: AdminUser) => u.roles.includes("tutor"))).toBe(true);
    expect(tutors.total).toBeGreaterThanOrEqual(2);
  });

  it("creates a user with a new organisation and a password, audited; the user can sign in", async () => {
    const response = await send(d.app, d.admin, "POST", "/api/admin/users", {
      email: "Nina.Nouvelle@Example.com",
      firstName: "Nina",
      lastName: "Nouvelle",
      organisation: "Nouvelle Org",
      roles: ["learner"],
      password: "un-mot-de-passe",
    });
    expect(response.statusCode).toBe(201);
    created = response.json();
    expect(created).toMatchObject({ email: "nina.nouvelle@example.com", organisation: "Nouvelle Org", active: true });
    expect(created.hasPassword).toBe(true);
    expect(await auditCount("user.create")).toBe(1);
    await expect(signIn(d.app, "nina.nouvelle@example.com", "un-mot-de-passe")).resolves.toBeTruthy();
  });

  it("names the field of bad input and refuses a taken email", async () => {
    const bad = await send(d.app, d.admin, "POST", "/api/admin/users", { email: "nope", firstName: "", lastName: "X" });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["body.email", "body.firstName"]));
    const taken = await send(d.app, d.admin, "POST", "/api/admin/users", {
      email: "SAM.AGASSE@demo.local",
      firstName: "Sam",
      lastName: "Again",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0]).toMatchObject({ field: "email", rule: "unique" });
  });

  it("edits and deactivates a user, ending their sessions; unknown id → 404", async () => {
    const session = await signIn(d.app, "nina.nouvelle@example.com", "un-mot-de-passe");
    const edited = await send(d.app, d.admin, "PATCH", `/api/admin/users/${created.id}`, {
      lastName: "Renommée",
      roles: ["learner", "tutor"],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ lastName: "Renommée", roles: ["learner", "tutor"] });
    const off = await send(d.app, d.admin, "PATCH", `/api/admin/users/${created.id}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await get(d.app, session, "/api/auth/me")).statusCode).toBe(401);
    expect(await auditCount("user.deactivate")).toBe(1);
    expect((await get(d.app, d.admin, `/api/admin/users/${created.id}`)).json()).toMatchObject({ active: false });
    const inactive = (await get(d.app, d.admin, "/api/admin/users?active=false")).json();
    expect(inactive.items.map((u: AdminUser) => u.id)).toEqual([created.id]);
    expect((await get(d.app, d.admin, "/api/admin/users?active=maybe")).json().error.fields[0].field).toBe(
      "querystring.active",
    );
    expect((await get(d.app, d.admin, `/api/admin/users/${unknownId}`)).statusCode).toBe(404);
    expect((await get(d.app, d.admin, "/api/admin/users/not-a-uuid")).statusCode).toBe(400);
    expect((await send(d.app, d.admin, "PATCH", `/api/admin/users/${unknownId}`, { active: true })).statusCode).toBe(
      404,
    );
  });

  it("won't let an admin deactivate themselves or drop their own admin role", async () => {
    const self = await send(d.app, d.admin, "PATCH", `/api/admin/users/${d.admin.userId}`, { active: false });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields[0]).toMatchObject({ field: "active", rule: "self" });
    const role = await send(d.app, d.admin, "PATCH", `/api/admin/users/${d.admin.userId}`, { roles: ["tutor"] });
    expect(role.json().error.fields[0]).toMatchObject({ field: "roles", rule: "self" });
  });

  it("lists organisations; refuses tutors and learners (403) and anonymous callers (401)", async () => {
    const orgs = (await get(d.app, d.admin, "/api/admin/organisations")).json();
    expect(orgs.items.map((o: { name: string }) => o.name)).toContain("Nouvelle Org");
    expect((await get(d.app, d.tutor, "/api/admin/users")).statusCode).toBe(403);
    expect((await get(d.app, d.learner, "/api/admin/users")).statusCode).toBe(403);
    expect((await send(d.app, d.tutor, "POST", "/api/admin/users", {})).statusCode).toBe(403);
    expect((await get(d.app, null, "/api/admin/users")).statusCode).toBe(401);
  });
});

describe("admin learner lists", () => {
  let list: AdminList;

  it("creates, renames a list and refuses a duplicate name", async () => {
    const response = await send(d.app, d.admin, "POST", "/api/admin/lists", { name: "Équipe Sud" });
    expect(response.statusCode).toBe(201);
    list = response.json();
    expect(list.members).toBe(0);
    const dup = await send(d.app, d.admin, "POST", "/api/admin/lists", { name: "Équipe Nord" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0]).toMatchObject({ field: "name", rule: "unique" });
    const empty = await send(d.app, d.admin, "POST", "/api/admin/lists", { name: " " });
    expect(empty.json().error.fields[0].field).toBe("body.name");
    const renamed = await send(d.app, d.admin, "PATCH", `/api/admin/lists/${list.id}`, { name: "Équipe Sud-Est" });
    expect(renamed.json().name).toBe("Équipe Sud-Est");
    expect((await get(d.app, d.admin, "/api/admin/lists?q=sud")).json().items).toHaveLength(1);
  });

  it("adds and removes members; unknown users and lists are named", async () => {
    const add = await send(d.app, d.admin, "POST", `/api/admin/lists/${list.id}/members`, {
      userIds: [d.ids.sam, d.ids.demory, d.ids.sam],
    });
    expect(add.json()).toEqual({ added: 2 });
    const members = (await get(d.app, d.admin, `/api/admin/lists/${list.id}/members`)).json();
    expect(members.total).toBe(2);
    const unknownUser = await send(d.app, d.admin, "POST", `/api/admin/lists/${list.id}/members`, {
      userIds: [unknownId],
    });
    expect(unknownUser.json().error.fields[0]).toMatchObject({ field: "userIds.0", rule: "unknown_user" });
    expect((await get(d.app, d.admin, `/api/admin/lists/${unknownId}/members`)).statusCode).toBe(404);
    const removed = await send(d.app, d.admin, "DELETE", `/api/admin/lists/${list.id}/members/${d.ids.sam}`);
    expect(removed.statusCode).toBe(204);
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/lists/${list.id}/members/${d.ids.sam}`)).statusCode).toBe(
      404,
    );
  });

  it("deletes a list (audited); a second delete is 404", async () => {
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/lists/${list.id}`)).statusCode).toBe(204);
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/lists/${list.id}`)).statusCode).toBe(404);
    expect(await auditCount("list.delete")).toBe(1);
  });
});

describe("admin enrollments", () => {
  let enrollment: AdminEnrollment;
  let learnerId: string;

  it("enrols a user with type and dates; the tutoring center's statistics rows exist at once", async () => {
    const user = await send(d.app, d.admin, "POST", "/api/admin/users", {
      email: "enrolee@example.com",
      firstName: "Éva",
      lastName: "Inscrite",
    });
    learnerId = user.json().id;
    const response = await send(d.app, d.admin, "POST", "/api/admin/enrollments", {
      courseId: d.ids.mgt,
      userId: learnerId,
      type: "recommended",
      startAt: "2026-09-01",
      objectiveAt: "2026-10-01",
    });
    expect(response.statusCode).toBe(201);
    enrollment = response.json();
    expect(enrollment).toMatchObject({ type: "recommended", status: "not_started", hasActivity: false });
    expect(enrollment.objectiveAt).toBe("2026-10-01T00:00:00.000Z");
    const stats = await d.database.db.execute<{ n: number; lessons: number }>(sql`
      select (select count(*)::int from lesson_stats where enrollment_id = ${enrollment.id}) as n,
        (select count(*)::int from lessons where course_id = ${d.ids.mgt}) as lessons`);
    expect(stats.rows[0]?.n).toBe(stats.rows[0]?.lessons);
    const listed = (await get(d.app, d.admin, `/api/admin/enrollments?courseId=${d.ids.mgt}&q=inscrite`)).json();
    expect(listed.items.map((e: AdminEnrollment) => e.id)).toEqual([enrollment.id]);
  });

  it("refuses a second enrollment, dates out of order, unknown course or user (naming the field)", async () => {
    const again = await send(d.app, d.admin, "POST", "/api/admin/enrollments", {
      courseId: d.ids.mgt,
      userId: learnerId,
    });
    expect(again.statusCode).toBe(409);
    const order = await send(d.app, d.admin, "POST", "/api/admin/enrollments", {
      courseId: d.ids.c2,
      userId: learnerId,
      startAt: "2026-10-01",
      objectiveAt: "2026-09-01",
    });
    expect(order.json().error.fields[0]).toMatchObject({ field: "objectiveAt", rule: "date_order" });
    const badDate = await send(d.app, d.admin, "POST", "/api/admin/enrollments", {
      courseId: d.ids.c2,
      userId: learnerId,
      endAt: "31/12/2026",
    });
    expect(badDate.json().error.fields[0].field).toBe("body.endAt");
    const course = await send(d.app, d.admin, "POST", "/api/admin/enrollments", {
      courseId: unknownId,
      userId: learnerId,
    });
    expect(course.json().error.fields[0]).toMatchObject({ field: "courseId", rule: "unknown" });
    const user = await send(d.app, d.admin, "POST", "/api/admin/enrollments", {
      courseId: d.ids.c2,
      userId: unknownId,
    });
    expect(user.json().error.fields[0]).toMatchObject({ field: "userId", rule: "unknown" });
  });

  it("changes type and dates (audited), 404 for an unknown enrollment", async () => {
    const response = await send(d.app, d.admin, "PUT", `/api/admin/enrollments/${enrollment.id}`, {
      type: "mandatory",
      startAt: null,
      objectiveAt: "2026-11-15",
      endAt: "2026-12-31",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ type: "mandatory", startAt: null, endAt: "2026-12-31T00:00:00.000Z" });
    expect(await auditCount("enrollment.update")).toBe(1);
    const missing = await send(d.app, d.admin, "PUT", `/api/admin/enrollments/${unknownId}`, { type: "free" });
    expect(missing.statusCode).toBe(404);
  });

  it("removes an enrollment without activity, refuses one with activity (409)", async () => {
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/enrollments/${enrollment.id}`)).statusCode).toBe(204);
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/enrollments/${enrollment.id}`)).statusCode).toBe(404);
    const sams = (await get(d.app, d.admin, `/api/admin/enrollments?userId=${d.ids.sam}&courseId=${d.ids.c1}`)).json();
    const active = sams.items[0] as AdminEnrollment;
    expect(active.hasActivity).toBe(true);
    const refused = await send(d.app, d.admin, "DELETE", `/api/admin/enrollments/${active.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("has_activity");
  });
});

describe("admin tutor assignments", () => {
  let assignment: AdminTutorAssignment;
  let listId: string;

  it("assigns a tutor restricted to a list; the tutor then sees the course", async () => {
    const tutor2Courses = (await get(d.app, d.tutor2, "/api/tutoring/courses?pageSize=100")).json();
    expect(tutor2Courses.items.map((c: { id: string }) => c.id)).not.toContain(d.ids.c1);
    const lists = (await get(d.app, d.admin, "/api/admin/lists?q=nord")).json();
    listId = lists.items[0].id;
    const response = await send(d.app, d.admin, "POST", "/api/admin/tutor-assignments", {
      tutorId: d.tutor2.userId,
      courseId: d.ids.c1,
      listIds: [listId],
    });
    expect(response.statusCode).toBe(201);
    assignment = response.json();
    expect(assignment.lists.map((l) => l.name)).toEqual(["Équipe Nord"]);
    const after = (await get(d.app, d.tutor2, "/api/tutoring/courses?pageSize=100")).json();
    expect(after.items.map((c: { id: string }) => c.id)).toContain(d.ids.c1);
  });

  it("refuses a learner as tutor, a second assignment, unknown lists and courses", async () => {
    const learner = await send(d.app, d.admin, "POST", "/api/admin/tutor-assignments", {
      tutorId: d.ids.sam,
      courseId: d.ids.c1,
    });
    expect(learner.json().error.fields[0]).toMatchObject({ field: "tutorId", rule: "role" });
    const again = await send(d.app, d.admin, "POST", "/api/admin/tutor-assignments", {
      tutorId: d.tutor2.userId,
      courseId: d.ids.c1,
    });
    expect(again.statusCode).toBe(409);
    const list = await send(d.app, d.admin, "POST", "/api/admin/tutor-assignments", {
      tutorId: d.tutor.userId,
      courseId: d.ids.mgt,
      listIds: [unknownId],
    });
    expect(list.json().error.fields[0]).toMatchObject({ field: "listIds.0", rule: "unknown" });
    const course = await send(d.app, d.admin, "POST", "/api/admin/tutor-assignments", {
      tutorId: d.tutor.userId,
      courseId: unknownId,
    });
    expect(course.json().error.fields[0]).toMatchObject({ field: "courseId", rule: "unknown" });
  });

  it("lifts the restriction, lists by course, unassigns; 404 for an unknown assignment", async () => {
    const lifted = await send(d.app, d.admin, "PUT", `/api/admin/tutor-assignments/${assignment.id}`, { listIds: [] });
    expect(lifted.json().lists).toEqual([]);
    const byCourse = (await get(d.app, d.admin, `/api/admin/tutor-assignments?courseId=${d.ids.c1}`)).json();
    expect(byCourse.items.map((a: AdminTutorAssignment) => a.tutor.email)).toEqual(
      expect.arrayContaining(["tuteur@demo.local", "tuteur2@demo.local"]),
    );
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/tutor-assignments/${assignment.id}`)).statusCode).toBe(
      204,
    );
    expect((await send(d.app, d.admin, "DELETE", `/api/admin/tutor-assignments/${assignment.id}`)).statusCode).toBe(
      404,
    );
    const unknown = await send(d.app, d.admin, "PUT", `/api/admin/tutor-assignments/${unknownId}`, { listIds: [] });
    expect(unknown.statusCode).toBe(404);
    expect(await auditCount("tutor_assignment.delete")).toBe(1);
  });
});
