import { screenshot } from "./actions-helpers.js";
import { accounts, expect, signIn, test } from "./helpers.js";
import { axeViolations, search } from "./people-helpers.js";

test.describe("Administration: API tokens (S3)", () => {
  test("an admin creates a token, sees it once, the token calls the API, then is revoked and refused", async ({
    page,
  }) => {
    test.slow();
    await signIn(page, accounts.admin);
    await page.getByRole("link", { name: "Jetons d'API" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Jetons d'API" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Nouveau jeton" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouveau jeton d'API" });
    await search(page, "Utilisateur", "tuteur@", "tuteur@demo.local");
    await dialog.getByLabel("Nom").fill("Intégration SIRH");
    await expect(dialog.getByRole("checkbox", { name: /^Lecture/ })).toBeChecked();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Créer le jeton" }).click();

    const created = page.getByRole("dialog", { name: "Jeton « Intégration SIRH » créé" });
    await expect(created).toContainText("Copiez ce jeton maintenant : il ne sera plus jamais affiché.");
    const secret = ((await created.getByTestId("token-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^tut_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, "admin-token-created");

    // The token works on a documented endpoint, without cookie or CSRF header (a fresh request context).
    const api = await page.context().request;
    const ok = await api.get("/api/tutoring/courses", { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status()).toBe(200);

    await created.getByRole("button", { name: "J'ai copié le jeton" }).click();
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.reload();
    const row = page.getByRole("row", { name: /Intégration SIRH/ });
    await expect(row).toContainText("tuteur@demo.local");
    await expect(row).toContainText("Lecture");
    await expect(row).toContainText("Actif");
    await expect(row).not.toContainText("Jamais utilisé");
    await screenshot(page, "admin-tokens");

    await row.getByRole("button", { name: "Révoquer le jeton Intégration SIRH" }).click();
    await page.locator(".ant-popconfirm:visible").getByRole("button", { name: "Révoquer" }).click();
    await expect(page.getByText("Le jeton « Intégration SIRH » est révoqué.")).toBeVisible();
    await expect(row).toContainText("Révoqué le");
    const refused = await api.get("/api/tutoring/courses", { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
  });
});
