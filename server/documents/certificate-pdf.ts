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
  shareLayouts(font);
  cacheSubsetGlyphs(font);
  return font;
}

/** Words whose shaping is kept per font; past it the cache starts again (a bound, not an LRU). */
const MAX_RUNS = 5_000;

/**
 * Shaping a word (fontkit's GSUB/GPOS lookups) was a third of a certificate's CPU, and pdfkit
 * shapes each word again in every document (its cache is per document), though most words are the
 * same in every certificate (labels, course and lesson titles, dates). The runs are kept here
 * across documents; each document gets its own copy of the positions, which pdfkit scales in place.
 * Same glyphs and positions as before: only the work is saved.
 */
function shareLayouts(font: fontkit.Font) {
  const layout = font.layout.bind(font);
  const runs = new Map<string, fontkit.GlyphRun>();
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = runs.get(text);
    if (!run) {
      run = layout(text);
      if (runs.size >= MAX_RUNS) runs.clear();
      runs.set(text, run);
    }
    const copy: fontkit.GlyphRun = Object.create(Object.getPrototypeOf(run));
    return Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
  };
}

/** The parts of fontkit 2.0's TrueType font and subset that `cacheSubsetGlyphs` replaces or reads. */
interface TrueTypeInternals {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(id: number): fontkit.Glyph & {
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics(): { leftBearing: number };
  };
}
interface TrueTypeSubset {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

/**
 * Embedding a font subset decoded each glyph's outline again in every document (fontkit's
 * `TTFSubset._addGlyph`), a quarter of a certificate's CPU. The same method, with what it reads
 * from the font (the glyph's bytes, its components, its metrics) kept per glyph: the subset's
 * bytes are the same. fontkit is pinned (package.json) since this replaces one of its methods.
 */
function cacheSubsetGlyphs(font: fontkit.Font) {
  const ttf = font as unknown as TrueTypeInternals;
  if (ttf._variationProcessor || !ttf.loca) return;
  const glyphs = new Map<
    number,
    { bytes: Uint8Array; components: { glyphID: number; pos: number }[] | null; advance: number; bearing: number }
  >();
  const read = (gid: number) => {
    let glyph = glyphs.get(gid);
    if (!glyph) {
      const source = ttf.getGlyph(gid);
      const glyf = source._decode();
      const stream = ttf._getTableStream("glyf");
      const start = ttf.loca.offsets[gid] ?? 0;
      stream.pos += start;
      glyph = {
        bytes: Uint8Array.from(stream.readBuffer((ttf.loca.offsets[gid + 1] ?? start) - start)),
        components: glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []) : null,
        advance: source.advanceWidth,
        bearing: source._getMetrics().leftBearing,
      };
      glyphs.set(gid, glyph);
    }
    return glyph;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const target = subset as unknown as TrueTypeSubset;
    target._addGlyph = (gid) => {
      const glyph = read(gid);
      let bytes = glyph.bytes;
      if (glyph.components) {
        // A compound glyph names its components by id: renumbered in this subset, on a copy.
        bytes = Uint8Array.from(bytes);
        const view = new DataView(bytes.buffer);
        for (const component of glyph.components) view.setUint16(component.pos, target.includeGlyph(component.glyphID));
      }
      target.glyf.push(bytes);
      target.loca.offsets.push(target.offset);
      target.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
      target.offset += bytes.length;
      return target.glyf.length - 1;
    };
    return subset;
  };
}
const FONT = loadFont("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = loadFont("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
/** The fonts as loaded here (shared shaping, cached glyphs), for the tests that compare them with fontkit's. */
export const certificateFonts = { body: FONT, bold: FONT_BOLD };

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
    // No default font: pdfkit's Helvetica would parse its metrics file again for each document, and
    // with FONT as the default every `font("body")` opened the font again and compared it with the
    // default (JSON of its name table, 5 % of the CPU) instead of finding "body" in its cache.
    font: null as unknown as string,
    size: "A4",
    layout: "landscape",
    margin: 56,
    info: {
      Title: `${t[data.kind]} — ${data.lastName} ${data.firstName}`,
      Author: data.organisation,
      Creator: "Tutora",
      // The date of issue, not the time of rendering: the same certificate gives the same bytes.
      CreationDate: data.issuedAt,
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
