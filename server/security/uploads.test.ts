import { describe, expect, it } from "vitest";
import { THUMBNAIL_MAX_BYTES } from "../../common/api/catalogue-admin.js";
import { LEARNER_LIMITS } from "../../common/api/learner.js";
import { type Session, signIn } from "../test/app.js";
import { demoFixture } from "../test/demo.js";
import { changed, snapshot } from "./inspect.js";

/**
 * Hostile files (issue #9) on the upload routes that take user files: a mission submission
 * (learners) and a course thumbnail (admins). SVG with script, markup posing as a PDF, an image
 * with HTML appended (polyglot), oversize, a path in the file name: refused with a 400 naming the
 * field and the rule, and nothing stored. SCORM packages (zip slip, zip bomb, links, manifest) are
 * checked by server/modules/scorm/scorm.test.ts; CSV imports by server/modules/imports.
 */
const d = demoFixture();

function multipart(
  files: { field: string; name: string; type: string; data: Buffer }[],
  fields: Record<string, string> = {},
) {
  const boundary = `----tutora${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(session: Session, method: "POST" | "PUT", url: string, body: ReturnType<typeof multipart>) {
  return d.app.inject({
    method,
    url,
    payload: body.payload,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, "content-type": body.contentType },
  });
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082",
  "hex",
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const FAKE_PDF = Buffer.from("<html><body><script>alert(1)</script></body></html>");

describe("hostile uploads", () => {
  it("refuses hostile mission files by name and rule, storing nothing", async () => {
    const url = `/api/learner/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.mission}/submissions`;
    const before = await snapshot(d.database.db);
    const cases: [string, ReturnType<typeof multipart>, string][] = [
      [
        "svg with script",
        multipart([{ field: "files", name: "evil.svg", type: "image/svg+xml", data: SVG }]),
        "file_type",
      ],
      [
        "html posing as a pdf",
        multipart([{ field: "files", name: "report.pdf", type: "application/pdf", data: FAKE_PDF }]),
        "file_content",
      ],
      [
        "html posing as a png",
        multipart([{ field: "files", name: "photo.png", type: "image/png", data: FAKE_PDF }]),
        "file_content",
      ],
      [
        "an executable",
        multipart([{ field: "files", name: "setup.exe", type: "application/octet-stream", data: Buffer.from("MZ") }]),
        "file_type",
      ],
      [
        "oversize",
        multipart([
          {
            field: "files",
            name: "big.txt",
            type: "text/plain",
            data: Buffer.alloc(LEARNER_LIMITS.missionFileBytes + 1024, 97),
          },
        ]),
        "max_size",
      ],
    ];
    for (const [label, body, rule] of cases) {
      const response = await upload(d.learner, "POST", url, body);
      expect(response.statusCode, label).toBe(400);
      expect(response.json().error.fields?.[0], label).toEqual(expect.objectContaining({ field: "files.0", rule }));
    }
    expect(changed(before, await snapshot(d.database.db))).toEqual([]);
  });

  it("keeps a path in a mission file's name out of where it is stored", async () => {
    const url = `/api/learner/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.mission}/submissions`;
    // A learner of Cours 1 who hasn't submitted the mission yet.
    const { rows: fresh } = await d.database.pool.query<{ email: string }>(
      `select u.email from enrollments e join users u on u.id = e.user_id
       where e.course_id = $1 and u.active and not exists (
         select 1 from mission_submissions s where s.enrollment_id = e.id)
       order by u.email limit 1`,
      [d.ids.c1],
    );
    const learner = await signIn(d.app, fresh[0]?.email ?? "");
    const response = await upload(
      learner,
      "POST",
      url,
      multipart(
        [{ field: "files", name: "../../../../etc/passwd.txt", type: "text/plain", data: Buffer.from("notes") }],
        {
          text: "Ma mission",
        },
      ),
    );
    if (response.statusCode === 400) {
      expect(response.json().error.fields?.[0]?.field).toBe("files.0");
      return;
    }
    expect(response.statusCode, response.body).toBeLessThan(300);
    const { rows } = await d.database.pool.query<{ file_name: string; storage_path: string }>(
      "select file_name, storage_path from mission_files order by ctid desc limit 1",
    );
    expect(rows[0]?.file_name).not.toMatch(/[\\/]|\.\./);
    expect(rows[0]?.storage_path).not.toMatch(/\.\.|^\//);
  });

  it("refuses SVG, polyglot and oversize thumbnails by name and rule, storing nothing", async () => {
    const url = `/api/admin/courses/${d.ids.c1}/thumbnail`;
    const before = await snapshot(d.database.db);
    const cases: [string, ReturnType<typeof multipart>, string][] = [
      [
        "svg with script",
        multipart([{ field: "file", name: "logo.svg", type: "image/svg+xml", data: SVG }]),
        "image_type",
      ],
      [
        "png with html appended",
        multipart([{ field: "file", name: "logo.png", type: "image/png", data: Buffer.concat([PNG, FAKE_PDF]) }]),
        "polyglot",
      ],
      [
        "oversize",
        multipart([
          {
            field: "file",
            name: "big.png",
            type: "image/png",
            data: Buffer.concat([PNG, Buffer.alloc(THUMBNAIL_MAX_BYTES)]),
          },
        ]),
        "max_size",
      ],
    ];
    for (const [label, body, rule] of cases) {
      const response = await upload(d.admin, "PUT", url, body);
      expect(response.statusCode, label).toBe(400);
      expect(response.json().error.fields?.[0], label).toEqual(expect.objectContaining({ field: "file", rule }));
    }
    expect(changed(before, await snapshot(d.database.db))).toEqual([]);
    // The clean image is taken: the refusals above were about the content, not the route.
    const clean = await upload(
      d.admin,
      "PUT",
      url,
      multipart([{ field: "file", name: "logo.png", type: "image/png", data: PNG }]),
    );
    expect(clean.statusCode, clean.body).toBeLessThan(300);
  });
});
