import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { get, type Session, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";
import { recomputeEnrollments } from "../tracking/summaries.js";

const d = demoFixture();

const learners = (session: Session, courseId: string, query = "") =>
  get(d.app, session, `/api/tutoring/courses/${courseId}/learners?pageSize=100&${query}`).then((r) => r.json());
const names = (page: { items: { lastName: string }[] }) => page.items.map((l) => l.lastName);

describe("tutored users filters", () => {
  it("filters on progress and time ranges", async () => {
    expect(names(await learners(d.tutor, d.ids.c1, "progressMin=80"))).toEqual(["AGASSE", "Lefèvre"]);
    expect(names(await learners(d.tutor, d.ids.c1, "progressMin=30&progressMax=40"))).toEqual([
      "Demory",
      "Dubois",
      "Roussel",
    ]);
    const long = await learners(d.tutor, d.ids.c1, "timeMin=7200");
    expect(long.items.every((l: { timeSpentSeconds: number }) => l.timeSpentSeconds >= 7200)).toBe(true);
    expect(names(long)).toContain("AGASSE");
    expect((await learners(d.tutor, d.ids.c1, "timeMax=0")).total).toBe(9);
  });

  it("filters on status", async () => {
    expect((await learners(d.tutor, d.ids.c1, "status=not_started")).total).toBe(6);
    expect((await learners(d.tutor, d.ids.c1, "status=completed")).total).toBe(0);
  });

  it("refuses out-of-range filters naming them", async () => {
    for (const [query, field] of [
      ["progressMin=101", "querystring.progressMin"],
      ["timeMin=-1", "querystring.timeMin"],
      ["atRisk=maybe", "querystring.atRisk"],
      ["status=lost", "querystring.status"],
      ["sort=password", "querystring.sort"],
      ["enrollmentType=forced", "querystring.enrollmentType"],
    ]) {
      const response = await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fields[0].field, query).toBe(field);
    }
  });

  it("sorts on every column", async () => {
    for (const sort of ["name", "status", "progress", "time", "risk"]) {
      for (const order of ["asc", "desc"]) {
        const page = await learners(d.tutor, d.ids.c1, `sort=${sort}&order=${order}`);
        expect(page.total, `${sort} ${order}`).toBe(21);
      }
    }
    const byTime = await learners(d.tutor, d.ids.c1, "sort=time&order=desc");
    const times = byTime.items.map((l: { timeSpentSeconds: number }) => l.timeSpentSeconds);
    expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
  });
});

describe("at-risk learners (B1)", () => {
  it("explains why each learner is at risk, and filters on it", async () => {
    const page = await learners(d.tutor, d.ids.c1);
    const sam = page.items.find((l: { lastName: string }) => l.lastName === "AGASSE");
    // Sam's last activity is on 11/02/2025: inactive for far more than 14 days.
    expect(sam.riskReasons).toEqual(["inactive"]);
    expect(page.inactivityDays).toBe(14);
    const atRisk = await learners(d.tutor, d.ids.c1, "atRisk=true");
    const notAtRisk = await learners(d.tutor, d.ids.c1, "atRisk=false");
    expect(atRisk.total + notAtRisk.total).toBe(21);
    expect(atRisk.items.every((l: { riskReasons: string[] }) => l.riskReasons.length > 0)).toBe(true);
    expect(notAtRisk.items.every((l: { riskReasons: string[] }) => l.riskReasons.length === 0)).toBe(true);
  });

  it("follows the objective date and the course's inactivity days", async () => {
    // Demory (33 %), objective in 3 days and active yesterday: due soon only.
    await d.database.db.transaction(async (tx) => {
      await tx.execute(sql`update enrollments set objective_at = now() + interval '3 days'
        where user_id = ${d.ids.demory} and course_id = ${d.ids.c1}`);
      await tx.execute(sql`update sessions set started_at = now() - interval '1 day'
        where enrollment_id = (select id from enrollments where user_id = ${d.ids.demory} and course_id = ${d.ids.c1})`);
      await tx.execute(sql`update attempts set started_at = now() - interval '1 day', ended_at = now() - interval '1 day',
        status_at = now() - interval '1 day'
        where enrollment_id = (select id from enrollments where user_id = ${d.ids.demory} and course_id = ${d.ids.c1})`);
      await recomputeEnrollments(tx, sql`e.user_id = ${d.ids.demory} and e.course_id = ${d.ids.c1}`);
    });
    let demory = (await learners(d.tutor, d.ids.c1, "q=demory")).items[0];
    expect(demory.riskReasons).toEqual(["due_soon"]);
    await d.database.db.transaction(async (tx) => {
      await tx.execute(sql`update enrollments set objective_at = now() - interval '1 day'
        where user_id = ${d.ids.demory} and course_id = ${d.ids.c1}`);
      await recomputeEnrollments(tx, sql`e.user_id = ${d.ids.demory} and e.course_id = ${d.ids.c1}`);
    });
    demory = (await learners(d.tutor, d.ids.c1, "q=demory")).items[0];
    expect(demory.riskReasons).toEqual(["late"]);
    // Sorting by risk puts the learners at risk first.
    const byRisk = await learners(d.tutor, d.ids.c1, "sort=risk");
    const flags = byRisk.items.map((l: { riskReasons: string[] }) => l.riskReasons.length > 0);
    expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f: boolean) => !f)).toBe(true);
  });
});

describe("selection resolver (T5)", () => {
  const resolve = (session: Session, courseId: string, body: unknown) =>
    send(d.app, session, "POST", `/api/tutoring/courses/${courseId}/selection`, body);

  it("resolves all pages: everything matching the filters, minus exclusions", async () => {
    const all = await resolve(d.tutor, d.ids.c1, { mode: "filters", filters: {} });
    expect(all.statusCode).toBe(200);
    expect(all.json().count).toBe(21);
    expect(all.json().sample[0]).toMatchObject({ lastName: "AGASSE", firstName: "Sam" });
    const filtered = await resolve(d.tutor, d.ids.c1, {
      mode: "filters",
      filters: { status: "in_progress", progressMin: "1" },
      excludedLearnerIds: [d.ids.sam],
    });
    const expected = (await learners(d.tutor, d.ids.c1, "status=in_progress&progressMin=1")).total - 1;
    expect(filtered.json().count).toBe(expected);
    expect(filtered.json().sample.map((l: { userId: string }) => l.userId)).not.toContain(d.ids.sam);
  });

  it("resolves explicit ids, never to a learner outside the tutor's scope", async () => {
    const page = await learners(d.tutor, d.ids.c1);
    const mine = page.items.slice(0, 5).map((l: { userId: string }) => l.userId);
    const response = await resolve(d.tutor2, d.ids.c2, { mode: "ids", learnerIds: [...mine, d.ids.sam] });
    const restricted = await learners(d.tutor2, d.ids.c2);
    const visible = new Set(restricted.items.map((l: { userId: string }) => l.userId));
    expect(response.statusCode).toBe(200);
    expect(response.json().sample.every((l: { userId: string }) => visible.has(l.userId))).toBe(true);
    expect(response.json().sample.map((l: { userId: string }) => l.userId)).not.toContain(d.ids.sam);
    const own = await resolve(d.tutor, d.ids.c1, { mode: "ids", learnerIds: mine });
    expect(own.json().count).toBe(5);
  });

  it("is 404 on another tutor's course and 400 on a malformed selection", async () => {
    expect((await resolve(d.tutor2, d.ids.c1, { mode: "filters", filters: {} })).statusCode).toBe(404);
    const bad = await resolve(d.tutor, d.ids.c1, { mode: "ids", learnerIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.learnerIds");
    expect((await resolve(d.tutor, d.ids.c1, { mode: "everyone" })).statusCode).toBe(400);
    const notUuid = await resolve(d.tutor, d.ids.c1, { mode: "ids", learnerIds: ["1 or 1=1"] });
    expect(notUuid.statusCode).toBe(400);
  });
});
