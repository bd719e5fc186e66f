import { describe, expect, it } from "vitest";
import { fileNameFromDisposition } from "./reports.js";

describe("export file names", () => {
  it("reads the server's UTF-8 file name first", () => {
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''AGASSE_Sam_C01_L'avant-vente%20commerciale.pdf")).toBe(
      "AGASSE_Sam_C01_L'avant-vente commerciale.pdf",
    );
    expect(fileNameFromDisposition('attachment; filename="reports-pdf.zip"')).toBe("reports-pdf.zip");
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
