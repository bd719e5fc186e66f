import { accounts, demoPassword, expect, resetLanguageToFrench, signIn, test } from "./helpers.js";

test.describe("Catalogue page (/catalogue/:courseId)", () => {
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("the tutor opens it from the course detail and sees the course as learners do", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
    await page.getByRole("link", { name: "Vers la fiche catalogue" }).click();

    await expect(page).toHaveURL(/\/catalogue\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
    await expect(page.getByText("C01_L'avant-vente commerciale")).toBeVisible();
    await expect(page.getByText(/^Au sein du parcours Conseiller Commercial/)).toBeVisible();
    await expect(page.getByText("Vente et Négociation", { exact: true })).toBeVisible();
    await expect(page.getByText("6 leçons")).toBeVisible();
    await expect(page.getByText("Durée totale : 04:45:00")).toBeVisible();
    await expect(page.getByRole("region", { name: "Compétences visées" })).toContainText("09.S'organiser");

    const lessons = page.getByRole("region", { name: "Contenu du cours" }).getByRole("listitem");
    await expect(lessons).toHaveCount(6);
    await expect(lessons.nth(0)).toContainText("E-Learning L'avant-vente, c'est quoi ?");
    await expect(lessons.nth(0)).toContainText("Module e-learning");
    await expect(lessons.nth(0)).toContainText("00:15:00");
    await expect(lessons.nth(3)).toContainText("Webinaire");
    await expect(lessons.nth(3)).toContainText("02:00:00");
    await expect(lessons.nth(5)).toContainText("Observation");

    // A stable address: a reload shows the same page.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
  });

  test("a learner of the course opens the same address", async ({ page, request }) => {
    await request.post("/api/auth/sign-in", { data: { email: accounts.tutor, password: demoPassword } });
    const list = await request.get(`/api/tutoring/courses?q=${encodeURIComponent("avant vente")}`);
    const id = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? "";
    await signIn(page, accounts.learner);
    await page.goto(`/catalogue/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Contenu du cours" }).getByRole("listitem")).toHaveCount(6);
  });

  test("an unknown course says it is not found", async ({ page }) => {
    await signIn(page, accounts.learner);
    await page.goto("/catalogue/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1, name: "Fiche catalogue introuvable" })).toBeVisible();
    await expect(
      page.getByText("Ce cours n'existe pas ou ne vous est pas accessible dans le catalogue."),
    ).toBeVisible();
    await page.goto("/catalogue/not-an-id");
    await expect(page.getByRole("heading", { level: 1, name: "Fiche catalogue introuvable" })).toBeVisible();
  });
});
