import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { CommitCmi } from "../../../common/api/player.js";
import type { Tx } from "../../db/client.js";
import { send } from "../../test/app.js";
import { playerFixture } from "../../test/player.js";
import { PROGRESS_CHANNEL } from "../live/hub.js";
import { recomputeEnrollment } from "../tracking/summaries.js";

/**
 * A commit updates the learner's statistics incrementally (player/queries.ts applyCommit): only the
 * committed attempt, its lesson's row and the enrollment summary. These tests hold it to the full
 * recompute from the facts (tracking/summaries.ts): after every step of random sequences of
 * commits, terminations, launches, time passing, tutor overrides and attended classes, recomputing
 * the enrollment in a rolled-back transaction changes nothing.
 */
const d = playerFixture("incremental");

/** A small deterministic generator, so a failing sequence replays. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The four statuses with the package's 80 % pass mark: scaled score decides, else completion. */
const statusCmis: Record<string, Partial<CommitCmi>> = {
  in_progress: { completionStatus: "incomplete", successStatus: "unknown" },
  completed: { completionStatus: "completed", successStatus: "unknown" },
  passed: { completionStatus: "completed", successStatus: "passed" },
  failed: { completionStatus: "completed", successStatus: "failed" },
};

function cmiFor(status: string, n: number, scaled: number | null): CommitCmi {
  const score =
    status === "passed"
      ? { raw: 90, min: 0, max: 100, scaled: 0.9 }
      : status === "failed"
        ? { raw: 40, min: 0, max: 100, scaled: 0.4 }
        : { raw: scaled === null ? null : scaled * 100, min: 0, max: 100, scaled };
  return {
    lessonStatus: null,
    completionStatus: null,
    successStatus: null,
    score: status === "completed" || status === "in_progress" ? { ...score, scaled: null, raw: null } : score,
    progressMeasure: null,
    sessionTime: `PT${n}S`,
    location: `page-${n}`,
    suspendData: `n=${n}`,
    exit: "suspend",
    interactions: [],
    objectives: [],
    ...statusCmis[status],
  };
}

/** Everything the summaries hold for the enrollment, but the recompute's own bookkeeping. */
async function summaries(tx: Tx) {
  const result = await tx.execute<{ doc: unknown }>(sql`
    select jsonb_build_object(
      'enrollment', (select to_jsonb(e) - 'updated_at' - 'version' from enrollments e where e.id = ${d.enrollmentId}),
      'lessons', (select jsonb_agg(to_jsonb(ls) - 'updated_at' order by ls.lesson_id) from lesson_stats ls
                  where ls.enrollment_id = ${d.enrollmentId}),
      'attempts', (select jsonb_agg(jsonb_build_object('id', a.id, 'time', a.time_spent_s) order by a.id) from attempts a
                   where a.enrollment_id = ${d.enrollmentId})) as doc`);
  return result.rows[0]?.doc;
}

/** The summaries as they are, and as recomputing them from the facts makes them (rolled back). */
async function compareWithRecompute() {
  let incremental: unknown;
  let recomputed: unknown;
  await d.database.db
    .transaction(async (tx) => {
      incremental = await summaries(tx);
      await recomputeEnrollment(tx, d.enrollmentId);
      recomputed = await summaries(tx);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.message.includes("Rollback"))) throw error;
    });
  return { incremental, recomputed };
}

/** A launch that must succeed: its attempt and session. */
async function launch() {
  const response = await d.launch();
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { attemptId: number; sessionId: number };
}

describe("a commit's incremental statistics equal the full recompute", () => {
  it("after every commit of every status, terminate, relaunch, time passing, overrides and attendance", async () => {
    const db = d.database.db;
    const next = random(8);
    let current = await launch();
    const seen = new Set<string>();
    for (let step = 0; step < 80; step++) {
      const roll = next();
      let action: string;
      if (roll < 0.55) {
        const status = ["in_progress", "completed", "passed", "failed"][Math.floor(next() * 4)] as string;
        const scaled = next() < 0.5 ? null : Math.round(next() * 100) / 100;
        const terminate = next() < 0.15;
        const response = await send(
          d.app,
          d.learner,
          "POST",
          `/api/player/attempts/${current.attemptId}/${terminate ? "terminate" : "commit"}`,
          { sessionId: current.sessionId, cmi: cmiFor(status, step, scaled) },
        );
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json().status).toBe(status);
        action = `${terminate ? "terminate" : "commit"} ${status}`;
        if (terminate) current = await launch();
      } else if (roll < 0.65) {
        // A new launch while the attempt is open (another tab): the open one ends.
        current = await launch();
        action = "launch";
      } else if (roll < 0.74) {
        // Time passes: the session started earlier, as if the learner had spent minutes in it.
        await db.execute(
          sql`update sessions set started_at = started_at - make_interval(secs => ${Math.floor(next() * 900) + 1})
              where id = ${current.sessionId}`,
        );
        action = "time";
      } else if (roll < 0.8) {
        // An earlier session of the same attempt (its time counts with the commit's session).
        await db.transaction(async (tx) => {
          await tx.execute(sql`
            insert into sessions (enrollment_id, lesson_id, attempt_id, started_at, duration_s, ended_at)
            values (${d.enrollmentId}, ${d.lessonId}, ${current.attemptId}, now() - interval '1 day',
              ${Math.floor(next() * 20000)}, now() - interval '23 hours')`);
          await recomputeEnrollment(tx, d.enrollmentId);
        });
        action = "session";
      } else if (roll < 0.88) {
        // A tutor's statistics edit (R6): overrides on the lesson, then the full recompute it runs.
        const override = next() < 0.5;
        await db.transaction(async (tx) => {
          await tx.execute(sql`
            update lesson_stats set
              override_status = ${override ? "passed" : null}::lesson_status,
              override_score = ${override ? 75 : null},
              override_time_s = ${override ? 3600 : null},
              attempts_reset_after = ${override ? 1 : 0}
            where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId}`);
          await recomputeEnrollment(tx, d.enrollmentId);
        });
        action = override ? "override" : "clear override";
      } else if (roll < 0.92) {
        // A virtual class of the lesson attended (its time and completion count for the lesson).
        await db.transaction(async (tx) => {
          await tx.execute(sql`
            with vc as (
              insert into virtual_classes (course_id, lesson_id, title, starts_at, duration_min, join_url, uid)
              values (${d.ids.c1}, ${d.lessonId}, 'Classe', now() - interval '2 hours', 60, 'https://meet.example/x',
                gen_random_uuid()::text)
              returning id)
            insert into virtual_class_attendance (class_id, user_id, present, minutes)
            select id, ${d.ids.sam}, true, 45 from vc`);
          await recomputeEnrollment(tx, d.enrollmentId);
        });
        action = "attended";
      } else {
        // The same commit again: acknowledged, nothing written.
        const { attempts: before } = await attemptVersions();
        const body = { sessionId: current.sessionId, cmi: cmiFor("in_progress", 1000 + step, null) };
        const first = await send(d.app, d.learner, "POST", `/api/player/attempts/${current.attemptId}/commit`, body);
        expect(first.statusCode, first.body).toBe(200);
        const { attempts: afterFirst } = await attemptVersions();
        const again = await send(d.app, d.learner, "POST", `/api/player/attempts/${current.attemptId}/commit`, body);
        expect(again.statusCode, again.body).toBe(200);
        expect((await attemptVersions()).attempts).toEqual(afterFirst);
        expect(afterFirst).not.toEqual(before);
        action = "repeat";
      }
      seen.add(action.split(" ")[0] as string);
      const { incremental, recomputed } = await compareWithRecompute();
      expect(incremental, `step ${step}: ${action}`).toEqual(recomputed);
    }
    // The sequence went through every kind of step.
    expect([...seen].sort()).toEqual(
      ["attended", "clear", "commit", "launch", "override", "repeat", "session", "terminate", "time"].sort(),
    );
  });

  it("a terminating commit that reaches the pass mark completes the lesson in the summary", async () => {
    const current = await launch();
    await d.database.db.execute(sql`
      update lesson_stats set override_status = null, override_score = null, override_time_s = null, attempts_reset_after = 0
      where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId}`);
    await d.database.db.transaction((tx) => recomputeEnrollment(tx, d.enrollmentId));
    const response = await send(d.app, d.learner, "POST", `/api/player/attempts/${current.attemptId}/terminate`, {
      sessionId: current.sessionId,
      cmi: cmiFor("passed", 1, 0.9),
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = await d.database.db.execute<{ status: string; score: number; completed: number }>(sql`
      select ls.status, ls.score::float8 as score, e.completed_lessons as completed
      from lesson_stats ls join enrollments e on e.id = ls.enrollment_id
      where ls.enrollment_id = ${d.enrollmentId} and ls.lesson_id = ${d.lessonId}`);
    expect(row.rows[0]).toMatchObject({ status: "passed", score: 90 });
    const { incremental, recomputed } = await compareWithRecompute();
    expect(incremental).toEqual(recomputed);
  });
});

describe("a commit on a lesson whose virtual class the learner attended", () => {
  it("keeps the lesson completed by the attendance when the attempt fails, as the full recompute does", async () => {
    const db = d.database.db;
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from attempts where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId}`);
      await tx.execute(sql`
        update lesson_stats set override_status = null, override_score = null, override_time_s = null, attempts_reset_after = 0
        where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId}`);
      await tx.execute(sql`
        with vc as (
          insert into virtual_classes (course_id, lesson_id, title, starts_at, duration_min, join_url, uid)
          values (${d.ids.c1}, ${d.lessonId}, 'Classe', now() - interval '3 hours', 60, 'https://meet.example/y',
            gen_random_uuid()::text)
          returning id)
        insert into virtual_class_attendance (class_id, user_id, present, minutes)
        select id, ${d.ids.sam}, true, 30 from vc`);
      await recomputeEnrollment(tx, d.enrollmentId);
    });
    const current = await launch();
    for (const status of ["in_progress", "failed"]) {
      const response = await send(d.app, d.learner, "POST", `/api/player/attempts/${current.attemptId}/commit`, {
        sessionId: current.sessionId,
        cmi: cmiFor(status, status.length, null),
      });
      expect(response.statusCode, response.body).toBe(200);
      const row = await db.execute<{ status: string }>(sql`
        select status from lesson_stats where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId}`);
      expect(row.rows[0]?.status).toBe("completed");
      const { incremental, recomputed } = await compareWithRecompute();
      expect(incremental, status).toEqual(recomputed);
    }
  });
});

describe("concurrent writers of the same learner", () => {
  it("commits racing each other and a tutor's statistics edits all apply, without deadlock, and the summaries stay right", async () => {
    const db = d.database.db;
    const current = await launch();
    const commits = Array.from({ length: 8 }, (_, i) =>
      send(d.app, d.learner, "POST", `/api/player/attempts/${current.attemptId}/commit`, {
        sessionId: current.sessionId,
        cmi: cmiFor(i % 2 === 0 ? "in_progress" : "failed", 500 + i, null),
      }),
    );
    // The tutor's edit takes the enrollment first, then the learner's rows (as statistics/service.ts does).
    const edits = Array.from({ length: 3 }, (_, i) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from enrollments where id = ${d.enrollmentId} for update`);
        await tx.execute(sql`
          update lesson_stats set override_time_s = ${i % 2 === 0 ? 1200 : null}
          where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId}`);
        await recomputeEnrollment(tx, d.enrollmentId);
      }),
    );
    const responses = await Promise.all(commits);
    await Promise.all(edits);
    for (const response of responses) expect(response.statusCode, response.body).toBe(200);
    const { incremental, recomputed } = await compareWithRecompute();
    expect(incremental).toEqual(recomputed);
  });
});

async function attemptVersions() {
  const result = await d.database.db.execute<{ id: number; version: number }>(
    sql`select id, version from attempts where enrollment_id = ${d.enrollmentId} order by id`,
  );
  return { attempts: result.rows };
}

describe("live updates of the tutoring centers", () => {
  it("a commit notifies the course when the learner's summary changes, not when only the content's data does", async () => {
    const listener = new pg.Client({ connectionString: d.database.url });
    await listener.connect();
    const received: string[] = [];
    let marker: (() => void) | undefined;
    listener.on("notification", (message) => {
      if (message.payload === "marker") marker?.();
      else if (message.payload) received.push(message.payload);
    });
    await listener.query(`listen ${PROGRESS_CHANNEL}`);
    // Notifications arrive in commit order: once a marker sent after a commit arrives, any
    // notification of that commit has arrived too.
    const settle = async () => {
      const arrived = new Promise<void>((resolve) => {
        marker = resolve;
      });
      await d.database.db.execute(sql`select pg_notify(${PROGRESS_CHANNEL}, 'marker')`);
      await arrived;
      return received.splice(0);
    };
    try {
      // No tutor override on the lesson's time (earlier tests set some): the session's time shows.
      await d.database.db.transaction(async (tx) => {
        await tx.execute(sql`
          update lesson_stats set override_status = null, override_score = null, override_time_s = null
          where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId}`);
        await recomputeEnrollment(tx, d.enrollmentId);
      });
      const current = await launch();
      await settle();
      const commit = (cmi: CommitCmi) =>
        send(d.app, d.learner, "POST", `/api/player/attempts/${current.attemptId}/commit`, {
          sessionId: current.sessionId,
          cmi,
        });
      // Time spent moves the summary: the session lasted longer than the platform's cap.
      await d.database.db.execute(sql`update sessions set duration_s = 100000 where id = ${current.sessionId}`);
      expect((await commit(cmiFor("in_progress", 1, null))).statusCode).toBe(200);
      expect(await settle()).toEqual([d.ids.c1]);
      // Only the location and suspend data move (the session's time stays capped): nothing a tutor sees.
      expect((await commit({ ...cmiFor("in_progress", 2, null), location: "elsewhere" })).statusCode).toBe(200);
      expect(await settle()).toEqual([]);
      // Passing the lesson moves progress and status: notified.
      expect((await commit(cmiFor("passed", 3, 0.9))).statusCode).toBe(200);
      expect(await settle()).toEqual([d.ids.c1]);
    } finally {
      await listener.end();
    }
  });
});
