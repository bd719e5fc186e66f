import type { APIRequestContext } from "@playwright/test";
import { screenshot, seriousViolations } from "./actions-helpers.js";
import { accounts, demoPassword, expect, signIn, test } from "./helpers.js";

/** As the demo tutor, through the API: a reminder to Basic Joëlle of Cours 1 (queued in the outbox). */
async function remindBasic(request: APIRequestContext) {
  const signedIn = await request.post("/api/auth/sign-in", { data: { email: accounts.tutor, password: demoPassword } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  const courses = await (await request.get("/api/tutoring/courses?q=avant-vente&pageSize=5")).json();
  const courseId = (courses.items as { id: string; name: string }[]).find(
    (c) => c.name === "Cours 1 : L'avant-vente",
  )?.id;
  const learners = await (await request.get(`/api/tutoring/courses/${courseId}/learners?q=Basic`)).json();
  const learnerId = (learners.items as { userId: string }[])[0]?.userId;
  const templates = await (await request.get("/api/mail-templates")).json();
  const templateId = (templates.items as { id: string; name: string }[]).find(
    (t) => t.name === "Relance inactivité",
  )?.id;
  const sent = await request.post(`/api/tutoring/courses/${courseId}/reminders`, {
    headers,
    data: { templateId, selection: { mode: "ids", learnerIds: [learnerId] }, idempotencyKey: "admin-messages-spec" },
  });
  expect(sent.status()).toBe(202);
  await request.post("/api/auth/sign-out", { headers });
}

test.describe("Administration > Messages", () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1366, height: 900 } });

  test("every message with its state and content, filtered by state and text in the URL", async ({ page }) => {
    await remindBasic(page.request);
    await signIn(page, accounts.admin);
    await page.getByRole("link", { name: "Messages" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
    await expect(
      page.getByText("Aucun serveur SMTP configuré : les messages restent dans la file, non envoyés"),
    ).toBeVisible();

    await page.getByRole("combobox", { name: "État" }).click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: /^En attente$/ })
      .click();
    await expect(page).toHaveURL(/etat=pending/);
    const search = page.getByRole("searchbox", { name: "Rechercher par destinataire ou objet" });
    await search.fill("joelle.basic");
    await search.press("Enter");
    await expect(page).toHaveURL(/q=joelle\.basic/);
    const row = page.getByRole("row").filter({ hasText: "Cours 1 : L'avant-vente : on reprend ?" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Joëlle Basic");
    await expect(row).toContainText("joelle.basic@demo.local");
    await expect(row).toContainText("En attente");
    await expect(row).toContainText("Non envoyé");
    await row.getByRole("button", { name: "Développer la ligne" }).click();
    await expect(page.getByText("Bonjour Joëlle Basic,")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-messages-filtered-fr");

    // The view survives a reload; another state finds nothing.
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "on reprend ?" })).toHaveCount(1);
    await page.getByRole("combobox", { name: "État" }).click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: /^Envoyé$/ })
      .click();
    await expect(page.getByText("Aucun message ne correspond à ces critères.")).toBeVisible();
  });

  test("tutors have no Messages screen", async ({ page }) => {
    await signIn(page, accounts.tutor);
    await expect(page.getByRole("link", { name: "Modèles de mail" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Messages" })).toHaveCount(0);
    await page.goto("/admin/messages");
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  });
});
