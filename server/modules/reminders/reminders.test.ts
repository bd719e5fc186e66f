import net from "node:net";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { startJobs } from "../../plugins/jobs.js";
import { get, send, signIn } from "../../test/app.js";
import { courseWithLearners } from "../../test/courses.js";
import { demoFixture } from "../../test/demo.js";
import { startSmtpSink } from "../../test/smtp.js";
import { flushOutbox } from "../mail/delivery.js";
import { smtpMailer } from "../mail/mailer.js";

let templateId: string;

const d = demoFixture();

beforeAll(async () => {
  const templates = (await get(d.app, d.tutor, "/api/mail-templates")).json();
  templateId = templates.items.find((x: { name: string }) => x.name === "Relance formation non commencée").id;
});

async function freePort() {
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const notStarted = { mode: "filters", filters: { status: "not_started" } } as const;

describe("mail templates", () => {
  it("lists the three shared demo templates and the variables", async () => {
    const body = (await get(d.app, d.tutor, "/api/mail-templates")).json();
    expect(body.items.filter((x: { shared: boolean }) => x.shared)).toHaveLength(3);
    expect(body.items.every((x: { editable: boolean }) => !x.editable)).toBe(true);
    expect(body.variables).toContain("date_objectif");
  });

  it("refuses an unknown variable, naming the field", async () => {
    const response = await send(d.app, d.tutor, "POST", "/api/mail-templates", {
      name: "Test",
      subject: "Bonjour {{prenom}}",
      body: "Votre ville : {{ville}}",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ field: "body.body", rule: "unknown_variable" });
  });

  it("lets a d.tutor keep templates of their own, and only admins share or edit shared ones", async () => {
    const own = await send(d.app, d.tutor, "POST", "/api/mail-templates", {
      name: "Perso",
      subject: "{{cours}}",
      body: "Bonjour {{prenom}}",
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ shared: false, editable: true });
    expect(
      (await send(d.app, d.tutor, "POST", "/api/mail-templates", { name: "S", subject: "s", body: "b", shared: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send(d.app, d.tutor, "PUT", `/api/mail-templates/${templateId}`, { name: "x", subject: "s", body: "b" }))
        .statusCode,
    ).toBe(403);
    const tutor2List = (await get(d.app, d.tutor2, "/api/mail-templates")).json();
    expect(tutor2List.items.map((x: { id: string }) => x.id)).not.toContain(own.json().id);
    expect((await send(d.app, d.tutor2, "DELETE", `/api/mail-templates/${own.json().id}`)).statusCode).toBe(404);
    expect((await send(d.app, d.tutor, "DELETE", `/api/mail-templates/${own.json().id}`)).statusCode).toBe(204);
    const adminCreated = await send(d.app, d.admin, "POST", "/api/mail-templates", {
      name: "Partagé",
      subject: "s",
      body: "b",
      shared: true,
    });
    expect(adminCreated.json()).toMatchObject({ shared: true, editable: true });
  });
});

describe("Relancer (A1)", () => {
  it("previews the message for a recipient, with the count", async () => {
    const response = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders/preview`, {
      templateId,
      selection: notStarted,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.count).toBe(6);
    expect(body.subject).toBe("Cours 1 : L'avant-vente : votre formation vous attend");
    expect(body.body).toContain(`Bonjour ${body.recipient.firstName},`);
    const second = (
      await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders/preview`, {
        templateId,
        selection: notStarted,
        index: 1,
      })
    ).json();
    expect(second.recipient.userId).not.toBe(body.recipient.userId);
  });

  it("queues one message per learner, once per idempotency key, and records the reminders", async () => {
    const request = { templateId, selection: notStarted, idempotencyKey: "click-0001" };
    const first = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders`, request);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ total: 6, queued: 6, sent: 0, smtpConfigured: false });
    const again = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders`, request);
    expect(again.json()).toMatchObject({ total: 6 });
    const outbox = await d.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where batch_id = ${first.json().batchId}`,
    );
    expect(outbox.rows[0]?.n).toBe(6);
    const learner = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners?status=not_started&pageSize=1`)
    ).json().items[0];
    const report = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${learner.userId}/report`)
    ).json();
    expect(report.reminders).toEqual([
      expect.objectContaining({ kind: "email", templateName: "Relance formation non commencée" }),
    ]);
  });

  it("delivers by SMTP with the variables filled, and shows the progress", async () => {
    const sink = await startSmtpSink();
    const mailer = smtpMailer(sink.url, "Tutora <no-reply@tutora.test>");
    try {
      const result = await flushOutbox(d.database.db, mailer);
      expect(result.sent).toBeGreaterThanOrEqual(6);
      const mail = sink.messages.find((m) => m.subject === "Cours 1 : L'avant-vente : votre formation vous attend");
      expect(mail?.from?.value[0]).toMatchObject({ name: "Tutora", address: "no-reply@tutora.test" });
      const to = mail?.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined;
      expect(to?.address).toMatch(/@demo\.local$/);
      expect(mail?.text).toContain(`Bonjour ${to?.name?.split(" ")[0]},`);
      expect(mail?.text).toContain("http://localhost:3000/mes-formations");
      const batchId = (
        await d.database.db.execute<{ b: string }>(
          sql`select batch_id as b from outbox where batch_id like 'reminder:%' limit 1`,
        )
      ).rows[0]?.b;
      const progress = (
        await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/reminders/batches/${batchId}`)
      ).json();
      expect(progress).toMatchObject({ total: 6, sent: 6, queued: 0 });
    } finally {
      mailer.close();
      await sink.stop();
    }
  });

  it("keeps messages while SMTP is down and delivers each exactly once when it is back", async () => {
    const port = await freePort();
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, "Tutora <no-reply@tutora.test>");
    const sent = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders`, {
      templateId,
      selection: { mode: "ids", learnerIds: [d.ids.sam, d.ids.demory] },
      idempotencyKey: "down-then-up",
    });
    const batchId = sent.json().batchId;
    const down = await flushOutbox(d.database.db, mailer);
    expect(down).toMatchObject({ sent: 0, retried: 2 });
    const waiting = await d.database.db.execute<{ status: string; tries: number; last_error: string }>(
      sql`select status, tries, last_error from outbox where batch_id = ${batchId}`,
    );
    expect(waiting.rows.every((r) => r.status === "pending" && r.tries === 1 && r.last_error)).toBe(true);
    // Not before the retry delay...
    expect((await flushOutbox(d.database.db, mailer)).retried).toBe(0);
    const sink = await startSmtpSink(port);
    try {
      await d.database.db.execute(sql`update outbox set next_try_at = now() where batch_id = ${batchId}`);
      expect(await flushOutbox(d.database.db, mailer)).toMatchObject({ sent: 2, retried: 0 });
      expect(await flushOutbox(d.database.db, mailer)).toMatchObject({ sent: 0 });
      expect(sink.messages).toHaveLength(2);
    } finally {
      mailer.close();
      await sink.stop();
    }
  });

  it("refuses learners outside the scope, even by id: 404 and nothing queued", async () => {
    const before = await d.database.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox`);
    const foreign = await send(d.app, d.tutor2, "POST", `/api/tutoring/courses/${d.ids.c2}/reminders`, {
      templateId,
      selection: { mode: "ids", learnerIds: [d.ids.sam] },
      idempotencyKey: "foreign-0001",
    });
    expect(foreign.statusCode).toBe(404);
    const otherCourse = await send(d.app, d.tutor2, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders`, {
      templateId,
      selection: notStarted,
      idempotencyKey: "foreign-0002",
    });
    expect(otherCourse.statusCode).toBe(404);
    const after = await d.database.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    const bad = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders`, {
      templateId,
      selection: notStarted,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.idempotencyKey");
  });

  it("delivers through the pg-boss worker when SMTP is configured", async () => {
    const sink = await startSmtpSink();
    const config = loadConfig({ DATABASE_URL: d.database.url, SMTP_URL: sink.url, LOG_LEVEL: "silent" });
    const jobs = await startJobs(d.database.db, config);
    const app = await buildApp({ db: d.database.db, config, jobs, logger: false });
    try {
      const session = await signIn(app, "tuteur@demo.local");
      const response = await send(app, session, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders`, {
        templateId,
        selection: { mode: "ids", learnerIds: [d.ids.demory] },
        idempotencyKey: "worker-0001",
      });
      expect(response.json()).toMatchObject({ total: 1, smtpConfigured: true });
      const [mail] = await sink.waitFor(1);
      expect(mail?.text).toContain("Bonjour Jerome,");
    } finally {
      await app.close();
      await jobs.stop();
      await sink.stop();
    }
  }, 60_000);
});

describe("admin Messages screen", () => {
  it("lists every message with its state and content, for admins only", async () => {
    const page = (await get(d.app, d.admin, "/api/admin/messages?pageSize=100")).json();
    expect(page.total).toBeGreaterThan(0);
    expect(page.smtpConfigured).toBe(false);
    expect(page.items[0]).toMatchObject({ status: expect.any(String), text: expect.any(String) });
    const sent = (await get(d.app, d.admin, "/api/admin/messages?status=sent")).json();
    expect(sent.items.every((m: { status: string }) => m.status === "sent")).toBe(true);
    expect((await get(d.app, d.tutor, "/api/admin/messages")).statusCode).toBe(403);
    expect((await get(d.app, d.admin, "/api/admin/messages?q=%25_")).statusCode).toBe(200);
  });

  it("tries a failed message again", async () => {
    const [row] = (
      await d.database.db.execute<{ id: number }>(
        sql`update outbox set status = 'failed', tries = 8 where id = (select min(id) from outbox) returning id`,
      )
    ).rows;
    expect((await send(d.app, d.admin, "POST", `/api/admin/messages/${row?.id}/retry`)).statusCode).toBe(204);
    const after = await d.database.db.execute<{ status: string; tries: number }>(
      sql`select status, tries from outbox where id = ${row?.id}`,
    );
    expect(after.rows[0]).toEqual({ status: "pending", tries: 0 });
    expect((await send(d.app, d.admin, "POST", `/api/admin/messages/${row?.id}/retry`)).statusCode).toBe(409);
    expect((await send(d.app, d.tutor, "POST", `/api/admin/messages/${row?.id}/retry`)).statusCode).toBe(403);
  });
});

describe("a reminder to a large selection", () => {
  it("queues one message to each of 2,500 learners, read and rendered by pages", async () => {
    const courseId = await courseWithLearners(d.database.db, {
      code: "REMIND_BIG",
      name: "Relances en nombre",
      folderOf: d.ids.c1,
      count: 2500,
      learner: (n) => ({ email: `relance${n}@example.com`, firstName: "Noa", lastName: `Relance ${n}` }),
    });
    const response = await send(d.app, d.admin, "POST", `/api/tutoring/courses/${courseId}/reminders`, {
      templateId,
      selection: { mode: "filters", filters: {} },
      idempotencyKey: "everyone-2500",
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ total: 2500, queued: 2500 });
    const outbox = await d.database.db.execute<{ n: number; emails: number; named: number }>(sql`
      select count(*)::int as n, count(distinct to_email)::int as emails,
        (count(*) filter (where text_body like '%Noa%'))::int as named
      from outbox where batch_id = ${response.json().batchId}`);
    expect(outbox.rows[0]).toEqual({ n: 2500, emails: 2500, named: 2500 });
    const recorded = await d.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from reminders r join enrollments e on e.id = r.enrollment_id where e.course_id = ${courseId}`);
    expect(recorded.rows[0]?.n).toBe(2500);
  });
});
