import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, get, type Session, send, signIn, type TestApp } from "../../test/app.js";
import { demoIds } from "../../test/demo.js";

let t: TestApp;
let tutor: Session;
let tutor2: Session;
let ids: Awaited<ReturnType<typeof demoIds>>;
let templateId: string;

beforeAll(async () => {
  t = await createTestApp();
  [tutor, tutor2] = await Promise.all([signIn(t.app, "tuteur@demo.local"), signIn(t.app, "tuteur2@demo.local")]);
  ids = await demoIds(t.database.db);
  templateId = (await get(t.app, tutor, "/api/mail-templates")).json().items[0].id;
});
afterAll(async () => {
  await t.close();
});

const rulesUrl = () => `/api/tutoring/courses/${ids.c1}/reminder-rules`;
const run = () => send(t.app, tutor, "POST", `${rulesUrl()}/run`).then((r) => r.json().sent);

describe("reminder rules (B2)", () => {
  it("validates rules, naming the field", async () => {
    const bad = await send(t.app, tutor, "POST", rulesUrl(), {
      kind: "inactive",
      days: 7,
      progressBelow: 50,
      templateId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.progressBelow");
    const zero = await send(t.app, tutor, "POST", rulesUrl(), { kind: "not_started", days: 0, templateId });
    expect(zero.json().error.fields[0].field).toBe("body.days");
  });

  it("sends once per period to the learners it targets, recorded as Automatique", async () => {
    const created = await send(t.app, tutor, "POST", rulesUrl(), { kind: "not_started", days: 10, templateId });
    expect(created.statusCode).toBe(201);
    expect(await run()).toBe(6);
    expect(await run()).toBe(0);
    const learner = (
      await get(t.app, tutor, `/api/tutoring/courses/${ids.c1}/learners?status=not_started&pageSize=1`)
    ).json().items[0];
    const report = (
      await get(t.app, tutor, `/api/tutoring/courses/${ids.c1}/learners/${learner.userId}/report`)
    ).json();
    expect(report.reminders).toEqual([expect.objectContaining({ kind: "automatic" })]);
    const list = (await get(t.app, tutor, rulesUrl())).json();
    expect(list.items[0]).toMatchObject({ kind: "not_started", days: 10, sent: 6, paused: false });
  });

  it("stays silent while paused, and sends again once its period has passed", async () => {
    const rule = (await get(t.app, tutor, rulesUrl())).json().items[0];
    await t.database.db.execute(
      sql`update reminders set sent_at = now() - interval '11 days' where rule_id = ${rule.id}`,
    );
    const paused = await send(t.app, tutor, "PUT", `${rulesUrl()}/${rule.id}`, {
      kind: "not_started",
      days: 10,
      templateId,
      paused: true,
    });
    expect(paused.json().paused).toBe(true);
    expect(await run()).toBe(0);
    await send(t.app, tutor, "PUT", `${rulesUrl()}/${rule.id}`, {
      kind: "not_started",
      days: 10,
      templateId,
      paused: false,
    });
    expect(await run()).toBe(6);
  });

  it("targets learners behind their objective date with low progress", async () => {
    await t.database.db.execute(sql`update enrollments set objective_at = now() + interval '3 days'
      where course_id = ${ids.c1} and user_id in (${ids.sam}, ${ids.demory})`);
    await send(t.app, tutor, "POST", rulesUrl(), { kind: "before_objective", days: 7, progressBelow: 50, templateId });
    // Demory (33 %) is reminded; Sam (83 %) is not. Other learners' objectives are further away or past.
    const before = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from reminders where kind = 'automatic'`,
    );
    await run();
    const after = await t.database.db.execute<{ id: string }>(sql`
      select e.user_id as id from reminders r join enrollments e on e.id = r.enrollment_id
      join reminder_rules rr on rr.id = r.rule_id where rr.kind = 'before_objective'`);
    expect(after.rows.map((r) => r.id)).toContain(ids.demory);
    expect(after.rows.map((r) => r.id)).not.toContain(ids.sam);
    expect(before.rows[0]?.n).toBeGreaterThan(0);
  });

  it("is 404 for another tutor", async () => {
    expect((await get(t.app, tutor2, rulesUrl())).statusCode).toBe(404);
    expect((await send(t.app, tutor2, "POST", `${rulesUrl()}/run`)).statusCode).toBe(404);
  });
});
