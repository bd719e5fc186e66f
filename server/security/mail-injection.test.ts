import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { flushOutbox } from "../modules/mail/delivery.js";
import { smtpMailer } from "../modules/mail/mailer.js";
import { send } from "../test/app.js";
import { demoFixture } from "../test/demo.js";
import { type SmtpSink, startSmtpSink } from "../test/smtp.js";

/**
 * Mail header injection (issue #9): a learner's name or a template's subject holding CR/LF and
 * header lines can't add a recipient or a header to the message that leaves through SMTP.
 */
const d = demoFixture();
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.stop();
});

describe("mail header injection", () => {
  it("keeps CR/LF in names and template subjects out of the message headers", async () => {
    const injected = "\r\nBcc: victim@evil.example\r\nX-Injected: yes";
    await d.database.db.execute(
      sql`update users set first_name = ${`Sam${injected}`}, last_name = ${`AGASSE${injected}`} where id = ${d.ids.sam}`,
    );
    const template = await send(d.app, d.tutor, "POST", "/api/mail-templates", {
      name: "Injection",
      subject: `Relance {{prenom}}${injected}`,
      body: "Bonjour {{prenom}} {{nom}}",
    });
    // Either the subject is refused as it is, or it is sent harmlessly; both are safe, but it
    // must not be a 500. With a refused subject, the name alone is still tried.
    expect(template.statusCode).toBeLessThan(500);
    const templateId =
      template.statusCode === 201 || template.statusCode === 200
        ? (template.json() as { id: string }).id
        : (
            (
              await send(d.app, d.tutor, "POST", "/api/mail-templates", {
                name: "Injection",
                subject: "Relance {{prenom}} {{nom}}",
                body: "Bonjour {{prenom}} {{nom}}",
              })
            ).json() as { id: string }
          ).id;
    const batch = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/reminders`, {
      templateId,
      selection: { mode: "ids", learnerIds: [d.ids.sam] },
      idempotencyKey: `injection-${crypto.randomUUID()}`,
    });
    expect(batch.statusCode).toBeLessThan(300);
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: d.database.url });
    const mailer = smtpMailer(sink.url, config.smtpFrom);
    const result = await flushOutbox(d.database.db, mailer);
    mailer.close();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const [mail] = await sink.waitFor(1);
    expect(mail?.bcc).toBeUndefined();
    expect(mail?.headers.has("x-injected")).toBe(false);
    expect(mail?.headers.has("bcc")).toBe(false);
    const to = mail?.to && !Array.isArray(mail.to) ? mail.to.value : [];
    expect(to.map((a) => a.address)).toEqual(["sam.agasse@demo.local"]);
    expect(String(mail?.subject)).not.toMatch(/[\r\n]/);
  });
});
