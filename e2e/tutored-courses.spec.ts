import { switchLanguage } from "./actions-helpers.js";
import { accounts, courseRows, expect, resetLanguageToFrench, signIn, sourceCourses, test } from "./helpers.js";

test.describe("Tutorat > Formations", () => {
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("a tutor only sees the courses they tutor", async ({ page }) => {
    await signIn(page, accounts.otherTutor);
    await expect(page).toHaveURL(/\/tutorat\/formations$/);
    await expect(courseRows(page).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Gestes et postures", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Cours 2 : La vente", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true })).toHaveCount(0);
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
    // The headers show the new order before the next key: pressed earlier, on a slow machine, the
    // key reached a table still sorted by name, and Cours went descending.
    await expect(page.getByRole("columnheader", { name: "Liste" })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("columnheader", { name: "Cours" }).focus();
    await page.keyboard.press("Enter");
    // Name ascending is the default order, which the URL leaves out.
    await expect(page).toHaveURL(/\/tutorat\/formations$/);
    await expect(page.getByRole("columnheader", { name: "Cours" })).toHaveAttribute("aria-sort", "ascending");
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
    await expect(page.getByRole("combobox", { name: "Taille de la page" })).toHaveText("10");
    await expect(page.getByText("Page 1 sur 1, élément(s) 1 à 5 sur 5.")).toBeVisible();
    await page.reload();
    await expect(page.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 10 Page 1 sur 1, élément(s) 1 à 5 sur 5.",
    );
  });

  test("the language switch shows the English UI live and keeps it", async ({ page }) => {
    await signIn(page, accounts.admin);
    await switchLanguage(page, "English");

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
    await switchLanguage(page, "Français");
    await expect(page.getByRole("heading", { level: 1, name: "Formations" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test("shows the source's five courses, all Everyone, with the source's pager text", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(page.getByRole("heading", { level: 2, name: "FORMATIONS" })).toBeVisible();
    await expect(courseRows(page)).toHaveCount(5);
    for (const [index, name] of sourceCourses.entries()) {
      await expect(courseRows(page).nth(index)).toContainText(name);
      await expect(courseRows(page).nth(index)).toContainText("Everyone");
    }
    await expect(page.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 25 Page 1 sur 1, élément(s) 1 à 5 sur 5.",
    );
  });

  test("choosing a folder lists its courses and its sub-folders', and survives a reload", async ({ page }) => {
    await signIn(page, accounts.tutor);
    const tree = page.getByRole("tree", { name: "Répertoires des formations" });
    await expect(tree.getByRole("treeitem").filter({ hasText: "Tous les cours" })).toContainText("5");
    await tree.getByRole("treeitem").filter({ hasText: "Module 1 - L'avant-vente" }).click();
    await expect(courseRows(page)).toHaveCount(2);
    await expect(courseRows(page).nth(0)).toContainText("Cours 1 : L'avant-vente");
    await expect(courseRows(page).nth(1)).toContainText("Cours 1 module pour évaluation de la satisfaction");
    await expect(page).toHaveURL(/folder=[0-9a-f-]{36}/);
    await expect(page.getByText("Répertoire : Module 1 - L'avant-vente")).toBeVisible();

    // The parent folder holds its sub-folders' courses too.
    await tree.getByRole("treeitem").filter({ hasText: "Parcours Conseiller Commercial" }).click();
    await expect(courseRows(page)).toHaveCount(3);
    await page.reload();
    await expect(courseRows(page)).toHaveCount(3);
    await expect(tree.getByRole("treeitem", { selected: true })).toContainText("Parcours Conseiller Commercial");

    await tree.getByRole("treeitem").filter({ hasText: "Tous les cours" }).click();
    await expect(courseRows(page)).toHaveCount(5);
  });

  test("filters by cours and by liste from the filter icon, and says when nothing matches", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("button", { name: "Filtrer les cours" }).click();
    await expect(page.getByRole("textbox", { name: "Cours" })).toBeFocused();
    await page.getByRole("textbox", { name: "Cours" }).fill("vente");
    await page.getByRole("button", { name: "Appliquer" }).click();
    await expect(courseRows(page)).toHaveCount(2);
    await expect(page).toHaveURL(/course=vente/);
    await expect(page.getByText("Cours : vente")).toBeVisible();

    await page.getByRole("button", { name: /Filtrer les cours \(1 filtre actif\)/ }).click();
    await page.getByRole("textbox", { name: "Liste" }).fill("Équipe Nord");
    await page.getByRole("button", { name: "Appliquer" }).click();
    await expect(
      page.getByText("Aucun cours tutoré ne correspond au répertoire et aux filtres choisis."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Effacer les filtres" }).first().click();
    await expect(courseRows(page)).toHaveCount(5);
    await expect(page).toHaveURL(/\/tutorat\/formations$/);
  });

  test("a double-click on a row opens the course detail, and Enter on a focused row too", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
    await expect(page).toHaveURL(/\/tutorat\/formations\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText(
      /^Tutorat\s*>\s*Formations\s*>\s*Cours 1 : L'avant-vente$/,
    );

    await page.goBack();
    await expect(courseRows(page)).toHaveCount(5);
    await courseRows(page).nth(2).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Cours 2 : La vente" })).toBeVisible();
  });

  test("the row's ⋮ menu offers the tutoring center, the detail and the evaluation", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(
      courseRows(page).filter({ hasText: "Cours 1 : L'avant-vente" }).getByRole("button", { name: "Actions" }),
    ).toHaveAccessibleDescription("Cours 1 : L'avant-vente");
    await courseRows(page)
      .filter({ hasText: "Cours 1 : L'avant-vente" })
      .getByRole("button", { name: "Actions" })
      .click();
    await expect(page.getByRole("menuitem", { name: "Détail du cours" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Évaluation formation" })).toBeVisible();
    await page.getByRole("menuitem", { name: "Centre de tutorat" }).click();
    await expect(page).toHaveURL(/\/tutorat\/formations\/[0-9a-f-]{36}\/centre$/);

    await page.goBack();
    await courseRows(page)
      .filter({ hasText: "Cours 1 : L'avant-vente" })
      .getByRole("button", { name: "Actions" })
      .click();
    await page.getByRole("menuitem", { name: "Évaluation formation" }).click();
    await expect(page).toHaveURL(/\/tutorat\/formations\/[0-9a-f-]{36}\/evaluation$/);
    await expect(page.getByRole("heading", { level: 1, name: "Évaluation formation" })).toBeVisible();
  });

  test("the back button, and the Formations crumb, bring back the list as it was left", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("tree").getByRole("treeitem").filter({ hasText: "Parcours Conseiller Commercial" }).click();
    await expect(courseRows(page)).toHaveCount(3);
    await page.getByRole("columnheader", { name: "Cours" }).click();
    await expect(courseRows(page).first()).toContainText("Cours 2 : La vente");
    await page.getByRole("combobox", { name: "Taille de la page" }).click();
    await page.getByTitle("10", { exact: true }).click();
    await expect(page).toHaveURL(/pageSize=10/);
    const listUrl = page.url();

    await courseRows(page).nth(1).dblclick();
    await expect(
      page.getByRole("heading", { level: 1, name: "Cours 1 module pour évaluation de la satisfaction" }),
    ).toBeVisible();
    await page.getByRole("tab", { name: "Leçons" }).click();
    await expect(page).toHaveURL(/onglet=lecons/);

    await page.goBack();
    await expect(page).toHaveURL(listUrl);
    await expect(courseRows(page)).toHaveCount(3);
    await expect(courseRows(page).first()).toContainText("Cours 2 : La vente");
    await expect(page.getByRole("tree").getByRole("treeitem", { selected: true })).toContainText(
      "Parcours Conseiller Commercial",
    );
    await expect(page.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 10 Page 1 sur 1, élément(s) 1 à 3 sur 3.",
    );

    await courseRows(page).first().dblclick();
    await expect(page.getByRole("heading", { level: 1, name: "Cours 2 : La vente" })).toBeVisible();
    await page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: "Formations" }).click();
    await expect(page).toHaveURL(listUrl);
    await expect(courseRows(page).first()).toContainText("Cours 2 : La vente");
  });

  test("the folder tree stays usable with 1,000 folders: rendered virtually, chosen from the keyboard", async ({
    page,
  }) => {
    // A large organisation's tree: 50 top folders with 19 sub-folders each.
    const folders = Array.from({ length: 1000 }, (_, index) => {
      const top = Math.floor(index / 20);
      const isTop = index % 20 === 0;
      return {
        id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
        parentId: isTop ? null : `00000000-0000-4000-8000-${String(top * 20).padStart(12, "0")}`,
        name: isTop ? `Parcours ${String(top + 1).padStart(2, "0")}` : `Module ${top + 1}.${index % 20}`,
        courseCount: 1,
      };
    });
    await page.route("**/api/tutoring/folders", (route) => route.fulfill({ json: { folders, totalCourses: 1000 } }));
    await signIn(page, accounts.tutor);
    const tree = page.getByRole("tree", { name: "Répertoires des formations" });
    await expect(tree.getByRole("treeitem").first()).toContainText("Tous les cours");
    // Only what fits in the tree's box is in the page, not the 1,001 nodes.
    expect(await tree.getByRole("treeitem").count()).toBeLessThan(60);

    await tree.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/folder=00000000-0000-4000-8000-000000000001/);
    await expect(page.getByText("Répertoire : Module 1.1")).toBeVisible();

    // Scrolling brings the last folders in.
    await tree.hover();
    for (let step = 0; step < 60; step += 1) await page.mouse.wheel(0, 2000);
    await expect(tree.getByRole("treeitem").filter({ hasText: "Module 50.19" })).toBeVisible();
  });
});
