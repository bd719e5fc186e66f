import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { get, send } from "../test/app.js";
import { demoFixture } from "../test/demo.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-exports-"));

const d = demoFixture();
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The text of a PDF, as poppler's pdftotext reads it. */
function pdfText(buffer: Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, buffer);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
}

describe("evidence exports (B3)", () => {
  it("gives AGASSE Sam's report as an A4 PDF in French with the total time and every session", async () => {
    const response = await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain("AGASSE_Sam_");
    const text = pdfText(response.rawPayload);
    expect(text).toContain("Relevé de suivi de formation");
    expect(text).toMatch(/Organisation\s+South/);
    expect(text).toMatch(/Temps total de la formation\s+04:16:08/);
    expect(text).toContain("07/01/2024 19:36");
    for (const session of ["07/01/2024 19:40", "07/01/2024 19:41", "07/01/2024 19:59"]) expect(text).toContain(session);
    expect(text).toContain("00:01:28");
    expect(text).toContain("Pas de relance envoyée");
    expect(text).toMatch(/4 h au plus/);
    const pages = execFileSync("pdfinfo", ["-"], { input: response.rawPayload }).toString();
    expect(pages).toMatch(/Page size:\s+595\.28 x 841\.89/);
  });

  it("writes the PDF in English when asked, and prints any name", async () => {
    await d.database.db.execute(
      sql`update users set first_name = 'Łukasz Œdipe', last_name = 'Straße-Müller' where email = 'sam.agasse@demo.local'`,
    );
    const response = await get(
      d.app,
      d.tutor,
      `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/report.pdf?lang=en`,
    );
    const text = pdfText(response.rawPayload);
    expect(text).toContain("Training record");
    expect(text).toContain("Łukasz Œdipe");
    expect(text).toContain("Straße-Müller");
  });

  it("gives the XLSX with one sheet per section and typed cells", async () => {
    const response = await get(d.app, d.tutor, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/report.xlsx`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Informations",
      "Composition du cours",
      "Historique des connexions",
      "Historique des relances",
    ]);
    const info = book.getWorksheet("Informations");
    const sessions = book.getWorksheet("Historique des connexions");
    if (!info || !sessions) throw new Error("missing sheets");
    const total = info.getRow(11);
    expect(total.getCell(1).value).toBe("Temps total de la formation");
    // A duration cell: spreadsheets count time from 1899-12-30, so 04:16:08 reads back as that day at 04:16:08.
    const spreadsheetEpoch = Date.UTC(1899, 11, 30);
    expect((total.getCell(2).value as Date).getTime() - spreadsheetEpoch).toBe(15_368_000);
    expect(total.getCell(2).numFmt).toBe("[h]:mm:ss");
    const first = info.getRow(12).getCell(2).value;
    expect(first).toBeInstanceOf(Date);
    expect((first as Date).toISOString()).toBe("2024-01-07T19:36:12.000Z");
    expect(sessions.rowCount).toBe(9);
    expect(sessions.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect((sessions.getRow(3).getCell(3).value as Date).getTime() - spreadsheetEpoch).toBe(132_000);
    const composition = book.getWorksheet("Composition du cours");
    expect(composition?.getRow(4).getCell(3).value).toBeCloseTo(0.94, 5);
  });

  it("zips the reports of a selection", async () => {
    const response = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/exports`, {
      selection: { mode: "filters", filters: { progressMin: "30" } },
      format: "pdf",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const names = Object.keys(files);
    // Sam, Lefèvre, Durand, Garnier, Vincent, Demory, Dubois, Roussel.
    expect(names.length).toBe(8);
    expect(names.every((n) => n.endsWith(".pdf"))).toBe(true);
  });

  it("is 404 outside the scope, and 400 for an empty selection", async () => {
    expect(
      (await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c1}/learners/${d.ids.sam}/report.pdf`)).statusCode,
    ).toBe(404);
    expect(
      (await get(d.app, d.tutor2, `/api/tutoring/courses/${d.ids.c2}/learners/${d.ids.sam}/report.xlsx`)).statusCode,
    ).toBe(404);
    const empty = await send(d.app, d.tutor, "POST", `/api/tutoring/courses/${d.ids.c1}/exports`, {
      selection: { mode: "filters", filters: { progressMin: "99" } },
      format: "xlsx",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe("body.selection");
    const foreign = await send(d.app, d.tutor2, "POST", `/api/tutoring/courses/${d.ids.c1}/exports`, {
      selection: { mode: "ids", learnerIds: [d.ids.sam] },
      format: "pdf",
    });
    expect(foreign.statusCode).toBe(404);
  });
});
