import { describe, expect, it } from "vitest";
import { get, send } from "../test/app.js";
import { demoFixture } from "../test/demo.js";
import { accessOf } from "./access.js";

const d = demoFixture();
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

/** A concrete URL for a route pattern: the demo's Cours 1 and AGASSE Sam, unknown ids elsewhere. */
function concrete(url: string) {
  return url
    .replace(":courseId", d.ids.c1)
    .replace(":learnerId", d.ids.sam)
    .replace(":lessonId", d.ids.c1Lessons.elearning)
    .replace(":number", "1")
    .replace(":auditId", "1")
    .replace(":messageId", "1")
    .replace(":code", "TUT-0000-0000-0000")
    .replace(/:[a-zA-Z]+/g, UNKNOWN)
    .replace("*", "index.css");
}

function call(method: string, url: string, session: Parameters<typeof get>[1]) {
  return method === "GET" ? get(d.app, session, url) : send(d.app, session, method as "POST", url, {});
}

/**
 * The access matrix, generated from the app's own route table: a route added without an access
 * rule fails here. Anonymous callers get 401 on every non-public route, a learner 403 on the
 * tutoring and admin API, a tutor 403 on the admin API, and a tutor who doesn't tutor Cours 1
 * 404 on every read of it.
 */
describe("access matrix", () => {
  it("gives every route an access rule", () => {
    const uncovered = d.app.routeTable.filter(
      (r) => (r.url.startsWith("/api/") || r.url.startsWith("/verify/")) && !accessOf(r.url),
    );
    expect(uncovered).toEqual([]);
  });

  it("answers each role as its rule says, before looking at parameters or bodies", async () => {
    const failures: string[] = [];
    for (const route of d.app.routeTable) {
      const access = accessOf(route.url);
      if (!access || access === "public") continue;
      const url = concrete(route.url);
      const label = `${route.method} ${route.url}`;
      const anonymous = await call(route.method, url, null);
      if (anonymous.statusCode !== 401) failures.push(`${label} anonymous: ${anonymous.statusCode}`);
      if (access === "user") continue;
      const learner = await call(route.method, url, d.learner);
      if (learner.statusCode !== 403) failures.push(`${label} learner: ${learner.statusCode}`);
      if (access.includes("tutor")) continue;
      const tutor = await call(route.method, url, d.tutor);
      if (tutor.statusCode !== 403) failures.push(`${label} tutor: ${tutor.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 to a tutor reading a course it doesn't tutor, and no foreign data leaks", async () => {
    const failures: string[] = [];
    for (const route of d.app.routeTable) {
      if (route.method !== "GET" || !route.url.startsWith("/api/tutoring/courses/:courseId")) continue;
      const response = await get(d.app, d.tutor2, concrete(route.url));
      if (response.statusCode !== 404) failures.push(`${route.url}: ${response.statusCode}`);
      if (/AGASSE|Demory|avant-vente/.test(response.body)) failures.push(`${route.url}: foreign data in the body`);
    }
    expect(failures).toEqual([]);
  });

  it("keeps the public routes public", async () => {
    expect((await get(d.app, null, "/api/health")).statusCode).toBe(200);
    expect((await get(d.app, null, "/api/docs/json")).statusCode).toBe(200);
    expect((await get(d.app, null, "/verify/TUT-0000-0000-0000")).statusCode).toBe(404);
  });
});
