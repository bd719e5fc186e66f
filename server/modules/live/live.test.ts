import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { demoFixture } from "../../test/demo.js";
import { recomputeEnrollments } from "../tracking/summaries.js";

let base: string;

const d = demoFixture();

beforeAll(async () => {
  base = await d.app.listen({ port: 0, host: "127.0.0.1" });
});

/** Reads server-sent events until one of the given type arrives. */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, type: string, seen: { text: string }) {
  const decoder = new TextDecoder();
  while (!seen.text.includes(`event: ${type}`)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${type}`);
    seen.text += decoder.decode(value);
  }
  const block = seen.text.slice(seen.text.indexOf(`event: ${type}`));
  seen.text = seen.text.slice(seen.text.indexOf(`event: ${type}`) + type.length + 7);
  return block.split("\n\n")[0] ?? "";
}

describe("live updates (B5)", () => {
  it("tells an open tutoring center when a learner's progress changes, and only its course id", async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/tutoring/courses/${d.ids.c1}/events`, {
      headers: { cookie: d.tutor.cookie },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const seen = { text: "" };
    await nextEvent(reader, "ready", seen);
    // A learner's activity commits elsewhere (another connection, as another app instance would).
    await d.database.db.transaction(async (tx) => {
      await tx.execute(sql`update attempts set status = 'completed', status_at = now() where enrollment_id = (
        select id from enrollments where user_id = ${d.ids.demory} and course_id = ${d.ids.c1}) and number = 1`);
      await recomputeEnrollments(tx, sql`e.user_id = ${d.ids.demory} and e.course_id = ${d.ids.c1}`);
    });
    const event = await nextEvent(reader, "progress", seen);
    expect(event).toBe(`event: progress\ndata: {"courseId":"${d.ids.c1}"}`);
    controller.abort();
  });

  it("is 404 for a d.tutor who does not d.tutor the course, 401 without a session", async () => {
    const foreign = await fetch(`${base}/api/tutoring/courses/${d.ids.c1}/events`, {
      headers: { cookie: d.tutor2.cookie },
    });
    expect(foreign.status).toBe(404);
    const anonymous = await fetch(`${base}/api/tutoring/courses/${d.ids.c1}/events`);
    expect(anonymous.status).toBe(401);
  });
});
