import fs from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { formatDateTime, formatDuration } from "../../common/format.js";
import type { DocumentLocale } from "./labels.js";

const require = createRequire(import.meta.url);
/**
 * Parsed once per process: handed a font file, pdfkit parses it again for every document (tables,
 * glyph outlines), which was most of a certificate's cost (~25 ms of ~30 ms; see BENCHMARKS.md).
 * A parsed fontkit font is read-only to pdfkit (each document builds its own subset of the glyphs
 * it used), so one instance serves every certificate; its glyph and layout caches warm up once.
 */
function loadFont(file: string): fontkit.Font {
  const font = fontkit.create(fs.readFileSync(require.resolve(file)));
  if (!("layout" in font)) throw new Error(`${file} is a font collection`);
  return font;
}
const FONT = loadFont("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = loadFont("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

export interface CertificateData {
  kind: "completion" | "attendance";
  code: string;
  verifyUrl: string;
  organisation: string;
  firstName: string;
  lastName: string;
  courseName: string;
  courseCode: string;
  startedAt: string | null;
  completedAt: string | null;
  totalSeconds: number;
  lessons: { title: string; seconds: number }[];
  issuedAt: Date;
  timeZone: string;
  sessionCapSeconds: number;
}

const TEXT = {
  fr: {
    completion: "Attestation de réussite",
    attendance: "Attestation d'assiduité",
    certifies: (org: string) => `${org || "L'organisme de formation"} atteste que`,
    completed: "a suivi et réussi la formation",
    attended: "a suivi la formation",
    from: "Du",
    to: "au",
    since: "Depuis le",
    total: "Temps total passé en formation",
    lesson: "Leçon",
    time: "Temps passé",
    issued: "Fait le",
    code: "Code de vérification",
    verify: "Vérifiable à l'adresse",
    cap: (h: number) => `Chaque connexion compte pour ${h} h au plus.`,
  },
  en: {
    completion: "Certificate of completion",
    attendance: "Certificate of attendance",
    certifies: (org: string) => `${org || "The training organisation"} certifies that`,
    completed: "has taken and passed the course",
    attended: "has taken the course",
    from: "From",
    to: "to",
    since: "Since",
    total: "Total time spent in the course",
    lesson: "Lesson",
    time: "Time spent",
    issued: "Issued on",
    code: "Verification code",
    verify: "Can be verified at",
    cap: (h: number) => `Each connection counts for at most ${h} h.`,
  },
} as const;

/** A certificate (A3) as an A4 landscape PDF with embedded fonts, so any name prints. */
export function certificatePdf(data: CertificateData, locale: DocumentLocale): Promise<Buffer> {
  const t = TEXT[locale];
  const date = (value: string | null) => (value ? formatDateTime(value, data.timeZone).slice(0, 10) : "");
  const doc = new PDFDocument({
    // Not pdfkit's default Helvetica, whose metrics file it would parse again for each document.
    font: FONT as unknown as string,
    size: "A4",
    layout: "landscape",
    margin: 56,
    info: {
      Title: `${t[data.kind]} — ${data.lastName} ${data.firstName}`,
      Author: data.organisation,
      Creator: "Tutora",
    },
  });
  doc.registerFont("body", FONT as unknown as string);
  doc.registerFont("bold", FONT_BOLD as unknown as string);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .strokeColor("#1f4e79")
    .stroke();
  doc.font("bold").fontSize(26).fillColor("#1f4e79").text(t[data.kind], 56, 70, { width, align: "center" });
  doc
    .moveDown(1)
    .font("body")
    .fontSize(13)
    .fillColor("#000")
    .text(t.certifies(data.organisation), { width, align: "center" });
  doc.moveDown(0.6).font("bold").fontSize(20).text(`${data.firstName} ${data.lastName}`, { width, align: "center" });
  doc
    .moveDown(0.6)
    .font("body")
    .fontSize(13)
    .text(data.kind === "completion" ? t.completed : t.attended, { width, align: "center" });
  doc.moveDown(0.4).font("bold").fontSize(16).text(`« ${data.courseName} »`, { width, align: "center" });
  const period =
    data.startedAt && data.completedAt
      ? `${t.from} ${date(data.startedAt)} ${t.to} ${date(data.completedAt)}`
      : data.startedAt
        ? `${t.since} ${date(data.startedAt)}`
        : "";
  if (period) doc.moveDown(0.4).font("body").fontSize(12).text(period, { width, align: "center" });
  doc
    .moveDown(0.4)
    .fontSize(12)
    .text(`${t.total} : ${formatDuration(data.totalSeconds)}`, { width, align: "center" });
  if (data.kind === "attendance" && data.lessons.length) {
    doc.moveDown(0.8).fontSize(10);
    const x = 56 + width / 2 - 220;
    for (const lesson of [{ title: t.lesson, seconds: -1 }, ...data.lessons]) {
      const y = doc.y;
      doc.font(lesson.seconds < 0 ? "bold" : "body").text(lesson.title, x, y, { width: 340 });
      doc.text(lesson.seconds < 0 ? t.time : formatDuration(lesson.seconds), x + 350, y, { width: 90, align: "right" });
      doc.moveDown(0.1);
    }
    doc
      .fontSize(8)
      .fillColor("#555")
      .text(t.cap(data.sessionCapSeconds / 3600), x, doc.y + 2, { width: 440 })
      .fillColor("#000");
  }
  const footerY = doc.page.height - 120;
  doc
    .font("body")
    .fontSize(10)
    .text(`${t.issued} ${date(data.issuedAt.toISOString())}`, 56, footerY, { width: width / 2 });
  doc.text(`${t.code} : ${data.code}`, 56 + width / 2, footerY, { width: width / 2, align: "right" });
  doc
    .fontSize(9)
    .fillColor("#1f4e79")
    .text(`${t.verify} ${data.verifyUrl}`, 56, footerY + 22, { width, align: "right", lineBreak: false });
  doc.end();
  return done;
}
