import { choose, openCenter, screenshot, seriousViolations, switchLanguage } from "./actions-helpers.js";
import { expect, resetLanguageToFrench, settleAnimations, test } from "./helpers.js";

test.describe("Relances automatiques (B2)", () => {
  test.describe.configure({ timeout: 150_000 });
  test.use({ viewport: { width: 1366, height: 900 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("a rule is created, evaluated now, paused, edited and deleted", async ({ page }) => {
    await openCenter(page);
    await page.getByRole("link", { name: "Relances automatiques" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Relances automatiques" })).toBeVisible();
    await expect(page.getByText("Aucune règle de relance automatique pour cette formation.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Nouvelle règle" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle règle de relance" });
    await expect(dialog.getByText("Règle : 7 jours avant la date d'objectif si progression < 50 %.")).toBeVisible();
    // The dialog zooms in: a forced click on the (visually hidden) radio must wait until it stands still.
    await settleAnimations(page);
    await dialog.getByRole("radio", { name: /Formation non commencée/ }).check({ force: true });
    await expect(dialog.getByLabel("Jours après l'inscription")).toHaveValue("10");
    await expect(dialog.getByText("Règle : Non commencé 10 jours après l'inscription.")).toBeVisible();
    await dialog.getByRole("button", { name: "Créer la règle" }).click();
    await expect(dialog.getByText("Choisissez le modèle à envoyer.")).toBeVisible();
    await choose(page, "Modèle de mail", "Relance formation non commencée");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "rule-form-fr");
    await dialog.getByRole("button", { name: "Créer la règle" }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole("row").filter({ hasText: "Non commencé 10 jours après l'inscription" });
    await expect(row).toContainText("Relance formation non commencée");
    await expect(row).toContainText("Active");
    await expect(row.getByRole("cell").nth(2)).toHaveText("0");

    await page.getByRole("button", { name: "Évaluer maintenant" }).click();
    const toast = page.locator(".ant-message").getByText(/^Règles évaluées : \d+ relances? envoyées?\.$/);
    await expect(toast).toBeVisible();
    const sent = Number(/(\d+)/.exec((await toast.textContent()) ?? "")?.[1]);
    expect(sent).toBeGreaterThan(0);
    await expect(row.getByRole("cell").nth(2)).toHaveText(String(sent));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "rules-fr");

    // Within the rule's period nobody gets it twice.
    await page.getByRole("button", { name: "Évaluer maintenant" }).click();
    await expect(page.locator(".ant-message").getByText("Règles évaluées : 0 relance envoyée.")).toBeVisible();

    await row.getByRole("switch", { name: "Règle active : Non commencé 10 jours après l'inscription" }).click();
    await expect(page.getByText("Règle mise en pause.")).toBeVisible();
    await expect(row).toContainText("En pause");

    await row.getByRole("button", { name: "Modifier la règle « Non commencé 10 jours après l'inscription »" }).click();
    const edit = page.getByRole("dialog", { name: "Modifier la règle de relance" });
    await edit.getByLabel("Jours après l'inscription").fill("20");
    await edit.getByRole("button", { name: "Enregistrer" }).click();
    await expect(edit).toBeHidden();
    const edited = page.getByRole("row").filter({ hasText: "Non commencé 20 jours après l'inscription" });
    await expect(edited).toContainText("En pause");

    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Automatic reminders" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Not started 20 days after enrollment" })).toContainText(
      "Paused",
    );
    await screenshot(page, "rules-en");
    await switchLanguage(page, "Français");

    await edited.getByRole("button", { name: /^Supprimer la règle/ }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByText("Aucune règle de relance automatique pour cette formation.")).toBeVisible();
  });
});
