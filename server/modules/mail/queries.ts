import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

export async function listMessages(tx: Tx, query: { page: number; pageSize: number; status?: string; q?: string }) {
  const conditions = [sql`true`];
  if (query.status) conditions.push(sql`status = ${query.status}`);
  if (query.q)
    conditions.push(
      sql`(to_email ilike ${`%${query.q.replace(/[%_\\]/g, "\\$&")}%`} or subject ilike ${`%${query.q.replace(/[%_\\]/g, "\\$&")}%`})`,
    );
  const where = sql.join(conditions, sql` and `);
  const [rows, counted] = await Promise.all([
    tx.execute<{
      id: number;
      toEmail: string;
      toName: string;
      subject: string;
      text: string;
      attachments: string[];
      status: "pending" | "sending" | "sent" | "failed" | "held";
      tries: number;
      lastError: string | null;
      createdAt: string;
      nextTryAt: string;
      sentAt: string | null;
    }>(sql`
      select id, to_email as "toEmail", to_name as "toName", subject, text_body as text,
        coalesce((select jsonb_agg(a ->> 'fileName') from jsonb_array_elements(attachments) a), '[]'::jsonb) as attachments,
        status, tries, last_error as "lastError", created_at::text as "createdAt", next_try_at::text as "nextTryAt",
        sent_at::text as "sentAt"
      from outbox where ${where} order by id desc
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from outbox where ${where}`),
  ]);
  const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);
  return {
    rows: rows.rows.map((r) => ({
      ...r,
      createdAt: iso(r.createdAt) ?? "",
      nextTryAt: iso(r.nextTryAt) ?? "",
      sentAt: iso(r.sentAt),
    })),
    total: counted.rows[0]?.total ?? 0,
  };
}

export async function retryMessage(tx: Tx, id: number): Promise<"ok" | "missing" | "not_failed"> {
  const found = await tx.execute<{ status: string }>(sql`select status from outbox where id = ${id}`);
  const status = found.rows[0]?.status;
  if (!status) return "missing";
  if (status !== "failed") return "not_failed";
  await tx.execute(
    sql`update outbox set status = 'pending', tries = 0, next_try_at = now(), last_error = null where id = ${id}`,
  );
  return "ok";
}
