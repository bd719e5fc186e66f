import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { get, send } from "../../test/app.js";
import { courseWithLearners } from "../../test/courses.js";
import { demoFixture } from "../../test/demo.js";

let templateId: string;

const d = demoFixture();

beforeAll(async () => {
  templateId = (await get(d.app, d.tutor, "/api/mail-templates")).json().items[0].id;
});

const rulesUrl = () => `/api/tutoring/courses/${d.ids.c1}/reminder-rules`;
const run = () => send(d.app, d.tutor, "POST", `${rulesUrl()}/run`).then((r) => r.json().sent);

describe("reminder rules (B2)", () => {
  it("validates rules, naming the field", async () => {
    const bad = await send(d.app, d.tutor, "POST", rulesUrl(), {
      kind: "inactive",
      days: 7,
      progressBelow: 50,
      templateId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.progressBelow");
    const zero = await send(d.app, d.tutor, "POST", rulesUrl(), { kind: "not_started", days: 0, templateId });
    expect(zero.json().error.fields[0].field).toBe("body.days");
  });

  it("sends once per period to the learners it targets, recorded as Automatique", async () => {
    const created = await send(d.app, d.tutor, "POST", rulesUrl(), { kind: "not_started", days: 10, templateId });
    expect(created.statusCode).toBe(201);
    expect(await run()).toBe(6);
    expect(await run()).toBe(0);
    const learner = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?status=not_started&pageSize=1`)
    ).json().items[0];
    const report = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${learner.userId}/report`)
    ).json();
    expect(report.reminders).toEqual([expect.objectContaining({ kind: "automatic" })]);
    const list = (await get(d.app, d.tutor, rulesUrl())).json();
    expect(list.items[0]).toMatchObject({ kind: "not_started", days: 10, sent: 6, paused: false });
  });

  it("stays silent while paused, and sends again once its period has passed", async () => {
    const rule = (await get(d.app, d.tutor, rulesUrl())).json().items[0];
    await d.database.db.execute(
      sql`update reminders set sent_at = now() - interval '11 days' where rule_id = ${rule.id}`,
    );
    const paused = await send(d.app, d.tutor, "PUT", `${rulesUrl()}/${rule.id}`, {
      kind: "not_started",
      days: 10,
      templateId,
      paused: true,
    });
    expect(paused.json().paused).toBe(true);
    expect(await run()).toBe(0);
    await send(d.app, d.tutor, "PUT", `${rulesUrl()}/${rule.id}`, {
      kind: "not_started",
      days: 10,
      templateId,
      paused: false,
    });
    expect(await run()).toBe(6);
  });

  it("targets learners behind their objective date with low progress", async () => {
    await d.database.db.execute(sql`update enrollments set objective_at = now() + interval '3 days'
      where course_id = ${d.ids.c1} and user_id in (${d.ids.sam}, ${d.ids.demory})`);
    await send(d.app, d.tutor, "POST", rulesUrl(), {
      kind: "before_objective",
      days: 7,
      progressBelow: 50,
      templateId,
    });
    // Demory (33 %) is reminded; Sam (83 %) is not. Other learners' objectives are further away or past.
    const before = await d.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from reminders where kind = 'automatic'`,
    );
    await run();
    const after = await d.database.db.execute<{ id: string }>(sql`
      select e.user_id as id from reminders r join enrollments e on e.id = r.enrollment_id
      join reminder_rules rr on rr.id = r.rule_id where rr.kind = 'before_objective'`);
    expect(after.rows.map((r) => r.id)).toContain(d.ids.demory);
    expect(after.rows.map((r) => r.id)).not.toContain(d.ids.sam);
    expect(before.rows[0]?.n).toBeGreaterThan(0);
  });

  it("is 404 for another tutor", async () => {
    expect((await get(d.app, d.tutor2, rulesUrl())).statusCode).toBe(404);
    expect((await send(d.app, d.tutor2, "POST", `${rulesUrl()}/run`)).statusCode).toBe(404);
  });
});

describe("a rule reaching many learners", () => {
  it("queues one message to each of 2,500 learners, read and rendered by pages, once per period", async () => {
    const courseId = await courseWithLearners(d.database.db, {
      code: "RULE_BIG",
      name: "Règle en nombre",
      folderOf: d.ids.c1,
      count: 2500,
      learner: (n) => ({ email: `regle${n}@example.com`, firstName: "Lou", lastName: `Règle ${n}` }),
    });
    await d.database.db.execute(
      sql`update enrollments set enrolled_at = now() - interval '20 days' where course_id = ${courseId}`,
    );
    const url = `/api/tutoring/courses/${courseId}/reminder-rules`;
    const created = await send(d.app, d.admin, "POST", url, { kind: "not_started", days: 10, templateId });
    expect(created.statusCode).toBe(201);
    expect((await send(d.app, d.admin, "POST", `${url}/run`)).json().sent).toBe(2500);
    const outbox = await d.database.db.execute<{ n: number; emails: number; named: number }>(sql`
      select count(*)::int as n, count(distinct o.to_email)::int as emails,
        (count(*) filter (where o.text_body like '%Lou%'))::int as named
      from reminders r join outbox o on o.id = r.outbox_id
      where r.rule_id = ${created.json().id} and r.kind = 'automatic'`);
    expect(outbox.rows[0]).toEqual({ n: 2500, emails: 2500, named: 2500 });
    expect((await send(d.app, d.admin, "POST", `${url}/run`)).json().sent).toBe(0);
  });
});
