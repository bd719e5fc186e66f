import { screenshot, seriousViolations, switchLanguage } from "./actions-helpers.js";
import { accounts, expect, resetLanguageToFrench, signIn, test } from "./helpers.js";

test.describe("Tutorat > Modèles de mail (A1)", () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1366, height: 900 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("the demo's shared templates are read-only for a tutor, who can copy one", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("link", { name: "Modèles de mail" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Modèles de mail" })).toBeVisible();
    const rows = page.getByRole("region", { name: "MODÈLES DE MAIL" }).getByRole("row");
    for (const name of ["Relance formation non commencée", "Relance date d'objectif proche", "Relance inactivité"]) {
      await expect(rows.filter({ hasText: name })).toContainText("Partagé");
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "templates-fr");

    await page.getByRole("button", { name: "Consulter Relance inactivité" }).click();
    const dialog = page.getByRole("dialog", { name: "Modèle de mail partagé" });
    await expect(
      dialog.getByText("Ce modèle est partagé par un administrateur : il est en lecture seule.", { exact: false }),
    ).toBeVisible();
    await expect(dialog.getByLabel("Objet", { exact: true })).toBeDisabled();
    await dialog.getByRole("button", { name: "Dupliquer" }).click();
    const copy = page.getByRole("dialog", { name: "Nouveau modèle de mail" });
    await expect(copy.getByLabel("Nom", { exact: true })).toHaveValue("Copie de Relance inactivité");
    await expect(copy.getByLabel("Objet", { exact: true })).toHaveValue("{{cours}} : on reprend ?");
    await copy.getByRole("button", { name: "Annuler" }).click();
    await expect(copy).toBeHidden();
  });

  test("an unknown {{ville}} is refused on its field; variables insert at the cursor; edit and delete", async ({
    page,
  }) => {
    await signIn(page, accounts.tutor);
    await page.goto("/tutorat/modeles-de-mail");
    await page.getByRole("button", { name: "Nouveau modèle" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouveau modèle de mail" });
    await dialog.getByLabel("Nom", { exact: true }).fill("Rappel agence");
    await dialog.getByLabel("Objet", { exact: true }).fill("Rappel {{ville}}");
    await dialog.getByLabel("Message", { exact: true }).fill("Bonjour ,\nÀ bientôt.");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(
      dialog.getByText("Variable inconnue : {{ville}}. Utilisez uniquement les variables listées à droite."),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "template-editor-error-fr");

    // Fix the subject; put the first name after "Bonjour " with the variable list.
    await dialog.getByLabel("Objet", { exact: true }).fill("Rappel {{cours}}");
    const body = dialog.getByLabel("Message", { exact: true });
    await body.click();
    await body.press("Control+Home");
    for (let i = 0; i < "Bonjour ".length; i++) await body.press("ArrowRight");
    await dialog.getByRole("button", { name: "Insérer {{prenom}}" }).click();
    await expect(body).toHaveValue("Bonjour {{prenom}},\nÀ bientôt.");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(dialog).toBeHidden();
    const row = page
      .getByRole("region", { name: "MODÈLES DE MAIL" })
      .getByRole("row")
      .filter({ hasText: "Rappel agence" });
    await expect(row).toContainText("Personnel");
    await expect(row).toContainText("Rappel {{cours}}");

    await row.getByRole("button", { name: "Modifier Rappel agence" }).click();
    const edit = page.getByRole("dialog", { name: "Modifier le modèle de mail" });
    await edit.getByLabel("Nom", { exact: true }).fill("Rappel agence Sud");
    await edit.getByRole("button", { name: "Enregistrer" }).click();
    await expect(edit).toBeHidden();
    const renamed = page.getByRole("row").filter({ hasText: "Rappel agence Sud" });
    await expect(renamed).toBeVisible();

    await renamed.getByRole("button", { name: "Supprimer Rappel agence Sud" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Rappel agence Sud" })).toHaveCount(0);
  });

  test("English, and an admin may share a template", async ({ page }) => {
    await signIn(page, accounts.admin);
    await page.goto("/tutorat/modeles-de-mail");
    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Mail templates" })).toBeVisible();
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByRole("dialog", { name: "New mail template" });
    await expect(dialog.getByRole("checkbox", { name: "Share with every tutor" })).toBeVisible();
    await expect(dialog.getByText("Learner's first name")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "template-editor-en");
    await dialog.getByLabel("Name", { exact: true }).fill("Shared welcome");
    await dialog.getByLabel("Subject", { exact: true }).fill("Welcome to {{cours}}");
    await dialog.getByLabel("Message", { exact: true }).fill("Hello {{prenom}}");
    await dialog.getByRole("checkbox", { name: "Share with every tutor" }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: "Shared welcome" })).toContainText("Shared");
    await screenshot(page, "templates-en");
    await page
      .getByRole("row")
      .filter({ hasText: "Shared welcome" })
      .getByRole("button", { name: "Delete Shared welcome" })
      .click();
    await page.getByRole("tooltip").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Shared welcome" })).toHaveCount(0);
  });
});
