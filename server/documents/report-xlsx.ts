import ExcelJS from "exceljs";
import type { Evidence } from "./evidence.js";
import { DOCUMENT_LABELS, type DocumentLocale } from "./labels.js";

/** Durations are stored as fractions of a day, the unit spreadsheets use for times. */
const asDuration = (seconds: number) => seconds / 86_400;
const DURATION = "[h]:mm:ss";
const DATE_TIME = "dd/mm/yyyy hh:mm";

/**
 * Spreadsheet dates are wall-clock values without a zone: write the time as the user reads it in
 * their zone, so 19:36 in Paris shows 19:36.
 */
function wallClock(iso: string | null, timeZone: string): Date | null {
  if (!iso) return null;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(iso));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")));
}

/** The learner's report as a workbook: one sheet per section, typed cells (B3). */
export async function reportXlsx(evidence: Evidence, locale: DocumentLocale): Promise<Buffer> {
  const l = DOCUMENT_LABELS[locale];
  const { report } = evidence;
  const tz = evidence.timeZone;
  const book = new ExcelJS.Workbook();
  book.creator = "Tutora";
  book.created = evidence.issuedAt;

  const info = book.addWorksheet(l.info);
  info.columns = [{ width: 32 }, { width: 48 }];
  const infoRows: [string, string | number | Date | null, string?][] = [
    [l.organisation, report.learner.organisation ?? ""],
    [l.lastName, report.learner.lastName],
    [l.firstName, report.learner.firstName],
    [l.course, report.course.name],
    [l.code, evidence.courseCode],
    [l.startAt, wallClock(report.enrollment.startAt, tz), DATE_TIME],
    [l.objectiveAt, wallClock(report.enrollment.objectiveAt, tz), DATE_TIME],
    [l.endAt, wallClock(report.enrollment.endAt, tz), DATE_TIME],
    [l.status, l.enrollmentStatus[report.enrollment.status]],
    [l.progress, report.enrollment.progressPct / 100, "0%"],
    [l.totalTime, asDuration(report.enrollment.timeSpentSeconds), DURATION],
    [l.firstSignIn, wallClock(report.learner.firstSignInAt, tz), DATE_TIME],
    [l.lastSignIn, wallClock(report.learner.lastSignInAt, tz), DATE_TIME],
    [l.issued, wallClock(evidence.issuedAt.toISOString(), tz), DATE_TIME],
  ];
  for (const [label, value, format] of infoRows) {
    const row = info.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (format) row.getCell(2).numFmt = format;
  }
  info.addRow([]);
  info.addRow([l.cap(evidence.sessionCapSeconds / 3600)]);

  const composition = book.addWorksheet(l.composition.slice(0, 31));
  composition.columns = [
    { header: l.lesson, width: 50 },
    { header: l.status, width: 14 },
    { header: l.score, width: 10, style: { numFmt: "0%" } },
    { header: l.avgScore, width: 12, style: { numFmt: "0%" } },
    { header: l.passing, width: 10, style: { numFmt: "0%" } },
    { header: l.attempts, width: 8 },
    { header: l.timeSpent, width: 12, style: { numFmt: DURATION } },
    { header: l.statusAt, width: 18, style: { numFmt: DATE_TIME } },
  ];
  for (const lesson of report.lessons) {
    composition.addRow([
      lesson.title,
      l.lessonStatus[lesson.status],
      lesson.score === null ? null : lesson.score / 100,
      lesson.avgScore === null ? null : lesson.avgScore / 100,
      lesson.passingScore === null ? null : lesson.passingScore / 100,
      lesson.attemptsCount,
      asDuration(lesson.timeSpentSeconds),
      wallClock(lesson.statusAt, tz),
    ]);
  }

  const sessions = book.addWorksheet(l.sessions.slice(0, 31));
  sessions.columns = [
    { header: l.date, width: 18, style: { numFmt: DATE_TIME } },
    { header: l.lesson, width: 50 },
    { header: l.timeSpent, width: 12, style: { numFmt: DURATION } },
  ];
  for (const s of report.sessions.items) {
    sessions.addRow([wallClock(s.startedAt, tz), s.lessonTitle, asDuration(s.durationSeconds)]);
  }

  const reminders = book.addWorksheet(l.reminders.slice(0, 31));
  reminders.columns = [
    { header: l.date, width: 18, style: { numFmt: DATE_TIME } },
    { header: l.reminderType, width: 16 },
    { header: l.template, width: 40 },
  ];
  for (const r of report.reminders) reminders.addRow([wallClock(r.sentAt, tz), l.reminderKind[r.kind], r.templateName]);
  for (const sheet of [composition, sessions, reminders]) sheet.getRow(1).font = { bold: true };

  return Buffer.from(await book.xlsx.writeBuffer());
}
