import fs from "node:fs/promises";
import type { Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { choose } from "./actions-helpers.js";
import { accounts, expect, resetLanguageToFrench, seriousViolations, signIn, test } from "./helpers.js";

/** Opens Cours 1's tutoring center the way a tutor does: Formations > the course > `Centre de tutorat`. */
async function openCenter(page: Page) {
  await signIn(page, accounts.tutor);
  await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
  await page.getByRole("link", { name: "Centre de tutorat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Centre de tutorat" })).toBeVisible();
  await expect(learnerRows(page).first()).toBeVisible();
}

/** The rows of `UTILISATEURS TUTORÉS` (each has its own selection checkbox). */
function learnerRows(page: Page) {
  return page
    .getByRole("region", { name: "UTILISATEURS TUTORÉS" })
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: /^Sélectionner (?!la page$)/ }) });
}

function row(page: Page, name: string) {
  return learnerRows(page).filter({ hasText: name });
}

function indicator(page: Page, title: string) {
  return page
    .getByRole("region", { name: "Indicateurs de suivi" })
    .locator(".indicator-card")
    .filter({ hasText: title });
}

const pagerStatus = (page: Page) => page.locator(".table-pager-status");

const selectionCount = (page: Page) => page.locator(".selection-bar-count");

test.describe("Tutorat > Formations > [Cours] > Centre de tutorat", () => {
  // Each test signs in and walks from Formations to the center; the shared two-core machine can be slow.
  test.describe.configure({ timeout: 60_000 });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("the source's screen: 21 / 1 / 21, the first page sorted by name, the pager text", async ({ page }) => {
    await openCenter(page);
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText(
      "Tutorat>Formations>Cours 1 : L'avant-vente>Centre de tutorat",
    );
    await expect(page.getByRole("heading", { level: 2, name: "MES FORMATIONS TUTORÉES" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Inscriptions" })).toBeVisible();
    await expect(page.getByText("Toutes les inscriptions")).toBeVisible();

    await expect(indicator(page, "APPRENANTS")).toContainText("TOTAL21");
    await expect(indicator(page, "MISSIONS À CORRIGER")).toContainText("TOTAL1");
    await expect(indicator(page, "OBSERVATIONS À FAIRE")).toContainText("TOTAL21");

    const legend = page.getByRole("region", { name: "PROGRESSION DES APPRENANTS" });
    await expect(legend.getByRole("button", { name: /Non commencé/ })).toHaveText("Non commencé6 (29 %)");
    await expect(legend.getByRole("button", { name: /En cours/ })).toHaveText("En cours15 (71 %)");
    await expect(legend.getByRole("button", { name: /Terminé/ })).toHaveText("Terminé0 (0 %)");
    // The pie's drawing (recharts) loads after the table; it comes in its box: two slices, Terminé being empty.
    await expect(legend.locator(".recharts-pie-sector")).toHaveCount(2);

    const headers = page.getByRole("region", { name: "UTILISATEURS TUTORÉS" }).getByRole("columnheader");
    for (const title of ["Utilisateur", "Statut", "Progression", "Temps passé", "Risque", "Rapport", "Certificat"]) {
      await expect(headers.filter({ hasText: title })).toHaveCount(1);
    }
    await expect(learnerRows(page)).toHaveCount(5);
    await expect(learnerRows(page).nth(0)).toContainText("AGASSE Sam");
    await expect(learnerRows(page).nth(0)).toContainText("En cours");
    await expect(learnerRows(page).nth(0)).toContainText("83 %");
    await expect(learnerRows(page).nth(0)).toContainText("04:16:08");
    await expect(learnerRows(page).nth(1)).toContainText("Amalric Pierre Henri");
    await expect(learnerRows(page).nth(1)).toContainText("0 %");
    await expect(learnerRows(page).nth(1)).toContainText("00:00:00");
    await expect(learnerRows(page).nth(2)).toContainText("Basic Joëlle");
    await expect(learnerRows(page).nth(3)).toContainText("Borrat Nicolas");
    await expect(learnerRows(page).nth(4)).toContainText("Demory Jerome");
    await expect(learnerRows(page).nth(4)).toContainText("33 %");
    await expect(learnerRows(page).nth(4)).toContainText("00:13:35");
    await expect(pagerStatus(page)).toHaveText("Taille de la page: 5 Page 1 sur 5, élément(s) 1 à 5 sur 21.");

    // B1: Sam has been inactive since 11/02/2025; the tooltip says why, on keyboard focus too.
    const risk = row(page, "AGASSE Sam").locator(".risk-badge");
    await expect(risk).toContainText("Inactif");
    await risk.focus();
    await expect(page.getByRole("tooltip")).toContainText("dernière activité le 11/02/2025 09:44");
    await expect(page.getByRole("tooltip")).toContainText("seuil de la formation : 14 jours");

    // The report link's address is final (R1), with the learner named for screen readers.
    await expect(page.getByRole("link", { name: "Rapport de AGASSE Sam" })).toHaveAttribute(
      "href",
      /\/tutorat\/formations\/[0-9a-f-]+\/centre\/apprenants\/[0-9a-f-]+$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("sorting, paging and the page size live in the URL", async ({ page }) => {
    await openCenter(page);
    const progress = page.getByRole("columnheader", { name: "Progression" });
    await progress.click();
    await expect(progress).toHaveAttribute("aria-sort", "ascending");
    await expect(page).toHaveURL(/sort=progress&order=asc/);
    await expect(learnerRows(page).nth(0)).toContainText("0 %");
    await progress.click();
    await expect(progress).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort=progress&order=desc/);
    await expect(learnerRows(page).nth(0)).toContainText("83 %");
    const time = page.getByRole("columnheader", { name: "Temps passé" });
    await time.click();
    await expect(time).toHaveAttribute("aria-sort", "ascending");
    await time.click();
    await expect(time).toHaveAttribute("aria-sort", "descending");
    await expect(learnerRows(page).nth(0)).toContainText("AGASSE Sam");
    await expect(learnerRows(page).nth(0)).toContainText("04:16:08");

    await page.getByRole("combobox", { name: "Taille de la page:" }).click();
    await page.getByRole("option", { name: "10", exact: true }).click();
    await expect(learnerRows(page)).toHaveCount(10);
    await expect(pagerStatus(page)).toContainText("Page 1 sur 3, élément(s) 1 à 10 sur 21.");
    await page.getByRole("navigation", { name: "Pagination" }).getByTitle("3").click();
    await expect(learnerRows(page)).toHaveCount(1);
    await expect(page).toHaveURL(/pageSize=10&page=3/);
    await page.reload();
    await expect(pagerStatus(page)).toHaveText("Taille de la page: 10 Page 3 sur 3, élément(s) 21 à 21 sur 21.");
    await page.getByRole("checkbox", { name: "Sélectionner la page" }).check();
    await expect(page.locator(".selection-bar-count")).toHaveText("1 sélectionné");
  });

  test("a slice of the pie chart, or its legend entry, filters the table", async ({ page }) => {
    await openCenter(page);
    // The chart's first slice is `Non commencé` (6 learners).
    await page.locator(".recharts-pie-sector").first().click();
    await expect(pagerStatus(page)).toContainText("sur 6.");
    await expect(page).toHaveURL(/status=not_started/);
    for (const learner of await learnerRows(page).all()) await expect(learner).toContainText("Non commencé");
    const legend = page.getByRole("region", { name: "PROGRESSION DES APPRENANTS" });
    await expect(legend.getByRole("button", { name: /Non commencé/ })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("combobox", { name: "Filtrer par statut" })).toBeVisible();
    await expect(page.locator(".learners-filter-row")).toContainText("Non commencé");

    // The legend is the keyboard way to the same filter; pressing the active entry again shows everyone.
    await legend.getByRole("button", { name: /En cours/ }).focus();
    await page.keyboard.press("Enter");
    await expect(pagerStatus(page)).toContainText("sur 15.");
    await legend.getByRole("button", { name: /En cours/ }).click();
    await expect(pagerStatus(page)).toContainText("sur 21.");
    await expect(page).not.toHaveURL(/status=/);
  });

  test("the filter row: text on the user, status, progress and time ranges, at risk", async ({ page }) => {
    await openCenter(page);
    await page.getByRole("textbox", { name: "Filtrer par utilisateur" }).fill("agas");
    await expect(learnerRows(page)).toHaveCount(1);
    await expect(learnerRows(page).first()).toContainText("AGASSE Sam");
    await expect(page).toHaveURL(/q=agas/);
    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    await expect(pagerStatus(page)).toContainText("sur 21.");
    await expect(page.getByRole("textbox", { name: "Filtrer par utilisateur" })).toHaveValue("");

    await page.getByRole("textbox", { name: "Progression minimale (%)" }).fill("30");
    await page.getByRole("textbox", { name: "Progression maximale (%)" }).fill("40");
    await expect(pagerStatus(page)).toContainText("élément(s) 1 à 3 sur 3.");
    await expect(learnerRows(page)).toHaveText([/Demory Jerome/, /Dubois Camille/, /Roussel Emma/]);

    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    await page.getByRole("textbox", { name: "Temps passé minimal (hh:mm:ss)" }).fill("2");
    await expect(learnerRows(page).first()).toContainText("AGASSE Sam");
    await expect(page).toHaveURL(/timeMin=7200/);
    await page.getByRole("textbox", { name: "Temps passé minimal (hh:mm:ss)" }).fill("");
    await page.getByRole("textbox", { name: "Temps passé maximal (hh:mm:ss)" }).fill("00:00:00");
    await expect(pagerStatus(page)).toContainText("sur 9.");

    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    await choose(page, "Filtrer par risque", "À risque", true);
    await expect(page).toHaveURL(/atRisk=true/);
    // Retried until the filtered page has replaced the previous one: every row shown is at risk.
    await expect(learnerRows(page).first()).toBeVisible();
    await expect(learnerRows(page).filter({ hasNot: page.locator(".risk-badge") })).toHaveCount(0);

    await choose(page, "Filtrer par statut", "Terminé", true);
    await expect(page.getByText("Aucun apprenant tutoré ne correspond à ces critères.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the enrollment filter drives indicators, chart and table", async ({ page }) => {
    await openCenter(page);
    await choose(page, "Inscriptions", "Inscriptions libres", true);
    await expect(page).toHaveURL(/enrollmentType=free/);
    const learners = indicator(page, "APPRENANTS").locator(".indicator-card-value");
    await expect(learners).not.toHaveText("21");
    const count = await learners.textContent();
    await expect(pagerStatus(page)).toContainText(`sur ${count}.`);
    await expect(learnerRows(page).filter({ hasText: "Basic Joëlle" })).toHaveCount(1);
  });

  test("select all pages: 21 sélectionnés, kept while paging, minus unticked rows, cleared by a filter", async ({
    page,
  }) => {
    await openCenter(page);
    await expect(selectionCount(page)).toHaveText("Aucun apprenant sélectionné");
    await page.getByRole("checkbox", { name: "Sélectionner AGASSE Sam" }).check();
    await page.getByRole("checkbox", { name: "Sélectionner Demory Jerome" }).check();
    await expect(selectionCount(page)).toHaveText("2 sélectionnés");
    await page.getByRole("navigation", { name: "Pagination" }).getByTitle("2").click();
    await expect(selectionCount(page)).toHaveText("2 sélectionnés");

    await page.getByRole("checkbox", { name: "Sélectionner toutes les pages" }).check();
    await expect(selectionCount(page)).toHaveText("21 sélectionnés");
    for (const checkbox of await learnerRows(page).getByRole("checkbox").all()) await expect(checkbox).toBeChecked();
    const firstOfPage2 = await learnerRows(page).first().getByRole("checkbox").getAttribute("aria-label");
    await page.getByRole("navigation", { name: "Pagination" }).getByTitle("3").click();
    await expect(selectionCount(page)).toHaveText("21 sélectionnés");
    // Page 2's rows stay shown until page 3's arrive: untick a row of page 3, by its name.
    const firstRow = learnerRows(page).first().getByRole("checkbox");
    await expect(firstRow).not.toHaveAttribute("aria-label", firstOfPage2 ?? "");
    const firstOfPage3 = (await firstRow.getAttribute("aria-label")) ?? "";
    await page.getByRole("checkbox", { name: firstOfPage3, exact: true }).uncheck();
    await expect(selectionCount(page)).toHaveText("20 sélectionnés");
    await expect(page.getByRole("checkbox", { name: firstOfPage3, exact: true })).not.toBeChecked();
    await page.getByRole("navigation", { name: "Pagination" }).getByTitle("1").click();
    await expect(page.getByRole("checkbox", { name: "Sélectionner AGASSE Sam" })).toBeChecked();

    await page.getByRole("textbox", { name: "Filtrer par utilisateur" }).fill("a");
    await expect(selectionCount(page)).toHaveText("Aucun apprenant sélectionné");
    await expect(page.getByRole("checkbox", { name: "Sélectionner toutes les pages" })).not.toBeChecked();
  });

  test("Exporter les rapports downloads the selection's reports as a zip (PDF, XLSX)", async ({ page }) => {
    // 21 reports are built on the server: more than the default test time on a busy machine.
    test.setTimeout(120_000);
    await openCenter(page);
    await page.getByRole("checkbox", { name: "Sélectionner AGASSE Sam" }).check();
    await page.getByRole("checkbox", { name: "Sélectionner Demory Jerome" }).check();
    await page.getByRole("button", { name: "Exporter les rapports" }).click();
    const pdfDownload = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Rapports PDF (zip)" }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/\.zip$/);
    const pdfFiles = Object.keys(unzipSync(new Uint8Array(await fs.readFile(await pdf.path()))));
    expect(pdfFiles).toHaveLength(2);
    expect(pdfFiles.every((name) => name.endsWith(".pdf"))).toBe(true);
    await expect(page.getByText(/Export téléchargé/)).toBeVisible();

    await page.getByRole("checkbox", { name: "Sélectionner toutes les pages" }).check();
    await expect(selectionCount(page)).toHaveText("21 sélectionnés");
    await page.getByRole("button", { name: "Exporter les rapports" }).click();
    const xlsxDownload = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("menuitem", { name: "Rapports XLSX (zip)" }).click();
    const xlsx = await xlsxDownload;
    const xlsxFiles = Object.keys(unzipSync(new Uint8Array(await fs.readFile(await xlsx.path()))));
    expect(xlsxFiles).toHaveLength(21);
    expect(xlsxFiles.every((name) => name.endsWith(".xlsx"))).toBe(true);
  });

  test("the indicators open their lists", async ({ page }) => {
    await openCenter(page);
    await indicator(page, "APPRENANTS").click();
    await expect(page.getByRole("heading", { level: 2, name: "UTILISATEURS TUTORÉS" })).toBeFocused();
    await indicator(page, "OBSERVATIONS À FAIRE").click();
    await expect(page.getByRole("heading", { level: 1, name: "Observations à faire" })).toBeVisible();
    await page.goBack();
    await indicator(page, "MISSIONS À CORRIGER").click();
    await expect(page.getByRole("heading", { level: 1, name: "Missions à corriger" })).toBeVisible();
  });

  test("live (B5): another tutor corrects the demo mission; the open center follows without reload, and a second correction is refused", async ({
    page,
    browser,
  }) => {
    // Three sessions (two tutors' tabs and an admin) sign in and work in turn.
    test.setTimeout(120_000);
    await openCenter(page);
    const centerUrl = page.url();
    await page.getByRole("textbox", { name: "Filtrer par utilisateur" }).fill("dubois");
    await expect(row(page, "Dubois Camille")).toContainText("33 %");
    await expect(indicator(page, "MISSIONS À CORRIGER")).toContainText("TOTAL1");
    await expect(page.getByText("Mise à jour en direct")).toBeVisible();

    // The tutor opens the demo mission in a second tab…
    const form = await page.context().newPage();
    await form.goto(`${centerUrl.split("?")[0]}/missions`);
    await form.getByRole("link", { name: "Dubois Camille", exact: true }).click();
    await expect(form.getByRole("heading", { level: 1, name: "Dubois Camille" })).toBeVisible();
    await expect(form.getByText(/^Voici mon plan de préparation/)).toBeVisible();

    // …while an admin corrects it first, in another session.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, accounts.admin);
    await admin.goto(form.url());
    await admin.getByText("Réussi", { exact: true }).click();
    await admin.getByRole("spinbutton", { name: "Score (%)" }).fill("80");
    await admin.getByRole("textbox", { name: "Commentaire pour l'apprenant" }).fill("Plan précis, bien documenté.");
    await admin.getByRole("button", { name: "Enregistrer la correction" }).click();
    await expect(admin.getByText("Correction enregistrée.")).toBeVisible();
    await adminContext.close();

    // The open tutoring center updates itself within 5 seconds (server-sent events), no reload.
    await expect(indicator(page, "MISSIONS À CORRIGER")).toContainText("TOTAL0", { timeout: 5000 });
    await expect(row(page, "Dubois Camille")).toContainText("50 %", { timeout: 5000 });

    // The tutor's own save comes second: refused with a clear message, the admin's correction shown.
    await form.getByText("Échoué", { exact: true }).click();
    await form.getByRole("button", { name: "Enregistrer la correction" }).click();
    await expect(form.getByRole("alert")).toContainText("Un autre tuteur a corrigé cette mission avant vous.");
    await expect(form.getByText("Réussi", { exact: true })).toBeVisible();
    await expect(form.getByText("Plan précis, bien documenté.")).toBeVisible();
    await expect(form.getByText(/^Benali Nadia, le /)).toBeVisible();
    await form.close();
  });
});
