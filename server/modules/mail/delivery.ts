import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Mailer } from "./mailer.js";

/** Tries per message before it is marked failed (and shown as such). */
export const MAX_TRIES = 8;
/** Wait before try n+1: 30 s, 1 min, 2 min ... capped at 1 h. */
export const backoffSeconds = (tries: number) => Math.min(30 * 2 ** Math.max(0, tries - 1), 3600);

type Claimed = {
  id: number;
  toEmail: string;
  toName: string;
  subject: string;
  textBody: string;
  attachments: { fileName: string; contentType: string; content: string }[];
  tries: number;
};

/**
 * Delivers what the outbox holds, in batches claimed with SKIP LOCKED so several workers (and
 * app instances) never take the same message. A failure puts the message back with a growing
 * delay; after MAX_TRIES it is marked failed. A message stuck in `sending` (worker killed) goes
 * back to pending after 10 minutes.
 */
export async function flushOutbox(db: Db, mailer: Mailer, batchSize = 50) {
  let sent = 0;
  let retried = 0;
  let failed = 0;
  await db.execute(sql`
    update outbox set status = 'pending' where status = 'sending' and next_try_at < now() - interval '10 minutes'`);
  for (;;) {
    const claimed = await db.execute<Claimed>(sql`
      update outbox set status = 'sending', tries = tries + 1, next_try_at = now()
      where id in (
        select id from outbox where status = 'pending' and next_try_at <= now()
        order by id limit ${batchSize} for update skip locked)
      returning id, to_email as "toEmail", to_name as "toName", subject, text_body as "textBody", attachments, tries`);
    if (claimed.rows.length === 0) break;
    for (const message of claimed.rows) {
      try {
        await mailer.send({
          to: message.toEmail,
          toName: message.toName,
          subject: message.subject,
          text: message.textBody,
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.fileName,
            contentType: a.contentType,
            content: Buffer.from(a.content, "base64"),
          })),
        });
        await db.execute(
          sql`update outbox set status = 'sent', sent_at = now(), last_error = null where id = ${message.id}`,
        );
        sent++;
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        if (message.tries >= MAX_TRIES) {
          await db.execute(sql`update outbox set status = 'failed', last_error = ${reason} where id = ${message.id}`);
          failed++;
        } else {
          await db.execute(sql`
            update outbox set status = 'pending', last_error = ${reason},
              next_try_at = now() + make_interval(secs => ${backoffSeconds(message.tries)})
            where id = ${message.id}`);
          retried++;
        }
      }
    }
  }
  return { sent, retried, failed };
}
