import type { Page } from "@playwright/test";
import { openCenter, screenshot, selectLearners, seriousViolations, switchLanguage } from "./actions-helpers.js";
import { expect, resetLanguageToFrench, test } from "./helpers.js";

/** Types a date and time into the class form's picker (dd/MM/yyyy HH:mm) and confirms it. */
async function pickStart(page: Page, value: string) {
  const input = page.getByLabel("Début");
  await input.click();
  await input.fill(value);
  await input.press("Enter");
  await expect(input).toHaveValue(value);
}

test.describe("Classe virtuelle (A2)", () => {
  test.describe.configure({ timeout: 150_000 });
  test.use({ viewport: { width: 1366, height: 900 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("schedule a class for two learners: it is listed with its invitees, rescheduled, cancelled", async ({
    page,
  }) => {
    await openCenter(page);
    await selectLearners(page, "AGASSE Sam", "Basic Joëlle");
    await page.getByRole("button", { name: "Classe virtuelle" }).click();
    const dialog = page.getByRole("dialog", { name: "Classe virtuelle" });
    await expect(dialog.getByText("Planifiez une session et invitez 2 apprenants", { exact: false })).toBeVisible();
    await dialog.getByLabel("Titre").fill("Préparer sa vente : questions-réponses");
    await pickStart(page, "15/06/2030 10:00");
    await dialog.getByLabel("Durée (minutes)").fill("90");
    await dialog.getByLabel("Lien de connexion").fill("ftp://visio.example.com/salle");
    await dialog.getByLabel("Description").fill("Venez avec vos questions sur la préparation de la vente.");
    await dialog.getByRole("button", { name: "Planifier et inviter 2 apprenants" }).click();
    await expect(
      dialog.getByText("Saisissez une adresse web complète commençant par http:// ou https://."),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "class-dialog-fr");
    await dialog.getByLabel("Lien de connexion").fill("https://visio.example.com/salle-42");
    await dialog.getByRole("button", { name: "Planifier et inviter 2 apprenants" }).click();
    await expect(dialog.getByText("Classe « Préparer sa vente : questions-réponses » planifiée")).toBeVisible();
    await expect(
      dialog.getByText("Le 15/06/2030 10:00 (Europe/Paris). 2 invitations sont parties dans la file d'envoi."),
    ).toBeVisible();
    await dialog.getByRole("link", { name: "Voir les classes virtuelles" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Classes virtuelles" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText(
      "Tutorat>Formations>Cours 1 : L'avant-vente>Centre de tutorat>Classes virtuelles",
    );
    const row = page.getByRole("row").filter({ hasText: "Préparer sa vente : questions-réponses" });
    await expect(row).toContainText("15/06/2030 10:00");
    await expect(row).toContainText("01:30:00");
    await expect(row).toContainText("À venir");
    await expect(row.getByRole("cell").nth(3)).toHaveText("2");
    await expect(row.getByRole("link", { name: /Rejoindre/ })).toHaveAttribute(
      "href",
      "https://visio.example.com/salle-42",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "classes-fr");

    await row.getByRole("button", { name: "Ouvrir la classe « Préparer sa vente : questions-réponses »" }).click();
    const drawer = page.getByRole("dialog", { name: "Préparer sa vente : questions-réponses" });
    await expect(drawer.getByText("2 INVITÉS")).toBeVisible();
    await expect(drawer.getByRole("cell", { name: "AGASSE Sam" })).toBeVisible();
    await expect(drawer.getByRole("cell", { name: "Basic Joëlle" })).toBeVisible();
    await expect(drawer.getByText("Les présences se saisissent une fois la classe commencée.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "class-detail-fr");

    await drawer.getByRole("button", { name: "Reprogrammer" }).click();
    const reschedule = page.getByRole("dialog", { name: "Reprogrammer la classe virtuelle" });
    await expect(reschedule.getByLabel("Titre")).toHaveValue("Préparer sa vente : questions-réponses");
    await pickStart(page, "16/06/2030 14:30");
    await reschedule.getByRole("button", { name: "Enregistrer et prévenir les invités" }).click();
    await expect(page.getByText("Classe reprogrammée : 2 invités prévenus.")).toBeVisible();
    await expect(drawer).toContainText("16/06/2030 14:30");

    await drawer.getByRole("button", { name: "Annuler la classe" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "Annuler la classe" }).click();
    await expect(drawer.getByText("Annulée")).toBeVisible();
    await page.getByRole("button", { name: "Fermer" }).click();
    await expect(row).toContainText("Annulée");
  });

  test("a class that took place: attendance is recorded and credited to the webinar", async ({ page }) => {
    await openCenter(page);
    await selectLearners(page, "Borrat Nicolas");
    await page.getByRole("button", { name: "Classe virtuelle" }).click();
    const dialog = page.getByRole("dialog", { name: "Classe virtuelle" });
    await dialog.getByLabel("Titre").fill("Séance de rattrapage");
    await pickStart(page, "02/01/2025 09:00");
    await expect(dialog.getByText("Cette date est passée", { exact: false })).toBeVisible();
    await dialog.getByLabel("Durée (minutes)").fill("60");
    await dialog.getByLabel("Lien de connexion").fill("https://visio.example.com/rattrapage");
    await dialog.getByRole("button", { name: "Planifier et inviter 1 apprenant" }).click();
    await dialog.getByRole("link", { name: "Voir les classes virtuelles" }).click();

    await page.getByRole("radio", { name: "Passées" }).locator("..").click();
    await expect(page).toHaveURL(/periode=passees/);
    const row = page.getByRole("row").filter({ hasText: "Séance de rattrapage" });
    await expect(row).toContainText("Présences à saisir");
    await row.getByRole("button", { name: /Séance de rattrapage/ }).click();
    const drawer = page.getByRole("dialog", { name: "Séance de rattrapage" });
    await expect(drawer.getByText("0 présent(s) sur 1")).toBeVisible();
    await drawer.getByRole("checkbox", { name: "Borrat Nicolas présent" }).check();
    await drawer.getByRole("spinbutton", { name: "Minutes de présence de Borrat Nicolas" }).fill("45");
    await drawer.getByRole("button", { name: "Enregistrer les présences" }).click();
    await expect(
      page.getByText("Présences enregistrées : le temps est crédité sur la leçon", { exact: false }),
    ).toBeVisible();
    await expect(drawer.getByText("Présences saisies")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "class-attendance-fr");
    await page.getByRole("button", { name: "Fermer" }).click();
    await expect(row.getByRole("cell").nth(4)).toHaveText("1 / 1");

    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Virtual classes" })).toBeVisible();
    await expect(row).toContainText("Attendance recorded");
    await screenshot(page, "classes-en");
    await row.getByRole("button", { name: /Séance de rattrapage/ }).click();
    await expect(
      page.getByRole("dialog", { name: "Séance de rattrapage" }).getByText("1 present out of 1"),
    ).toBeVisible();
    await screenshot(page, "class-attendance-en");
  });
});
