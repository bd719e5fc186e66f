import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ImportPreview, ImportResult } from "../../../common/api/imports.js";
import { uploadCsv } from "../../test/csvUpload.js";
import { demoFixture } from "../../test/demo.js";

const d = demoFixture();

const preview = (kind: string, csv: string | Buffer, fileName?: string) =>
  uploadCsv(d.app, d.admin, `/api/admin/imports/${kind}/preview`, csv, fileName);
const run = (kind: string, mode: string, csv: string | Buffer) =>
  uploadCsv(d.app, d.admin, `/api/admin/imports/${kind}?mode=${mode}`, csv);

async function count(query: ReturnType<typeof sql>) {
  const result = await d.database.db.execute<{ n: number }>(query);
  return result.rows[0]?.n ?? 0;
}

describe("CSV import of users", () => {
  const csv = [
    "Email;Prénom;Nom;Organisation;Rôles;Langue;Actif",
    "anna.import@example.com;Anna;Import;Acme Import;apprenant;fr;oui",
    "ben.import@example.com;Ben;Import;Acme Import;tuteur|apprenant;en;oui",
    "not-an-email;Chloé;Import;;;;",
    "anna.import@example.com;Anna;Doublon;;;;",
    "dan.import@example.com;;Import;;superhero;de;peut-être",
  ].join("\n");

  it("previews counts and per-row errors (line, column, reason) without writing", async () => {
    const response = await preview("users", csv);
    expect(response.statusCode).toBe(200);
    const body = response.json() as ImportPreview;
    expect(body.delimiter).toBe(";");
    expect(body.counts).toEqual({ rows: 5, create: 2, update: 0, unchanged: 0, invalid: 3 });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, column: "Email", value: "not-an-email", rule: "email" }),
        expect.objectContaining({ line: 5, column: "Email", rule: "duplicate", message: "Same row as line 2" }),
        expect.objectContaining({ line: 6, column: "Prénom", rule: "required" }),
        expect.objectContaining({ line: 6, column: "Rôles", value: "superhero", rule: "unknown_value" }),
        expect.objectContaining({ line: 6, column: "Langue", value: "de", rule: "unknown_value" }),
        expect.objectContaining({ line: 6, column: "Actif", rule: "unknown_value" }),
      ]),
    );
    expect(await count(sql`select count(*)::int as n from users where email like '%.import@example.com'`)).toBe(0);
  });

  it("all-or-nothing refuses a file with errors and writes nothing", async () => {
    const response = await run("users", "all_or_nothing", csv);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("import_has_errors");
    expect(body.error.fields).toContainEqual(expect.objectContaining({ field: "line 4, Email", rule: "email" }));
    expect(await count(sql`select count(*)::int as n from users where email like '%.import@example.com'`)).toBe(0);
  });

  it("valid-rows mode imports the valid rows, creating the organisation, with an audit row", async () => {
    const response = await run("users", "valid_rows", csv);
    expect(response.statusCode).toBe(200);
    const body = response.json() as ImportResult;
    expect(body.counts).toMatchObject({ create: 2, invalid: 3 });
    const rows = await d.database.db.execute<{ email: string; roles: string[]; locale: string; org: string }>(sql`
      select u.email, u.roles::text[] as roles, u.locale, o.name as org from users u
      join organisations o on o.id = u.organisation_id
      where u.email like '%.import@example.com' order by u.email`);
    expect(rows.rows).toEqual([
      { email: "anna.import@example.com", roles: ["learner"], locale: "fr", org: "Acme Import" },
      { email: "ben.import@example.com", roles: ["tutor", "learner"], locale: "en", org: "Acme Import" },
    ]);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'import.users'`)).toBe(1);
  });

  it("is idempotent on email: the same file again creates nothing; a changed name updates", async () => {
    const again = (await run("users", "valid_rows", csv)).json() as ImportResult;
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    const changed = "email,first name,last name\nANNA.IMPORT@example.com,Annie,Import\n";
    const result = (await run("users", "all_or_nothing", changed)).json() as ImportResult;
    expect(result.delimiter).toBe(",");
    expect(result.counts).toMatchObject({ create: 0, update: 1, unchanged: 0, invalid: 0 });
    const row = await d.database.db.execute<{ first_name: string; sort_name: string; n: number }>(sql`
      select first_name, sort_name, (select count(*)::int from users where lower(email) = 'anna.import@example.com') as n
      from users where lower(email) = 'anna.import@example.com'`);
    // The organisation (empty column absent) is kept; the sort name follows the new first name.
    expect(row.rows[0]).toEqual({ first_name: "Annie", sort_name: "import annie", n: 1 });
  });
});

describe("CSV import of list members, enrollments and tutor assignments", () => {
  it("adds members to existing and new lists; unknown emails are errors", async () => {
    const csv =
      "Liste;Email\nÉquipe Nord;sam.agasse@demo.local\nNouvelle liste;sam.agasse@demo.local\nNouvelle liste;nobody@example.com\n";
    const p = (await preview("list-members", csv)).json() as ImportPreview;
    expect(p.errors).toEqual([expect.objectContaining({ line: 4, column: "Email", rule: "unknown_user" })]);
    const result = (await run("list-members", "valid_rows", csv)).json() as ImportResult;
    expect(result.counts.create + result.counts.unchanged).toBe(2);
    expect(
      await count(sql`select count(*)::int as n from learner_list_members m join learner_lists l on l.id = m.list_id
        join users u on u.id = m.user_id where l.name = 'Nouvelle liste' and u.email = 'sam.agasse@demo.local'`),
    ).toBe(1);
    const again = (await run("list-members", "valid_rows", csv)).json() as ImportResult;
    expect(again.counts).toMatchObject({ create: 0, unchanged: 2, invalid: 1 });
  });

  it("enrols with type and dates, creating the lesson statistics; unknown course and bad dates are errors", async () => {
    await run("users", "all_or_nothing", "email;prénom;nom\nenrol.import@example.com;Eve;Enrol\n");
    const csv = [
      "email;code formation;type;date de début;date objectif;date de fin",
      "enrol.import@example.com;MGT_DISTANCE;obligatoire;01/09/2026;2026-10-15;2026-12-31",
      "enrol.import@example.com;NO_SUCH_COURSE;libre;;;",
      "sam.agasse@demo.local;MGT_DISTANCE;libre;2026-02-30;;",
      "sam.agasse@demo.local;C02_La vente;recommandée;2026-10-01;2026-09-01;",
      "enrol.import@example.com;mgt_distance;libre;;;",
    ].join("\n");
    const p = (await preview("enrollments", csv)).json() as ImportPreview;
    expect(p.errors).toEqual([
      expect.objectContaining({ line: 3, column: "code formation", value: "NO_SUCH_COURSE", rule: "unknown_course" }),
      expect.objectContaining({ line: 4, column: "date de début", value: "2026-02-30", rule: "date" }),
      expect.objectContaining({ line: 5, column: "date objectif", rule: "date_order" }),
      expect.objectContaining({ line: 6, column: "code formation", rule: "duplicate" }),
    ]);
    expect(p.counts).toMatchObject({ create: 1, invalid: 4 });
    const result = (await run("enrollments", "valid_rows", csv)).json() as ImportResult;
    expect(result.counts.create).toBe(1);
    const e = await d.database.db.execute<{ type: string; objective: string; stats: number; lessons: number }>(sql`
      select e.type, e.objective_at::date::text as objective,
        (select count(*)::int from lesson_stats ls where ls.enrollment_id = e.id) as stats,
        (select count(*)::int from lessons l where l.course_id = e.course_id) as lessons
      from enrollments e join users u on u.id = e.user_id join courses c on c.id = e.course_id
      where u.email = 'enrol.import@example.com' and c.code = 'MGT_DISTANCE'`);
    expect(e.rows[0]?.type).toBe("mandatory");
    expect(e.rows[0]?.objective).toBe("2026-10-15");
    expect(e.rows[0]?.stats).toBe(e.rows[0]?.lessons);
    // Changing the type updates the enrollment; the same file again is unchanged.
    const change = "email;code formation;type\nenrol.import@example.com;MGT_DISTANCE;libre\n";
    expect(((await run("enrollments", "all_or_nothing", change)).json() as ImportResult).counts.update).toBe(1);
    expect(((await run("enrollments", "all_or_nothing", change)).json() as ImportResult).counts.unchanged).toBe(1);
  });

  it("assigns tutors, restricted to lists; a learner is not a tutor, unknown lists are errors", async () => {
    const csv = [
      "tutor email,course code,lists",
      "tuteur2@demo.local,ONET_EMBAUCHE,Équipe Nord",
      "sam.agasse@demo.local,ONET_EMBAUCHE,",
      "tuteur2@demo.local,C01_L'avant-vente commerciale,No such list",
      "tuteur2@demo.local,C02_La vente,",
    ].join("\n");
    const p = (await preview("tutor-assignments", csv)).json() as ImportPreview;
    expect(p.errors).toEqual([
      expect.objectContaining({ line: 3, column: "tutor email", rule: "not_tutor" }),
      expect.objectContaining({ line: 4, column: "lists", value: "No such list", rule: "unknown_list" }),
    ]);
    const before = await count(sql`select count(*)::int as n from tutor_assignments`);
    const result = (await run("tutor-assignments", "valid_rows", csv)).json() as ImportResult;
    // tuteur2 already follows Cours 2 (Équipe Nord): an empty lists cell leaves that restriction as it is.
    expect(result.counts).toMatchObject({ create: 1, update: 0, unchanged: 1, invalid: 2 });
    expect(await count(sql`select count(*)::int as n from tutor_assignments`)).toBe(before + 1);
    const restricted = await d.database.db.execute<{ restricted: boolean; lists: number }>(sql`
      select ta.restricted, (select count(*)::int from tutor_assignment_lists tal where tal.assignment_id = ta.id) as lists
      from tutor_assignments ta join users u on u.id = ta.tutor_id join courses c on c.id = ta.course_id
      where u.email = 'tuteur2@demo.local' and c.code = 'ONET_EMBAUCHE'`);
    expect(restricted.rows[0]).toEqual({ restricted: true, lists: 1 });
    // Lifting the restriction is not possible with an empty cell, only by naming other lists.
    const again = (await run("tutor-assignments", "valid_rows", csv)).json() as ImportResult;
    expect(again.counts).toMatchObject({ create: 0, unchanged: 2 });
  });
});

describe("CSV files refused before anything is read", () => {
  it("refuses an empty file", async () => {
    const response = await preview("users", "");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ field: "file", rule: "empty" });
  });

  it("refuses a file that isn't UTF-8, UTF-16, or binary", async () => {
    const latin1 = Buffer.from("email;prénom;nom\nx@example.com;Hélène;Durand\n", "latin1");
    expect((await preview("users", latin1)).json().error.fields[0]).toMatchObject({ field: "file", rule: "encoding" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("email;nom\n", "utf16le")]);
    expect((await preview("users", utf16)).json().error.fields[0]).toMatchObject({ rule: "encoding" });
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]);
    expect((await preview("users", binary)).json().error.fields[0]).toMatchObject({ rule: "type" });
    expect((await preview("users", "email;nom\n", "users.xlsx")).json().error.fields[0]).toMatchObject({
      rule: "type",
    });
  });

  it("refuses a header with one column (wrong delimiter) or missing required columns", async () => {
    const tabs = (await preview("users", "email\tprénom\tnom\nx@example.com\tA\tB\n")).json();
    expect(tabs.error.fields[0]).toMatchObject({ field: "file", rule: "delimiter" });
    const missing = (await preview("users", "email;nom\nx@example.com;B\n")).json();
    expect(missing.error.fields[0]).toMatchObject({ field: "file", rule: "columns" });
    expect(missing.error.message).toContain("prénom");
  });

  it("reports a row with the wrong number of cells and a malformed quote", async () => {
    const p = (await preview("users", "email;prénom;nom\nx@example.com,A,B\n")).json() as ImportPreview;
    expect(p.errors[0]).toMatchObject({ line: 2, rule: "columns" });
    const quote = await preview("users", 'email;prénom;nom\n"x@example.com;A;B\n');
    expect(quote.statusCode).toBe(400);
    expect(quote.json().error.fields[0]).toMatchObject({ field: "file", rule: "csv" });
  });

  it("refuses a file over 50 MB", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, "a");
    const response = await preview("users", big);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ field: "file", rule: "max_size" });
  });

  it("names a bad kind or mode, refuses non-admins and anonymous callers", async () => {
    expect((await preview("courses", "a;b\n")).statusCode).toBe(400);
    const badMode = await run("users", "sometimes", "email;prénom;nom\n");
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().error.fields[0].field).toBe("querystring.mode");
    expect((await uploadCsv(d.app, d.tutor, "/api/admin/imports/users/preview", "a;b\n")).statusCode).toBe(403);
    expect((await uploadCsv(d.app, null, "/api/admin/imports/users/preview", "a;b\n")).statusCode).toBe(401);
  });
});
