import { accounts, expect, signIn, test } from "./helpers.js";

test.describe("learner", () => {
  test("lands on Mes formations with status, progress, time spent and objective date", async ({ page }) => {
    await signIn(page, accounts.learner);
    await expect(page).toHaveURL(/\/mes-formations$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mes formations" })).toBeVisible();
    const row = page.getByRole("row", { name: /Cours 1 : L'avant-vente/ });
    await expect(row).toBeVisible();
    await expect(row.getByText("En cours")).toBeVisible();
    await expect(row.getByText("83 %")).toBeVisible();
    await expect(row.getByText("04:16:08")).toBeVisible();
    const menu = page.getByRole("navigation", { name: "Menu principal" });
    await expect(menu.getByRole("link", { name: "Mes formations" })).toBeVisible();
    await expect(menu.getByText("Tutorat")).toHaveCount(0);
  });

  test("is refused Tutorat > Formations", async ({ page }) => {
    await signIn(page, accounts.learner);
    await page.goto("/tutorat/formations");
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    // The server refuses too, whatever the screen shows.
    const response = await page.request.get("/api/tutoring/courses");
    expect(response.status()).toBe(403);
    await page.getByRole("button", { name: "Retour à l'accueil" }).click();
    await expect(page).toHaveURL(/\/mes-formations$/);
  });
});
