import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

export interface OutgoingMail {
  toEmail: string;
  toName: string;
  subject: string;
  text: string;
  /** Same key twice = one message (double clicks, retried requests). */
  idempotencyKey?: string;
  attachments?: { fileName: string; contentType: string; content: string }[];
}

/**
 * Puts a message in the durable outbox, in the caller's transaction: it leaves only if the
 * decision to send it commits. Delivery (SMTP, retries) works from the outbox.
 * Subjects are single lines: line breaks can't inject headers.
 */
export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<number | null> {
  const subject = mail.subject.replace(/[\r\n]+/g, " ").slice(0, 500);
  const toName = mail.toName.replace(/[\r\n<>"]+/g, " ").slice(0, 200);
  const result = await tx.execute<{ id: number }>(sql`
    insert into outbox (to_email, to_name, subject, text_body, idempotency_key, attachments)
    values (${mail.toEmail}, ${toName}, ${subject}, ${mail.text}, ${mail.idempotencyKey ?? null},
      ${JSON.stringify(mail.attachments ?? [])}::jsonb)
    on conflict (idempotency_key) do nothing
    returning id`);
  return result.rows[0]?.id ?? null;
}
