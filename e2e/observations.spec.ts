import type { Page } from "@playwright/test";
import { accounts, expect, resetLanguageToFrench, seriousViolations, signIn, test } from "./helpers.js";

function todoRows(page: Page) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

/** Cours 1's `Observations à faire`, opened from its tutoring center's indicator. */
async function openObservations(page: Page) {
  await signIn(page, accounts.tutor);
  await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
  await page.getByRole("link", { name: "Centre de tutorat" }).click();
  await page.locator(".indicator-card").filter({ hasText: "OBSERVATIONS À FAIRE" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Observations à faire" })).toBeVisible();
}

/** The level buttons of one criterion of the grid. */
function criterion(page: Page, label: string) {
  return page.getByRole("group", { name: new RegExp(label) });
}

test.describe("Observations à faire (T8)", () => {
  test.describe.configure({ timeout: 60_000 });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("the list: the 21 learners whose observation is not passed, Sam failed with 50 %", async ({ page }) => {
    await openObservations(page);
    await expect(page.locator(".table-pager-status")).toContainText("élément(s) 1 à 21 sur 21.");
    const sam = todoRows(page).filter({ hasText: "AGASSE Sam" });
    await expect(sam).toContainText("Échoué");
    await expect(sam).toContainText("50 %");
    await expect(sam).toContainText("11/02/2025 09:44");
    await expect(todoRows(page).filter({ hasText: "Amalric Pierre Henri" })).toContainText("Non commencé");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("searchbox", { name: "Rechercher un apprenant par son nom" }).fill("zzz");
    await expect(page.getByText("Aucun apprenant à observer ne correspond à « zzz ».")).toBeVisible();
  });

  test("filling the grid for a learner: checked fields, then the score, Échoué and why", async ({ page }) => {
    await openObservations(page);
    await page.getByRole("searchbox", { name: "Rechercher un apprenant par son nom" }).fill("perrin");
    await expect(todoRows(page)).toHaveCount(1);
    await page.getByRole("link", { name: "Observer — Perrin Maxime" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Observation de Perrin Maxime" })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: "C01 Observation L'avant-vente commerciale" }),
    ).toBeVisible();
    await expect(page.getByText("Éliminatoire", { exact: true })).toBeVisible();

    // Nothing chosen yet: the form says what is missing, nothing is sent.
    await page.getByRole("button", { name: "Enregistrer l'observation" }).click();
    await expect(page.getByText("Indiquez la durée de l'observation.")).toBeVisible();
    await expect(page.getByText("Choisissez un niveau pour « Préparer son rendez-vous ».")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("textbox", { name: "Durée" }).fill("00:20:00");
    await criterion(page, "Préparer son rendez-vous").getByText("En cours d'acquisition").click();
    for (const label of [
      "Analyser le besoin du client",
      "Présenter une offre adaptée",
      "Conclure et planifier le suivi",
    ]) {
      await criterion(page, label).getByText("Acquis", { exact: true }).click();
    }
    await page.getByRole("textbox", { name: "Commentaire général" }).fill("Bon entretien, préparation à revoir.");
    await page.getByRole("button", { name: "Enregistrer l'observation" }).click();

    // 87,5 % is above the 50 % threshold, but the eliminating criterion is not acquired.
    const result = page.getByRole("status").filter({ hasText: "Perrin Maxime" });
    await expect(result.getByRole("heading", { level: 2, name: "Échoué" })).toBeVisible();
    await expect(result).toContainText("score de 87,5 %, essai n° 1");
    await expect(result).toContainText("Critère éliminatoire non acquis : Préparer son rendez-vous.");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Retour aux observations à faire" }).last().click();
    await page.getByRole("searchbox", { name: "Rechercher un apprenant par son nom" }).fill("perrin");
    await expect(todoRows(page)).toHaveCount(1);
    await expect(todoRows(page).first()).toContainText("Échoué");
    await expect(todoRows(page).first()).toContainText("87,5 %");
  });
});
