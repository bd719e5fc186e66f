import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessOf } from "../plugins/access.js";
import type { Session } from "../test/app.js";
import { demoFixture } from "../test/demo.js";
import { changed, responseText, snapshot } from "./inspect.js";
import { fillPath, type Operation, operations, routeKey, toQueryString, validSample } from "./routes.js";
import { buildWorld, samplesFor, UNKNOWN, type World } from "./world.js";

/**
 * The access matrix of issue #9, generated from the app's route table: every API route × every
 * role (anonymous, learner, another learner, tutor of the object, tutor of another course, tutor
 * restricted to another learner list, admin) × objects in and out of scope. Each route is given
 * its kind by URL prefix below; a route with a prefix no kind covers, or a path parameter with no
 * sample in world.ts, fails the first test — that is the entry a new route needs.
 */
type Kind =
  /** Anyone: health, sign-in, certificate verification. */
  | "public"
  /** The caller's own session and account. */
  | "self"
  /** An object of a course a tutor tutors (Cours 1 / AGASSE Sam). */
  | "course"
  /** Tutor or admin, not under one course: the tutor's lists and own objects (templates, audit undo). */
  | "tutoring"
  /** Admin only. */
  | "admin"
  /** A learner's own space (their enrollments, attempts, quizzes, SCORM player, content). */
  | "learner"
  /** Any signed-in user: catalogue pages, thumbnails. */
  | "catalogue";

const KINDS: [prefix: string, kind: Kind][] = [
  ["/api/health", "public"],
  ["/api/auth/sign-in", "public"],
  ["/api/verify/", "public"],
  ["/verify/", "public"],
  ["/api/auth/", "self"],
  ["/api/tutoring/courses/:courseId", "course"],
  ["/api/tutoring/", "tutoring"],
  ["/api/mail-templates", "tutoring"],
  ["/api/admin/", "admin"],
  ["/api/learner/", "learner"],
  ["/api/player/", "learner"],
  ["/api/quiz/", "learner"],
  ["/content/", "learner"],
  ["/api/catalogue/", "catalogue"],
  ["/api/courses/", "catalogue"],
];

const kindOf = (url: string) => KINDS.find(([prefix]) => url === prefix || url.startsWith(prefix))?.[1];
const isStream = (op: Operation) => op.method === "GET" && op.url.endsWith("/events");
const isRead = (op: Operation) => op.method === "GET" && !isStream(op);

const d = demoFixture();
let w: World;
let ops: Operation[];

beforeAll(async () => {
  w = await buildWorld(d);
  ops = (await operations(d.app)).filter((op) => !op.url.startsWith("/content/") || op.method === "GET");
  // The SCORM content files are served outside /api/ but belong in the matrix too.
  for (const route of d.app.routeTable) {
    if (route.url.startsWith("/content/") && !ops.some((op) => routeKey(op) === routeKey(route))) {
      ops.push({ ...route, pathParams: [], query: [], bodyTypes: [], documented: false });
    }
  }
});
afterAll(() => {
  if (w) fs.rmSync(w.missionFilePath, { force: true });
});

function request(op: Operation, scene: Record<string, string>, session: Session | null) {
  const samples = samplesFor(op.url, scene, w.lessons);
  const url = fillPath(op.url, samples).replace("*", samples["*"] ?? "");
  const query: Record<string, unknown> = {};
  for (const q of op.query) if (q.required) query[q.name] = validSample(q.schema, samples, q.name);
  const headers: Record<string, string> = session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {};
  if (op.method === "GET" || op.method === "DELETE") {
    return d.app.inject({ method: op.method as "GET", url: url + toQueryString(query), headers });
  }
  const body = op.body ? validSample(op.body, samples) : {};
  return d.app.inject({
    method: op.method as "POST",
    url: url + toQueryString(query),
    headers,
    payload: body as Record<string, unknown>,
  });
}

/** True when one of the route's parameters has no real object behind it (a 404 is then expected). */
const usesUnknown = (op: Operation, samples: Record<string, string>) =>
  op.pathParams.some((p) => samples[p.name] === UNKNOWN);

const leaks = (text: string, needles: string[]) => needles.filter((n) => n && text.includes(n));

describe("access matrix from the route table", () => {
  it("knows every route: an access rule, a kind, and a sample for each path parameter", () => {
    const problems: string[] = [];
    for (const op of ops) {
      if (op.url.startsWith("/api/") && !accessOf(op.url)) problems.push(`${routeKey(op)}: no ACCESS_RULES entry`);
      if (!kindOf(op.url)) problems.push(`${routeKey(op)}: no kind in KINDS (access-matrix.test.ts)`);
      for (const p of op.pathParams) {
        if (w.c1[p.name] === undefined) problems.push(`${routeKey(op)}: no sample for :${p.name} (world.ts)`);
      }
    }
    expect(problems).toEqual([]);
    expect(ops.length).toBeGreaterThan(60);
  });

  it("answers 401 to anonymous callers on every route that isn't public", async () => {
    const failures: string[] = [];
    for (const op of ops) {
      if (kindOf(op.url) === "public") continue;
      const response = await request(op, w.c1, null);
      if (response.statusCode !== 401 && !(op.url.startsWith("/content/") && response.statusCode === 404)) {
        failures.push(`${routeKey(op)}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 403 to a learner on tutoring and admin routes, and to a tutor on admin routes", async () => {
    const failures: string[] = [];
    for (const op of ops) {
      const kind = kindOf(op.url);
      if (kind === "course" || kind === "tutoring" || kind === "admin") {
        const learner = await request(op, w.c1, d.learner);
        if (learner.statusCode !== 403) failures.push(`${routeKey(op)} learner: ${learner.statusCode}`);
      }
      if (kind === "admin") {
        for (const [who, session] of [
          ["tutor", d.tutor],
          ["tutor2", d.tutor2],
        ] as const) {
          const response = await request(op, w.c1, session);
          if (response.statusCode !== 403) failures.push(`${routeKey(op)} ${who}: ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 to a tutor of another course on every route of Cours 1's objects, reads and writes, writing nothing and leaking nothing", async () => {
    const before = await snapshot(d.database.db);
    const failures: string[] = [];
    let checked = 0;
    for (const op of ops) {
      const kind = kindOf(op.url);
      if (kind !== "course" && kind !== "tutoring") continue;
      if (op.pathParams.length === 0) continue;
      checked++;
      const response = await request(op, w.c1, d.tutor2);
      if (response.statusCode !== 404)
        failures.push(`${routeKey(op)}: ${response.statusCode} ${response.body.slice(0, 120)}`);
      const leaked = leaks(responseText(response), w.foreignToTutor2);
      if (leaked.length) failures.push(`${routeKey(op)}: foreign data ${leaked.slice(0, 3).join(", ")}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(40);
    expect(changed(before, await snapshot(d.database.db))).toEqual([]);
  });

  it("answers 404 to a tutor restricted to another list on the learners outside it, and shows them nowhere", async () => {
    const before = await snapshot(d.database.db);
    const failures: string[] = [];
    let checked = 0;
    const learnerScoped = (op: Operation) =>
      op.pathParams.some((p) => p.name === "learnerId") &&
      op.pathParams.every((p) => ["courseId", "learnerId", "lessonId"].includes(p.name));
    for (const op of ops) {
      if (kindOf(op.url) !== "course") continue;
      if (learnerScoped(op)) {
        checked++;
        const outside = await request(op, w.c2Outside, d.tutor2);
        if (outside.statusCode !== 404) failures.push(`${routeKey(op)} outside the list: ${outside.statusCode}`);
        if (isRead(op)) {
          const inside = await request(op, w.c2Inside, d.tutor2);
          if (inside.statusCode >= 400) failures.push(`${routeKey(op)} inside the list: ${inside.statusCode}`);
        }
      } else if (isRead(op) && op.pathParams.every((p) => p.name === "courseId")) {
        // The course's lists, indicators, exports: nobody outside the list appears.
        const response = await request(op, w.c2Outside, d.tutor2);
        if (response.statusCode >= 400) failures.push(`${routeKey(op)} on Cours 2: ${response.statusCode}`);
        const leaked = leaks(responseText(response), w.foreignToTutor2);
        if (leaked.length) failures.push(`${routeKey(op)} on Cours 2: foreign data ${leaked.slice(0, 3).join(", ")}`);
      } else if (!isRead(op) && !isStream(op) && op.body && JSON.stringify(op.body).includes('"learnerIds"')) {
        // Selection resolvers given a learner outside the list by id: refused or resolved without them.
        const response = await request(op, w.c2Outside, d.tutor2);
        const leaked = leaks(responseText(response), w.foreignToTutor2);
        if (response.statusCode < 300 && leaked.length) {
          failures.push(`${routeKey(op)} selection outside the list: ${response.statusCode}, ${leaked.slice(0, 3)}`);
        }
        if (response.statusCode >= 500)
          failures.push(`${routeKey(op)} selection outside the list: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(5);
    // Selection resolvers may queue work for the learners inside the list; nothing for the others.
    const after = await snapshot(d.database.db);
    expect(
      changed(before, after).filter((t) => !["bulk_jobs", "outbox", "reminders", "audit_log"].includes(t)),
    ).toEqual([]);
  });

  it("shows a tutor of other courses none of Cours 1's learners in its own lists", async () => {
    const failures: string[] = [];
    for (const op of ops) {
      const kind = kindOf(op.url);
      if (!isRead(op) || op.pathParams.length > 0 || (kind !== "tutoring" && kind !== "course")) continue;
      const response = await request(op, w.c1, d.tutor2);
      if (response.statusCode >= 400) failures.push(`${routeKey(op)}: ${response.statusCode}`);
      const leaked = leaks(responseText(response), w.foreignToTutor2);
      if (leaked.length) failures.push(`${routeKey(op)}: foreign data ${leaked.slice(0, 3).join(", ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("lets the tutor of the object and the admin read every object of Cours 1", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of ops) {
      const kind = kindOf(op.url);
      if (!isRead(op)) continue;
      const readers: [string, Session][] =
        kind === "course" || kind === "tutoring"
          ? [
              ["tutor", d.tutor],
              ["admin", d.admin],
            ]
          : kind === "admin"
            ? [["admin", d.admin]]
            : [];
      for (const [who, session] of readers) {
        checked++;
        const response = await request(op, w.c1, session);
        const expected = usesUnknown(op, w.c1) ? response.statusCode < 500 : response.statusCode < 400;
        if (!expected) failures.push(`${routeKey(op)} ${who}: ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it("keeps a learner to their own objects: another learner's are 404, and no other learner's email shows", async () => {
    const before = await snapshot(d.database.db);
    const failures: string[] = [];
    const emails = w.foreignToSam.filter((s) => s.includes("@"));
    for (const op of ops) {
      const kind = kindOf(op.url);
      if (kind !== "learner" && kind !== "catalogue") continue;
      if (isRead(op)) {
        const own = await request(op, w.c1, d.learner);
        if (own.statusCode >= 500) failures.push(`${routeKey(op)} own: ${own.statusCode}`);
        const leaked = leaks(responseText(own), emails);
        if (leaked.length) failures.push(`${routeKey(op)} own: other learners' emails ${leaked.slice(0, 3)}`);
      }
      const ownsObject = op.pathParams.some((p) =>
        ["attemptId", "enrollmentId", "submissionId", "certificateId", "lessonId"].includes(p.name),
      );
      if (kind === "learner" && ownsObject) {
        const other = await request(op, w.c1, w.otherLearner);
        // A multipart upload is refused for its form before its lesson is looked up: nothing reached.
        const notReached = other.statusCode === 400 && /multipart/i.test(other.body);
        if (other.statusCode !== 404 && other.statusCode !== 403 && !notReached) {
          failures.push(`${routeKey(op)} another learner: ${other.statusCode} ${other.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(changed(before, await snapshot(d.database.db))).toEqual([]);
  });

  it("serves the verification page to anyone with the code, with the learner's name but no email", async () => {
    const page = await d.app.inject({ method: "GET", url: `/verify/${w.c1.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/AGASSE/i);
    expect(page.body).not.toContain("@demo.local");
    const api = await d.app.inject({ method: "GET", url: `/api/verify/${w.c1.code}` });
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toContain("@demo.local");
    expect((await d.app.inject({ method: "GET", url: "/verify/TUT-0000-0000-0000" })).statusCode).toBe(404);
    expect((await d.app.inject({ method: "GET", url: "/api/verify/%27%20or%201%3D1--" })).statusCode).toBe(404);
  });

  it("opens live streams only on courses in scope", async () => {
    const streams = ops.filter(isStream);
    expect(streams.length).toBeGreaterThan(0);
    await d.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = d.app.server.address() as AddressInfo;
    const failures: string[] = [];
    const open = async (op: Operation, samples: Record<string, string>, session: Session | null) => {
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}${fillPath(op.url, samples)}`, {
        headers: session ? { cookie: session.cookie } : {},
        signal: controller.signal,
      });
      const status = response.status;
      const type = response.headers.get("content-type") ?? "";
      controller.abort();
      await response.body?.cancel().catch(() => {});
      return { status, type };
    };
    for (const op of streams) {
      const own = await open(op, w.c1, d.tutor);
      if (own.status !== 200 || !own.type.startsWith("text/event-stream"))
        failures.push(`${op.url} tutor: ${own.status}`);
      for (const [who, session, samples, expected] of [
        ["anonymous", null, w.c1, 401],
        ["learner", d.learner, w.c1, 403],
        ["tutor of another course", d.tutor2, w.c1, 404],
      ] as const) {
        const response = await open(op, samples, session);
        if (response.status !== expected) failures.push(`${op.url} ${who}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
