import { sql } from "drizzle-orm";
import { type ImportCounts, type ImportKind, type ImportRowError, importValues } from "../../../common/api/imports.js";
import { normalizeForSearch, personSortName } from "../../../common/format.js";
import type { Tx } from "../../db/client.js";
import { recomputeEnrollments } from "../tracking/summaries.js";
import type { CsvRow, ParsedCsv } from "./csv.js";
import * as q from "./queries.js";

/** What an import would do: counts, the errors of each row, and the write of the valid rows. */
export interface ImportPlan {
  counts: ImportCounts;
  errors: ImportRowError[];
  write(tx: Tx): Promise<void>;
}

type Rule = ImportRowError["rule"];
const MAX_TEXT = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Collects the errors of the rows and tells which rows are still valid. */
class Checker {
  readonly errors: ImportRowError[] = [];
  private readonly invalid = new Set<number>();

  constructor(private readonly headers: Record<string, string>) {}

  fail(line: number, key: string, value: string, rule: Rule, message: string) {
    this.invalid.add(line);
    this.errors.push({ line, column: this.headers[key] ?? key, value: value.slice(0, MAX_TEXT), rule, message });
  }

  ok(line: number) {
    return !this.invalid.has(line);
  }

  get invalidCount() {
    return this.invalid.size;
  }

  /** A required text cell, at most MAX_TEXT characters; null when it failed. */
  text(row: CsvRow, key: string, required: boolean, max = MAX_TEXT): string | null {
    const value = row.cells[key] ?? "";
    if (!value) {
      if (required) this.fail(row.line, key, value, "required", `${this.headers[key] ?? key} is required`);
      return null;
    }
    if (value.length > max) {
      this.fail(row.line, key, value, "too_long", `At most ${max} characters`);
      return null;
    }
    return value;
  }

  email(row: CsvRow, key: string): string | null {
    const value = this.text(row, key, true, 320);
    if (value === null) return null;
    if (!EMAIL.test(value)) {
      this.fail(row.line, key, value, "email", `"${value}" is not an email address`);
      return null;
    }
    return value.toLowerCase();
  }

  /** A coded value (roles, locale, type, yes/no) from its accepted French and English words. */
  code<T>(row: CsvRow, key: string, values: Record<string, T>): T | undefined | null {
    const value = row.cells[key] ?? "";
    if (!value) return undefined;
    const found = values[normalizeForSearch(value)];
    if (found === undefined) {
      this.fail(row.line, key, value, "unknown_value", `"${value}" is not one of: ${Object.keys(values).join(", ")}`);
      return null;
    }
    return found;
  }

  /** A date `YYYY-MM-DD`, `DD/MM/YYYY` or ISO date-time, as an ISO string; undefined when empty. */
  date(row: CsvRow, key: string): string | undefined | null {
    const value = row.cells[key] ?? "";
    if (!value) return undefined;
    const parsed = parseDate(value);
    if (!parsed) {
      this.fail(row.line, key, value, "date", `"${value}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
      return null;
    }
    return parsed;
  }

  /** Refuses a row whose key (e.g. the email) already came on an earlier line. */
  unique(seen: Map<string, number>, row: CsvRow, key: string, identity: string) {
    const first = seen.get(identity);
    if (first !== undefined) {
      this.fail(row.line, key, row.cells[key] ?? "", "duplicate", `Same row as line ${first}`);
      return false;
    }
    seen.set(identity, row.line);
    return true;
  }

  /** A row whose number of cells differs from the header's (a wrong delimiter or a stray separator). */
  width(row: CsvRow, headerWidth: number) {
    if (row.width === headerWidth) return true;
    this.fail(row.line, "", "", "columns", `The row has ${row.width} cells, the header ${headerWidth}`);
    return false;
  }
}

/** Parses a calendar date or date-time; a date alone is midnight UTC. Null when not a real date. */
export function parseDate(value: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  let ymd: [number, number, number] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  if (!ymd) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  if (ymd) {
    const [y, mo, d] = ymd;
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return date.toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  return null;
}

const lower = (s: string) => s.toLowerCase();
const splitList = (value: string) =>
  value
    .split("|")
    .map((v) => v.trim())
    .filter(Boolean);

function counts(rows: number, create: number, update: number, unchanged: number, invalid: number): ImportCounts {
  return { rows, create, update, unchanged, invalid };
}

// ---- Users ----

async function planUsers(tx: Tx, csv: ParsedCsv): Promise<ImportPlan> {
  const check = new Checker(csv.headers);
  const seen = new Map<string, number>();
  type Row = {
    email: string;
    firstName: string;
    lastName: string;
    organisation?: string;
    roles?: ("admin" | "tutor" | "learner")[];
    locale?: "fr" | "en";
    active?: boolean;
  };
  const valid: Row[] = [];
  for (const row of csv.rows) {
    if (!check.width(row, csv.headerWidth)) continue;
    const email = check.email(row, "email");
    const firstName = check.text(row, "firstName", true);
    const lastName = check.text(row, "lastName", true);
    const organisation = check.text(row, "organisation", false);
    let roles: Row["roles"] | null;
    const rolesCell = row.cells.roles ?? "";
    if (rolesCell) {
      const parsed = rolesCell
        .split(/[|,+]/)
        .map((r) => importValues.roles[normalizeForSearch(r) as keyof typeof importValues.roles]);
      if (parsed.some((r) => r === undefined) || parsed.length === 0) {
        check.fail(
          row.line,
          "roles",
          rolesCell,
          "unknown_value",
          `"${rolesCell}" is not a list of: apprenant, tuteur, admin`,
        );
        roles = null;
      } else roles = [...new Set(parsed)] as Row["roles"];
    }
    const locale = check.code(row, "locale", importValues.locale);
    const active = check.code(row, "active", importValues.active);
    if (email !== null) check.unique(seen, row, "email", email);
    if (!check.ok(row.line) || email === null || firstName === null || lastName === null) continue;
    valid.push({
      email,
      firstName,
      lastName,
      organisation: organisation ?? undefined,
      roles: roles ?? undefined,
      locale: locale ?? undefined,
      active: active ?? undefined,
    });
  }

  const existing = await q.usersByEmail(
    tx,
    valid.map((r) => r.email),
  );
  type Write = Omit<q.UserWrite, "organisationId"> & { organisation: string | null };
  const creates: Write[] = [];
  const updates: Write[] = [];
  let unchanged = 0;
  for (const row of valid) {
    const before = existing.get(row.email);
    const after = {
      id: before?.id,
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      sortName: personSortName(row.lastName, row.firstName),
      organisation: row.organisation ?? before?.organisation ?? null,
      roles: row.roles ?? before?.roles ?? ["learner"],
      locale: row.locale ?? before?.locale ?? "fr",
      active: row.active ?? before?.active ?? true,
    };
    if (!before) creates.push(after);
    else if (
      before.firstName !== after.firstName ||
      before.lastName !== after.lastName ||
      before.organisation !== after.organisation ||
      [...before.roles].sort().join() !== [...after.roles].sort().join() ||
      before.locale !== after.locale ||
      before.active !== after.active
    )
      updates.push(after);
    else unchanged++;
  }
  return {
    counts: counts(csv.rows.length, creates.length, updates.length, unchanged, check.invalidCount),
    errors: check.errors,
    async write(w) {
      const names = [...new Set([...creates, ...updates].map((r) => r.organisation).filter((n): n is string => !!n))];
      const organisations = await q.ensureOrganisations(w, names);
      const withOrg = (r: Write): q.UserWrite => ({
        ...r,
        organisationId: r.organisation ? (organisations.get(r.organisation) ?? null) : null,
      });
      await q.insertUsers(w, creates.map(withOrg));
      await q.updateUsers(w, updates.map(withOrg));
    },
  };
}

// ---- Learner list members ----

async function planListMembers(tx: Tx, csv: ParsedCsv): Promise<ImportPlan> {
  const check = new Checker(csv.headers);
  const seen = new Map<string, number>();
  const parsed: { line: number; list: string; email: string }[] = [];
  for (const row of csv.rows) {
    if (!check.width(row, csv.headerWidth)) continue;
    const list = check.text(row, "list", true);
    const email = check.email(row, "email");
    if (list === null || email === null) continue;
    if (!check.unique(seen, row, "email", `${lower(list)}\n${email}`)) continue;
    parsed.push({ line: row.line, list, email });
  }
  const users = await q.usersByEmail(tx, [...new Set(parsed.map((r) => r.email))]);
  const lists = await q.listsByName(tx);
  const valid: { list: string; userId: string }[] = [];
  for (const row of parsed) {
    const user = users.get(row.email);
    if (!user) check.fail(row.line, "email", row.email, "unknown_user", `No user has the email ${row.email}`);
    else valid.push({ list: row.list, userId: user.id });
  }
  const known = valid.flatMap((r) => {
    const listId = lists.get(lower(r.list));
    return listId ? [{ listId, userId: r.userId }] : [];
  });
  const already = await q.existingMemberships(tx, known);
  const toAdd = valid.filter((r) => {
    const listId = lists.get(lower(r.list));
    return !listId || !already.has(`${listId}:${r.userId}`);
  });
  return {
    counts: counts(csv.rows.length, toAdd.length, 0, valid.length - toAdd.length, check.invalidCount),
    errors: check.errors,
    async write(w) {
      // A list named for the first time is created (first spelling kept).
      const newNames = new Map<string, string>();
      for (const r of toAdd)
        if (!lists.has(lower(r.list)) && !newNames.has(lower(r.list))) newNames.set(lower(r.list), r.list);
      const created = await q.insertLists(w, [...newNames.values()]);
      await q.insertMemberships(
        w,
        toAdd.map((r) => ({
          listId: (lists.get(lower(r.list)) ?? created.get(lower(r.list))) as string,
          userId: r.userId,
        })),
      );
    },
  };
}

// ---- Enrollments ----

async function planEnrollments(tx: Tx, csv: ParsedCsv): Promise<ImportPlan> {
  const check = new Checker(csv.headers);
  const seen = new Map<string, number>();
  type Parsed = {
    line: number;
    cells: Record<string, string>;
    email: string;
    course: string;
    type?: "mandatory" | "recommended" | "free";
    startAt?: string;
    objectiveAt?: string;
    endAt?: string;
  };
  const parsed: Parsed[] = [];
  for (const row of csv.rows) {
    if (!check.width(row, csv.headerWidth)) continue;
    const email = check.email(row, "email");
    const course = check.text(row, "course", true);
    const type = check.code(row, "type", importValues.type);
    const startAt = check.date(row, "startAt");
    const objectiveAt = check.date(row, "objectiveAt");
    const endAt = check.date(row, "endAt");
    if (email !== null && course !== null) check.unique(seen, row, "course", `${email}\n${lower(course)}`);
    if (!check.ok(row.line) || email === null || course === null) continue;
    parsed.push({
      line: row.line,
      cells: row.cells,
      email,
      course,
      type: type ?? undefined,
      startAt: startAt ?? undefined,
      objectiveAt: objectiveAt ?? undefined,
      endAt: endAt ?? undefined,
    });
  }
  const users = await q.usersByEmail(tx, [...new Set(parsed.map((r) => r.email))]);
  const courses = await q.coursesByCode(tx);
  const resolved: (Parsed & { userId: string; courseId: string })[] = [];
  for (const row of parsed) {
    const user = users.get(row.email);
    const courseId = courses.get(lower(row.course));
    if (!user) check.fail(row.line, "email", row.email, "unknown_user", `No user has the email ${row.email}`);
    if (!courseId) check.fail(row.line, "course", row.course, "unknown_course", `No course has the code ${row.course}`);
    if (user && courseId) resolved.push({ ...row, userId: user.id, courseId });
  }
  const existing = await q.existingEnrollments(tx, resolved);
  const creates: q.EnrollmentWrite[] = [];
  const updates: q.EnrollmentWrite[] = [];
  let unchanged = 0;
  const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());
  for (const row of resolved) {
    const before = existing.get(`${row.userId}:${row.courseId}`);
    const after: q.EnrollmentWrite = {
      id: before?.id,
      userId: row.userId,
      courseId: row.courseId,
      type: row.type ?? before?.type ?? "mandatory",
      startAt: row.startAt ?? iso(before?.startAt ?? null),
      objectiveAt: row.objectiveAt ?? iso(before?.objectiveAt ?? null),
      endAt: row.endAt ?? iso(before?.endAt ?? null),
    };
    const t = (v: string | null) => (v === null ? null : Date.parse(v));
    const [start, objective, end] = [t(after.startAt), t(after.objectiveAt), t(after.endAt)];
    if (start !== null && objective !== null && objective < start) {
      check.fail(
        row.line,
        "objectiveAt",
        row.cells.objectiveAt || (after.objectiveAt ?? ""),
        "date_order",
        "The objective date is before the start date",
      );
      continue;
    }
    if (end !== null && ((start !== null && end < start) || (objective !== null && end < objective))) {
      check.fail(
        row.line,
        "endAt",
        row.cells.endAt || (after.endAt ?? ""),
        "date_order",
        "The end date is before the start or objective date",
      );
      continue;
    }
    if (!before) creates.push(after);
    else if (
      before.type !== after.type ||
      iso(before.startAt) !== after.startAt ||
      iso(before.objectiveAt) !== after.objectiveAt ||
      iso(before.endAt) !== after.endAt
    )
      updates.push(after);
    else unchanged++;
  }
  return {
    counts: counts(csv.rows.length, creates.length, updates.length, unchanged, check.invalidCount),
    errors: check.errors,
    async write(w) {
      const ids = await q.insertEnrollments(w, creates);
      await q.updateEnrollments(w, updates);
      // New enrollments get their lesson_stats rows; changed ones their at-risk date (objective).
      for (const part of q.chunks([...ids, ...updates.map((u) => u.id as string)], 5_000)) {
        await recomputeEnrollments(w, sql`e.id = any(${sql.param(part)}::uuid[])`);
      }
    },
  };
}

// ---- Tutor assignments ----

async function planTutorAssignments(tx: Tx, csv: ParsedCsv): Promise<ImportPlan> {
  const check = new Checker(csv.headers);
  const seen = new Map<string, number>();
  const parsed: { line: number; email: string; course: string; lists?: string[] }[] = [];
  for (const row of csv.rows) {
    if (!check.width(row, csv.headerWidth)) continue;
    const email = check.email(row, "email");
    const course = check.text(row, "course", true);
    const lists = check.text(row, "lists", false, 10_000);
    if (email === null || course === null) continue;
    if (!check.unique(seen, row, "course", `${email}\n${lower(course)}`)) continue;
    parsed.push({ line: row.line, email, course, lists: lists ? splitList(lists) : undefined });
  }
  const users = await q.usersByEmail(tx, [...new Set(parsed.map((r) => r.email))]);
  const courses = await q.coursesByCode(tx);
  const lists = await q.listsByName(tx);
  const resolved: q.AssignmentWrite[] = [];
  const given = new Set<number>();
  for (const row of parsed) {
    const user = users.get(row.email);
    const courseId = courses.get(lower(row.course));
    if (!user) check.fail(row.line, "email", row.email, "unknown_user", `No user has the email ${row.email}`);
    else if (!user.roles.includes("tutor"))
      check.fail(row.line, "email", row.email, "not_tutor", `${row.email} doesn't have the tutor role`);
    if (!courseId) check.fail(row.line, "course", row.course, "unknown_course", `No course has the code ${row.course}`);
    const unknown = (row.lists ?? []).filter((name) => !lists.has(lower(name)));
    for (const name of unknown) check.fail(row.line, "lists", name, "unknown_list", `No learner list is named ${name}`);
    if (!user?.roles.includes("tutor") || !courseId || unknown.length) continue;
    if (row.lists) given.add(resolved.length);
    resolved.push({
      tutorId: user.id,
      courseId,
      listIds: [...new Set((row.lists ?? []).map((name) => lists.get(lower(name)) as string))].sort(),
    });
  }
  const existing = await q.existingAssignments(
    tx,
    resolved.map((r) => ({ userId: r.tutorId, courseId: r.courseId })),
  );
  const creates: q.AssignmentWrite[] = [];
  const updates: q.AssignmentWrite[] = [];
  let unchanged = 0;
  resolved.forEach((row, index) => {
    const before = existing.get(`${row.tutorId}:${row.courseId}`);
    if (!before) creates.push(row);
    else if (given.has(index) && before.listIds.join() !== row.listIds.join()) updates.push({ ...row, id: before.id });
    else unchanged++;
  });
  return {
    counts: counts(csv.rows.length, creates.length, updates.length, unchanged, check.invalidCount),
    errors: check.errors,
    async write(w) {
      await q.insertAssignments(w, creates);
      await q.setAssignmentLists(w, updates);
    },
  };
}

/** The plan of an import of `kind`, computed against the database as it is in `tx`. */
export function planImport(tx: Tx, kind: ImportKind, csv: ParsedCsv): Promise<ImportPlan> {
  switch (kind) {
    case "users":
      return planUsers(tx, csv);
    case "list-members":
      return planListMembers(tx, csv);
    case "enrollments":
      return planEnrollments(tx, csv);
    case "tutor-assignments":
      return planTutorAssignments(tx, csv);
  }
}
