import PgBoss from "pg-boss";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { flushOutbox } from "../modules/mail/delivery.js";
import { type Mailer, smtpMailer } from "../modules/mail/mailer.js";

export interface Jobs {
  /** Asks the workers to deliver the outbox now (after a commit that queued mail). */
  kickMail(): Promise<void>;
  stop(): Promise<void>;
}

const MAIL_QUEUE = "mail-flush";

/** Jobs that do nothing: API tests and tools that must not deliver mail. */
export const noJobs: Jobs = { kickMail: async () => {}, stop: async () => {} };

/**
 * pg-boss workers on the app's database: `mail-flush` delivers the outbox (kicked after each
 * commit that queues mail, and every minute for retries and anything a crash left behind).
 * Without SMTP_URL, no worker runs and messages stay in the outbox, marked not sent.
 */
export async function startJobs(db: Db, config: Config, mailer?: Mailer): Promise<Jobs> {
  const transport = mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : undefined);
  if (!transport) return noJobs;
  const connectionString = db.$client.options.connectionString;
  if (!connectionString) throw new Error("The jobs need the database's connection string");
  const boss = new PgBoss({ connectionString, max: 3, schema: "pgboss" });
  boss.on("error", () => {});
  await boss.start();
  await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, policy: "stately", retryLimit: 0 });
  await boss.work(MAIL_QUEUE, async () => {
    await flushOutbox(db, transport);
  });
  await boss.schedule(MAIL_QUEUE, "* * * * *");
  return {
    kickMail: async () => {
      await boss.send(MAIL_QUEUE, {}).catch(() => null);
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => {});
      if (!mailer) transport.close();
    },
  };
}
