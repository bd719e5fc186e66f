import { accounts, courseRows, expect, resetLanguageToFrench, signIn, test } from "./helpers.js";

test.describe("Tutorat > Formations", () => {
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("a tutor only sees the courses they tutor", async ({ page }) => {
    await signIn(page, accounts.otherTutor);
    await expect(page).toHaveURL(/\/tutorat\/formations$/);
    await expect(courseRows(page).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Gestes et postures" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Cours 2 : La vente" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Cours 1 : L'avant-vente" })).toHaveCount(0);
  });

  test("sorting by Cours descending changes the first row and survives a reload", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(courseRows(page).first()).toContainText("Cours 1 : L'avant-vente");
    await page.getByRole("columnheader", { name: "Cours" }).click();
    await expect(courseRows(page).first()).toContainText("Valider son embauche au sein d'ONET");
    await expect(page).toHaveURL(/sort=name&order=desc/);
    await expect(page.getByRole("columnheader", { name: "Cours" })).toHaveAttribute("aria-sort", "descending");

    await page.reload();
    await expect(courseRows(page).first()).toContainText("Valider son embauche au sein d'ONET");
    await expect(page.getByRole("columnheader", { name: "Cours" })).toHaveAttribute("aria-sort", "descending");

    await page.goBack();
    await expect(courseRows(page).first()).toContainText("Cours 1 : L'avant-vente");
  });

  test("the column headers sort from the keyboard too", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(courseRows(page).first()).toContainText("Cours 1 : L'avant-vente");
    await page.getByRole("columnheader", { name: "Liste" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=list&order=asc/);
    await page.getByRole("columnheader", { name: "Cours" }).focus();
    await page.keyboard.press("Enter");
    // Name ascending is the default order, which the URL leaves out.
    await expect(page).toHaveURL(/\/tutorat\/formations$/);
    await expect(courseRows(page).first()).toContainText("Cours 1 : L'avant-vente");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=name&order=desc/);
    await expect(courseRows(page).first()).toContainText("Valider son embauche au sein d'ONET");
  });

  test("searching “avant vente” finds Cours 1 : L'avant-vente", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("searchbox", { name: "Rechercher un cours par son nom" }).fill("avant vente");
    await expect(courseRows(page)).toHaveCount(1);
    await expect(courseRows(page).first()).toContainText("Cours 1 : L'avant-vente");
    await expect(page).toHaveURL(/q=avant\+vente/);
    await expect(page.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 25 Page 1 sur 1, élément(s) 1 à 1 sur 1.",
    );
  });

  test("a search that matches nothing says so and can be cleared", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("searchbox", { name: "Rechercher un cours par son nom" }).fill("zzzz");
    await expect(page.getByText("Aucun cours tutoré ne correspond à « zzzz ».")).toBeVisible();
    await page.getByRole("button", { name: "Effacer la recherche" }).click();
    await expect(courseRows(page)).toHaveCount(5);
  });

  test("the page size selector offers 10, 25, 50 and 100 and keeps the choice in the URL", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("combobox", { name: "Taille de la page" }).click();
    for (const size of ["10", "25", "50", "100"]) {
      await expect(page.getByRole("option", { name: size, exact: true })).toBeAttached();
    }
    await page.getByTitle("10", { exact: true }).click();
    await expect(page).toHaveURL(/pageSize=10/);
    // After a choice antd adds a hidden live region repeating the value, so check the parts.
    await expect(page.locator(".table-pager-status .ant-select")).toContainText("10");
    await expect(page.getByText("Page 1 sur 1, élément(s) 1 à 5 sur 5.")).toBeVisible();
    await page.reload();
    await expect(page.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 10 Page 1 sur 1, élément(s) 1 à 5 sur 5.",
    );
  });

  test("the language switch shows the English UI live and keeps it", async ({ page }) => {
    await signIn(page, accounts.admin);
    await page.getByRole("button", { name: /^Menu de / }).click();
    await page.getByRole("menuitem", { name: "English" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText(/^Tutoring\s*>\s*Courses$/);
    await expect(page.getByRole("columnheader", { name: "Course" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "List" })).toBeVisible();
    await expect(page.locator(".table-pager-status")).toHaveText(
      /^Page size: 25 Page 1 of 1, item\(s\) 1 to \d+ of \d+\.$/,
    );
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();

    // Back to French, so the demo admin is as the next run expects it.
    await page.getByRole("button", { name: /'s menu$/ }).click();
    await page.getByRole("menuitem", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Formations" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });
});
