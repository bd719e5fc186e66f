import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { Locator, Page } from "@playwright/test";
import { screenshot, seriousViolations, switchLanguage } from "./actions-helpers.js";
import { accounts, expect, resetLanguageToFrench, settleAnimations, signIn, test } from "./helpers.js";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer) {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 320×180 PNG (a blue-to-teal gradient), so the browser has a picture to decode and show. */
function gradientPng(): Buffer {
  const width = 320;
  const height = 180;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      rows[row + 1 + x * 3] = 29;
      rows[row + 2 + x * 3] = Math.round(78 + (x / width) * 100);
      rows[row + 3 + x * 3] = Math.round(216 - (y / height) * 80);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Picks `option` in the searchable antd select labelled `label` inside `scope` (a dialog): typed, then Enter. */
async function choose(scope: Locator, label: string, option: string) {
  const page = scope.page();
  const combobox = scope.getByRole("combobox", { name: label, exact: true });
  await combobox.click();
  await combobox.fill(option);
  await expect(page.locator(".ant-select-dropdown:visible .ant-select-item-option").first()).toHaveText(option);
  await combobox.press("Enter");
  // A multiple select stays open after a pick: a click on the dialog's title closes it (Escape would close the
  // dialog, Tab would pick the active option too).
  await scope.locator(".ant-modal-title").click();
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
}

/** Picks `option` in a plain (not searchable) antd select of `scope`. */
async function pick(scope: Locator, label: string, option: string) {
  const page = scope.page();
  await scope.getByRole("combobox", { name: label, exact: true }).click();
  // The list zooms in: a click while it moves can land beside the option and leave the list open.
  await settleAnimations(page);
  await page.locator(".ant-select-dropdown:visible").getByTitle(option, { exact: true }).click();
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
}

const menu = (page: Page) => page.getByRole("navigation", { name: /menu/i });

/** The visible rows' lesson titles of the editor's `LEÇONS` table. */
function lessonTitles(table: Locator) {
  return table.getByRole("row").filter({ has: table.page().getByRole("cell") });
}

async function expectDecodedImage(image: Locator) {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
}

test.describe("Administration: folders, courses, lessons (S3)", () => {
  test.describe.configure({ timeout: 180_000 });
  test.use({ viewport: { width: 1366, height: 900 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("an admin files a new course with a category and a thumbnail, adds and reorders its lessons", async ({
    page,
    browser,
  }) => {
    await signIn(page, accounts.admin);

    // Répertoires: a folder at the root.
    await menu(page).getByRole("link", { name: "Répertoires" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Répertoires" })).toBeVisible();
    await page.getByRole("button", { name: "Nouveau répertoire" }).click();
    const folderDialog = page.getByRole("dialog", { name: "Nouveau répertoire" });
    await folderDialog.getByLabel("Nom").fill("Formations commerciales");
    await folderDialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(folderDialog).toBeHidden();
    const tree = page.getByRole("region", { name: "ARBORESCENCE" });
    await expect(tree.getByRole("row", { name: /Formations commerciales/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-folders");

    // Catégories: a new category.
    await menu(page).getByRole("link", { name: "Catégories" }).click();
    await page.getByRole("button", { name: "Nouvelle catégorie" }).click();
    const categoryDialog = page.getByRole("dialog", { name: "Nouvelle catégorie" });
    await categoryDialog.getByLabel("Nom").fill("Négociation avancée");
    await categoryDialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(categoryDialog).toBeHidden();
    await expect(page.getByRole("row", { name: /^Négociation avancée/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-categories");

    // Compétences: a framework and one competency.
    await menu(page).getByRole("link", { name: "Compétences" }).click();
    await page.getByRole("button", { name: "Nouveau référentiel" }).click();
    const frameworkDialog = page.getByRole("dialog", { name: "Nouveau référentiel" });
    await frameworkDialog.getByLabel("Nom du référentiel").fill("Référentiel commercial");
    await frameworkDialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(frameworkDialog).toBeHidden();
    const framework = page.getByRole("region", { name: "Référentiel commercial" });
    await framework.getByRole("button", { name: "Ajouter une compétence" }).click();
    const competencyDialog = page.getByRole("dialog", { name: "Nouvelle compétence dans « Référentiel commercial »" });
    await competencyDialog.getByLabel("Code").fill("N1");
    await competencyDialog.getByLabel("Libellé").fill("Conclure une vente");
    await competencyDialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(competencyDialog).toBeHidden();
    await expect(framework.getByRole("row", { name: /N1.*Conclure une vente/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-competencies");

    // Formations: the list, then a new course; a code already used is refused on its field.
    await menu(page).getByRole("link", { name: "Formations" }).last().click();
    await expect(page.getByRole("heading", { level: 1, name: "Formations" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Rechercher une formation" }).fill("avant vente");
    await page.getByRole("searchbox", { name: "Rechercher une formation" }).press("Enter");
    await expect(page.getByRole("link", { name: "Cours 1 : L'avant-vente" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Cours 2 : La vente" })).toBeHidden();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-courses");

    await page.getByRole("button", { name: "Nouvelle formation" }).click();
    const courseDialog = page.getByRole("dialog", { name: "Nouvelle formation" });
    await courseDialog.getByLabel("Code").fill("C02_La vente");
    await courseDialog.getByLabel("Nom", { exact: true }).fill("Négocier avec un acheteur");
    await choose(courseDialog, "Répertoire", "Formations commerciales");
    await choose(courseDialog, "Catégories", "Négociation avancée");
    await choose(courseDialog, "Compétences", "N1 Conclure une vente (Référentiel commercial)");
    await courseDialog.getByLabel("Description").fill("Préparer et conduire une négociation commerciale.");
    await courseDialog.getByRole("button", { name: "Créer" }).click();
    await expect(courseDialog.getByText("Cette valeur est déjà utilisée.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-course-create-error");
    await courseDialog.getByLabel("Code").fill("NEGO-01");
    await courseDialog.getByRole("button", { name: "Créer" }).click();

    // The editor: thumbnail, then three lessons.
    await expect(page.getByRole("heading", { level: 1, name: "Négocier avec un acheteur" })).toBeVisible();
    const png = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tutora-thumb-")), "vignette.png");
    fs.writeFileSync(png, gradientPng());
    await page.getByLabel("Fichier de la vignette").setInputFiles(png);
    await expect(page.getByText("Vignette enregistrée.")).toBeVisible();
    await expectDecodedImage(page.locator(".admin-thumbnail img"));
    await expect(page.getByRole("button", { name: "Remplacer la vignette" })).toBeVisible();

    const lessons = page.getByRole("region", { name: "LEÇONS" });
    for (const [type, title] of [
      ["Fiche pratique", "Fiche Préparer l'entretien"],
      ["Quiz", "Quiz Les techniques de négociation"],
      ["Mission", "Mission Négocier une remise"],
    ] as const) {
      await lessons.getByRole("button", { name: "Ajouter une leçon" }).click();
      const dialog = page.getByRole("dialog", { name: "Ajouter une leçon" });
      await pick(dialog, "Type", type);
      await dialog.getByLabel("Titre").fill(title);
      if (type === "Fiche pratique") {
        await dialog.getByLabel("Texte de la fiche").fill("Objectifs de l'entretien.\n\nQuestions à préparer.");
      }
      if (type === "Mission") {
        await dialog.getByLabel("Consignes").fill("Obtenez une remise de 5 % sur une commande réelle.");
        await expect(dialog.getByText(/jusqu'à 5 fichiers de 10 Mo au plus/)).toBeVisible();
      }
      await dialog.getByLabel("Durée").fill("20");
      if (type === "Mission") {
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, "admin-lesson-dialog");
      }
      await dialog.getByRole("button", { name: "Enregistrer" }).click();
      await expect(dialog).toBeHidden();
      await expect(lessons.getByRole("row", { name: new RegExp(title) })).toBeVisible();
    }
    await expect(lessonTitles(lessons)).toHaveCount(3);

    // The sheet's optional PDF, uploaded from its editor.
    const pdf = path.join(path.dirname(png), "fiche-entretien.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    await lessons.getByRole("button", { name: "Modifier « Fiche Préparer l'entretien »" }).click();
    const sheetDialog = page.getByRole("dialog", { name: "Modifier « Fiche Préparer l'entretien »" });
    await expect(sheetDialog.getByLabel("Texte de la fiche")).toHaveValue(
      "Objectifs de l'entretien.\n\nQuestions à préparer.",
    );
    await sheetDialog.getByLabel("Fichier PDF de la fiche").setInputFiles(pdf);
    await expect(page.getByText("Document enregistré.")).toBeVisible();
    await expect(sheetDialog.getByText("fiche-entretien.pdf")).toBeVisible();
    await expect(sheetDialog.getByRole("button", { name: "Remplacer le PDF" })).toBeVisible();
    await sheetDialog.getByRole("button", { name: "Annuler" }).click();
    await expect(sheetDialog).toBeHidden();

    // Move the mission above the quiz: sheet, mission, quiz.
    await lessons.getByRole("button", { name: "Monter « Mission Négocier une remise »" }).click();
    await expect(page.getByText("Ordre des leçons enregistré.")).toBeVisible();
    await expect(lessonTitles(lessons).nth(1)).toContainText("Mission Négocier une remise");
    await expect(lessonTitles(lessons).nth(2)).toContainText("Quiz Les techniques de négociation");
    await expect(lessons.getByRole("link", { name: "Questions du quiz" })).toHaveAttribute(
      "href",
      /\/admin\/formations\/[0-9a-f-]+\/lecons\/[0-9a-f-]+\/quiz$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-course-editor", true);

    // The course detail's `Leçons` tab shows the new order, and its panel the thumbnail.
    await page.getByRole("link", { name: "Voir côté tuteur" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Négocier avec un acheteur" })).toBeVisible();
    const panel = page.getByRole("tabpanel", { name: "Leçons" });
    await expect(panel.getByText(/^(Fiche Préparer|Mission Négocier|Quiz Les techniques)/)).toHaveText([
      "Fiche Préparer l'entretien",
      "Mission Négocier une remise",
      "Quiz Les techniques de négociation",
    ]);
    await expectDecodedImage(page.locator("img[src*='/thumbnail']").first());

    // A learner sees the thumbnail on the course's catalogue page (open to everyone).
    const courseId = new URL(page.url()).pathname.split("/")[3] ?? "";
    const learnerContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "fr-FR" });
    const learner = await learnerContext.newPage();
    await signIn(learner, accounts.learner);
    await learner.goto(`/catalogue/${courseId}`);
    await expect(learner.getByRole("heading", { level: 1, name: "Négocier avec un acheteur" })).toBeVisible();
    await expect(learner.getByText("Négociation avancée", { exact: true })).toBeVisible();
    await expectDecodedImage(learner.locator("img[src*='/thumbnail']").first());
    await learnerContext.close();
  });

  test("a folder holding a course can't be deleted, and can't move into its own sub-folder", async ({ page }) => {
    await signIn(page, accounts.admin);
    await page.goto("/admin/repertoires");
    const tree = page.getByRole("region", { name: "ARBORESCENCE" });
    const firstRow = tree
      .getByRole("row")
      .filter({ has: page.getByRole("cell") })
      .first();
    const name = ((await firstRow.getByRole("cell").first().textContent()) ?? "").trim();
    await firstRow.getByRole("button", { name: `Supprimer « ${name} »` }).click();
    await expect(
      page.getByText("Ce répertoire contient des formations ou des sous-répertoires", { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Supprimer", exact: true })).toBeDisabled();
    await page.keyboard.press("Escape");

    await firstRow.getByRole("button", { name: `Déplacer « ${name} »` }).click();
    const dialog = page.getByRole("dialog", { name: `Déplacer « ${name} »` });
    await dialog.getByRole("combobox", { name: "Nouvel emplacement" }).click();
    // Its own node is offered but disabled (the server refuses such a move too: 400 no_cycle).
    await expect(page.locator(".ant-select-tree-treenode-disabled").filter({ hasText: name }).first()).toBeVisible();
    await page.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await expect(dialog).toBeHidden();

    // The same screens in English.
    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Folders" })).toBeVisible();
    await expect(page.getByRole("button", { name: "New folder" })).toBeVisible();
    await menu(page).getByRole("link", { name: "Courses" }).last().click();
    await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
    await page.getByRole("link", { name: "Cours 1 : L'avant-vente" }).click();
    const lessons = page.getByRole("region", { name: "LESSONS" });
    await expect(lessons.getByRole("button", { name: "Add a lesson" })).toBeVisible();
    // Learners worked on Cours 1's lessons: deleting one is refused, and said why.
    await lessons.getByRole("button", { name: "Delete “E-Learning L'avant-vente, c'est quoi ?”" }).click();
    await expect(page.getByText("Learners have already worked on this lesson", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-course-editor-en");
  });
});
