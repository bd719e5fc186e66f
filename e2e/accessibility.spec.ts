import { accounts, axeViolations, courseRows, expect, signIn, test } from "./helpers.js";

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test("sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("Tutorat > Formations", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(courseRows(page)).toHaveCount(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("searchbox", { name: "Rechercher un cours par son nom" }).fill("zzzz");
    await expect(page.getByText("Aucun cours tutoré ne correspond à « zzzz ».")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("Mes formations", async ({ page }) => {
    await signIn(page, accounts.learner);
    await expect(page.getByRole("heading", { level: 1, name: "Mes formations" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto("/tutorat/formations");
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
