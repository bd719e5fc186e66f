import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { accounts, courseRows, expect, signIn, test } from "./helpers.js";

/** WCAG 2.1 A and AA violations axe finds on the current screen, as "rule: target" lines. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test("sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("Tutorat > Formations", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(courseRows(page)).toHaveCount(5);
    expect(await violations(page)).toEqual([]);
    await page.getByRole("searchbox", { name: "Rechercher un cours par son nom" }).fill("zzzz");
    await expect(page.getByText("Aucun cours tutoré ne correspond à « zzzz ».")).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("Mes formations", async ({ page }) => {
    await signIn(page, accounts.learner);
    await expect(page.getByRole("heading", { level: 1, name: "Mes formations" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.goto("/tutorat/formations");
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
