import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, send } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";
import { buildPackage, manifests, packageFiles, uploadPackage, zipFiles } from "../../test/scorm-packages.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-scorm-"));
const MAX_BYTES = 200 * 1024;
const d = demoFixture({ env: { DATA_DIR: dataDir, SCORM_MAX_BYTES: String(MAX_BYTES) } });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const scormDir = () => path.join(dataDir, "scorm");
const stored = () => (fs.existsSync(scormDir()) ? fs.readdirSync(scormDir()).sort() : []);
async function packageRows(lessonId: string) {
  const result = await d.database.db.execute<{ id: string; active: boolean; version: string }>(
    sql`select id, active, version from scorm_packages where lesson_id = ${lessonId} order by uploaded_at`,
  );
  return result.rows;
}

/** Uploads a bad package and checks the 400 names the file and rule, and that nothing was kept. */
async function expectRefused(bytes: Uint8Array, file: string, rule: string, fileName = "package.zip") {
  const lessonId = d.ids.c1Lessons.elearning;
  const rowsBefore = await packageRows(lessonId);
  const filesBefore = stored();
  const response = await uploadPackage(d.app, d.admin, lessonId, bytes, fileName);
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json();
  expect(body.error.message).toContain(`${file}:`);
  expect(body.error.message).toContain(`(rule: ${rule})`);
  expect(body.error.fields).toEqual([expect.objectContaining({ field: "file", rule })]);
  expect(await packageRows(lessonId)).toEqual(rowsBefore);
  expect(stored()).toEqual(filesBefore);
  return body.error.message as string;
}

describe("POST /api/admin/lessons/:lessonId/scorm-package", () => {
  it("stores a SCORM 1.2 package: version, launch file, mastery score, files on disk, audit entry", async () => {
    const lessonId = d.ids.c1Lessons.elearning;
    const response = await uploadPackage(
      d.app,
      d.admin,
      lessonId,
      buildPackage({ version: "1.2", mastery: 70 }),
      "cours.zip",
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      version: "1.2",
      versionDetail: "1.2",
      launchPath: "index.html",
      masteryScore: 70,
      title: "Paquet de test 1.2",
      fileCount: 3,
      active: true,
      uploadedBy: { firstName: "Nadia", lastName: "Benali" },
    });
    expect(fs.readFileSync(path.join(scormDir(), body.id, "sco.js"), "utf8")).toContain("LMSInitialize");
    expect(stored().filter((f) => f.startsWith(".tmp"))).toEqual([]);
    const audit = await d.database.db.execute<{ action: string }>(
      sql`select action from audit_log where entity_id = ${body.id}`,
    );
    expect(audit.rows).toEqual([{ action: "scorm.upload" }]);
  });

  it("detects each SCORM 2004 edition and the scaled passing score (satisfiedByMeasure)", async () => {
    const lessonId = d.ids.c1Lessons.elearning;
    const cases = [
      { schemaVersion: "CAM 1.3", detail: "2004 2nd Edition" },
      { schemaVersion: "2004 3rd Edition", detail: "2004 3rd Edition" },
      { schemaVersion: "2004 4th Edition", detail: "2004 4th Edition" },
    ];
    for (const c of cases) {
      const response = await uploadPackage(
        d.app,
        d.admin,
        lessonId,
        buildPackage({ version: "2004", schemaVersion: c.schemaVersion, mastery: 0.8 }),
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ version: "2004", versionDetail: c.detail, masteryScore: 80 });
    }
  });

  it("keeps the replaced packages, inactive, and the admin page lists current and history", async () => {
    const lessonId = d.ids.c1Lessons.elearning;
    const rows = await packageRows(lessonId);
    expect(rows.filter((r) => r.active)).toHaveLength(1);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const page = await get(d.app, d.admin, `/api/admin/lessons/${lessonId}/scorm-package`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.current).toMatchObject({ versionDetail: "2004 4th Edition", active: true });
    expect(body.history.length).toBe(rows.length - 1);
    expect(body.maxBytes).toBe(MAX_BYTES);
    expect(body.lesson.course.id).toBe(d.ids.c1);
  });

  it("resolves the launch file with xml:base and the item's parameters", async () => {
    const xml = manifests["1.2"]({ version: "1.2" })
      .replace("<resources>", '<resources xml:base="content/">')
      .replace('<item identifier="item-1"', '<item identifier="item-1" parameters="?lang=fr"');
    const files = packageFiles({ version: "1.2", manifest: xml });
    const zip = zipFiles({
      "imsmanifest.xml": xml,
      "content/index.html": files["index.html"] as string,
      "content/sco.js": "",
    });
    const response = await uploadPackage(d.app, d.admin, d.ids.c1Lessons.elearning, zip);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().launchPath).toBe("content/index.html?lang=fr");
  });

  it("refuses a file that is not a zip (magic bytes)", async () => {
    const message = await expectRefused(Buffer.from("%PDF-1.7 not a zip"), "notes.pdf", "zip_type", "notes.pdf");
    expect(message).toContain("not a zip archive");
  });

  it("refuses a package over SCORM_MAX_BYTES", async () => {
    const big = zipFiles({
      ...packageFiles({ version: "2004" }),
      "video.bin": { content: crypto.randomBytes(MAX_BYTES + 10), level: 0 },
    });
    const message = await expectRefused(big, "big.zip", "max_size", "big.zip");
    expect(message).toContain(`${MAX_BYTES} bytes`);
  });

  it("refuses a package without imsmanifest.xml at the root", async () => {
    await expectRefused(buildPackage({ version: "1.2", manifest: null }), "imsmanifest.xml", "manifest_required");
    const nested = packageFiles({ version: "1.2" });
    const message = await expectRefused(
      zipFiles({ "course/imsmanifest.xml": nested["imsmanifest.xml"] as string, "course/index.html": "x" }),
      "imsmanifest.xml",
      "manifest_required",
    );
    expect(message).toContain('found "course/imsmanifest.xml"');
  });

  it("refuses a zip-slip path (..)", async () => {
    const files = { ...packageFiles({ version: "1.2" }), "../../evil.html": "<script>alert(1)</script>" };
    await expectRefused(zipFiles(files), "../../evil.html", "no_parent_paths");
  });

  it("refuses an absolute path", async () => {
    const files = { ...packageFiles({ version: "1.2" }), "/etc/cron.d/evil": "* * * * * root true" };
    await expectRefused(zipFiles(files), "/etc/cron.d/evil", "no_absolute_paths");
  });

  it("refuses a symbolic link (Unix mode in the external attributes)", async () => {
    const files = {
      ...packageFiles({ version: "1.2" }),
      "link.html": { content: "/etc/passwd", os: 3, attrs: (0o120777 << 16) >>> 0 },
    };
    await expectRefused(zipFiles(files), "link.html", "no_symlinks");
  });

  it("refuses a zip bomb by its compression ratio", async () => {
    const files = {
      ...packageFiles({ version: "1.2" }),
      "zeros.bin": { content: new Uint8Array(5 * 1024 * 1024), level: 9 as const },
    };
    const message = await expectRefused(zipFiles(files), "zeros.bin", "zip_bomb_ratio");
    expect(message).toMatch(/expands \d+ times/);
  });

  it("refuses files that add up to more than the uncompressed limit", async () => {
    // Two letters at random: about 8:1, under the ratio limit, but 1 MB once uncompressed (limit 800 kB).
    const random = crypto.randomBytes(1024 * 1024);
    const text = new Uint8Array(random.length);
    for (let i = 0; i < random.length; i++) text[i] = (random[i] ?? 0) & 1 ? 97 : 98;
    const files = { ...packageFiles({ version: "1.2" }), "data.txt": { content: text, level: 6 as const } };
    await expectRefused(zipFiles(files), "package.zip", "max_uncompressed_size");
  });

  it("refuses a manifest that is not well-formed XML", async () => {
    const message = await expectRefused(
      buildPackage({ version: "1.2", manifest: "<manifest><organizations></manifest>" }),
      "imsmanifest.xml",
      "manifest_xml",
    );
    expect(message).toContain("not well-formed XML");
  });

  it("refuses a manifest whose SCORM version can't be told", async () => {
    await expectRefused(
      buildPackage({ version: "1.2", manifest: '<manifest identifier="x"><organizations/><resources/></manifest>' }),
      "imsmanifest.xml",
      "scorm_version",
    );
  });

  it("refuses a package with no launchable SCO", async () => {
    const noHref = manifests["2004"]({ version: "2004" }).replace(/ href="index.html"/, "");
    const message = await expectRefused(
      buildPackage({ version: "2004", manifest: noHref }),
      "imsmanifest.xml",
      "launchable_sco",
    );
    expect(message).toContain('organization "org"');
    const asset = manifests["1.2"]({ version: "1.2" }).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="asset"');
    await expectRefused(buildPackage({ version: "1.2", manifest: asset }), "imsmanifest.xml", "launchable_sco");
  });

  it("refuses a package whose launch file is missing", async () => {
    const message = await expectRefused(
      zipFiles({ "imsmanifest.xml": manifests["1.2"]({ version: "1.2" }), "sco.js": "" }),
      "imsmanifest.xml",
      "launch_file_missing",
    );
    expect(message).toContain('"index.html"');
  });

  it("refuses an out-of-range mastery score", async () => {
    await expectRefused(buildPackage({ version: "1.2", mastery: 150 }), "imsmanifest.xml", "mastery_score");
  });

  it("refuses a lesson that is not e-learning, and an unknown lesson", async () => {
    const sheet = await uploadPackage(d.app, d.admin, d.ids.c1Lessons.sheet, buildPackage({ version: "1.2" }));
    expect(sheet.statusCode).toBe(400);
    expect(sheet.json().error.fields[0]).toMatchObject({ field: "lessonId", rule: "elearning_only" });
    const unknown = await uploadPackage(d.app, d.admin, crypto.randomUUID(), buildPackage({ version: "1.2" }));
    expect(unknown.statusCode).toBe(404);
  });

  it("refuses a request without a file", async () => {
    const response = await send(
      d.app,
      d.admin,
      "POST",
      `/api/admin/lessons/${d.ids.c1Lessons.elearning}/scorm-package`,
      {},
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ field: "file", rule: "multipart_required" });
  });

  it("is for admins only", async () => {
    const tutor = await uploadPackage(d.app, d.tutor, d.ids.c1Lessons.elearning, buildPackage({ version: "1.2" }));
    expect(tutor.statusCode).toBe(403);
    const learner = await get(d.app, d.learner, `/api/admin/lessons/${d.ids.c1Lessons.elearning}/scorm-package`);
    expect(learner.statusCode).toBe(403);
  });
});

describe("GET /content/scorm/:packageId/*", () => {
  let packageId = "";
  beforeAll(async () => {
    const response = await uploadPackage(d.app, d.admin, d.ids.c1Lessons.elearning, buildPackage({ version: "2004" }));
    packageId = response.json().id;
  });
  const current = async () => packageId;

  it("serves the files to the enrolled learner, the course's tutor and an admin, with content types and the content policy", async () => {
    const id = await current();
    for (const session of [d.learner, d.tutor, d.admin]) {
      const page = await get(d.app, session, `/content/scorm/${id}/index.html`);
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect(page.headers["content-security-policy"]).toContain("object-src 'none'");
      expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
      expect(page.body).toContain("Aller à la page 2");
    }
    const script = await get(d.app, d.learner, `/content/scorm/${id}/sco.js`);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const manifest = await get(d.app, d.learner, `/content/scorm/${id}/imsmanifest.xml`);
    expect(manifest.headers["content-type"]).toBe("application/xml; charset=utf-8");
  });

  it("serves byte ranges, so media can seek", async () => {
    const id = await current();
    const whole = await get(d.app, d.learner, `/content/scorm/${id}/sco.js`);
    const part = await d.app.inject({
      method: "GET",
      url: `/content/scorm/${id}/sco.js`,
      headers: { cookie: d.learner.cookie, range: "bytes=10-19" },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 10-19/${whole.rawPayload.length}`);
    expect(part.rawPayload).toEqual(whole.rawPayload.subarray(10, 20));
    const beyond = await d.app.inject({
      method: "GET",
      url: `/content/scorm/${id}/sco.js`,
      headers: { cookie: d.learner.cookie, range: `bytes=${whole.rawPayload.length + 5}-` },
    });
    expect(beyond.statusCode).toBe(416);
  });

  it("answers 404 to a tutor of another course, a signed-out visitor, and for paths outside the package", async () => {
    const id = await current();
    expect((await get(d.app, d.tutor2, `/content/scorm/${id}/index.html`)).statusCode).toBe(404);
    expect((await get(d.app, null, `/content/scorm/${id}/index.html`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/content/scorm/${id}/missing.html`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/content/scorm/${id}/..%2F..%2Fetc%2Fpasswd`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/content/scorm/${id}/%2e%2e/x`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, `/content/scorm/${crypto.randomUUID()}/index.html`)).statusCode).toBe(404);
    expect((await get(d.app, d.learner, "/content/scorm/not-a-uuid/index.html")).statusCode).toBe(404);
  });

  it("answers 404 to a learner not enrolled in the course", async () => {
    const other = await d.database.db.execute<{ email: string }>(sql`
      select u.email from users u where 'learner' = any(u.roles)
        and not exists (select 1 from enrollments e where e.user_id = u.id and e.course_id = ${d.ids.c1}) limit 1`);
    const email = other.rows[0]?.email;
    expect(email).toBeTruthy();
    const { signIn } = await import("../../test/app.js");
    const session = await signIn(d.app, email as string);
    const id = await current();
    expect((await get(d.app, session, `/content/scorm/${id}/index.html`)).statusCode).toBe(404);
  });
});

describe("the demo module", () => {
  it("is a valid SCORM 2004 4th edition package with an 80 % pass mark, stored through the upload code on Cours 1's e-learning lessons", async () => {
    const { attachDemoPackages } = await import("./demo-package.js");
    await attachDemoPackages(d.database.db, dataDir);
    const rows = await d.database.db.execute<{
      version: string;
      detail: string;
      mastery: number;
      launch: string;
      by: string;
    }>(sql`
      select p.version, p.version_detail as detail, p.mastery_score::float8 as mastery, p.launch_path as launch, u.email as by
      from scorm_packages p join lessons l on l.id = p.lesson_id join users u on u.id = p.uploaded_by
      where l.course_id = ${d.ids.c1} and p.active and p.manifest ->> 'fileName' = 'avant-vente-trois-etapes.zip'`);
    expect(rows.rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.rows[0]).toEqual({
      version: "2004",
      detail: "2004 4th Edition",
      mastery: 80,
      launch: "index.html",
      by: "admin@demo.local",
    });
  });
});
