import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { get, type Session, send, signIn } from "../../test/app.js";
import { createTestDatabase, type TestDatabase } from "../../test/db.js";
import { demoIds } from "../../test/demo.js";

// The app on the demo data with its own DATA_DIR, so uploaded files can be checked on disk.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-catalogue-admin-"));
const d = {} as {
  app: FastifyInstance;
  database: TestDatabase;
  admin: Session;
  tutor: Session;
  learner: Session;
  ids: Awaited<ReturnType<typeof demoIds>>;
};

beforeAll(async () => {
  d.database = await createTestDatabase({ demo: true });
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: d.database.url, DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  d.app = await buildApp({ db: d.database.db, config, logger: false });
  await d.app.ready();
  [d.admin, d.tutor, d.learner] = await Promise.all([
    signIn(d.app, "admin@demo.local"),
    signIn(d.app, "tuteur@demo.local"),
    signIn(d.app, "sam.agasse@demo.local"),
  ]);
  d.ids = await demoIds(d.database.db);
});

afterAll(async () => {
  await d.app?.close();
  await d.database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const admin = (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body: unknown = {}) =>
  send(d.app, d.admin, method, url, body);
const read = (url: string, session: Session = d.admin) => get(d.app, session, url);

async function auditCount(action: string) {
  const result = await d.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_log where action = ${action}`,
  );
  return result.rows[0]?.n ?? 0;
}

function expectField(response: { statusCode: number; json(): unknown }, status: number, field: string, rule?: string) {
  expect(response.statusCode).toBe(status);
  const body = response.json() as { error: { fields?: { field: string; rule: string }[] } };
  expect(body.error.fields?.some((f) => f.field.endsWith(field) && (!rule || f.rule === rule))).toBe(true);
}

/** A multipart body with one `file` part, as a browser's FormData sends it. */
function upload(url: string, fileName: string, type: string, bytes: Buffer, session: Session = d.admin) {
  const boundary = `----tutora${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return d.app.inject({
    method: "PUT",
    url,
    payload,
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
  });
}

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  Buffer.alloc(64, 1),
  Buffer.from([0xff, 0xd9]),
]);
function webp() {
  const body = Buffer.concat([Buffer.from("WEBPVP8L"), Buffer.from([5, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0])]);
  const head = Buffer.alloc(8);
  head.write("RIFF", 0, "latin1");
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function createCourse(overrides: Record<string, unknown> = {}) {
  const response = await admin("POST", "/api/admin/courses", {
    code: `T-${Math.random().toString(36).slice(2, 8)}`,
    name: "Négociation avancée",
    ...overrides,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; code: string };
}

async function samProgress(courseId: string) {
  const result = await d.database.db.execute<{ progress: number; completed: number }>(sql`
    select progress_pct as progress, completed_lessons as completed from enrollments
    where course_id = ${courseId} and user_id = ${d.ids.sam}`);
  return result.rows[0];
}

describe("admin folders (répertoires)", () => {
  it("creates, renames, moves a subtree and deletes only empty folders", async () => {
    const created = await admin("POST", "/api/admin/folders", { name: "  Commercial  ", parentId: null });
    expect(created.statusCode).toBe(201);
    const root = created.json();
    expect(root).toMatchObject({ name: "Commercial", parentId: null, courseCount: 0, childCount: 0 });
    const child = (await admin("POST", "/api/admin/folders", { name: "Vente", parentId: root.id })).json();
    const grandChild = (await admin("POST", "/api/admin/folders", { name: "Terrain", parentId: child.id })).json();

    const renamed = await admin("PATCH", `/api/admin/folders/${child.id}`, { name: "Vente B2B" });
    expect(renamed.json()).toMatchObject({ name: "Vente B2B", parentId: root.id, childCount: 1 });

    // No cycles: into itself or into its own descendant.
    expectField(
      await admin("PATCH", `/api/admin/folders/${root.id}`, { parentId: root.id }),
      400,
      "parentId",
      "no_cycle",
    );
    expectField(
      await admin("PATCH", `/api/admin/folders/${root.id}`, { parentId: grandChild.id }),
      400,
      "parentId",
      "no_cycle",
    );
    expectField(
      await admin("PATCH", `/api/admin/folders/${root.id}`, { parentId: UNKNOWN }),
      400,
      "parentId",
      "unknown",
    );

    // Move "Vente B2B" (with "Terrain") to the root: the subtree's paths follow.
    const moved = await admin("PATCH", `/api/admin/folders/${child.id}`, { parentId: null });
    expect(moved.json()).toMatchObject({ parentId: null });
    const paths = await d.database.db.execute<{ id: string; path: string }>(
      sql`select id, path from folders where id in (${child.id}, ${grandChild.id})`,
    );
    const byId = Object.fromEntries(paths.rows.map((r) => [r.id, r.path]));
    expect(byId[child.id]).toBe(`/${child.id}/`);
    expect(byId[grandChild.id]).toBe(`/${child.id}/${grandChild.id}/`);

    // A course in "Terrain" is listed under "Vente B2B" (subtree filter) and blocks its deletion.
    const course = await createCourse({ folderId: grandChild.id });
    const inSubtree = (await read(`/api/admin/courses?folderId=${child.id}`)).json();
    expect(inSubtree.items.map((c: { id: string }) => c.id)).toEqual([course.id]);
    const refused = await admin("DELETE", `/api/admin/folders/${grandChild.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("folder_not_empty");
    expect((await admin("DELETE", `/api/admin/folders/${child.id}`)).statusCode).toBe(409);

    expect((await admin("DELETE", `/api/admin/folders/${root.id}`)).statusCode).toBe(204);
    const tree = (await read("/api/admin/folders")).json();
    expect(tree.items.some((f: { id: string }) => f.id === root.id)).toBe(false);
    expect(await auditCount("folder.create")).toBe(3);
    expect(await auditCount("folder.delete")).toBe(1);
  });

  it("names the field of bad input and answers 404 for unknown folders", async () => {
    expectField(await admin("POST", "/api/admin/folders", { name: "   " }), 400, "name");
    expectField(
      await admin("POST", "/api/admin/folders", { name: "X", parentId: UNKNOWN }),
      400,
      "parentId",
      "unknown",
    );
    expect((await admin("PATCH", `/api/admin/folders/${UNKNOWN}`, { name: "X" })).statusCode).toBe(404);
    expect((await admin("DELETE", `/api/admin/folders/${UNKNOWN}`)).statusCode).toBe(404);
    expectField(await admin("PATCH", "/api/admin/folders/not-a-uuid", { name: "X" }), 400, "folderId");
  });
});

describe("admin categories and competencies", () => {
  it("manages categories with unique names", async () => {
    const created = await admin("POST", "/api/admin/categories", { name: "Prospection" });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expectField(await admin("POST", "/api/admin/categories", { name: "prospection" }), 409, "name", "unique");
    expectField(await admin("POST", "/api/admin/categories", { name: "" }), 400, "name");
    const renamed = await admin("PUT", `/api/admin/categories/${id}`, { name: "Prospection terrain" });
    expect(renamed.json()).toMatchObject({ name: "Prospection terrain", courseCount: 0 });
    expect((await admin("PUT", `/api/admin/categories/${UNKNOWN}`, { name: "X" })).statusCode).toBe(404);
    expect((await admin("DELETE", `/api/admin/categories/${id}`)).statusCode).toBe(204);
    expect((await admin("DELETE", `/api/admin/categories/${id}`)).statusCode).toBe(404);
    expect(await auditCount("category.update")).toBe(1);
  });

  it("manages frameworks and their competencies with codes unique per framework", async () => {
    const framework = await admin("POST", "/api/admin/competencies/frameworks", { name: "Référentiel vente" });
    expect(framework.statusCode).toBe(201);
    const frameworkId = framework.json().id;
    expectField(await admin("POST", "/api/admin/competencies/frameworks", { name: "référentiel VENTE" }), 409, "name");
    const competency = await admin("POST", "/api/admin/competencies", {
      frameworkId,
      code: "01",
      label: "Écouter le client",
    });
    expect(competency.statusCode).toBe(201);
    expectField(
      await admin("POST", "/api/admin/competencies", { frameworkId, code: "01", label: "Doublon" }),
      409,
      "code",
      "unique",
    );
    expectField(
      await admin("POST", "/api/admin/competencies", { frameworkId: UNKNOWN, code: "02", label: "X" }),
      400,
      "frameworkId",
      "unknown",
    );
    expectField(await admin("POST", "/api/admin/competencies", { frameworkId, code: "", label: "X" }), 400, "code");
    const edited = await admin("PUT", `/api/admin/competencies/${competency.json().id}`, {
      code: "01",
      label: "Écouter activement",
    });
    expect(edited.json()).toMatchObject({ code: "01", label: "Écouter activement", frameworkId });
    const list = (await read("/api/admin/competencies")).json();
    const mine = list.items.find((f: { id: string }) => f.id === frameworkId);
    expect(mine.competencies.map((c: { label: string }) => c.label)).toEqual(["Écouter activement"]);
    expect((await admin("PUT", `/api/admin/competencies/${UNKNOWN}`, { code: "1", label: "X" })).statusCode).toBe(404);
    expect((await admin("PUT", `/api/admin/competencies/frameworks/${UNKNOWN}`, { name: "X" })).statusCode).toBe(404);
    expect((await admin("DELETE", `/api/admin/competencies/${competency.json().id}`)).statusCode).toBe(204);
    expect((await admin("DELETE", `/api/admin/competencies/frameworks/${frameworkId}`)).statusCode).toBe(204);
    expect((await admin("DELETE", `/api/admin/competencies/frameworks/${frameworkId}`)).statusCode).toBe(404);
  });
});

describe("admin courses", () => {
  it("pages and searches every course, accent-insensitively, in SQL", async () => {
    const page = (await read("/api/admin/courses?pageSize=2")).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(8);
    const next = (await read("/api/admin/courses?pageSize=2&page=2")).json();
    expect(next.items[0].id).not.toBe(page.items[0].id);
    const found = (await read("/api/admin/courses?q=AVANT%20VENTE")).json();
    expect(found.items.map((c: { name: string }) => c.name)).toContain("Cours 1 : L'avant-vente");
    const c1 = found.items.find((c: { id: string }) => c.id === d.ids.c1);
    expect(c1).toMatchObject({ lessonCount: 6, thumbnailUrl: null });
    expect(c1.enrollmentCount).toBeGreaterThanOrEqual(21);
    expectField(await read("/api/admin/courses?pageSize=500"), 400, "pageSize");
  });

  it("creates a course with its folder, audience, categories and competencies, shown to tutors and in the catalogue", async () => {
    const options = (await read("/api/admin/courses/form-options")).json();
    const list = options.lists.find((l: { name: string }) => l.name === "Équipe Nord");
    const category = (await admin("POST", "/api/admin/categories", { name: "Négociation" })).json();
    const framework = (await admin("POST", "/api/admin/competencies/frameworks", { name: "Négo" })).json();
    const competency = (
      await admin("POST", "/api/admin/competencies", { frameworkId: framework.id, code: "N1", label: "Conclure" })
    ).json();
    const folder = (await admin("POST", "/api/admin/folders", { name: "Négociation" })).json();
    const created = await admin("POST", "/api/admin/courses", {
      code: "NEGO-01",
      name: "Négociation : les bases",
      folderId: folder.id,
      description: "Préparer et conduire une négociation.",
      catalogueVisible: true,
      everyone: false,
      listIds: [list.id],
      inactivityDays: 10,
      categoryIds: [category.id],
      competencyIds: [competency.id],
    });
    expect(created.statusCode).toBe(201);
    const course = created.json();
    expect(course).toMatchObject({
      code: "NEGO-01",
      everyone: false,
      listIds: [list.id],
      categoryIds: [category.id],
      competencyIds: [competency.id],
      inactivityDays: 10,
      folderId: folder.id,
    });
    const searchName = await d.database.db.execute<{ s: string }>(
      sql`select search_name as s from courses where id = ${course.id}`,
    );
    expect(searchName.rows[0]?.s).toBe("negociation les bases");
    const catalogue = (await read(`/api/catalogue/courses/${course.id}`)).json();
    expect(catalogue.categories).toEqual(["Négociation"]);
    expect(catalogue.competencies[0]).toMatchObject({ code: "N1", label: "Conclure", framework: "Négo" });
    expect(await auditCount("course.create")).toBeGreaterThanOrEqual(1);

    // Duplicate code (case-insensitive) → 409 naming `code`.
    expectField(await admin("POST", "/api/admin/courses", { code: "nego-01", name: "Autre" }), 409, "code", "unique");
    // Audience of lists without a list, unknown references → 400 naming the field.
    expectField(await admin("POST", "/api/admin/courses", { code: "X1", name: "X", everyone: false }), 400, "listIds");
    expectField(
      await admin("POST", "/api/admin/courses", { code: "X1", name: "X", categoryIds: [UNKNOWN] }),
      400,
      "categoryIds",
      "unknown",
    );
    expectField(
      await admin("POST", "/api/admin/courses", { code: "X1", name: "X", folderId: UNKNOWN }),
      400,
      "folderId",
      "unknown",
    );
    expectField(
      await admin("POST", "/api/admin/courses", { code: "X1", name: "X", inactivityDays: 0 }),
      400,
      "inactivityDays",
    );
    expectField(await admin("POST", "/api/admin/courses", { name: "X" }), 400, "code");
  });

  it("edits a course; a new inactivity delay moves its learners' at-risk dates; unknown ids are 404", async () => {
    const before = (await read(`/api/admin/courses/${d.ids.c1}`)).json();
    const riskBefore = await d.database.db.execute<{ risk: string }>(
      sql`select risk_at as risk from enrollments where course_id = ${d.ids.c1} and user_id = ${d.ids.sam}`,
    );
    const saved = await admin("PUT", `/api/admin/courses/${d.ids.c1}`, {
      ...before,
      name: "Cours 1 : L'avant-vente",
      inactivityDays: 60,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().inactivityDays).toBe(60);
    const riskAfter = await d.database.db.execute<{ risk: string }>(
      sql`select risk_at as risk from enrollments where course_id = ${d.ids.c1} and user_id = ${d.ids.sam}`,
    );
    expect(riskAfter.rows[0]?.risk).not.toEqual(riskBefore.rows[0]?.risk);
    const restored = await admin("PUT", `/api/admin/courses/${d.ids.c1}`, { ...before });
    expect(restored.statusCode).toBe(200);
    expectField(await admin("PUT", `/api/admin/courses/${d.ids.c1}`, { ...before, code: "C02_La vente" }), 409, "code");
    expect((await read(`/api/admin/courses/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await admin("PUT", `/api/admin/courses/${UNKNOWN}`, { code: "Z", name: "Z" })).statusCode).toBe(404);
  });

  it("refuses tutors and learners (403) on the admin catalogue API", async () => {
    for (const session of [d.tutor, d.learner]) {
      expect((await read("/api/admin/courses", session)).statusCode).toBe(403);
      expect((await send(d.app, session, "POST", "/api/admin/folders", { name: "X" })).statusCode).toBe(403);
      expect((await send(d.app, session, "DELETE", `/api/admin/lessons/${d.ids.c1Lessons.sheet}`)).statusCode).toBe(
        403,
      );
      expect(
        (await upload(`/api/admin/courses/${d.ids.c1}/thumbnail`, "a.png", "image/png", PNG, session)).statusCode,
      ).toBe(403);
    }
  });
});

describe("course thumbnails", () => {
  it("stores a PNG under DATA_DIR and serves it through the course's thumbnail route", async () => {
    const course = await createCourse();
    const response = await upload(`/api/admin/courses/${course.id}/thumbnail`, "vignette.png", "image/png", PNG);
    expect(response.statusCode).toBe(200);
    const { thumbnailUrl } = response.json();
    expect(thumbnailUrl).toMatch(new RegExp(`^/api/courses/${course.id}/thumbnail\\?v=`));
    // The tutor's and the catalogue's screens get the same (cache-busting) URL.
    expect((await read(`/api/tutoring/courses/${course.id}`)).json().thumbnailUrl).toBe(thumbnailUrl);
    expect((await read(`/api/catalogue/courses/${course.id}`, d.learner)).json().thumbnailUrl).toBe(thumbnailUrl);
    const served = await read(thumbnailUrl, d.learner);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.rawPayload.equals(PNG)).toBe(true);
    const stored = await d.database.db.execute<{ p: string }>(
      sql`select thumbnail_path as p from courses where id = ${course.id}`,
    );
    const firstFile = path.join(dataDir, "files", stored.rows[0]?.p ?? "");
    expect(fs.existsSync(firstFile)).toBe(true);

    // Replacing it (JPEG, then WebP) removes the previous file.
    expect((await upload(`/api/admin/courses/${course.id}/thumbnail`, "v.jpg", "image/jpeg", JPEG)).statusCode).toBe(
      200,
    );
    expect(fs.existsSync(firstFile)).toBe(false);
    expect((await upload(`/api/admin/courses/${course.id}/thumbnail`, "v.webp", "image/webp", webp())).statusCode).toBe(
      200,
    );
    expect((await read(`/api/courses/${course.id}/thumbnail`)).headers["content-type"]).toBe("image/webp");
    expect((await admin("DELETE", `/api/admin/courses/${course.id}/thumbnail`)).statusCode).toBe(204);
    expect((await read(`/api/admin/courses/${course.id}`)).json().thumbnailUrl).toBeNull();
    expect(fs.readdirSync(path.join(dataDir, "files", "thumbnails", course.id))).toEqual([]);
    expect(await auditCount("course.thumbnail")).toBeGreaterThanOrEqual(4);
  });

  it("refuses SVG, wrong magic bytes, oversize files and polyglots, storing nothing", async () => {
    const course = await createCourse();
    const url = `/api/admin/courses/${course.id}/thumbnail`;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    expectField(await upload(url, "logo.svg", "image/svg+xml", svg), 400, "file", "image_type");
    // An SVG renamed .png and declared image/png is still refused by its content.
    expectField(await upload(url, "logo.png", "image/png", svg), 400, "file", "image_type");
    expectField(
      await upload(url, "photo.png", "image/png", Buffer.from("GIF89a not a png")),
      400,
      "file",
      "image_type",
    );
    const big = Buffer.concat([PNG.subarray(0, 33), Buffer.alloc(2 * 1024 * 1024)]);
    expectField(await upload(url, "big.png", "image/png", big), 400, "file", "max_size");
    const polyglot = Buffer.concat([PNG, Buffer.from("<html><script>alert(1)</script></html>")]);
    expectField(await upload(url, "poly.png", "image/png", polyglot), 400, "file", "polyglot");
    const inside = Buffer.concat([JPEG.subarray(0, 10), Buffer.from("<script>x</script>"), JPEG.subarray(10)]);
    expectField(await upload(url, "poly.jpg", "image/jpeg", inside), 400, "file", "polyglot");
    expectField(await admin("PUT", url, { file: "x" }), 400, "file", "multipart");
    expect((await read(`/api/admin/courses/${course.id}`)).json().thumbnailUrl).toBeNull();
    expect(fs.existsSync(path.join(dataDir, "files", "thumbnails", course.id))).toBe(false);
    expect((await upload(`/api/admin/courses/${UNKNOWN}/thumbnail`, "a.png", "image/png", PNG)).statusCode).toBe(404);
  });
});

describe("admin lessons", () => {
  it("adds a lesson at the end and recomputes every enrollment's progress in the same transaction", async () => {
    const before = await samProgress(d.ids.c1);
    const created = await admin("POST", `/api/admin/courses/${d.ids.c1}/lessons`, {
      type: "sheet",
      title: "Fiche Objections fréquentes",
      description: "Les réponses aux objections.",
      points: 5,
      passingScore: null,
      minTimeSeconds: 300,
      durationSeconds: 600,
      settings: { body: "Premier paragraphe.\n\nSecond paragraphe.", instructions: "ignored for a sheet" },
    });
    expect(created.statusCode).toBe(201);
    const lesson = created.json();
    expect(lesson).toMatchObject({ position: 7, type: "sheet", minTimeSeconds: 300, learnersWithActivity: 0 });
    expect(lesson.settings).toEqual({ body: "Premier paragraphe.\n\nSecond paragraphe.", document: null });
    const after = await samProgress(d.ids.c1);
    expect(after?.completed).toBe(before?.completed);
    expect(after?.progress).toBe(Math.round((100 * (before?.completed ?? 0)) / 7));
    // The tutor's preview shows the sheet's text.
    const preview = (await read(`/api/tutoring/courses/${d.ids.c1}/lessons/${lesson.id}/preview`, d.tutor)).json();
    expect(preview.document).toEqual(["Premier paragraphe.", "Second paragraphe."]);

    // Delete it: positions close up and progress is back.
    expect((await admin("DELETE", `/api/admin/lessons/${lesson.id}`)).statusCode).toBe(204);
    expect(await samProgress(d.ids.c1)).toEqual(before);
    expect(await auditCount("lesson.delete")).toBe(1);
  });

  it("refuses to delete a lesson learners worked on (409), explaining why", async () => {
    const response = await admin("DELETE", `/api/admin/lessons/${d.ids.c1Lessons.elearning}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: "lesson_has_activity" });
    expect((await admin("DELETE", `/api/admin/lessons/${UNKNOWN}`)).statusCode).toBe(404);
    const lessons = (await read(`/api/admin/courses/${d.ids.c1}/lessons`)).json();
    expect(lessons.items).toHaveLength(6);
    expect(lessons.items[0].learnersWithActivity).toBeGreaterThan(0);
  });

  it("reorders lessons in one transaction; the tutor's Leçons tab follows; a wrong set is a 400", async () => {
    const course = await createCourse();
    const ids: string[] = [];
    for (const [type, title] of [
      ["elearning", "Module 1"],
      ["quiz", "Quiz final"],
      ["mission", "Mission terrain"],
    ] as const) {
      const r = await admin("POST", `/api/admin/courses/${course.id}/lessons`, { type, title });
      expect(r.statusCode).toBe(201);
      ids.push(r.json().id);
    }
    const [a, b, c] = ids as [string, string, string];
    const reordered = await admin("PUT", `/api/admin/courses/${course.id}/lessons/order`, { lessonIds: [c, a, b] });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((l: { id: string; position: number }) => [l.id, l.position])).toEqual([
      [c, 1],
      [a, 2],
      [b, 3],
    ]);
    const tutorView = (await read(`/api/tutoring/courses/${course.id}/lessons`)).json();
    expect(tutorView.items.map((l: { title: string }) => l.title)).toEqual([
      "Mission terrain",
      "Module 1",
      "Quiz final",
    ]);
    expectField(
      await admin("PUT", `/api/admin/courses/${course.id}/lessons/order`, { lessonIds: [c, a] }),
      400,
      "lessonIds",
      "same_lessons",
    );
    expectField(
      await admin("PUT", `/api/admin/courses/${course.id}/lessons/order`, { lessonIds: [c, a, a] }),
      400,
      "lessonIds",
      "same_lessons",
    );
    expect((await admin("PUT", `/api/admin/courses/${UNKNOWN}/lessons/order`, { lessonIds: [a] })).statusCode).toBe(
      404,
    );
    // Deleting the middle one closes the gap.
    expect((await admin("DELETE", `/api/admin/lessons/${a}`)).statusCode).toBe(204);
    const left = (await read(`/api/admin/courses/${course.id}/lessons`)).json();
    expect(left.items.map((l: { id: string; position: number }) => [l.id, l.position])).toEqual([
      [c, 1],
      [b, 2],
    ]);
  });

  it("edits a lesson's fields and its type's settings, keeping settings managed elsewhere", async () => {
    const course = await createCourse();
    const quiz = (
      await admin("POST", `/api/admin/courses/${course.id}/lessons`, { type: "quiz", title: "Quiz" })
    ).json();
    // The quiz editor (another module) keeps its rules in settings: a save here must not drop them.
    await d.database.db.execute(
      sql`update lessons set settings = '{"randomOrder": true, "maxAttempts": 3}'::jsonb where id = ${quiz.id}`,
    );
    const saved = await admin("PUT", `/api/admin/lessons/${quiz.id}`, {
      title: "Quiz de validation",
      description: "Dix questions.",
      points: 20,
      passingScore: 75,
      minTimeSeconds: null,
      durationSeconds: 900,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      title: "Quiz de validation",
      passingScore: 75,
      points: 20,
      durationSeconds: 900,
    });
    const stored = await d.database.db.execute<{ settings: Record<string, unknown> }>(
      sql`select settings from lessons where id = ${quiz.id}`,
    );
    expect(stored.rows[0]?.settings).toEqual({ randomOrder: true, maxAttempts: 3 });

    const mission = (
      await admin("POST", `/api/admin/courses/${course.id}/lessons`, {
        type: "mission",
        title: "Mission",
        description: "Rédigez une proposition commerciale.",
        settings: { body: "not a sheet" },
      })
    ).json();
    // A mission's instructions are its description; a sheet's text isn't kept on it.
    expect(mission).toMatchObject({ description: "Rédigez une proposition commerciale.", settings: {} });

    expectField(
      await admin("PUT", `/api/admin/lessons/${quiz.id}`, { title: "Q", passingScore: 120 }),
      400,
      "passingScore",
    );
    expectField(await admin("PUT", `/api/admin/lessons/${quiz.id}`, { title: "" }), 400, "title");
    expectField(
      await admin("POST", `/api/admin/courses/${course.id}/lessons`, { type: "podcast", title: "X" }),
      400,
      "type",
    );
    expectField(
      await admin("POST", `/api/admin/courses/${course.id}/lessons`, {
        type: "sheet",
        title: "X",
        settings: { body: "x".repeat(100_001) },
      }),
      400,
      "body",
    );
    expect((await admin("PUT", `/api/admin/lessons/${UNKNOWN}`, { title: "X" })).statusCode).toBe(404);
    expect((await read(`/api/admin/lessons/${UNKNOWN}`)).statusCode).toBe(404);
    expect(
      (await admin("POST", `/api/admin/courses/${UNKNOWN}/lessons`, { type: "quiz", title: "X" })).statusCode,
    ).toBe(404);
    expect((await read(`/api/admin/lessons/${quiz.id}`)).json().title).toBe("Quiz de validation");
  });

  it("stores a practical sheet's PDF (PDF only, ≤ 20 MB) as settings.document under DATA_DIR", async () => {
    const course = await createCourse();
    const sheet = (
      await admin("POST", `/api/admin/courses/${course.id}/lessons`, {
        type: "sheet",
        title: "Fiche",
        settings: { body: "Texte" },
      })
    ).json();
    const url = `/api/admin/lessons/${sheet.id}/document`;
    const response = await upload(url, "fiche pratique.pdf", "application/pdf", PDF);
    expect(response.statusCode).toBe(200);
    expect(response.json().settings).toMatchObject({
      body: "Texte",
      document: { fileName: "fiche pratique.pdf", mimeType: "application/pdf", sizeBytes: PDF.length },
    });
    const stored = await d.database.db.execute<{ settings: { document: { storagePath: string } } }>(
      sql`select settings from lessons where id = ${sheet.id}`,
    );
    const storagePath = stored.rows[0]?.settings.document.storagePath ?? "";
    expect(storagePath).toMatch(new RegExp(`^files/lesson-documents/${sheet.id}/[0-9a-f-]+\\.pdf$`));
    expect(fs.readFileSync(path.join(dataDir, storagePath)).equals(PDF)).toBe(true);

    // Saving the sheet's text keeps its document.
    const edited = await admin("PUT", `/api/admin/lessons/${sheet.id}`, {
      title: "Fiche",
      settings: { body: "Nouveau" },
    });
    expect(edited.json().settings).toMatchObject({ body: "Nouveau", document: { fileName: "fiche pratique.pdf" } });

    expectField(
      await upload(url, "fake.pdf", "application/pdf", Buffer.from("PK\u0003\u0004 zip")),
      400,
      "file",
      "pdf_type",
    );
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    expectField(await upload(url, "big.pdf", "application/pdf", big), 400, "file", "max_size");
    const quiz = (await admin("POST", `/api/admin/courses/${course.id}/lessons`, { type: "quiz", title: "Q" })).json();
    expectField(
      await upload(`/api/admin/lessons/${quiz.id}/document`, "a.pdf", "application/pdf", PDF),
      400,
      "lessonId",
      "sheet_only",
    );
    expect((await upload(`/api/admin/lessons/${UNKNOWN}/document`, "a.pdf", "application/pdf", PDF)).statusCode).toBe(
      404,
    );

    expect((await admin("DELETE", url)).statusCode).toBe(204);
    expect(fs.existsSync(path.join(dataDir, storagePath))).toBe(false);
    expect((await read(`/api/admin/lessons/${sheet.id}`)).json().settings.document).toBeNull();
    expect((await admin("DELETE", url)).statusCode).toBe(404);
  });
});
