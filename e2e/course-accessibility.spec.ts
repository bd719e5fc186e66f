import type { Page } from "@playwright/test";
import { accounts, axeViolations, courseRows, expect, signIn, test } from "./helpers.js";

async function openCourse1(page: Page) {
  await signIn(page, accounts.tutor);
  await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
  await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
}

test.describe("accessibility of the course screens (axe, WCAG 2.1 AA)", () => {
  // Each axe scan takes seconds on a busy machine.
  test.describe.configure({ timeout: 90_000 });

  test("Formations: tree, table, filters and row menu", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(courseRows(page)).toHaveCount(5);
    await expect(page.getByRole("tree")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("tree").getByRole("treeitem").filter({ hasText: "Module 1 - L'avant-vente" }).click();
    await expect(courseRows(page)).toHaveCount(2);
    await page.getByRole("button", { name: "Filtrer les cours" }).click();
    await expect(page.getByRole("textbox", { name: "Cours" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await courseRows(page).first().getByRole("button", { name: "Actions" }).click();
    await expect(page.getByRole("menuitem", { name: "Détail du cours" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("course detail: each tab, the preview and the comments", async ({ page }) => {
    await openCourse1(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /^09\.S'organiser/ }).focus();
    await expect(page.getByRole("tooltip")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("tab", { name: "Leçons" }).click();
    await expect(page.getByRole("tabpanel", { name: "Leçons" }).getByRole("row")).toHaveCount(7);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Actions pour la leçon C01 Observation L'avant-vente commerciale" }).click();
    await page.getByRole("menuitem", { name: "Lancer le contenu" }).click();
    await expect(page.getByRole("dialog")).toContainText("Préparer son rendez-vous");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();

    await page.getByRole("button", { name: "Actions pour la leçon E-Learning L'avant-vente, c'est quoi ?" }).click();
    await page.getByRole("menuitem", { name: "Voir les commentaires" }).click();
    await expect(page.getByRole("dialog")).toContainText("La vidéo du chapitre 2");
    await page.getByRole("button", { name: "Répondre à Jerome Demory" }).click();
    await expect(page.getByRole("textbox", { name: "Votre réponse à Jerome Demory" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.getByRole("tab", { name: "Avis" }).click();
    await expect(page.getByRole("tabpanel", { name: "Avis" }).getByRole("article")).toHaveCount(6);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("Évaluation formation", async ({ page }) => {
    await openCourse1(page);
    await page.getByRole("link", { name: "Evaluation formation" }).click();
    await expect(page.getByText("6 réponses sur 21 apprenants suivis.")).toBeVisible();
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("catalogue page and its not-found page", async ({ page }) => {
    await openCourse1(page);
    await page.getByRole("link", { name: "Vers la fiche catalogue" }).click();
    await expect(page.getByRole("region", { name: "Contenu du cours" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto("/catalogue/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1, name: "Fiche catalogue introuvable" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
