import { screenshot } from "./actions-helpers.js";
import { accounts, expect, signIn, test } from "./helpers.js";
import { axeViolations } from "./people-helpers.js";

const csv = [
  "Email;Prénom;Nom;Organisation;Rôles;Langue;Actif",
  "alice.csv@example.com;Alice;Importée;Filiale CSV;apprenant;fr;oui",
  "bruno.csv@example.com;Bruno;Importé;Filiale CSV;tuteur|apprenant;en;oui",
  "pas-un-email;Chloé;Erreur;;;;",
  "alice.csv@example.com;Alice;Doublon;;;;",
].join("\n");

test.describe("Administration: CSV import (S3)", () => {
  test("an admin previews a CSV with errors, imports the valid rows only, and finds them in the users list", async ({
    page,
  }) => {
    test.slow();
    await signIn(page, accounts.admin);
    await page.getByRole("link", { name: "Imports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
    // The documented columns of the chosen kind.
    await expect(page.getByRole("cell", { name: "prénom / first name" })).toBeVisible();
    await page.locator("label.ant-radio-button-wrapper", { hasText: "Inscriptions" }).click();
    await expect(page.getByRole("cell", { name: "code formation / course code" })).toBeVisible();
    await page.locator("label.ant-radio-button-wrapper", { hasText: "Utilisateurs" }).click();

    await page.locator("input[type=file]").setInputFiles({
      name: "utilisateurs.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await expect(page.getByText("utilisateurs.csv")).toBeVisible();
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();

    await expect(page.getByRole("heading", { name: "3. Vérification" })).toBeVisible();
    const stat = (title: string) => page.locator(".ant-statistic").filter({ hasText: title });
    await expect(stat("Lignes lues")).toContainText("4");
    await expect(stat("À créer")).toContainText("2");
    await expect(stat("En erreur")).toContainText("2");
    await expect(page.getByRole("heading", { name: "2 erreurs" })).toBeVisible();
    const emailError = page.getByRole("row", { name: /pas-un-email/ });
    await expect(emailError).toContainText("4");
    await expect(emailError).toContainText("Email");
    await expect(emailError).toContainText("« pas-un-email » n'est pas une adresse e-mail.");
    await expect(page.getByRole("row", { name: /Même contenu que la ligne 2\./ })).toContainText("5");
    // All-or-nothing can't be chosen while rows have errors.
    await expect(page.getByRole("radio", { name: /^Tout ou rien/ })).toBeDisabled();
    await expect(page.getByRole("radio", { name: /^Lignes valides seulement/ })).toBeChecked();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "admin-import-preview", true);

    await page.getByRole("button", { name: "Importer (2 lignes)" }).click();
    await expect(page.getByText(/^Import terminé en/)).toBeVisible();
    await expect(page.getByText("2 créées, 0 mises à jour, 0 inchangées, 2 ignorées (en erreur).")).toBeVisible();
    await screenshot(page, "admin-import-done");
    await page.getByRole("link", { name: "Voir les utilisateurs" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Rechercher un utilisateur par nom ou e-mail" }).fill("csv");
    await page.getByRole("searchbox", { name: "Rechercher un utilisateur par nom ou e-mail" }).press("Enter");
    await expect(page.getByRole("row", { name: /IMPORTÉE Alice/ })).toContainText("Filiale CSV");
    const bruno = page.getByRole("row", { name: /IMPORTÉ Bruno/ });
    await expect(bruno).toContainText("Tuteur");
    await expect(bruno).toContainText("Apprenant");
    await expect(page.getByText("élément(s) 1 à 2 sur 2", { exact: false })).toBeVisible();
  });

  test("a file that isn't UTF-8 is refused with the reason, before anything is imported", async ({ page }) => {
    await signIn(page, accounts.admin);
    await page.goto("/admin/imports");
    await page.locator("input[type=file]").setInputFiles({
      name: "latin1.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("email;prénom;nom\nx@example.com;Hélène;Durand\n", "latin1"),
    });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Le fichier est refusé" });
    await expect(alert).toContainText("Le fichier n'est pas en UTF-8");
    await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);
  });
});
