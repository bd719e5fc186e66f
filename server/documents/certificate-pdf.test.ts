import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { type CertificateData, certificateFonts, certificatePdf } from "./certificate-pdf.js";

const require = createRequire(import.meta.url);

const data = (firstName: string, lastName: string): CertificateData => ({
  kind: "attendance",
  code: "TUT-ABCD-EFGH-JKLM",
  verifyUrl: "http://localhost/verify/TUT-ABCD-EFGH-JKLM",
  organisation: "Organisme de formation",
  firstName,
  lastName,
  courseName: "Cours d'été à l'écoute",
  courseCode: "C1",
  startedAt: "2026-01-02T10:00:00.000Z",
  completedAt: "2026-03-02T10:00:00.000Z",
  totalSeconds: 15_368,
  lessons: [
    { title: "Leçon 1 : accueil", seconds: 3600 },
    { title: "Leçon 2 : synthèse", seconds: 11_768 },
  ],
  issuedAt: new Date("2026-04-01T10:00:00.000Z"),
  timeZone: "Europe/Paris",
  sessionCapSeconds: 14_400,
});

describe("certificate PDF (fonts shared across documents)", () => {
  it("gives the same bytes for the same certificate, whatever was rendered before", async () => {
    const first = await certificatePdf(data("Zoë", "Straße"), "fr");
    // Other names, other glyphs (Polish, Greek), other words shaped and cached meanwhile.
    await certificatePdf(data("Łukasz Œdipe", "Ἀθηνᾶ"), "fr");
    await certificatePdf(data("Jean", "O'Brien-Ünal"), "en");
    const again = await certificatePdf(data("Zoë", "Straße"), "fr");
    expect(again.equals(first)).toBe(true);
    const text = execFileSync("pdftotext", ["-", "-"], { input: again }).toString();
    expect(text).toContain("Zoë Straße");
    expect(text).toContain("« Cours d'été à l'écoute »");
  });

  it("embeds the same font subsets as fontkit alone, compound glyphs included", () => {
    const text = "Łukasz Œdipe Straße Zoë Ἀθηνᾶ çàéèêëïîôùû ÀÉÈÇ 0123456789 « » : — TUT-ABCD";
    for (const [file, shared] of [
      ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", certificateFonts.body],
      ["dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", certificateFonts.bold],
    ] as const) {
      const plain = fontkit.create(fs.readFileSync(require.resolve(file))) as fontkit.Font;
      const subsetOf = (font: fontkit.Font) => {
        const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
        for (const glyph of font.layout(text).glyphs) subset.includeGlyph(glyph.id);
        return Buffer.from(subset.encode());
      };
      // Twice: the second time from the glyphs cached by the first.
      expect(subsetOf(shared).equals(subsetOf(plain))).toBe(true);
      expect(subsetOf(shared).equals(subsetOf(plain))).toBe(true);
      const run = shared.layout(text);
      const expected = plain.layout(text);
      expect(run.glyphs.map((g) => g.id)).toEqual(expected.glyphs.map((g) => g.id));
      expect(run.positions.map((p) => ({ ...p }))).toEqual(expected.positions.map((p) => ({ ...p })));
    }
  });
});
