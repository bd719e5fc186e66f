import fs from "node:fs/promises";
import { unzipSync } from "fflate";
import {
  learnerRows,
  openCenter,
  screenshot,
  selectLearners,
  seriousViolations,
  switchLanguage,
} from "./actions-helpers.js";
import { expect, resetLanguageToFrench, settleAnimations, test } from "./helpers.js";

test.describe("Attestations (A3)", () => {
  test.describe.configure({ timeout: 150_000 });
  test.use({ viewport: { width: 1366, height: 900 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("attendance certificates for two learners: progress, zip, the Certificat column, regenerate and revoke", async ({
    page,
  }) => {
    await openCenter(page);
    const sam = learnerRows(page).filter({ hasText: "AGASSE Sam" });
    const demory = learnerRows(page).filter({ hasText: "Demory Jerome" });
    await expect(sam.getByRole("link", { name: "Télécharger le certificat de AGASSE Sam" })).toHaveCount(0);
    await selectLearners(page, "AGASSE Sam", "Demory Jerome");
    await page.getByRole("button", { name: "Attestations" }).click();
    const dialog = page.getByRole("dialog", { name: "Attestations" });
    await expect(dialog.getByRole("radio", { name: /Attestation d'assiduité/ })).toBeChecked();
    await expect(
      dialog.getByText("Uniquement pour les apprenants qui ont terminé la formation", { exact: false }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "certificates-dialog-fr");
    await dialog.getByRole("button", { name: "Générer 2 attestations" }).click();
    await expect(dialog.getByText("Génération terminée : 2 attestations disponibles.")).toBeVisible({
      timeout: 30_000,
    });
    await expect(dialog.locator(".ant-descriptions-item").filter({ hasText: /^Générées/ })).toContainText("2");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "certificates-done-fr");

    const zipDownload = page.waitForEvent("download");
    await dialog.getByRole("link", { name: "Télécharger le zip" }).click();
    const zip = await zipDownload;
    expect(zip.suggestedFilename()).toBe("attestations.zip");
    const files = Object.keys(unzipSync(new Uint8Array(await fs.readFile(await zip.path()))));
    expect(files).toHaveLength(2);
    expect(files.some((name) => name.startsWith("AGASSE_Sam_"))).toBe(true);
    expect(files.some((name) => name.startsWith("Demory_Jerome_"))).toBe(true);

    await dialog.locator(".ant-modal-footer").getByRole("button", { name: "Fermer" }).click();
    const samCertificate = sam.getByRole("link", { name: "Télécharger le certificat de AGASSE Sam" });
    await expect(samCertificate).toBeVisible();
    await expect(demory.getByRole("link", { name: "Télécharger le certificat de Demory Jerome" })).toBeVisible();
    const pdfDownload = page.waitForEvent("download");
    await samCertificate.click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^TUT-.+\.pdf$/);
    expect((await fs.readFile(await pdf.path())).subarray(0, 5).toString()).toBe("%PDF-");
    const firstCode = pdf.suggestedFilename();

    // Regenerate: a new certificate (new code) replaces the old one.
    await sam.getByRole("button", { name: "Actions sur le certificat de AGASSE Sam" }).click();
    await page.getByRole("menuitem", { name: "Régénérer" }).click();
    await page
      .getByRole("dialog", { name: "Régénérer le certificat de AGASSE Sam ?" })
      .getByRole("button", { name: "Régénérer" })
      .click();
    await expect(page.getByText("Nouveau certificat émis pour AGASSE Sam.")).toBeVisible();
    await expect
      .poll(async () => {
        const again = page.waitForEvent("download");
        await samCertificate.click();
        return (await again).suggestedFilename();
      })
      .not.toBe(firstCode);

    // Revoke with a reason: the icon goes away.
    await demory.getByRole("button", { name: "Actions sur le certificat de Demory Jerome" }).click();
    await page.getByRole("menuitem", { name: "Révoquer" }).click();
    const revoke = page.getByRole("dialog", { name: "Révoquer le certificat de Demory Jerome" });
    // The dialog zooms in: a click while it moves can land beside the button (seen once in CI).
    await expect(revoke).toBeVisible();
    await settleAnimations(page);
    await revoke.getByRole("button", { name: "Révoquer" }).click();
    await expect(revoke.getByText("Indiquez le motif de la révocation.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "certificate-revoke-fr");
    await revoke.getByLabel("Motif de la révocation").fill("Émise par erreur");
    await revoke.getByRole("button", { name: "Révoquer" }).click();
    await expect(page.getByText("Certificat de Demory Jerome révoqué.")).toBeVisible();
    await expect(demory.getByRole("link", { name: "Télécharger le certificat de Demory Jerome" })).toHaveCount(0);
  });

  test("completion certificates go only to learners who completed the course", async ({ page }) => {
    await openCenter(page);
    await switchLanguage(page, "English");
    await page.getByRole("checkbox", { name: "Select Basic Joëlle" }).check();
    await page.getByRole("checkbox", { name: "Select Borrat Nicolas" }).check();
    await page.getByRole("button", { name: "Certificates" }).click();
    const dialog = page.getByRole("dialog", { name: "Certificates" });
    await dialog.getByText("Certificate of completion").click();
    await expect(dialog.getByRole("radio", { name: /Certificate of completion/ })).toBeChecked();
    await screenshot(page, "certificates-dialog-en");
    await dialog.getByRole("button", { name: "Generate 2 certificates" }).click();
    await expect(dialog.getByText("Generation finished: 0 certificates available.")).toBeVisible({ timeout: 30_000 });
    await expect(
      dialog.getByText("2 learners have not completed the course: no certificate of completion for them."),
    ).toBeVisible();
    await expect(dialog.getByRole("link", { name: "Download the zip" })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "certificates-not-completed-en");
  });
});
