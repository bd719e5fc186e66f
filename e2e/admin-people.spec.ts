import { screenshot } from "./actions-helpers.js";
import { accounts, expect, signIn, test } from "./helpers.js";
import { axeViolations, search } from "./people-helpers.js";

test.describe("Administration: users, enrollments, tutors (S3)", () => {
  test("an admin creates a user, enrols them in a course and assigns a tutor restricted to a list", async ({
    page,
  }) => {
    test.slow();
    await signIn(page, accounts.admin);

    // Utilisateurs: create an account with a new organisation.
    await page.getByRole("link", { name: "Utilisateurs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "sam.agasse@demo.local" })).toBeVisible();
    await page.getByRole("button", { name: "Nouvel utilisateur" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvel utilisateur" });
    await dialog.getByLabel("E-mail").fill("louise.nouvelle@example.com");
    await dialog.getByLabel("Prénom").fill("Louise");
    await dialog.getByLabel("Nom", { exact: true }).fill("Nouvelle");
    await dialog.getByLabel("Organisation").fill("Filiale Ouest");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Louise Nouvelle est enregistré.")).toBeVisible();
    await expect(dialog).toBeHidden();
    await page.getByRole("searchbox", { name: "Rechercher un utilisateur par nom ou e-mail" }).fill("nouvelle");
    await page.getByRole("searchbox", { name: "Rechercher un utilisateur par nom ou e-mail" }).press("Enter");
    const row = page.getByRole("row", { name: /NOUVELLE Louise/ });
    await expect(row).toContainText("louise.nouvelle@example.com");
    await expect(row).toContainText("Filiale Ouest");
    await expect(row).toContainText("Apprenant");
    await expect(row).toContainText("Jamais");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-users");

    // Inscriptions: enrol her in Cours 2 with an objective date.
    await page.getByRole("link", { name: "Inscriptions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inscriptions" })).toBeVisible();
    await page.getByRole("button", { name: "Inscrire" }).click();
    const enrol = page.getByRole("dialog", { name: "Inscrire à une formation" });
    await search(page, "Formation", "vente", "Cours 2 : La vente");
    await search(page, "Apprenant", "louise", "louise.nouvelle@example.com");
    await enrol.getByLabel("Date objectif").fill("2026-12-31");
    await enrol.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Louise Nouvelle est inscrit à Cours 2 : La vente.")).toBeVisible();
    await expect(enrol).toBeHidden();
    await page.getByRole("searchbox", { name: "Rechercher un apprenant par nom ou e-mail" }).fill("louise");
    await page.getByRole("searchbox", { name: "Rechercher un apprenant par nom ou e-mail" }).press("Enter");
    const enrolment = page.getByRole("row", { name: /NOUVELLE Louise/ });
    await expect(enrolment).toContainText("Cours 2 : La vente");
    await expect(enrolment).toContainText("Obligatoire");
    await expect(enrolment).toContainText("31/12/2026");
    await expect(enrolment).toContainText("Non commencé");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-enrollments");

    // Tuteurs: tuteur2 follows Cours 1 for Équipe Nord only.
    await page.getByRole("link", { name: "Tuteurs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tuteurs" })).toBeVisible();
    await page.getByRole("button", { name: "Affecter un tuteur" }).click();
    const assign = page.getByRole("dialog", { name: "Affecter un tuteur à une formation" });
    await search(page, "Tuteur", "tuteur2", "tuteur2@demo.local");
    await search(page, "Formation", "avant-vente", "Cours 1 : L'avant-vente");
    await search(page, "Limiter aux listes", "Nord", "Équipe Nord");
    await assign.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText(/est tuteur de Cours 1 : L'avant-vente\./)).toBeVisible();
    await expect(assign).toBeHidden();
    await page.getByRole("searchbox", { name: "Rechercher un tuteur par nom ou e-mail" }).fill("tuteur2");
    await page.getByRole("searchbox", { name: "Rechercher un tuteur par nom ou e-mail" }).press("Enter");
    const assignment = page
      .getByRole("row")
      .filter({ hasText: "tuteur2@demo.local" })
      .filter({ hasText: "Cours 1 : L'avant-vente" });
    await expect(assignment).toContainText("Membres de :");
    await expect(assignment).toContainText("Équipe Nord");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-tutors");

    // Listes d'apprenants: add the new user to Équipe Nord.
    await page.getByRole("link", { name: "Listes d'apprenants" }).click();
    await page.getByRole("button", { name: "Équipe Nord", exact: true }).click();
    await expect(page.getByRole("heading", { name: "MEMBRES DE Équipe Nord" })).toBeVisible();
    await search(page, "Personnes à ajouter à la liste", "louise", "louise.nouvelle@example.com");
    await page.getByRole("button", { name: "Ajouter", exact: true }).click();
    await expect(page.getByText("1 personne ajoutée à Équipe Nord.")).toBeVisible();
    await expect(page.getByRole("row", { name: /NOUVELLE Louise/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-lists");
  });

  test("an admin deactivates an account and can reactivate it", async ({ page }) => {
    test.slow();
    await signIn(page, accounts.admin);
    await page.goto("/admin/utilisateurs");
    await page.getByRole("searchbox", { name: "Rechercher un utilisateur par nom ou e-mail" }).fill("demory");
    await page.getByRole("searchbox", { name: "Rechercher un utilisateur par nom ou e-mail" }).press("Enter");
    const row = page.getByRole("row", { name: /DEMORY/ });
    await row.getByRole("button", { name: /^Désactiver/ }).click();
    await page.locator(".ant-popconfirm:visible").getByRole("button", { name: "Désactiver" }).click();
    await expect(row).toContainText("Désactivé");
    await row.getByRole("button", { name: /^Réactiver/ }).click();
    await expect(page.getByText("Le compte de Jerome Demory est réactivé.")).toBeVisible();
    await expect(row).toContainText("Actif");
  });

  test("is for admins only: no menu entry for a tutor, the screens and their API are refused", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(page.getByRole("link", { name: "Utilisateurs" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Imports" })).toHaveCount(0);
    for (const path of ["/admin/utilisateurs", "/admin/imports", "/admin/jetons-api"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    }
    expect((await page.request.get("/api/admin/users")).status()).toBe(403);
    expect((await page.request.get("/api/admin/api-tokens")).status()).toBe(403);
  });
});
