import { sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../db/client.js";
import { createTestApp, type Session, signIn, type TestApp } from "./app.js";

/** Ids of the demo data's landmarks, looked up by their stable codes and emails. */
export async function demoIds(db: Db) {
  const result = await db.execute<Record<string, string>>(sql`
    select
      (select id from courses where code = 'C01_L''avant-vente commerciale') as c1,
      (select id from courses where code = 'C02_La vente') as c2,
      (select id from courses where code = 'MGT_DISTANCE') as mgt,
      (select id from users where email = 'sam.agasse@demo.local') as sam,
      (select id from users where email = 'jerome.demory@demo.local') as demory`);
  const row = result.rows[0] as { c1: string; c2: string; mgt: string; sam: string; demory: string };
  const lessons = await db.execute<{ id: string; type: string }>(
    sql`select id, type from lessons where course_id = ${row.c1} order by position`,
  );
  const c1Lessons = Object.fromEntries(lessons.rows.map((l) => [l.type, l.id])) as Record<
    "elearning" | "sheet" | "quiz" | "webinar" | "mission" | "observation",
    string
  >;
  return { ...row, c1Lessons };
}

export interface DemoContext {
  app: TestApp["app"];
  database: TestApp["database"];
  tutor: Session;
  tutor2: Session;
  admin: Session;
  learner: Session;
  ids: Awaited<ReturnType<typeof demoIds>>;
}

/**
 * A test file's app on a fresh copy of the demo data, with the four demo accounts signed in
 * (tuteur@, tuteur2@, admin@, sam.agasse@) and the demo's ids; closed after the file.
 */
export function demoFixture(options: { env?: Record<string, string> } = {}): DemoContext {
  const context = {} as DemoContext;
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    testApp = await createTestApp({ demo: true, env: options.env });
    const [tutor, tutor2, admin, learner] = await Promise.all(
      ["tuteur@demo.local", "tuteur2@demo.local", "admin@demo.local", "sam.agasse@demo.local"].map((email) =>
        signIn(testApp?.app as TestApp["app"], email),
      ),
    );
    Object.assign(context, {
      app: testApp.app,
      database: testApp.database,
      tutor,
      tutor2,
      admin,
      learner,
      ids: await demoIds(testApp.database.db),
    });
  });
  afterAll(async () => {
    await testApp?.close();
  });
  return context;
}
