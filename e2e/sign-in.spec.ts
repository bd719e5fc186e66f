import { accounts, courseRows, expect, signIn, sourceCourses, submitSignIn, test } from "./helpers.js";

test.describe("sign-in", () => {
  test("a tutor lands on Tutorat > Formations with the source's five courses", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await submitSignIn(page, accounts.tutor);

    await expect(page).toHaveURL(/\/tutorat\/formations$/);
    await expect(page.getByRole("heading", { level: 1, name: "Formations" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText(/^Tutorat\s*>\s*Formations$/);
    await expect(page.getByRole("heading", { level: 2, name: "FORMATIONS" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Cours" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Liste" })).toBeVisible();
    await expect(courseRows(page)).toHaveCount(5);
    for (const [index, name] of sourceCourses.entries()) {
      await expect(courseRows(page).nth(index)).toHaveText(`${name}Everyone`);
    }
    await expect(page.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 25 Page 1 sur 1, élément(s) 1 à 5 sur 5.",
    );
    await expect(page).toHaveTitle("Formations · Tutora");
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, accounts.tutor, "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByLabel("Mot de passe")).toHaveValue("");
  });

  test("an unknown account gets the same message (no hint that it does not exist)", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, "nobody@demo.local", "whatever");
    await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  });

  test("an invalid email is caught before calling the server", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, "not-an-email", "demo");
    await expect(page.getByText("Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.")).toBeVisible();
  });

  test("a visitor opening a page is sent to sign in and brought back to it", async ({ page }) => {
    await page.goto("/tutorat/formations?q=vente");
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
    await submitSignIn(page, accounts.tutor);
    await expect(page).toHaveURL(/\/tutorat\/formations\?q=vente$/);
    await expect(page.getByRole("searchbox", { name: "Rechercher un cours par son nom" })).toHaveValue("vente");
    await expect(courseRows(page)).toHaveCount(2);
  });

  test("signing out returns to the sign-in page and closes the session", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("button", { name: /^Menu de / }).click();
    await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    await page.goto("/tutorat/formations");
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  });

  test("the keyboard alone signs in", async ({ page }) => {
    await page.goto("/sign-in");
    // The email field has the focus on arrival.
    await expect(page.getByLabel("Adresse e-mail")).toBeFocused();
    await page.keyboard.type(accounts.tutor);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Mot de passe")).toBeFocused();
    await page.keyboard.type("demo");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/tutorat\/formations$/);
  });
});
