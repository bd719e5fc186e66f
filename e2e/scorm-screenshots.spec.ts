import path from "node:path";
import type { Page } from "@playwright/test";
import { buildPackage } from "../server/test/scorm-packages.js";
import { accounts, expect, signIn, test } from "./helpers.js";

// Screenshots of the SCORM screens for review, not assertions:
// SHOTS_DIR=/tmp/shots npx playwright test scorm-screenshots
const shotsDir = process.env.SHOTS_DIR;
const LESSON = "E-Learning L'avant-vente, c'est quoi ?";

async function ids(page: Page) {
  const courses = (await (await page.request.get("/api/tutoring/courses?pageSize=100")).json()) as {
    items: { id: string; name: string }[];
  };
  const course = courses.items.find((c) => c.name === "Cours 1 : L'avant-vente");
  if (!course) throw new Error("Cours 1 not found");
  const lessons = (await (await page.request.get(`/api/tutoring/courses/${course.id}/lessons`)).json()) as {
    items: { id: string; title: string }[];
  };
  const lesson = lessons.items.find((l) => l.title === LESSON);
  if (!lesson) throw new Error("lesson not found");
  return { courseId: course.id, lessonId: lesson.id };
}

test.describe("SCORM screens screenshots", () => {
  test.skip(!shotsDir, "set SHOTS_DIR to take screenshots");
  test.describe.configure({ timeout: 90_000 });
  test.use({ viewport: { width: 1366, height: 900 } });
  const shot = (name: string) => path.join(shotsDir ?? "", `scorm-${name}.png`);

  test("player, preview and package page", async ({ page, browser }) => {
    await signIn(page, accounts.admin);
    const { courseId, lessonId } = await ids(page);
    await page.goto(`/admin/formations/${courseId}/lecons/${lessonId}/scorm`);
    await expect(page.getByText("SCORM 2004 4th Edition")).toBeVisible();
    await page.locator('input[type="file"]').setInputFiles({
      name: "sans-manifeste.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(buildPackage({ version: "1.2", manifest: null })),
    });
    await expect(page.getByRole("alert").filter({ hasText: "Paquet refusé" })).toBeVisible();
    await page.screenshot({ path: shot("admin-package"), fullPage: true });

    const learner = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(learner, accounts.learner);
    await learner.goto(`/mes-formations/${courseId}/lecons/${lessonId}/lecteur`);
    const content = learner.locator("iframe").contentFrame();
    await content.getByRole("button", { name: "Suivant" }).click();
    await expect(content.getByText("Progression enregistrée (page 2).")).toBeVisible();
    await learner.screenshot({ path: shot("player") });

    const tutor = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(tutor, accounts.tutor);
    await tutor.goto(`/tutorat/formations/${courseId}?onglet=lecons`);
    await tutor.getByRole("tab", { name: "Leçons" }).click();
    await tutor.getByRole("button", { name: `Actions pour la leçon ${LESSON}` }).click();
    await tutor.getByRole("menuitem", { name: "Lancer le contenu" }).click();
    await expect(
      tutor
        .getByRole("dialog")
        .locator("iframe")
        .contentFrame()
        .getByRole("heading", { name: "L'avant-vente en trois étapes" }),
    ).toBeVisible();
    await tutor.screenshot({ path: shot("preview") });
  });
});
