import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CommitCmi } from "../../../common/api/player.js";
import { send } from "../../test/app.js";
import { playerFixture } from "../../test/player.js";
import { buildPackage, uploadPackage } from "../../test/scorm-packages.js";
import * as queries from "./queries.js";

const d = playerFixture("player");

const emptyCmi: CommitCmi = {
  lessonStatus: null,
  completionStatus: null,
  successStatus: null,
  score: { raw: null, min: null, max: null, scaled: null },
  progressMeasure: null,
  sessionTime: "",
  location: "",
  suspendData: "",
  exit: "",
  interactions: [],
  objectives: [],
};
const cmi2004 = (patch: Partial<CommitCmi>): CommitCmi => ({
  ...emptyCmi,
  completionStatus: "incomplete",
  successStatus: "unknown",
  ...patch,
});

async function facts() {
  const attempts = await d.database.db.execute<{
    id: number;
    number: number;
    status: string;
    score: number | null;
    cmi: Record<string, unknown>;
    version: number;
    ended: boolean;
  }>(sql`
    select a.id, a.number, a.status, a.score::float8 as score, a.cmi, a.version, a.ended_at is not null as ended
    from attempts a where a.enrollment_id = ${d.enrollmentId} and a.lesson_id = ${d.lessonId} order by a.number`);
  const sessions = await d.database.db.execute<{ id: number; attemptId: number; duration: number; ended: boolean }>(sql`
    select id, attempt_id as "attemptId", duration_s as duration, ended_at is not null as ended
    from sessions where enrollment_id = ${d.enrollmentId} and lesson_id = ${d.lessonId} order by id`);
  const stats = await d.database.db.execute<{
    status: string;
    score: number | null;
    attempts: number;
    version: number;
  }>(sql`
    select ls.status, ls.score::float8 as score, ls.attempts_count as attempts, e.version
    from lesson_stats ls join enrollments e on e.id = ls.enrollment_id
    where ls.enrollment_id = ${d.enrollmentId} and ls.lesson_id = ${d.lessonId}`);
  return {
    attempts: attempts.rows.map((a) => ({ ...a, id: Number(a.id) })),
    sessions: sessions.rows,
    stats: stats.rows[0],
  };
}

describe("SCORM player API", () => {
  let attemptId = 0;
  let sessionId = 0;

  it("launch: a new attempt and session, the content URL, the learner and the pass mark", async () => {
    const before = await facts();
    const response = await d.launch();
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    attemptId = body.attemptId;
    sessionId = body.sessionId;
    expect(body).toMatchObject({
      version: "2004",
      attemptNumber: before.attempts.length + 1,
      cmi: {
        entry: "ab-initio",
        location: "",
        suspendData: "",
        mode: "normal",
        credit: "credit",
        masteryScore: 80,
        learnerName: "AGASSE, Sam",
      },
      lesson: { id: d.lessonId, courseId: d.ids.c1 },
    });
    expect(body.contentUrl).toMatch(/^\/content\/scorm\/[0-9a-f-]{36}\/index\.html$/);
    const after = await facts();
    expect(after.attempts).toHaveLength(before.attempts.length + 1);
    expect(after.sessions).toHaveLength(before.sessions.length + 1);
    expect(after.sessions.at(-1)).toMatchObject({ attemptId, duration: 0, ended: false });
    expect(after.stats?.attempts).toBe(before.stats?.attempts ? before.stats.attempts + 1 : 1);
  });

  it("commit: stores the CMI data and updates the attempt, the session and the statistics in one go", async () => {
    const commit = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({
        location: "page-2",
        suspendData: "answers=a,b",
        sessionTime: "PT1M5S",
        exit: "suspend",
        interactions: [{ id: "q1", type: "choice", learner_response: "a", result: "correct" }],
        objectives: [{ id: "o1", success_status: "unknown" }],
      }),
    });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toEqual({ result: true, errorCode: 0, status: "in_progress", score: null });
    const { attempts } = await facts();
    const attempt = attempts.find((a) => a.id === attemptId);
    expect(attempt?.cmi).toMatchObject({
      location: "page-2",
      suspend_data: "answers=a,b",
      session_time: "PT1M5S",
      completion_status: "incomplete",
      interactions: [{ id: "q1", result: "correct" }],
      objectives: [{ id: "o1" }],
    });
  });

  it("a repeated identical commit is idempotent: nothing is written again", async () => {
    const before = await facts();
    const body = {
      sessionId,
      cmi: cmi2004({
        location: "page-2",
        suspendData: "answers=a,b",
        sessionTime: "PT1M5S",
        exit: "suspend",
        interactions: [{ id: "q1", type: "choice", learner_response: "a", result: "correct" }],
        objectives: [{ id: "o1", success_status: "unknown" }],
      }),
    };
    const again = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, body);
    expect(again.statusCode).toBe(200);
    expect(await facts()).toEqual(before);
  });

  it("validates the CMI data and names the field: version limits, types", async () => {
    const before = await facts();
    const long = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({ location: "x".repeat(1001) }),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0]).toMatchObject({ field: "body.cmi.location", rule: "too_big" });
    const suspend = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({ suspendData: "x".repeat(64_001) }),
    });
    expect(suspend.statusCode).toBe(400);
    expect(suspend.json().error.fields[0].field).toBe("body.cmi.suspendData");
    const wrongStatus = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: { ...cmi2004({}), completionStatus: "done" },
    });
    expect(wrongStatus.statusCode).toBe(400);
    expect(wrongStatus.json().error.fields[0].field).toBe("body.cmi.completionStatus");
    const versionMix = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({ lessonStatus: "passed" }),
    });
    expect(versionMix.statusCode).toBe(400);
    expect(versionMix.json().error.fields[0]).toMatchObject({ field: "body.cmi.lessonStatus", rule: "version" });
    expect(await facts()).toEqual(before);
  });

  it("another learner's attempt, or a session of another attempt, is 404 and changes nothing", async () => {
    const before = await facts();
    const { signIn } = await import("../../test/app.js");
    const demory = await signIn(d.app, "jerome.demory@demo.local");
    const foreign = await send(d.app, demory, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({ completionStatus: "completed" }),
    });
    expect(foreign.statusCode).toBe(404);
    const tutor = await send(d.app, d.tutor, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({ completionStatus: "completed" }),
    });
    expect(tutor.statusCode).toBe(404);
    const otherSession = before.sessions.find((s) => s.attemptId !== attemptId);
    const wrongSession = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId: otherSession?.id ?? 1,
      cmi: cmi2004({ completionStatus: "completed" }),
    });
    expect(wrongSession.statusCode).toBe(404);
    expect(await facts()).toEqual(before);
  });

  it("terminate by sendBeacon: a text/plain JSON body with the CSRF token ends the attempt and the session", async () => {
    const noToken = await d.app.inject({
      method: "POST",
      url: `/api/player/attempts/${attemptId}/terminate`,
      headers: { cookie: d.learner.cookie, "content-type": "text/plain;charset=UTF-8" },
      payload: JSON.stringify({ sessionId, cmi: cmi2004({ location: "page-3" }) }),
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe("csrf");

    const response = await d.app.inject({
      method: "POST",
      url: `/api/player/attempts/${attemptId}/terminate`,
      headers: { cookie: d.learner.cookie, "content-type": "text/plain;charset=UTF-8" },
      payload: JSON.stringify({
        sessionId,
        csrfToken: d.learner.csrfToken,
        cmi: cmi2004({ location: "page-3", suspendData: "answers=a,b,c", exit: "suspend" }),
      }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const { attempts, sessions } = await facts();
    expect(attempts.find((a) => a.id === attemptId)).toMatchObject({ ended: true, status: "in_progress" });
    expect(sessions.find((s) => s.id === sessionId)).toMatchObject({ ended: true });
  });

  it("a commit on a finished attempt is 409 and changes nothing", async () => {
    const before = await facts();
    const late = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({ completionStatus: "completed" }),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("attempt_finished");
    const lateEnd = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/terminate`, {
      sessionId,
      cmi: cmi2004({ completionStatus: "completed" }),
    });
    expect(lateEnd.statusCode).toBe(409);
    expect(await facts()).toEqual(before);
  });

  it("resume: the next launch is a new attempt that starts from the unfinished one's location and suspend data", async () => {
    const response = await d.launch();
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.attemptId).not.toBe(attemptId);
    expect(body.cmi).toMatchObject({ entry: "resume", location: "page-3", suspendData: "answers=a,b,c" });
    attemptId = body.attemptId;
    sessionId = body.sessionId;
  });

  it("a scaled score under the package's passing score fails, over it passes; statistics follow in the same transaction", async () => {
    const failed = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/commit`, {
      sessionId,
      cmi: cmi2004({
        completionStatus: "completed",
        successStatus: "passed",
        score: { raw: 60, min: 0, max: 100, scaled: 0.6 },
      }),
    });
    expect(failed.json()).toMatchObject({ status: "failed", score: 60 });
    const passed = await send(d.app, d.learner, "POST", `/api/player/attempts/${attemptId}/terminate`, {
      sessionId,
      cmi: cmi2004({
        completionStatus: "completed",
        successStatus: "passed",
        score: { raw: 85, min: 0, max: 100, scaled: 0.85 },
      }),
    });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ status: "passed", score: 85 });
    const { attempts, stats } = await facts();
    expect(attempts.find((a) => a.id === attemptId)).toMatchObject({ status: "passed", score: 85, ended: true });
    expect(stats).toMatchObject({ status: "passed" });
    expect(stats?.score).toBeGreaterThanOrEqual(85);
  });

  it("after a finished attempt, the next launch starts afresh", async () => {
    const response = await d.launch();
    expect(response.json().cmi).toMatchObject({ entry: "ab-initio", location: "", suspendData: "" });
  });

  it("SCORM 1.2: mastery score applies to the raw score, and 1.2's 4 kB suspend data limit", async () => {
    await uploadPackage(d.app, d.admin, d.lessonId, buildPackage({ version: "1.2", mastery: 70 }));
    const launched = (await d.launch()).json();
    expect(launched.version).toBe("1.2");
    expect(launched.cmi.masteryScore).toBe(70);
    const base = { ...emptyCmi, lessonStatus: "completed" as const };
    const tooLong = await send(d.app, d.learner, "POST", `/api/player/attempts/${launched.attemptId}/commit`, {
      sessionId: launched.sessionId,
      cmi: { ...base, suspendData: "x".repeat(4097) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0]).toMatchObject({ field: "body.cmi.suspendData", rule: "max_length" });
    expect(tooLong.json().error.message).toContain("4096");
    const low = await send(d.app, d.learner, "POST", `/api/player/attempts/${launched.attemptId}/commit`, {
      sessionId: launched.sessionId,
      cmi: { ...base, score: { raw: 65, min: 0, max: 100, scaled: null } },
    });
    expect(low.json()).toMatchObject({ status: "failed", score: 65 });
  });

  it("a learner not enrolled in the course, or a lesson that isn't e-learning, is 404", async () => {
    const { signIn } = await import("../../test/app.js");
    const outsider = await d.database.db.execute<{ email: string }>(sql`
      select u.email from users u where 'learner' = any(u.roles)
        and not exists (select 1 from enrollments e where e.user_id = u.id and e.course_id = ${d.ids.c1}) limit 1`);
    const session = await signIn(d.app, outsider.rows[0]?.email as string);
    expect((await d.launch(session)).statusCode).toBe(404);
    const sheet = await send(d.app, d.learner, "POST", `/api/player/lessons/${d.ids.c1Lessons.sheet}/launch`);
    expect(sheet.statusCode).toBe(404);
  });
});

describe("concurrency", () => {
  it("two launches at once make two attempts with their own numbers; a commit racing the terminate never half-applies", async () => {
    const [a, b] = await Promise.all([d.launch(), d.launch()]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().attemptNumber).not.toBe(b.json().attemptNumber);
    const latest = a.json().attemptNumber > b.json().attemptNumber ? a.json() : b.json();
    const body = {
      sessionId: latest.sessionId,
      cmi: { ...emptyCmi, lessonStatus: "incomplete" as const, location: "x" },
    };
    const [commit, end] = await Promise.all([
      send(d.app, d.learner, "POST", `/api/player/attempts/${latest.attemptId}/commit`, body),
      send(d.app, d.learner, "POST", `/api/player/attempts/${latest.attemptId}/terminate`, body),
    ]);
    expect(end.statusCode).toBe(200);
    expect([200, 409]).toContain(commit.statusCode);
    const { attempts } = await facts();
    expect(attempts.find((x) => x.id === latest.attemptId)).toMatchObject({ ended: true, cmi: { location: "x" } });
  });
});

describe("preview (Lancer le contenu)", () => {
  it("gives the tutor of the course the content without recording anything", async () => {
    const countAll = async () =>
      (
        await d.database.db.execute<{ attempts: number; sessions: number }>(
          sql`select (select count(*) from attempts)::int as attempts, (select count(*) from sessions)::int as sessions`,
        )
      ).rows[0];
    const before = await countAll();
    const response = await send(d.app, d.tutor, "POST", `/api/player/lessons/${d.lessonId}/preview`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      version: "1.2",
      cmi: { entry: "ab-initio", credit: "no-credit", location: "" },
      lesson: { id: d.lessonId },
    });
    expect(response.json().attemptId).toBeUndefined();
    expect(await countAll()).toEqual(before);
    const admin = await send(d.app, d.admin, "POST", `/api/player/lessons/${d.lessonId}/preview`);
    expect(admin.statusCode).toBe(200);
  });

  it("is 404 for a tutor of another course and 403 for a learner", async () => {
    expect((await send(d.app, d.tutor2, "POST", `/api/player/lessons/${d.lessonId}/preview`)).statusCode).toBe(404);
    expect((await send(d.app, d.learner, "POST", `/api/player/lessons/${d.lessonId}/preview`)).statusCode).toBe(403);
  });
});

describe("a commit from the attempt as this instance last wrote it", () => {
  afterEach(() => vi.restoreAllMocks());

  /** A 2004 package without a pass mark of its own, so the lesson's passing score decides. */
  async function launchUnmarked() {
    const uploaded = await uploadPackage(d.app, d.admin, d.lessonId, buildPackage({ version: "2004" }));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const launched = await d.launch();
    expect(launched.statusCode, launched.body).toBe(201);
    return launched.json() as { attemptId: number; sessionId: number; cmi: { entry: string } };
  }
  const commitAt = (launched: { attemptId: number; sessionId: number }, cmi: CommitCmi) =>
    send(d.app, d.learner, "POST", `/api/player/attempts/${launched.attemptId}/commit`, {
      sessionId: launched.sessionId,
      cmi,
    });

  it("the player's next commit is written without reading the attempt first, and lands as a fresh one would", async () => {
    const launched = await launchUnmarked();
    expect((await commitAt(launched, cmi2004({ location: "p1" }))).statusCode).toBe(200);
    const read = vi.spyOn(queries, "findAttempt");
    const second = await commitAt(launched, cmi2004({ location: "p2", sessionTime: "PT2M" }));
    expect(second.statusCode, second.body).toBe(200);
    expect(read).not.toHaveBeenCalled();
    const attempt = (await facts()).attempts.find((a) => a.id === launched.attemptId);
    expect(attempt?.cmi).toMatchObject({ entry: launched.cmi.entry, location: "p2", session_time: "PT2M" });
    // The same commit again changes nothing; it is confirmed against the attempt as it stands.
    const before = await facts();
    const again = await commitAt(launched, cmi2004({ location: "p2", sessionTime: "PT2M" }));
    expect(again.statusCode).toBe(200);
    expect(read).toHaveBeenCalledTimes(1);
    expect(await facts()).toEqual(before);
  });

  it("a passing score changed since the last commit is the one the next commit's status follows", async () => {
    await d.database.db.execute(sql`update lessons set passing_score = 70 where id = ${d.lessonId}`);
    const launched = await launchUnmarked();
    const score = { raw: 60, min: 0, max: 100, scaled: 0.6 };
    const failed = await commitAt(launched, cmi2004({ completionStatus: "completed", score }));
    expect(failed.json()).toMatchObject({ status: "failed", score: 60 });
    await d.database.db.execute(sql`update lessons set passing_score = 50 where id = ${d.lessonId}`);
    const write = vi.spyOn(queries, "applyCommit");
    const passed = await commitAt(launched, cmi2004({ completionStatus: "completed", score, location: "end" }));
    expect(passed.json()).toMatchObject({ status: "passed", score: 60 });
    // Tried from the attempt as last written (with its passing score), refused, then written afresh.
    expect(write.mock.calls.map(([, w]) => [w.knownPassingScore, w.status])).toEqual([
      [70, "failed"],
      [undefined, "passed"],
    ]);
    const attempt = (await facts()).attempts.find((a) => a.id === launched.attemptId);
    expect(attempt).toMatchObject({ status: "passed", cmi: { location: "end" } });
  });

  it("an attempt changed or ended elsewhere since is read afresh: the tutor's data is kept, an ended attempt is 409", async () => {
    const launched = await launchUnmarked();
    expect((await commitAt(launched, cmi2004({ location: "p1", suspendData: "s1" }))).statusCode).toBe(200);
    // The R6 edit of the location and suspend data (statistics/queries.ts setCmiText) bumps the version.
    await d.database.db.execute(
      sql`update attempts set cmi = cmi || '{"entry": "resume"}'::jsonb, version = version + 1 where id = ${launched.attemptId}`,
    );
    const next = await commitAt(launched, cmi2004({ location: "p2", suspendData: "s2" }));
    expect(next.statusCode, next.body).toBe(200);
    const attempt = (await facts()).attempts.find((a) => a.id === launched.attemptId);
    expect(attempt?.cmi).toMatchObject({ entry: "resume", location: "p2", suspend_data: "s2" });
    // Another instance terminated it (no version of ours can tell, ended_at does).
    await d.database.db.execute(sql`update attempts set ended_at = now() where id = ${launched.attemptId}`);
    const before = await facts();
    const late = await commitAt(launched, cmi2004({ location: "p3" }));
    expect(late.statusCode).toBe(409);
    expect(await facts()).toEqual(before);
  });

  it("a session of another attempt is 404 for an attempt known here, and changes nothing", async () => {
    const earlier = await launchUnmarked();
    const launched = await d.launch();
    expect(launched.statusCode).toBe(201);
    const current = launched.json() as { attemptId: number; sessionId: number };
    expect((await commitAt(current, cmi2004({ location: "p1" }))).statusCode).toBe(200);
    const before = await facts();
    const wrong = await commitAt(
      { attemptId: current.attemptId, sessionId: earlier.sessionId },
      cmi2004({ location: "x" }),
    );
    expect(wrong.statusCode).toBe(404);
    expect(await facts()).toEqual(before);
  });

  it("another user gets 404 for an attempt known here, and a commit breaking the version's rules 400", async () => {
    const launched = await launchUnmarked();
    expect((await commitAt(launched, cmi2004({ location: "p1" }))).statusCode).toBe(200);
    const before = await facts();
    const other = await send(d.app, d.tutor, "POST", `/api/player/attempts/${launched.attemptId}/commit`, {
      sessionId: launched.sessionId,
      cmi: cmi2004({ location: "hijack" }),
    });
    expect(other.statusCode).toBe(404);
    const wrong = await commitAt(launched, cmi2004({ lessonStatus: "completed" }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toMatchObject({ field: "body.cmi.lessonStatus", rule: "version" });
    expect(await facts()).toEqual(before);
  });
});

describe("API documentation", () => {
  it("documents the player and package routes", async () => {
    const response = await d.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/player/lessons/{lessonId}/launch",
        "/api/player/lessons/{lessonId}/preview",
        "/api/player/attempts/{attemptId}/commit",
        "/api/player/attempts/{attemptId}/terminate",
        "/api/admin/lessons/{lessonId}/scorm-package",
      ]),
    );
    expect(paths.some((p) => p.startsWith("/content/"))).toBe(false);
  });
});
