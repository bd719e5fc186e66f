import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import type { CommitCmi } from "../../common/api/player.js";
import { type Session, send } from "./app.js";
import { type DemoContext, demoFixture } from "./demo.js";
import { buildPackage, uploadPackage } from "./scorm-packages.js";

/** A SCORM 2004 commit still under way at `location`: what a player sends as the learner reads on. */
export function incompleteCmi(location: string): CommitCmi {
  return {
    lessonStatus: null,
    completionStatus: "incomplete",
    successStatus: "unknown",
    score: { raw: null, min: null, max: null, scaled: null },
    progressMeasure: null,
    sessionTime: "",
    location,
    suspendData: "",
    exit: "",
    interactions: [],
    objectives: [],
  };
}

export interface PlayerContext extends DemoContext {
  /** Cours 1's e-learning lesson, given a SCORM 2004 package with an 80 % pass mark. */
  lessonId: string;
  /** Sam's (the demo learner's) enrollment in Cours 1. */
  enrollmentId: string;
  /** Launches the lesson as the player page does, as Sam unless another session is given. */
  launch(session?: Session): ReturnType<typeof send>;
}

/**
 * The demo fixture (demo.ts) for the SCORM player's tests: stored files in a temporary folder of
 * the file's own (`tutora-<name>-…`, removed after the file), Cours 1's e-learning lesson given a
 * package, and Sam's enrollment to launch it from.
 */
export function playerFixture(name: string): PlayerContext {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tutora-${name}-`));
  // Registered before the demo fixture's: after hooks run in reverse, so the app closes first.
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const context = demoFixture({ env: { DATA_DIR: dataDir } }) as PlayerContext;
  context.launch = (session = context.learner) =>
    send(context.app, session, "POST", `/api/player/lessons/${context.lessonId}/launch`);
  beforeAll(async () => {
    context.lessonId = context.ids.c1Lessons.elearning;
    const uploaded = await uploadPackage(
      context.app,
      context.admin,
      context.lessonId,
      buildPackage({ version: "2004", mastery: 0.8 }),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const row = await context.database.db.execute<{ id: string }>(
      sql`select id from enrollments where course_id = ${context.ids.c1} and user_id = ${context.ids.sam}`,
    );
    context.enrollmentId = row.rows[0]?.id ?? "";
  });
  return context;
}
