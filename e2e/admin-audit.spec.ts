import type { Page } from "@playwright/test";
import { accounts, expect, seriousViolations, signIn, test } from "./helpers.js";

function entries(page: Page) {
  return page
    .getByRole("region", { name: "JOURNAL D'AUDIT" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

test.describe("Journal d'audit (B4, admins)", () => {
  test.describe.configure({ timeout: 60_000 });

  test("lists every change with before → after, and filters by action, learner and period", async ({ page }) => {
    await signIn(page, accounts.admin);
    await page
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Journal d'audit" })
      .click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Journal d'audit" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toContainText(
      "Administration>Journal d'audit",
    );
    const sheetEdit = entries(page).filter({ hasText: "Fiche complétée et relue en entretien" });
    await expect(sheetEdit).toContainText("08/01/2024 09:00");
    await expect(sheetEdit).toContainText("Roche Julien");
    await expect(sheetEdit).toContainText("Modification des statistiques");
    await expect(sheetEdit).toContainText("AGASSE Sam");
    await expect(sheetEdit).toContainText("Cours 1 : L'avant-vente");
    await expect(sheetEdit).toContainText("Score : 0% → 75%");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Action").click();
    await page.locator(".ant-select-item-option", { hasText: "Modification des statistiques" }).click();
    await expect(page).toHaveURL(/action=lesson_stats.edit/);
    await expect(entries(page)).toHaveCount(2);
    await expect(entries(page).filter({ hasText: "Modification des statistiques" })).toHaveCount(2);

    await sheetEdit.getByRole("button", { name: "Voir les entrées de AGASSE Sam" }).click();
    await expect(page).toHaveURL(/apprenant=/);
    await expect(page.getByRole("button", { name: "Apprenant : AGASSE Sam" })).toBeVisible();
    await expect(entries(page)).toHaveCount(2);

    // The view lives in the URL: a period outside the entries finds nothing, with a clear message.
    const url = new URL(page.url());
    url.searchParams.set("du", "2024-01-09");
    url.searchParams.set("au", "2024-01-31");
    await page.goto(url.pathname + url.search);
    await expect(page.getByText("Aucune entrée ne correspond à ces filtres.")).toBeVisible();
    await expect(page.getByPlaceholder("Du")).toHaveValue("09/01/2024");
    url.searchParams.set("du", "2024-01-08");
    url.searchParams.set("au", "2024-01-08");
    await page.goto(url.pathname + url.search);
    await expect(entries(page)).toHaveCount(2);

    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(entries(page).filter({ hasText: "Données de démonstration chargées" })).toHaveCount(1);
  });

  test("opens the learner's report from an entry", async ({ page }) => {
    await signIn(page, accounts.admin);
    await page.goto("/admin/audit");
    await entries(page)
      .filter({ hasText: "Fiche complétée et relue en entretien" })
      .getByRole("link", { name: "AGASSE Sam" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Rapport de suivi — AGASSE Sam" })).toBeVisible();
    await expect(page).toHaveURL(/\/centre\/apprenants\//);
  });

  test("is for admins only: no menu entry for a tutor, and the page is refused", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(page.getByRole("navigation", { name: "Menu principal" }).getByText("Journal d'audit")).toHaveCount(0);
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    expect((await page.request.get("/api/admin/audit")).status()).toBe(403);
  });
});
