import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { formatDateTime, formatDuration } from "../../common/format.js";
import type { Evidence } from "./evidence.js";
import { DOCUMENT_LABELS, type DocumentLocale } from "./labels.js";

const require = createRequire(import.meta.url);
// Embedded TrueType fonts: every name prints (Ł, ß, é, Œ ...), whatever the machine has.
// Read once: every document embeds (a subset of) the same two fonts.
const FONT = fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
const FONT_BOLD = fs.readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"));

const pct = (value: number | null, na: string) => (value === null ? na : `${Math.round(value)}%`);

/** The learner's follow-up report as an A4 PDF: proof of attendance for a funder or an audit (B3). */
export function reportPdf(evidence: Evidence, locale: DocumentLocale): Promise<Buffer> {
  const l = DOCUMENT_LABELS[locale];
  const { report } = evidence;
  const date = (value: string | null) => (value ? formatDateTime(value, evidence.timeZone) : "");
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    bufferPages: true,
    info: {
      Title: `${l.title} — ${report.learner.lastName} ${report.learner.firstName} — ${report.course.name}`,
      Author: report.learner.organisation ?? "Tutora",
      Creator: "Tutora",
    },
  });
  doc.registerFont("body", FONT);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 96;
  doc.font("bold").fontSize(16).text(l.title);
  doc.moveDown(0.2);
  doc
    .font("body")
    .fontSize(9)
    .fillColor("#555")
    .text(`${report.learner.organisation ?? ""}   ·   ${l.issued} ${date(evidence.issuedAt.toISOString())}`);
  doc.fillColor("#000").moveDown(0.8);

  const section = (title: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.x = 48;
    doc
      .moveDown(0.6)
      .font("bold")
      .fontSize(12)
      .text(title, 48, doc.y, { align: "left" })
      .moveDown(0.3)
      .font("body")
      .fontSize(9);
  };
  const pairs: [string, string][] = [
    [l.organisation, report.learner.organisation ?? ""],
    [l.lastName, report.learner.lastName],
    [l.firstName, report.learner.firstName],
    [l.course, report.course.name],
    [l.code, evidence.courseCode],
    [l.startAt, date(report.enrollment.startAt)],
    [l.objectiveAt, date(report.enrollment.objectiveAt)],
    [l.endAt, date(report.enrollment.endAt)],
    [l.status, l.enrollmentStatus[report.enrollment.status]],
    [l.progress, `${report.enrollment.progressPct} %`],
    [l.totalTime, formatDuration(report.enrollment.timeSpentSeconds)],
    [l.firstSignIn, date(report.learner.firstSignInAt)],
    [l.lastSignIn, date(report.learner.lastSignInAt)],
  ];
  section(l.info);
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.font("bold").text(label, 48, y, { width: 190 });
    doc.font("body").text(value || " ", 240, y, { width: width - 192 });
    doc.moveDown(0.15);
  }

  /** A simple table that continues on the next page. */
  const table = (headers: string[], widths: number[], rows: string[][]) => {
    const x0 = 48;
    const drawRow = (cells: string[], bold: boolean) => {
      const heights = cells.map((cell, i) =>
        doc.font(bold ? "bold" : "body").heightOfString(cell || " ", { width: (widths[i] ?? 50) - 4 }),
      );
      const h = Math.max(...heights) + 4;
      if (doc.y + h > doc.page.height - 60) {
        doc.addPage();
        if (!bold) drawRow(headers, true);
      }
      const y = doc.y;
      let x = x0;
      for (const [i, cell] of cells.entries()) {
        doc.font(bold ? "bold" : "body").text(cell || " ", x + 2, y + 2, { width: (widths[i] ?? 50) - 4 });
        x += widths[i] ?? 50;
      }
      doc
        .moveTo(x0, y + h)
        .lineTo(x0 + width, y + h)
        .strokeColor("#ddd")
        .lineWidth(0.5)
        .stroke();
      doc.x = x0;
      doc.y = y + h;
    };
    drawRow(headers, true);
    for (const row of rows) drawRow(row, false);
  };

  section(l.composition);
  table(
    [l.lesson, l.status, l.score, l.avgScore, l.passing, l.attempts, l.timeSpent, l.statusAt],
    [128, 52, 36, 46, 50, 34, 50, 103],
    report.lessons.map((lesson) => [
      lesson.title,
      l.lessonStatus[lesson.status],
      pct(lesson.score, l.na),
      pct(lesson.avgScore, l.na),
      pct(lesson.passingScore, l.na),
      String(lesson.attemptsCount),
      formatDuration(lesson.timeSpentSeconds),
      date(lesson.statusAt),
    ]),
  );

  section(l.sessions);
  if (report.sessions.items.length === 0) doc.text(l.noSession, 48);
  else
    table(
      [l.date, l.lesson, l.timeSpent],
      [100, 310, 89],
      report.sessions.items.map((s) => [date(s.startedAt), s.lessonTitle, formatDuration(s.durationSeconds)]),
    );

  section(l.reminders);
  if (report.reminders.length === 0) doc.text(l.noReminder, 48);
  else
    table(
      [l.date, l.reminderType, l.template],
      [100, 100, 299],
      report.reminders.map((r) => [date(r.sentAt), l.reminderKind[r.kind], r.templateName]),
    );

  doc
    .moveDown(1)
    .fontSize(8)
    .fillColor("#555")
    .text(l.cap(evidence.sessionCapSeconds / 3600), { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor("#777")
      .text(l.page(i + 1, range.count), 48, doc.page.height - 36, { width, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
