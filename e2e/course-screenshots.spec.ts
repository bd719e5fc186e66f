import path from "node:path";
import type { Page } from "@playwright/test";
import { accounts, courseRows, expect, resetLanguageToFrench, settleAnimations, signIn, test } from "./helpers.js";

// Screenshots of the course screens for review, not assertions:
// SHOTS_DIR=/tmp/shots npx playwright test course-screenshots
const shotsDir = process.env.SHOTS_DIR;

async function courseId(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/tutoring/courses?q=${encodeURIComponent(name)}`);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  const course = body.items.find((item) => item.name === name);
  if (!course) throw new Error(`no course ${name}`);
  return course.id;
}

async function switchLanguage(page: Page, to: "English" | "Français") {
  await page.getByRole("button", { name: to === "English" ? /^Menu de / : /'s menu$/ }).click();
  await page.getByRole("menuitem", { name: to }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "fr");
}

test.describe("course screens screenshots", () => {
  test.skip(!shotsDir, "set SHOTS_DIR to take screenshots");
  test.describe.configure({ timeout: 90_000 });
  test.use({ viewport: { width: 1366, height: 768 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  function shot(name: string) {
    return { path: path.join(shotsDir ?? ".", `${name}.png`), fullPage: true };
  }

  for (const language of ["fr", "en"] as const) {
    test(`list, detail tabs, evaluation and catalogue (${language})`, async ({ page }) => {
      await signIn(page, accounts.tutor);
      if (language === "en") await switchLanguage(page, "English");
      await expect(courseRows(page)).toHaveCount(5);
      await expect(page.getByRole("tree")).toBeVisible();
      await settleAnimations(page);
      await page.screenshot(shot(`list-${language}`));

      await page.getByRole("treeitem").filter({ hasText: "Module 1 - L'avant-vente" }).click();
      await expect(courseRows(page)).toHaveCount(2);
      await settleAnimations(page);
      await page.screenshot(shot(`list-folder-${language}`));

      await page.getByRole("button", { name: language === "fr" ? "Filtrer les cours" : "Filter the courses" }).click();
      await expect(page.getByRole("textbox", { name: language === "fr" ? "Cours" : "Course" })).toBeVisible();
      await settleAnimations(page);
      await page.screenshot(shot(`list-filters-${language}`));
      await page.keyboard.press("Escape");

      const id = await courseId(page, "Cours 1 : L'avant-vente");
      await page.goto(`/tutorat/formations/${id}`);
      await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
      await settleAnimations(page);
      await page.screenshot(shot(`detail-infos-${language}`));

      await page.getByRole("tab", { name: language === "fr" ? "Leçons" : "Lessons" }).click();
      await expect(page.getByText("E-Learning L'avant-vente, c'est quoi ?")).toBeVisible();
      await settleAnimations(page);
      await page.screenshot(shot(`detail-lecons-${language}`));

      await page.getByRole("button", { name: /Quiz L'avant-vente/ }).click();
      await page
        .getByRole("menuitem", { name: language === "fr" ? "Lancer le contenu" : "Launch the content" })
        .click();
      await expect(page.getByRole("dialog")).toContainText("Préparer l'entretien");
      await settleAnimations(page);
      await page.screenshot(shot(`detail-preview-quiz-${language}`));
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();

      await page.getByRole("button", { name: /E-Learning L'avant-vente/ }).click();
      await page
        .getByRole("menuitem", { name: language === "fr" ? "Voir les commentaires" : "See the comments" })
        .click();
      await expect(page.getByRole("dialog")).toContainText("La vidéo du chapitre 2");
      await settleAnimations(page);
      await page.screenshot(shot(`detail-comments-${language}`));
      await page.keyboard.press("Escape");

      await page.getByRole("tab", { name: language === "fr" ? "Avis" : "Reviews" }).click();
      await expect(page.getByText(/^6 (avis|reviews)$/)).toBeVisible();
      await settleAnimations(page);
      await page.screenshot(shot(`detail-avis-${language}`));

      await page.goto(`/tutorat/formations/${id}/evaluation`);
      await expect(page.getByText(language === "fr" ? "RÉSULTATS PAR QUESTION" : "RESULTS BY QUESTION")).toBeVisible();
      await settleAnimations(page);
      await page.screenshot(shot(`evaluation-${language}`));

      await page.goto(`/catalogue/${id}`);
      await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
      await settleAnimations(page);
      await page.screenshot(shot(`catalogue-${language}`));
    });
  }

  test("narrow screen: list and detail", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, accounts.tutor);
    await expect(courseRows(page)).toHaveCount(5);
    await settleAnimations(page);
    await page.screenshot(shot("list-mobile"));
    const id = await courseId(page, "Cours 1 : L'avant-vente");
    await page.goto(`/tutorat/formations/${id}?onglet=lecons`);
    await expect(page.getByText("E-Learning L'avant-vente, c'est quoi ?")).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("detail-mobile"));
  });
});
