import { describe, expect, it, vi } from "vitest";

describe("the other screens' texts", () => {
  it("are asked for again after a failed download, and then added to French", async () => {
    vi.resetModules();
    let attempts = 0;
    vi.doMock("../i18n/catalogues.rest.js", () => {
      attempts += 1;
      if (attempts === 1) throw new Error("network down");
      return { frRest: { restProbe: { text: "chargé" } } };
    });
    const { loadAllTexts, setupI18n } = await import("./i18n.js");
    const i18n = setupI18n("fr");
    await expect(loadAllTexts()).rejects.toThrow();
    await loadAllTexts();
    expect(attempts).toBe(2);
    expect(i18n.getResource("fr", "translation", "restProbe.text")).toBe("chargé");
    vi.doUnmock("../i18n/catalogues.rest.js");
    vi.resetModules();
  });
});
