import pg from "pg";
import PgBoss from "pg-boss";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { runJob as runCertificateJob } from "../modules/certificates/service.js";
import { flushOutbox } from "../modules/mail/delivery.js";
import { type Mailer, smtpMailer } from "../modules/mail/mailer.js";
import { runRules } from "../modules/reminders/rules.js";

export interface Jobs {
  /** Asks the workers to deliver the outbox now (after a commit that queued mail). */
  kickMail(): Promise<void>;
  /** Runs a bulk job (bulk_jobs row) in the background. */
  runBulk(jobId: string): Promise<void>;
  stop(): Promise<void>;
}

const MAIL_QUEUE = "mail-flush";
const BULK_QUEUE = "bulk";
const RULES_QUEUE = "reminder-rules";

/** No workers (API tests, tools): mail stays in the outbox; bulk jobs run in this process. */
export function inlineJobs(db: Db, config: Config): Jobs {
  return {
    kickMail: async () => {},
    runBulk: async (jobId) => {
      setImmediate(() => void runCertificateJob(db, config, jobId).catch(() => {}));
    },
    stop: async () => {},
  };
}

/**
 * pg-boss workers on the app's database. `bulk` runs bulk jobs (certificates for a selection);
 * a job whose worker died expires and runs again, and resumes where it stopped. `mail-flush`
 * delivers the outbox (kicked after each commit that queues mail, and every minute for retries
 * and anything a crash left behind); without SMTP_URL it doesn't run and messages stay in the
 * outbox, marked not sent.
 */
export async function startJobs(db: Db, config: Config, mailer?: Mailer): Promise<Jobs> {
  const transport = mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : undefined);
  const connectionString = db.$client.options.connectionString;
  if (!connectionString) throw new Error("The jobs need the database's connection string");
  const boss = new PgBoss({ connectionString, max: 3, schema: "pgboss" });
  boss.on("error", () => {});
  // Instances starting together would create pg-boss's schema, queues and schedules at the same
  // time and deadlock (seen with two instances on a fresh database): one instance at a time.
  const setupLock = new pg.Client({ connectionString });
  await setupLock.connect();
  try {
    await setupLock.query("select pg_advisory_lock(hashtext('tutora:pg-boss-setup'))");
    return await setUpWorkers(db, config, boss, transport, mailer);
  } finally {
    await setupLock.end().catch(() => {});
  }
}

async function setUpWorkers(
  db: Db,
  config: Config,
  boss: PgBoss,
  transport: Mailer | undefined,
  mailer: Mailer | undefined,
): Promise<Jobs> {
  await boss.start();
  await boss.createQueue(BULK_QUEUE, { name: BULK_QUEUE, retryLimit: 5, retryDelay: 5, expireInSeconds: 600 });
  const bulkWorker = await boss.work<{ jobId: string }>(BULK_QUEUE, async ([job]) => {
    if (job) await runCertificateJob(db, config, job.data.jobId);
  });
  // Automatic reminders (B2), every day at 07:00 UTC; a rule never sends twice within its period.
  await boss.createQueue(RULES_QUEUE, { name: RULES_QUEUE, policy: "singleton", retryLimit: 2 });
  await boss.work(RULES_QUEUE, async () => {
    if ((await runRules(db, config)) > 0 && transport) await boss.send(MAIL_QUEUE, {}).catch(() => null);
  });
  await boss.schedule(RULES_QUEUE, "0 7 * * *");
  if (transport) {
    await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, policy: "stately", retryLimit: 0 });
    await boss.work(MAIL_QUEUE, async () => {
      await flushOutbox(db, transport);
    });
    await boss.schedule(MAIL_QUEUE, "* * * * *");
  }
  return {
    kickMail: async () => {
      if (transport) await boss.send(MAIL_QUEUE, {}).catch(() => null);
    },
    runBulk: async (jobId) => {
      await boss.send(BULK_QUEUE, { jobId });
      // This instance's worker fetches it now rather than at its next poll (every 2 s): the tutor
      // waits for the zip. Another instance's idle worker may still take it first; any one is fine.
      boss.notifyWorker(bulkWorker);
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => {});
      if (transport && !mailer) transport.close();
    },
  };
}
