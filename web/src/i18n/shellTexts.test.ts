import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { frShell } from "./catalogues.js";
import { frRest } from "./catalogues.rest.js";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The app's own modules that `roots` import statically (lazy `import()`s excluded), with their code. */
function staticModules(roots: string[]): Map<string, string> {
  const seen = new Map<string, string>();
  const stack = roots.map((r) => path.join(src, r));
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    const code = fs.readFileSync(file, "utf8");
    seen.set(file, code);
    for (const m of code.matchAll(/(?:from|import)\s+"(\.[^"]+)"/g)) {
      const spec = (m[1] as string).replace(/\.js$/, "");
      const base = path.resolve(path.dirname(file), spec);
      const found = [".ts", ".tsx"].map((ext) => base + ext).find((f) => fs.existsSync(f));
      if (found) stack.push(found);
    }
  }
  return seen;
}

describe("texts that come with the app", () => {
  // Sign-in, the layout, the first screen and the 404 page render before catalogues.rest.ts is
  // loaded (lazyPages), and so do the parts the shell and the first screen load on use.
  const shell = staticModules([
    "main.tsx",
    "app/AppLayout.tsx",
    "app/NavDrawer.tsx",
    "app/FeedbackHolders.tsx",
    "pages/sign-in/SignInPage.tsx",
    "pages/not-found/NotFoundPage.tsx",
    "pages/tutored-courses/TutoredCoursesPage.tsx",
    "pages/tutored-courses/CoursesFilterForm.tsx",
  ]);
  const restSections = new Set(Object.keys(frRest));

  it("follow the shell's imports (the walk finds the first screen's parts)", () => {
    const names = [...shell.keys()].map((f) => path.relative(src, f));
    expect(names).toEqual(expect.arrayContaining(["app/AppMenu.tsx", "pages/tutored-courses/FolderTree.tsx"]));
  });

  it("are the only ones sign-in, the layout and the first screen use", () => {
    const misplaced: string[] = [];
    for (const [file, code] of shell) {
      // Keys in quotes or at the start of a template (`center.${…}`).
      for (const m of code.matchAll(/["`]([a-zA-Z]+)\.[a-zA-Z0-9_.$]+/g)) {
        if (restSections.has(m[1] as string)) misplaced.push(`${path.relative(src, file)}: ${m[0]}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it("do not overlap the other screens' sections", () => {
    expect(Object.keys(frShell).filter((k) => restSections.has(k))).toEqual([]);
  });
});
