import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { get, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";
import { startSmtpSink } from "../../test/smtp.js";
import { flushOutbox } from "../mail/delivery.js";
import { smtpMailer } from "../mail/mailer.js";

const d = demoFixture();

/** The lines of an .ics, unfolded, as a map of property name to value. */
function ics(text: string) {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const props = new Map<string, string>();
  for (const line of unfolded.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) props.set(line.slice(0, colon).split(";")[0] ?? "", line.slice(colon + 1));
  }
  return props;
}

async function invitationsOf(classId: string) {
  const rows = await d.database.db.execute<{
    to_email: string;
    subject: string;
    attachments: { content: string; contentType: string }[];
  }>(
    sql`select to_email, subject, attachments from outbox where idempotency_key like ${`class:${classId}:%`} order by id`,
  );
  return rows.rows.map((r) => ({ ...r, ics: ics(Buffer.from(r.attachments[0]?.content ?? "", "base64").toString()) }));
}

const classBody = (startsAt: Date, learnerIds: string[], extra: Record<string, unknown> = {}) => ({
  title: "Préparer sa vente : questions-réponses",
  startsAt: startsAt.toISOString(),
  durationMinutes: 120,
  timeZone: "Europe/Paris",
  joinUrl: "https://visio.example.com/c01",
  description: "Apportez vos questions.",
  selection: { mode: "ids", learnerIds },
  ...extra,
});

describe("Classe virtuelle (A2)", () => {
  it("schedules a class and invites each learner with an iCalendar invitation in UTC", async () => {
    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCSeconds(0, 0);
    const response = await send(
      d.app,
      d.tutor,
      "POST",
      `/api/tutoring/courses/${d.ids.c1}/classes`,
      classBody(start, [d.ids.sam, d.ids.demory]),
    );
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      invitees: 2,
      cancelled: false,
      lesson: { title: "Webinaire Tout savoir pour préparer sa vente" },
    });
    const mails = await invitationsOf(created.id);
    expect(mails.map((m) => m.to_email).sort()).toEqual(["jerome.demory@demo.local", "sam.agasse@demo.local"]);
    const invite = mails[0]?.ics;
    expect(invite?.get("METHOD")).toBe("REQUEST");
    expect(invite?.get("DTSTART")).toBe(start.toISOString().replace(/[-:]/g, "").replace(".000", ""));
    expect(invite?.get("SEQUENCE")).toBe("0");
    expect(invite?.get("URL")).toBe("https://visio.example.com/c01");
    const list = (await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/classes?when=upcoming`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(created.id);
  });

  it("sends updates and the cancellation with the same UID", async () => {
    const start = new Date(Date.now() + 3 * 86_400_000);
    const created = (
      await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/classes`, classBody(start, [d.ids.sam]))
    ).json();
    const { selection: _selection, ...fields } = classBody(new Date(start.getTime() + 3_600_000), []);
    const moved = await send(d.app, d.tutor, "PUT", `/api/tutoring/courses/${d.ids.c1}/classes/${created.id}`, fields);
    expect(moved.statusCode).toBe(200);
    const cancelled = await send(
      d.app,
      d.tutor,
      "POST",
      `/api/tutoring/courses/${d.ids.c1}/classes/${created.id}/cancel`,
    );
    expect(cancelled.json().cancelled).toBe(true);
    const [invite, update, cancel] = (await invitationsOf(created.id)).map((m) => m.ics);
    expect(new Set([invite?.get("UID"), update?.get("UID"), cancel?.get("UID")]).size).toBe(1);
    expect([invite?.get("SEQUENCE"), update?.get("SEQUENCE"), cancel?.get("SEQUENCE")]).toEqual(["0", "1", "2"]);
    expect(update?.get("DTSTART")).not.toBe(invite?.get("DTSTART"));
    expect(cancel?.get("METHOD")).toBe("CANCEL");
    expect(cancel?.get("STATUS")).toBe("CANCELLED");
    expect(
      (await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/classes/${created.id}/cancel`)).statusCode,
    ).toBe(409);
  });

  it("refuses a join link that is not http(s), an unknown time zone and a zero duration", async () => {
    const start = new Date(Date.now() + 86_400_000);
    for (const [extra, field] of [
      [{ joinUrl: "javascript:alert(1)" }, "body.joinUrl"],
      [{ timeZone: "Mars/Olympus" }, "body.timeZone"],
      [{ durationMinutes: 0 }, "body.durationMinutes"],
      [{ title: "" }, "body.title"],
    ] as const) {
      const response = await send(
        d.app,
        d.tutor,
        "POST",
        `/api/tutoring/courses/${d.ids.c1}/classes`,
        classBody(start, [d.ids.sam], extra),
      );
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
  });

  it("credits attended minutes to the webinar lesson: Demory goes from 33 % to 50 %", async () => {
    const start = new Date(Date.now() - 3 * 3_600_000);
    const created = (
      await send(
        d.app,
        d.tutor,
        "POST",
        `/api/tutoring/courses/${d.ids.c1}/classes`,
        classBody(start, [d.ids.demory, d.ids.sam]),
      )
    ).json();
    const url = `/api/tutoring/courses/${d.ids.c1}/classes/${created.id}/attendance`;
    const tooLong = await send(d.app, d.tutor, "PUT", url, {
      entries: [{ learnerId: d.ids.demory, present: true, minutes: 121 }],
    });
    expect(tooLong.json().error.fields[0].field).toBe("body.entries.0.minutes");
    const notInvited = await d.database.db.execute<{ id: string }>(
      sql`select id from users where email = 'camille.dubois@demo.local'`,
    );
    expect(
      (
        await send(d.app, d.tutor, "PUT", url, {
          entries: [{ learnerId: notInvited.rows[0]?.id, present: true, minutes: 10 }],
        })
      ).statusCode,
    ).toBe(404);
    const response = await send(d.app, d.tutor, "PUT", url, {
      entries: [
        { learnerId: d.ids.demory, present: true, minutes: 90 },
        { learnerId: d.ids.sam, present: false, minutes: 0 },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ present: 1, attendanceRecorded: true });
    const report = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.demory}/report`)
    ).json();
    const webinar = report.lessons.find((l: { type: string }) => l.type === "webinar");
    expect(webinar).toMatchObject({ status: "completed", timeSpentSeconds: 5400 });
    expect(report.enrollment.progressPct).toBe(50);

    // Cancelled afterwards, the class no longer counts: Demory is back to 33 %.
    const cancelled = await send(
      d.app,
      d.tutor,
      "POST",
      `/api/tutoring/courses/${d.ids.c1}/classes/${created.id}/cancel`,
    );
    expect(cancelled.statusCode).toBe(200);
    const after = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.demory}/report`)
    ).json();
    expect(after.lessons.find((l: { type: string }) => l.type === "webinar")).toMatchObject({
      status: "not_attempted",
      timeSpentSeconds: 0,
    });
    expect(after.enrollment.progressPct).toBe(33);
  });

  it("delivers the invitation by SMTP with the .ics attached", async () => {
    const sink = await startSmtpSink();
    const mailer = smtpMailer(sink.url, "Tutora <no-reply@tutora.test>");
    try {
      await flushOutbox(d.database.db, mailer);
      const mail = sink.messages.find((m) => m.subject?.startsWith("Invitation : Préparer sa vente"));
      const attachment = mail?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
      expect(attachment).toBeDefined();
      expect(ics(attachment?.content.toString() ?? "").get("METHOD")).toBe("REQUEST");
      expect(mail?.text).toContain("https://visio.example.com/c01");
    } finally {
      mailer.close();
      await sink.stop();
    }
  });

  it("acts on no learner outside the scope", async () => {
    const response = await send(
      d.app,
      d.tutor2,
      "POST",
      `/api/tutoring/courses/${d.ids.c2}/classes`,
      classBody(new Date(Date.now() + 86_400_000), [d.ids.sam]),
    );
    expect(response.statusCode).toBe(404);
    expect((await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/classes`)).statusCode).toBe(404);
  });
});
