import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { get, type Session, send, signIn } from "../../test/app.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const dataDir = loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://x@localhost/x" }).dataDir;
let demory: Session;
let mgt: { id: string; mission: string; quiz: string };
const createdFolders: string[] = [];

beforeAll(async () => {
  demory = await signIn(d.app, "jerome.demory@demo.local");
  const lessons = await d.database.db.execute<{ id: string; type: string }>(
    sql`select id, type from lessons where course_id = ${d.ids.mgt} order by position`,
  );
  const byType = (type: string) => lessons.rows.find((l) => l.type === type)?.id ?? "";
  mgt = { id: d.ids.mgt, mission: byType("mission"), quiz: byType("quiz") };
});

afterAll(() => {
  for (const folder of createdFolders) fs.rmSync(folder, { recursive: true, force: true });
});

const base = (courseId: string) => `/api/learner/courses/${courseId}`;
const lessonUrl = (courseId: string, lessonId: string) => `${base(courseId)}/lessons/${lessonId}`;

type Part = { name: string; value: string } | { name: string; fileName: string; data: Buffer; type?: string };

/** A multipart/form-data request as a browser's FormData sends it. */
function multipart(session: Session | null, url: string, parts: Part[]) {
  const boundary = `----tutora${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("value" in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type ?? "application/octet-stream"}\r\n\r\n`,
        ),
      );
      chunks.push(part.data, Buffer.from("\r\n"));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return d.app.inject({
    method: "POST",
    url,
    payload: Buffer.concat(chunks),
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {}),
    },
  });
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

describe("Mes formations (S2)", () => {
  it("lists the learner's courses with progress, and the catalogue courses open to them", async () => {
    const response = await get(d.app, d.learner, "/api/learner/courses");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((c: { name: string }) => c.name)).toEqual(["Cours 1 : L'avant-vente", "Cours 2 : La vente"]);
    expect(body.items[0]).toMatchObject({ progressPct: 83, timeSpentSeconds: 15368, status: "in_progress" });
    const open = body.catalogue.map((c: { courseId: string }) => c.courseId);
    expect(open).toContain(d.ids.mgt);
    expect(open).not.toContain(d.ids.c1);
    expect(body.catalogue.find((c: { courseId: string }) => c.courseId === d.ids.mgt).lessons).toBeGreaterThan(0);
  });

  it("hides a course reserved to learner lists the learner is not in, and shows it once they join one", async () => {
    const db = d.database.db;
    const list = await db.execute<{ id: string }>(
      sql`insert into learner_lists (name) values ('S2 liste') returning id`,
    );
    const listId = list.rows[0]?.id;
    await db.execute(sql`update courses set audience_everyone = false where code = 'SEC_GESTES_POSTURES'`);
    const gp = (await db.execute<{ id: string }>(sql`select id from courses where code = 'SEC_GESTES_POSTURES'`))
      .rows[0]?.id;
    if (!gp || !listId) throw new Error("demo course GP_GESTES missing");
    await db.execute(sql`insert into course_audience_lists (course_id, list_id) values (${gp}, ${listId})`);
    const ids = async () =>
      (await get(d.app, d.learner, "/api/learner/courses"))
        .json()
        .catalogue.map((c: { courseId: string }) => c.courseId);
    expect(await ids()).not.toContain(gp);
    expect((await get(d.app, d.learner, base(gp))).statusCode).toBe(404);
    expect((await send(d.app, d.learner, "POST", `${base(gp)}/enrollment`)).statusCode).toBe(404);
    await db.execute(sql`insert into learner_list_members (list_id, user_id) values (${listId}, ${d.ids.sam})`);
    expect(await ids()).toContain(gp);
    await db.execute(sql`update courses set catalogue_visible = false where id = ${gp}`);
    expect(await ids()).not.toContain(gp);
    await db.execute(sql`update courses set catalogue_visible = true, audience_everyone = true where id = ${gp}`);
  });

  it("enrolls the learner in an open course with a lesson_stats row per lesson, once", async () => {
    const response = await send(d.app, d.learner, "POST", `${base(mgt.id)}/enrollment`);
    expect(response.statusCode).toBe(201);
    expect(response.json().courseId).toBe(mgt.id);
    const stats = await d.database.db.execute<{ n: number; lessons: number; type: string; status: string }>(sql`
      select (select count(*) from lesson_stats ls where ls.enrollment_id = e.id)::int as n,
        (select count(*) from lessons where course_id = e.course_id)::int as lessons, e.type, e.status
      from enrollments e where e.course_id = ${mgt.id} and e.user_id = ${d.ids.sam}`);
    expect(stats.rows[0]).toMatchObject({ type: "free", status: "not_started" });
    expect(stats.rows[0]?.n).toBe(stats.rows[0]?.lessons);
    const audit = await d.database.db.execute(
      sql`select 1 from audit_log where action = 'enrollment.self' and course_id = ${mgt.id} and learner_id = ${d.ids.sam}`,
    );
    expect(audit.rowCount).toBe(1);
    const again = await send(d.app, d.learner, "POST", `${base(mgt.id)}/enrollment`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_enrolled");
    const list = (await get(d.app, d.learner, "/api/learner/courses")).json();
    expect(list.items.map((c: { courseId: string }) => c.courseId)).toContain(mgt.id);
    expect(list.catalogue.map((c: { courseId: string }) => c.courseId)).not.toContain(mgt.id);
  });

  it("refuses an unknown course (404) and a malformed id (400 naming it)", async () => {
    expect((await send(d.app, d.learner, "POST", `${base(UNKNOWN)}/enrollment`)).statusCode).toBe(404);
    const bad = await send(d.app, d.learner, "POST", `${base("nope")}/enrollment`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("params.courseId");
    expect((await get(d.app, null, "/api/learner/courses")).statusCode).toBe(401);
  });
});

describe("the learner's course page", () => {
  it("shows the lessons in order with status, score and time from lesson_stats", async () => {
    const response = await get(d.app, d.learner, base(d.ids.c1));
    expect(response.statusCode).toBe(200);
    const course = response.json();
    expect(course.enrollment).toMatchObject({ progressPct: 83, status: "in_progress" });
    expect(course.lessons.map((l: { type: string }) => l.type)).toEqual([
      "elearning",
      "sheet",
      "quiz",
      "webinar",
      "mission",
      "observation",
    ]);
    expect(course.lessons[1]).toMatchObject({ status: "completed", score: 75, timeSpentSeconds: 80 });
    expect(course.lessons[2]).toMatchObject({ status: "passed", score: 94, attempts: 6 });
    expect(course.lessons[5]).toMatchObject({ status: "failed", score: 50 });
    expect(course.review).toMatchObject({ rating: 5 });
    expect(course.evaluation.questions).toHaveLength(4);
    expect(course.evaluation.submittedAt).not.toBeNull();
  });

  it("shows an open course not enrolled in without statistics, and 404 for lessons until enrolled", async () => {
    const onet = (await d.database.db.execute<{ id: string }>(sql`select id from courses where code = 'ONET_EMBAUCHE'`))
      .rows[0]?.id;
    const course = (await get(d.app, d.learner, base(onet ?? UNKNOWN))).json();
    expect(course.enrollment).toBeNull();
    expect(course.lessons.every((l: { status: string }) => l.status === "not_attempted")).toBe(true);
    expect((await get(d.app, d.learner, lessonUrl(onet ?? UNKNOWN, course.lessons[0].id))).statusCode).toBe(404);
  });

  it("answers 404 for a course unknown or a lesson of another course", async () => {
    expect((await get(d.app, d.learner, base(UNKNOWN))).statusCode).toBe(404);
    expect((await get(d.app, d.learner, lessonUrl(d.ids.c2, d.ids.c1Lessons.sheet))).statusCode).toBe(404);
  });
});

describe("lesson pages", () => {
  it("shows a practical sheet's text as paragraphs and whether it was read", async () => {
    const lesson = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.sheet))).json();
    expect(lesson.sheet.paragraphs).toHaveLength(4);
    expect(lesson.sheet.paragraphs[0]).toMatch(/^Avant le rendez-vous/);
    expect(lesson.sheet).toMatchObject({ read: true, document: null });
    expect(lesson.previous.id).toBe(d.ids.c1Lessons.elearning);
    expect(lesson.next.id).toBe(d.ids.c1Lessons.quiz);
    expect(lesson.quiz).toBeNull();
  });

  it("shows a quiz's rules and attempts left", async () => {
    await d.database.db.execute(
      sql`update lessons set settings = settings || '{"quiz": {"order": "ordered", "attemptsLimit": 8}}' where id = ${d.ids.c1Lessons.quiz}`,
    );
    const lesson = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.quiz))).json();
    expect(lesson.lesson.passingScore).toBe(93);
    expect(lesson.quiz).toEqual({ questions: 2, attemptsLimit: 8, attemptsUsed: 6, attemptsLeft: 2 });
  });

  it("shows the webinar's virtual class with its join link only while it can be joined", async () => {
    const lesson = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.webinar))).json();
    const demo = lesson.webinar.classes.find((c: { startsAt: string }) => c.startsAt === "2024-01-08T13:00:00.000Z");
    expect(demo).toMatchObject({ durationMinutes: 120, attended: true, joinUrl: null });
    const count = lesson.webinar.classes.length;
    await d.database.db.execute(sql`
      insert into virtual_classes (course_id, lesson_id, title, starts_at, duration_min, join_url, uid, created_by)
      select course_id, id, 'Session de rattrapage', now() + interval '2 days', 60, 'https://visio.demo.local/rattrapage',
        'rattrapage@tutora.test', (select id from users where email = 'tuteur@demo.local')
      from lessons where id = ${d.ids.c1Lessons.webinar}`);
    const after = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.webinar))).json();
    expect(after.webinar.classes).toHaveLength(count + 1);
    expect(after.webinar.classes.at(-1)).toMatchObject({
      title: "Session de rattrapage",
      joinUrl: "https://visio.demo.local/rattrapage",
      attended: null,
    });
  });

  it("shows the observation's result with the grid's ratings", async () => {
    const lesson = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.observation))).json();
    expect(lesson.observation.observations).toHaveLength(1);
    expect(lesson.observation.observations[0]).toMatchObject({
      score: 50,
      passed: false,
      comment: "À revoir : la préparation documentaire du rendez-vous.",
      tutorName: "Julien Roche",
    });
    expect(lesson.observation.observations[0].ratings[0].level).toBe("Non acquis");
  });

  it("shows a mission's submission with the tutor's correction, and no resubmission once passed", async () => {
    const lesson = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.mission))).json();
    expect(lesson.mission.submissions[0].correction).toMatchObject({
      verdict: "passed",
      feedback: "Préparation complète et bien structurée.",
    });
    expect(lesson.mission.blockedBy).toBe("passed");
    const refused = await multipart(d.learner, `${lessonUrl(d.ids.c1, d.ids.c1Lessons.mission)}/submissions`, [
      { name: "text", value: "Encore" },
    ]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("mission_passed");
  });

  it("says whether an e-learning lesson has content to launch", async () => {
    const lesson = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.elearning))).json();
    expect(typeof lesson.elearning.contentAvailable).toBe("boolean");
  });

  it("answers 404 to another learner for a course they are not enrolled in", async () => {
    expect((await get(d.app, demory, lessonUrl(mgt.id, mgt.mission))).statusCode).toBe(404);
  });
});

describe("practical sheet: reading time and Marquer comme lu", () => {
  let sheetId: string;
  beforeAll(async () => {
    sheetId = (
      await d.database.db.execute<{ id: string }>(
        sql`select id from lessons where course_id = ${d.ids.c2} and type = 'sheet' order by position limit 1`,
      )
    ).rows[0]?.id as string;
  });
  const stats = async () =>
    (
      await d.database.db.execute<{ status: string; time: number; attempts: number; sessions: number }>(sql`
        select ls.status, ls.time_spent_s as time, ls.attempts_count as attempts,
          (select count(*) from sessions s where s.enrollment_id = e.id and s.lesson_id = ${sheetId})::int as sessions
        from lesson_stats ls join enrollments e on e.id = ls.enrollment_id
        where e.user_id = ${d.ids.sam} and ls.lesson_id = ${sheetId}`)
    ).rows[0];

  it("opens a session, extends it by heartbeats, counts it in the lesson's time, and closes it by beacon", async () => {
    const url = `${lessonUrl(d.ids.c2, sheetId)}/sessions`;
    const opened = await send(d.app, d.learner, "POST", url);
    expect(opened.statusCode).toBe(201);
    const { sessionId, heartbeatSeconds } = opened.json();
    expect(heartbeatSeconds).toBe(30);
    expect(await stats()).toMatchObject({ status: "in_progress", attempts: 1, sessions: 1 });
    // The page has been open 40 seconds, its last beat 20 seconds ago.
    await d.database.db.execute(
      sql`update sessions set started_at = now() - interval '40 seconds', ended_at = now() - interval '20 seconds' where id = ${sessionId}`,
    );
    const beat = await send(d.app, d.learner, "POST", `${url}/${sessionId}/heartbeat`);
    expect(beat.statusCode).toBe(200);
    expect(beat.json().durationSeconds).toBeGreaterThanOrEqual(40);
    expect((await stats())?.time).toBeGreaterThanOrEqual(40);
    // sendBeacon: text/plain JSON body carrying the CSRF token, no header.
    const beacon = (token: string) =>
      d.app.inject({
        method: "POST",
        url: `${url}/${sessionId}/close`,
        payload: JSON.stringify({ csrfToken: token }),
        headers: { cookie: d.learner.cookie, "content-type": "text/plain;charset=UTF-8" },
      });
    expect((await beacon("wrong")).statusCode).toBe(403);
    const closed = await beacon(d.learner.csrfToken);
    expect(closed.statusCode).toBe(200);
    // Another learner can't touch it.
    expect((await send(d.app, demory, "POST", `${url}/${sessionId}/heartbeat`)).statusCode).toBe(404);
  });

  it("doesn't count a hidden tab's time: a stale session is refused (409) and a new one is opened", async () => {
    const url = `${lessonUrl(d.ids.c2, sheetId)}/sessions`;
    const { sessionId } = (await send(d.app, d.learner, "POST", url)).json();
    await d.database.db.execute(
      sql`update sessions set started_at = now() - interval '2 hours', ended_at = now() - interval '1 hour' where id = ${sessionId}`,
    );
    const stale = await send(d.app, d.learner, "POST", `${url}/${sessionId}/heartbeat`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("session_stale");
    const duration = await d.database.db.execute<{ d: number }>(
      sql`select duration_s as d from sessions where id = ${sessionId}`,
    );
    expect(duration.rows[0]?.d).toBe(0);
    expect((await send(d.app, d.learner, "POST", `${url}/${sessionId}/close`)).json().durationSeconds).toBe(0);
  });

  it("caps a session at the platform's session cap (B3)", async () => {
    const url = `${lessonUrl(d.ids.c2, sheetId)}/sessions`;
    const { sessionId } = (await send(d.app, d.learner, "POST", url)).json();
    await d.database.db.execute(sql`update platform_settings set session_cap_s = 60 where id = 1`);
    await d.database.db.execute(
      sql`update sessions set started_at = now() - interval '10 minutes', ended_at = now() - interval '10 seconds' where id = ${sessionId}`,
    );
    const beat = await send(d.app, d.learner, "POST", `${url}/${sessionId}/heartbeat`);
    await d.database.db.execute(sql`update platform_settings set session_cap_s = 14400 where id = 1`);
    expect(beat.json().durationSeconds).toBe(60);
  });

  it("marks the sheet as read: its attempt is completed and the course progress moves", async () => {
    const before = (await get(d.app, d.learner, base(d.ids.c2))).json().enrollment.progressPct;
    const read = await send(d.app, d.learner, "POST", `${lessonUrl(d.ids.c2, sheetId)}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().status).toBe("completed");
    expect(await stats()).toMatchObject({ status: "completed", attempts: 1 });
    const after = (await get(d.app, d.learner, base(d.ids.c2))).json().enrollment.progressPct;
    expect(after).toBeGreaterThan(before);
  });

  it("refuses reading sessions on a lesson that is not a sheet (409)", async () => {
    const response = await send(d.app, d.learner, "POST", `${lessonUrl(d.ids.c1, d.ids.c1Lessons.quiz)}/sessions`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("not_a_sheet");
  });
});

describe("practical sheet document", () => {
  const folder = path.join(dataDir, "files", "s2-tests");
  beforeAll(() => {
    fs.mkdirSync(folder, { recursive: true });
    createdFolders.push(folder);
    fs.writeFileSync(path.join(folder, "fiche.pdf"), PDF);
    fs.writeFileSync(path.join(folder, "fiche.html"), "<script>alert(1)</script>");
  });
  const setDocument = (document: Record<string, unknown>) =>
    d.database.db.execute(
      sql`update lessons set settings = settings || ${JSON.stringify({ document })}::jsonb where id = ${d.ids.c1Lessons.sheet}`,
    );
  const url = () => `${lessonUrl(d.ids.c1, d.ids.c1Lessons.sheet)}/document`;

  it("serves the PDF inline with nosniff, or as a download", async () => {
    expect((await get(d.app, d.learner, url())).statusCode).toBe(404);
    await setDocument({
      fileName: "Fiche préparation.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF.length,
      storagePath: "files/s2-tests/fiche.pdf",
    });
    const lesson = (await get(d.app, d.learner, lessonUrl(d.ids.c1, d.ids.c1Lessons.sheet))).json();
    expect(lesson.sheet.document).toEqual({
      fileName: "Fiche préparation.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF.length,
    });
    const inline = await get(d.app, d.learner, url());
    expect(inline.statusCode).toBe(200);
    expect(inline.headers["content-type"]).toBe("application/pdf");
    expect(inline.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(inline.headers["content-disposition"])).toMatch(/^inline; filename\*=UTF-8''Fiche%20pr/);
    expect(inline.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const download = await get(d.app, d.learner, `${url()}?download=1`);
    expect(String(download.headers["content-disposition"])).toMatch(/^attachment;/);
    expect((await get(d.app, demory, url())).statusCode).toBe(200);
    expect((await get(d.app, d.tutor, url())).statusCode).toBe(404);
  });

  it("never serves anything but a PDF inline, nor a path outside the data folder", async () => {
    await setDocument({
      fileName: "page.html",
      mimeType: "text/html",
      sizeBytes: 10,
      storagePath: "files/s2-tests/fiche.html",
    });
    const html = await get(d.app, d.learner, url());
    expect(html.headers["content-type"]).toBe("application/octet-stream");
    expect(String(html.headers["content-disposition"])).toMatch(/^attachment;/);
    await setDocument({
      fileName: "passwd.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1,
      storagePath: "../../etc/passwd",
    });
    expect((await get(d.app, d.learner, url())).statusCode).toBe(404);
    await d.database.db.execute(
      sql`update lessons set settings = settings - 'document' where id = ${d.ids.c1Lessons.sheet}`,
    );
  });
});

describe("missions: submit, correction, resubmission", () => {
  const submissionsUrl = () => `${lessonUrl(mgt.id, mgt.mission)}/submissions`;
  const latestFolder = async () => {
    const row = await d.database.db.execute<{ p: string }>(
      sql`select mf.storage_path as p from mission_files mf order by mf.id limit 1`,
    );
    return row.rows[0]?.p;
  };

  it("refuses bad submissions, naming the field and the rule, and writes nothing", async () => {
    const cases: [Part[], string, string][] = [
      [[], "text", "required"],
      [[{ name: "text", value: "x".repeat(20_001) }], "text", "max_length"],
      [
        [
          { name: "text", value: "ok" },
          { name: "declaredMinutes", value: "-5" },
        ],
        "declaredMinutes",
        "range",
      ],
      [
        [
          { name: "text", value: "ok" },
          { name: "declaredMinutes", value: "abc" },
        ],
        "declaredMinutes",
        "range",
      ],
      [[{ name: "files", fileName: "virus.exe", data: Buffer.from("MZ....") }], "files.0", "file_type"],
      [[{ name: "files", fileName: "fake.pdf", data: Buffer.from("MZ not a pdf") }], "files.0", "file_content"],
      [[{ name: "files", fileName: "image.png", data: PDF }], "files.0", "file_content"],
      [[{ name: "files", fileName: "binary.txt", data: Buffer.from([0x41, 0x00, 0x42]) }], "files.0", "file_content"],
      [
        [{ name: "files", fileName: "zip.docx", data: Buffer.from("PK\u0003\u0004 nothing") }],
        "files.0",
        "file_content",
      ],
      [[{ name: "files", fileName: "empty.pdf", data: Buffer.alloc(0) }], "files.0", "empty"],
      [
        [{ name: "files", fileName: "big.pdf", data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }],
        "files.0",
        "max_size",
      ],
      [
        Array.from({ length: 6 }, (_, i) => ({ name: "files", fileName: `p${i}.pdf`, data: PDF })),
        "files",
        "max_count",
      ],
    ];
    for (const [parts, field, rule] of cases) {
      const response = await multipart(d.learner, submissionsUrl(), parts);
      expect(response.statusCode, `${field} ${rule}`).toBe(400);
      expect(response.json().error.fields[0]).toMatchObject({ field, rule });
    }
    const json = await send(d.app, d.learner, "POST", submissionsUrl(), { text: "json" });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields[0].rule).toBe("multipart");
    const count = await d.database.db.execute(sql`
      select 1 from mission_submissions ms join enrollments e on e.id = ms.enrollment_id
      where ms.lesson_id = ${mgt.mission} and e.user_id = ${d.ids.sam}`);
    expect(count.rowCount).toBe(0);
    expect(await latestFolder()).toBeUndefined();
  });

  it("submits text and files: the tutor's queue shows it, and the statistics move in the same transaction", async () => {
    const response = await multipart(d.learner, submissionsUrl(), [
      { name: "text", value: "Mon plan de rituels d'équipe." },
      { name: "declaredMinutes", value: "45" },
      { name: "files", fileName: "../../Plan rituels.pdf", data: PDF, type: "application/pdf" },
      { name: "files", fileName: "tableau.png", data: PNG, type: "image/png" },
    ]);
    expect(response.statusCode).toBe(201);
    expect(response.json().attemptNumber).toBe(1);
    const storage = await latestFolder();
    createdFolders.push(path.resolve(dataDir, "files", path.dirname(storage ?? "x")));
    const queue = (await get(d.app, d.tutor2, `/api/tutoring/courses/${mgt.id}/missions`)).json();
    const item = queue.items.find((i: { learner: { lastName: string } }) => i.learner.lastName === "AGASSE");
    expect(item).toMatchObject({ files: 2, attemptNumber: 1, correction: null });
    const detail = (await get(d.app, d.tutor2, `/api/tutoring/courses/${mgt.id}/missions/${item.submissionId}`)).json();
    expect(detail.submission.files.map((f: { fileName: string }) => f.fileName)).toEqual([
      "Plan rituels.pdf",
      "tableau.png",
    ]);
    expect(detail.submission.declaredTimeSeconds).toBe(2700);
    // The tutor downloads exactly what was sent.
    const fileId = detail.submission.files[0].id;
    const file = await get(
      d.app,
      d.tutor2,
      `/api/tutoring/courses/${mgt.id}/missions/${item.submissionId}/files/${fileId}`,
    );
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // The learner too, and nobody else.
    const own = `${submissionsUrl()}/${item.submissionId}/files/${fileId}`;
    const mine = await get(d.app, d.learner, own);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(mine.headers["content-disposition"])).toMatch(/^attachment;/);
    expect((await get(d.app, demory, own)).statusCode).toBe(404);
    const stats = await d.database.db.execute<{ status: string; time: number }>(sql`
      select ls.status, ls.time_spent_s as time from lesson_stats ls join enrollments e on e.id = ls.enrollment_id
      where e.user_id = ${d.ids.sam} and ls.lesson_id = ${mgt.mission}`);
    expect(stats.rows[0]).toEqual({ status: "in_progress", time: 2700 });
  });

  it("refuses a second submission while the first waits (409), then accepts one after a failed correction", async () => {
    const waiting = await multipart(d.learner, submissionsUrl(), [{ name: "text", value: "v2" }]);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.code).toBe("waiting_correction");
    const queue = (await get(d.app, d.tutor2, `/api/tutoring/courses/${mgt.id}/missions`)).json();
    const item = queue.items.find((i: { learner: { lastName: string } }) => i.learner.lastName === "AGASSE");
    const corrected = await send(
      d.app,
      d.tutor2,
      "POST",
      `/api/tutoring/courses/${mgt.id}/missions/${item.submissionId}/correction`,
      { verdict: "failed", score: 40, feedback: "Ajoutez le rituel hebdomadaire." },
    );
    expect(corrected.statusCode).toBe(201);
    const lesson = (await get(d.app, d.learner, lessonUrl(mgt.id, mgt.mission))).json();
    expect(lesson.lesson.status).toBe("failed");
    expect(lesson.mission.blockedBy).toBeNull();
    expect(lesson.mission.submissions[0].correction).toMatchObject({
      verdict: "failed",
      score: 40,
      feedback: "Ajoutez le rituel hebdomadaire.",
      tutorName: "Sophie Lemaire",
    });
    expect(lesson.mission.submissions[0].files).toHaveLength(2);
    const again = await multipart(d.learner, submissionsUrl(), [{ name: "text", value: "Version 2 avec le rituel." }]);
    expect(again.statusCode).toBe(201);
    expect(again.json().attemptNumber).toBe(2);
  });

  it("answers 404 for a mission of a course the learner is not enrolled in", async () => {
    const response = await multipart(demory, submissionsUrl(), [{ name: "text", value: "x" }]);
    expect(response.statusCode).toBe(404);
  });
});

describe("lesson comments", () => {
  it("lists the lesson's comments with the tutor's answers, and adds one", async () => {
    const url = `${lessonUrl(d.ids.c1, d.ids.c1Lessons.elearning)}/comments`;
    const list = (await get(d.app, d.learner, url)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].answers[0].author.lastName).toBe("Roche");
    const created = await send(d.app, d.learner, "POST", url, { body: "  Le module se lance bien sur ordinateur.  " });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ body: "Le module se lance bien sur ordinateur.", mine: true });
    const tutorView = (
      await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/lessons/${d.ids.c1Lessons.elearning}/comments`)
    ).json();
    expect(tutorView.items[0].body).toBe("Le module se lance bien sur ordinateur.");
  });

  it("refuses an empty or too long comment, naming the field; 404 outside the learner's courses", async () => {
    const url = `${lessonUrl(d.ids.c1, d.ids.c1Lessons.elearning)}/comments`;
    for (const body of ["   ", "x".repeat(2001)]) {
      const response = await send(d.app, d.learner, "POST", url, { body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe("body.body");
    }
    expect(
      (await send(d.app, demory, "POST", `${lessonUrl(mgt.id, mgt.quiz)}/comments`, { body: "x" })).statusCode,
    ).toBe(404);
    expect((await get(d.app, demory, `${lessonUrl(mgt.id, mgt.quiz)}/comments`)).statusCode).toBe(404);
  });
});

describe("review and satisfaction evaluation", () => {
  it("rates and reviews the course once, then edits the same review", async () => {
    const first = await send(d.app, d.learner, "PUT", `${base(d.ids.c2)}/review`, { rating: 3, comment: "Utile." });
    expect(first.statusCode).toBe(200);
    const second = await send(d.app, d.learner, "PUT", `${base(d.ids.c2)}/review`, {
      rating: 4,
      comment: "Très utile.",
    });
    expect(second.json()).toMatchObject({ rating: 4, comment: "Très utile." });
    const rows = await d.database.db.execute<{ rating: number }>(
      sql`select rating from reviews where course_id = ${d.ids.c2} and user_id = ${d.ids.sam}`,
    );
    expect(rows.rows).toEqual([{ rating: 4 }]);
    const bad = await send(d.app, d.learner, "PUT", `${base(d.ids.c2)}/review`, { rating: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("body.rating");
    expect((await send(d.app, demory, "PUT", `${base(mgt.id)}/review`, { rating: 5 })).statusCode).toBe(404);
  });

  it("answers the satisfaction evaluation once, checking each answer", async () => {
    const answered = await send(d.app, d.learner, "POST", `${base(d.ids.c1)}/evaluation`, { answers: [] });
    expect(answered.statusCode).toBe(409);
    expect(answered.json().error.code).toBe("already_answered");
    const evalCourse = (
      await d.database.db.execute<{ id: string }>(
        sql`select id from courses where code = 'C01_Evaluation satisfaction'`,
      )
    ).rows[0]?.id as string;
    expect((await send(d.app, d.learner, "POST", `${base(evalCourse)}/enrollment`)).statusCode).toBe(201);
    const questions = (await get(d.app, d.learner, base(evalCourse))).json().evaluation.questions as {
      id: string;
      kind: string;
    }[];
    const answer = (kind: string, value: Record<string, unknown>) =>
      questions.filter((q) => q.kind === kind).map((q) => ({ questionId: q.id, ...value }));
    const url = `${base(evalCourse)}/evaluation`;
    const cases: [unknown[], string, string][] = [
      [[...answer("choice", { choice: "Oui" })], "answers", "required"],
      [[...answer("rating", { rating: 4 }), ...answer("choice", { choice: "Jamais" })], "answers.2.choice", "one_of"],
      [[...answer("rating", { rating: 4 }), { questionId: UNKNOWN, rating: 3 }], "answers.2.questionId", "unknown"],
      [[...answer("rating", { rating: 9 })], "body.answers.0.rating", "too_big"],
    ];
    for (const [answers, field, rule] of cases) {
      const response = await send(d.app, d.learner, "POST", url, { answers });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
      if (!field.startsWith("body.")) expect(response.json().error.fields[0].rule).toBe(rule);
    }
    const ok = await send(d.app, d.learner, "POST", url, {
      answers: [
        ...answer("rating", { rating: 5 }),
        ...answer("choice", { choice: "Oui" }),
        ...answer("text", { text: "Le plan d'action." }),
      ],
    });
    expect(ok.statusCode).toBe(201);
    const again = await send(d.app, d.learner, "POST", url, { answers: answer("rating", { rating: 1 }) });
    expect(again.statusCode).toBe(409);
    const results = (await get(d.app, d.tutor, `/api/tutoring/courses/${evalCourse}/evaluation`)).json();
    expect(results.texts.items.map((t: { text: string }) => t.text)).toContain("Le plan d'action.");
    const course = (await get(d.app, d.learner, base(evalCourse))).json();
    expect(course.evaluation.submittedAt).not.toBeNull();
    expect(course.evaluation.answers).toHaveLength(4);
  });
});

describe("platform sign-ins", () => {
  it("records each sign-in and keeps the first connection while moving the last one", async () => {
    const before = (
      await d.database.db.execute<{ first: string; last: string; n: number }>(sql`
        select first_sign_in_at::text as first, last_sign_in_at::text as last,
          (select count(*) from sign_ins where user_id = u.id)::int as n
        from users u where u.id = ${d.ids.sam}`)
    ).rows[0];
    await d.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "sam.agasse@demo.local", password: "demo" },
      headers: { "user-agent": "S2 test browser" },
    });
    const after = (
      await d.database.db.execute<{ first: string; last: string; n: number; agent: string }>(sql`
        select first_sign_in_at::text as first, last_sign_in_at::text as last,
          (select count(*) from sign_ins where user_id = u.id)::int as n,
          (select user_agent from sign_ins where user_id = u.id order by at desc limit 1) as agent
        from users u where u.id = ${d.ids.sam}`)
    ).rows[0];
    expect(after?.first).toBe(before?.first);
    expect(new Date(after?.last ?? 0).getTime()).toBeGreaterThan(new Date(before?.last ?? 0).getTime());
    expect(after?.n).toBe((before?.n ?? 0) + 1);
    expect(after?.agent).toBe("S2 test browser");
  });
});
