import path from "node:path";
import type { Page } from "@playwright/test";
import { accounts, expect, resetLanguageToFrench, settleAnimations, signIn, test } from "./helpers.js";

// Screenshots of the learner report and the audit log for reviewing the look, not assertions:
// SHOTS_DIR=/tmp/shots npx playwright test learner-report-screenshots
const shotsDir = process.env.SHOTS_DIR ?? ".";

async function shot(page: Page, name: string, fullPage = true) {
  await settleAnimations(page);
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage });
}

async function samReportPath(page: Page) {
  const courses = (await (await page.request.get("/api/tutoring/courses?pageSize=100")).json()) as {
    items: { id: string; name: string }[];
  };
  const course = courses.items.find((c) => c.name === "Cours 1 : L'avant-vente");
  const learners = (await (await page.request.get(`/api/tutoring/courses/${course?.id}/learners?q=agasse`)).json()) as {
    items: { userId: string }[];
  };
  return `/tutorat/formations/${course?.id}/centre/apprenants/${learners.items[0]?.userId}`;
}

async function switchToEnglish(page: Page) {
  await page.getByRole("button", { name: /^Menu de / }).click();
  await page.getByRole("menuitem", { name: "English" }).click();
}

test.describe("learner report screenshots", () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test.describe.configure({ timeout: 120_000 });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("report, statistics editor, French and English", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.goto(await samReportPath(page));
    await expect(page.getByRole("heading", { level: 1, name: "Rapport de suivi — AGASSE Sam" })).toBeVisible();
    await page.getByRole("button", { name: /^Essais de « E-Learning/ }).click();
    await expect(page.getByRole("table", { name: /^Essais : E-Learning/ })).toBeVisible();
    await shot(page, "report-fr");

    await page
      .getByRole("row", { name: /Fiche Pratique C01/ })
      .getByRole("button", { name: /^Actions sur la leçon/ })
      .click();
    await shot(page, "report-fr-row-menu", false);
    await page.getByRole("menuitem", { name: "Modifier les statistiques" }).click();
    const dialog = page.getByRole("dialog", { name: "Modifier les statistiques" });
    await dialog.getByLabel("Score (%)").fill("101");
    await dialog.getByRole("button", { name: "Valider" }).click();
    await expect(dialog.getByText("Le score doit être compris entre 0 et 100.")).toBeVisible();
    await shot(page, "report-fr-edit-stats", false);
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole("button", { name: /Exporter/ }).click();
    await shot(page, "report-fr-export-menu", false);
    await page.keyboard.press("Escape");

    await switchToEnglish(page);
    await expect(page.getByRole("heading", { level: 1, name: "Follow-up report — AGASSE Sam" })).toBeVisible();
    await page.mouse.click(700, 700);
    await shot(page, "report-en");
    await page
      .getByRole("row", { name: /C01 Observation/ })
      .getByRole("button", { name: /^Actions on the lesson/ })
      .click();
    await page.getByRole("menuitem", { name: "Edit statistics" }).click();
    await expect(page.getByRole("dialog", { name: "Edit statistics" }).getByLabel("Score (%)")).toBeVisible();
    await shot(page, "report-en-edit-stats", false);
  });

  test("e-learning statistics editor (SCORM fields)", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.goto(await samReportPath(page));
    await page
      .getByRole("row", { name: /E-Learning L'avant-vente/ })
      .getByRole("button", { name: /^Actions sur la leçon/ })
      .click();
    await page.getByRole("menuitem", { name: "Modifier les statistiques" }).click();
    await expect(page.getByRole("dialog").getByLabel("Location")).toHaveValue("page-8");
    await shot(page, "report-fr-edit-stats-elearning", false);
  });

  test("audit log, French and English", async ({ page }) => {
    await signIn(page, accounts.admin);
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Journal d'audit" })).toBeVisible();
    await expect(page.getByText("Fiche complétée et relue en entretien")).toBeVisible();
    await shot(page, "audit-fr");
    await switchToEnglish(page);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page.mouse.click(700, 700);
    await shot(page, "audit-en");
  });

  test("narrow screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, accounts.tutor);
    await page.goto(await samReportPath(page));
    await expect(page.getByRole("heading", { level: 1, name: "Rapport de suivi — AGASSE Sam" })).toBeVisible();
    await shot(page, "report-mobile");
  });
});
