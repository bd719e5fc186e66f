import {
  choose,
  learnerRows,
  openCenter,
  screenshot,
  selectLearners,
  seriousViolations,
  switchLanguage,
} from "./actions-helpers.js";
import { accounts, expect, resetLanguageToFrench, signIn, test } from "./helpers.js";

const template = "Relance formation non commencée";
const subject = "Cours 1 : L'avant-vente : votre formation vous attend";

test.describe("Relancer (A1)", () => {
  // Each test signs in and opens the tutoring center; the machine is shared.
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1366, height: 900 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("the buttons wait for a selection", async ({ page }) => {
    await openCenter(page);
    for (const name of ["Relancer", "Classe virtuelle", "Attestations"]) {
      await expect(page.getByRole("button", { name })).toBeDisabled();
    }
    await page.getByRole("button", { name: "Relancer" }).hover({ force: true });
    await expect(page.getByRole("tooltip")).toHaveText("Sélectionnez au moins un apprenant dans le tableau.");
  });

  test("a dialog whose code fails to download: the center stays, a message says so, and it opens when asked again", async ({
    page,
  }) => {
    await openCenter(page);
    await selectLearners(page, "AGASSE Sam");
    // The dialog's chunk (not yet loaded: it loads on first use) cannot be reached.
    await page.route(/\/assets\/ReminderDialog-[^/]+\.js$/, (route) => route.abort());
    await page.getByRole("button", { name: "Relancer" }).click();
    await expect(
      page.getByText(
        "Cette fenêtre n'a pas pu être chargée. Vérifiez votre connexion puis réessayez ; si cela persiste, rechargez la page.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("dialog", { name: "Relancer" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "UTILISATEURS TUTORÉS" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Sélectionner AGASSE Sam" })).toBeChecked();

    await page.unroute(/\/assets\/ReminderDialog-[^/]+\.js$/);
    await page.getByRole("button", { name: "Relancer" }).click();
    await expect(page.getByRole("dialog", { name: "Relancer" })).toBeVisible();
  });

  test("two learners: preview for each, a double click sends once, progress, history and the admin's Messages", async ({
    page,
  }) => {
    await openCenter(page);
    await selectLearners(page, "AGASSE Sam", "Amalric Pierre Henri");
    await page.getByRole("button", { name: "Relancer" }).click();
    const dialog = page.getByRole("dialog", { name: "Relancer" });
    await expect(dialog.getByText("Envoyer un e-mail de relance à 2 apprenants.", { exact: false })).toBeVisible();
    await expect(dialog.getByText("Choisissez un modèle pour voir l'aperçu du message.")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Envoyer à 2 apprenants" })).toBeDisabled();

    await choose(page, "Modèle de mail", template);
    const preview = dialog.getByRole("region", { name: "Aperçu du message" });
    await expect(preview).toContainText("Aperçu pour Sam AGASSE <sam.agasse@demo.local>");
    await expect(preview).toContainText(`Objet : ${subject}`);
    await expect(preview).toContainText("Bonjour Sam,");
    await expect(preview).toContainText("Destinataire 1 sur 2");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "reminder-dialog-fr");

    await preview.getByRole("button", { name: "Destinataire suivant" }).click();
    await expect(preview).toContainText("Bonjour Pierre Henri,");
    await expect(preview).toContainText("Destinataire 2 sur 2");
    await preview.getByRole("button", { name: "Destinataire précédent" }).click();
    await expect(preview).toContainText("Bonjour Sam,");

    await dialog.getByRole("button", { name: "Envoyer à 2 apprenants" }).dblclick();
    await expect(dialog.getByText("Relance mise en file d'envoi pour 2 apprenants")).toBeVisible();
    await expect(dialog.locator(".ant-descriptions-item").filter({ hasText: "En file d'attente" })).toContainText("2");
    await expect(dialog.locator(".ant-descriptions-item").filter({ hasText: "Envoyés" })).toContainText("0");
    await expect(
      dialog.getByText("Aucun serveur SMTP configuré : les messages restent dans la file, non envoyés."),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "reminder-progress-fr");
    await dialog.locator(".ant-modal-footer").getByRole("button", { name: "Fermer" }).click();
    await expect(dialog).toBeHidden();

    // The reminder is in the learner's history (R5).
    await learnerRows(page)
      .filter({ hasText: "AGASSE Sam" })
      .getByRole("link", { name: "Rapport de AGASSE Sam" })
      .click();
    const history = page.getByRole("region", { name: "Historique des relances" });
    await expect(history.getByRole("row").filter({ hasText: template })).toHaveCount(1);
    await expect(history.getByRole("row").filter({ hasText: template })).toContainText("Relance manuelle par e-mail");

    // The admin sees each message once, waiting in the outbox.
    await page.context().clearCookies();
    await signIn(page, accounts.admin);
    await page.getByRole("link", { name: "Messages" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
    await expect(
      page.getByText("Aucun serveur SMTP configuré : les messages restent dans la file, non envoyés"),
    ).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    for (const email of ["sam.agasse@demo.local", "pierre-henri.amalric@demo.local"]) {
      await page.getByRole("searchbox", { name: "Rechercher par destinataire ou objet" }).fill(email);
      await page.getByRole("searchbox", { name: "Rechercher par destinataire ou objet" }).press("Enter");
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(email).replace(/\./g, "\\.")}`));
      await expect(rows.filter({ hasText: subject })).toHaveCount(1);
      await expect(rows.filter({ hasText: subject })).toContainText("En attente");
    }
    await rows
      .filter({ hasText: subject })
      .getByRole("button", { name: /Développer la ligne|Expand row/ })
      .click();
    await expect(page.getByText("Vous êtes inscrit(e) à la formation « Cours 1 : L'avant-vente »")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-messages-fr");
    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
    await expect(page.getByText("No SMTP server configured: messages stay in the outbox, not sent")).toBeVisible();
    await screenshot(page, "admin-messages-en");
  });

  test("the English dialog", async ({ page }) => {
    await openCenter(page);
    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Tutoring center" })).toBeVisible();
    await page.getByRole("checkbox", { name: "Select AGASSE Sam" }).check();
    await page.getByRole("button", { name: "Send reminder" }).click();
    const dialog = page.getByRole("dialog", { name: "Send reminder" });
    await choose(page, "Mail template", "Relance inactivité");
    await expect(dialog.getByRole("region", { name: "Message preview" })).toContainText("Bonjour Sam AGASSE,");
    await expect(dialog.getByRole("button", { name: "Send to 1 learner" })).toBeEnabled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "reminder-dialog-en");
  });
});
