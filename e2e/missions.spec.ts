import type { Page } from "@playwright/test";
import { accounts, expect, resetLanguageToFrench, seriousViolations, signIn, test } from "./helpers.js";

function queueRows(page: Page) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

/** Cours 1's `Missions à corriger`, opened from its tutoring center's indicator. */
async function openCourseQueue(page: Page) {
  await signIn(page, accounts.tutor);
  await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
  await page.getByRole("link", { name: "Centre de tutorat" }).click();
  await page.locator(".indicator-card").filter({ hasText: "MISSIONS À CORRIGER" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Missions à corriger" })).toBeVisible();
}

test.describe("Missions à corriger (T7)", () => {
  test.describe.configure({ timeout: 60_000 });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("the course's queue: the demo's pending submission, oldest first; the corrected ones on their tab", async ({
    page,
  }) => {
    await openCourseQueue(page);
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText(
      "Tutorat>Formations>Cours 1 : L'avant-vente>Centre de tutorat>Missions à corriger",
    );
    await expect(queueRows(page)).toHaveCount(1);
    await expect(queueRows(page).first()).toContainText("Dubois Camille");
    await expect(queueRows(page).first()).toContainText("Mission Préparer sa vente");
    await expect(queueRows(page).first()).toContainText("À corriger");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByText("Corrigées", { exact: true }).click();
    await expect(page).toHaveURL(/status=corrected/);
    await expect(queueRows(page)).toHaveCount(3);
    await expect(queueRows(page).filter({ hasText: "Garnier Lucas" })).toContainText("Échoué · 40 %");
    await expect(queueRows(page).filter({ hasText: "Lefèvre Inès" })).toContainText("Réussi · 85 %");
  });

  test("the global queue from the menu spans the tutor's courses", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Missions à corriger" })
      .click();
    await expect(page).toHaveURL(/\/tutorat\/missions$/);
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText("Tutorat>Missions à corriger");
    await expect(queueRows(page)).toHaveCount(1);
    await expect(queueRows(page).first()).toContainText("Cours 1 : L'avant-vente");
    await page.getByText("Toutes", { exact: true }).click();
    await expect(queueRows(page).filter({ hasText: "Cours 2 : La vente" })).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a submission: the learner's text, the lesson's instructions, the form checks the verdict; cancel saves nothing", async ({
    page,
  }) => {
    await openCourseQueue(page);
    await page.getByRole("link", { name: "Dubois Camille", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dubois Camille" })).toBeVisible();
    await expect(page.getByText(/^Voici mon plan de préparation pour le rendez-vous/)).toBeVisible();
    await expect(page.getByText(/^Préparez un rendez-vous réel/)).toBeVisible();
    await expect(page.getByText("Temps déclaré")).toBeVisible();
    await expect(page.getByText("01:30:00")).toBeVisible();
    await expect(page.getByText("Première soumission de l'apprenant pour cette mission.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Voir le rapport de l'apprenant" })).toHaveAttribute(
      "href",
      /\/centre\/apprenants\/[0-9a-f-]+$/,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Enregistrer la correction" }).click();
    await expect(page.getByText("Choisissez Réussi ou Échoué.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("spinbutton", { name: "Score (%)" }).fill("75");
    await page.getByRole("button", { name: "Annuler" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Missions à corriger" })).toBeVisible();
    await expect(queueRows(page)).toHaveCount(1);
    await expect(queueRows(page).first()).toContainText("À corriger");
  });

  test("a corrected submission shows its correction, who gave it and when", async ({ page }) => {
    await openCourseQueue(page);
    await page.getByText("Corrigées", { exact: true }).click();
    await page.getByRole("link", { name: "Garnier Lucas", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Garnier Lucas" })).toBeVisible();
    const correction = page.locator(".correction-summary").last();
    await expect(correction).toContainText("Échoué");
    await expect(correction).toContainText("40 %");
    await expect(correction).toContainText("Il manque les questions de découverte et la documentation à apporter.");
    await expect(correction).toContainText(/Roche Julien, le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expect(page.getByRole("button", { name: "Enregistrer la correction" })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("an unknown submission says so", async ({ page }) => {
    await openCourseQueue(page);
    await page.goto(`${page.url().split("?")[0]}/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole("heading", { level: 1, name: "Mission introuvable" })).toBeVisible();
    await page.getByRole("button", { name: "Retour aux missions à corriger" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Missions à corriger" })).toBeVisible();
  });
});
