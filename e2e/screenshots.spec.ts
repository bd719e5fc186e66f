import path from "node:path";
import { accounts, courseRows, expect, resetLanguageToFrench, settleAnimations, signIn, test } from "./helpers.js";

// Screenshots for reviewing the look, not assertions: run with SHOTS_DIR=/tmp/shots npx playwright test screenshots.
const shotsDir = process.env.SHOTS_DIR;

test.describe("screenshots", () => {
  test.skip(!shotsDir, "set SHOTS_DIR to take screenshots");
  test.use({ viewport: { width: 1366, height: 768 } });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  function shot(name: string) {
    return { path: path.join(shotsDir ?? ".", `${name}.png`), fullPage: true };
  }

  test("sign-in, French and English", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("sign-in-fr"));
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("sign-in-fr-errors"));
    await page.getByText("EN", { exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("sign-in-en"));
    await page.getByText("FR", { exact: true }).click();
  });

  test("Formations, French and English", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(courseRows(page)).toHaveCount(5);
    await settleAnimations(page);
    await page.screenshot(shot("formations-fr"));
    await page.getByRole("button", { name: /^Menu de / }).click();
    await expect(page.getByRole("menuitem", { name: "Se déconnecter" })).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("formations-fr-user-menu"));
    await page.getByRole("menuitem", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
    await page.mouse.click(700, 700);
    await settleAnimations(page);
    await page.screenshot(shot("formations-en"));
    await page.getByRole("searchbox").fill("zzzz");
    await expect(page.getByText("No course found")).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("formations-en-no-match"));
    await page.getByRole("button", { name: /'s menu$/ }).click();
    await page.getByRole("menuitem", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Formations" })).toBeVisible();
  });

  test("learner: Mes formations and the refusal", async ({ page }) => {
    await signIn(page, accounts.learner);
    await expect(page.getByRole("heading", { level: 1, name: "Mes formations" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("mes-formations-fr"));
    await page.goto("/tutorat/formations");
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("forbidden-fr"));
  });

  test("narrow screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("sign-in-mobile"));
    await signIn(page, accounts.tutor);
    await expect(courseRows(page)).toHaveCount(5);
    await settleAnimations(page);
    await page.screenshot(shot("formations-mobile"));
    await page.getByRole("button", { name: "Ouvrir le menu" }).click();
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    await settleAnimations(page);
    await page.screenshot(shot("formations-mobile-menu"));
    await page.getByRole("link", { name: "Formations" }).click();
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeHidden();
  });
});
