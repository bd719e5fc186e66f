import { accounts, courseRows, expect, resetLanguageToFrench, signIn, test } from "./helpers.js";

test.describe("Tutorat > Formations > [Cours] > Évaluation formation", () => {
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("shows 6 responses out of 21 learners, each question's results and the free texts", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await courseRows(page)
      .filter({ hasText: "Cours 1 : L'avant-vente" })
      .getByRole("button", { name: "Actions" })
      .click();
    await page.getByRole("menuitem", { name: "Évaluation formation" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Évaluation formation" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText(
      /^Tutorat\s*>\s*Formations\s*>\s*Cours 1 : L'avant-vente\s*>\s*Évaluation formation$/,
    );
    await expect(page.getByText("6 réponses sur 21 apprenants suivis.")).toBeVisible();
    await expect(page.getByText("29 %")).toBeVisible();

    const question = (label: string) => page.getByRole("region", { name: new RegExp(label) });
    const q1 = question("Q1. Le contenu de la formation répondait-il à vos attentes");
    await expect(q1).toContainText("Note de 1 à 5");
    await expect(q1).toContainText("6 réponses");
    await expect(q1).toContainText(/Moyenne : \d,\d \/ 5/);
    // The chart's figures, as screen readers get them.
    const q1Table = q1.getByRole("table");
    await expect(q1Table.getByRole("row")).toHaveCount(6);

    const q3 = question("Q3. Recommanderiez-vous cette formation à un collègue");
    await expect(q3).toContainText("Choix");
    await expect(q3.getByRole("row", { name: /^Oui/ })).toContainText("4");
    await expect(q3.getByRole("row", { name: /^Non/ })).toContainText("1");
    await expect(q3.getByRole("row", { name: /^Peut-être/ })).toContainText("1");
    await expect(q3.locator(".recharts-bar-rectangle")).toHaveCount(3);

    const q4 = question("Q4. Qu'avez-vous le plus apprécié");
    await expect(q4).toContainText("5 réponses");
    await q4.getByRole("link", { name: "Lire les réponses libres" }).click();

    const texts = page.getByRole("region", { name: "RÉPONSES LIBRES" });
    await expect(texts.getByRole("listitem")).toHaveCount(5);
    await expect(texts.getByRole("listitem").first()).toContainText("Pouvoir avancer à mon rythme.");
    await expect(texts.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 10 Page 1 sur 1, élément(s) 1 à 5 sur 5.",
    );
  });

  test("links back to the course from its crumb", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
    await page.getByRole("link", { name: "Evaluation formation" }).click();
    await expect(page.getByText("6 réponses sur 21 apprenants suivis.")).toBeVisible();
    await page
      .getByRole("navigation", { name: "Fil d'Ariane" })
      .getByRole("link", { name: "Cours 1 : L'avant-vente" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
  });
});
