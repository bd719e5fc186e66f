import { describe, expect, it } from "vitest";
import { enCatalogue as en } from "./catalogues.en.js";
import { type Catalogue, frShell } from "./catalogues.js";
import { frRest } from "./catalogues.rest.js";

const fr: Catalogue = { ...frShell, ...frRest };

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort();
}

describe("translation catalogues", () => {
  it("never define a top-level section in two area files", async () => {
    const files = [
      "",
      ".courses",
      ".center",
      ".report",
      ".actions",
      ".quiz",
      ".learner",
      ".scorm",
      ".admin-catalogue",
      ".admin-people",
    ];
    const seen = new Map<string, string>();
    for (const file of files) {
      const catalogue = (await import(`./fr${file}.json`, { with: { type: "json" } })).default as Record<
        string,
        unknown
      >;
      for (const key of Object.keys(catalogue)) {
        expect(seen.get(key), `${key} in fr${file}.json and fr${seen.get(key)}.json`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });

  const frLeaves = leaves(fr);
  const enLeaves = leaves(en);

  it("have the same keys in French and English", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
  });

  it("have no empty text and the same placeholders in both languages", () => {
    for (const [key, text] of frLeaves) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(enLeaves.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("keep the source's French labels", () => {
    expect(fr.pager.pageSize).toBe("Taille de la page:");
    expect(fr.courses.tableTitle).toBe("FORMATIONS");
    expect(fr.user.signOut).toBe("Se déconnecter");
    expect(fr.status).toEqual({ not_started: "Non commencé", in_progress: "En cours", completed: "Terminé" });
  });
});
