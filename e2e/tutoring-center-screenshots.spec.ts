import path from "node:path";
import type { Page } from "@playwright/test";
import { accounts, expect, resetLanguageToFrench, settleAnimations, signIn, test } from "./helpers.js";

// Screenshots of the tutoring center, missions and observations for reviewing the look, not assertions:
// SHOTS_DIR=/tmp/shots npx playwright test tutoring-center-screenshots
const shotsDir = process.env.SHOTS_DIR ?? ".";

async function shot(page: Page, name: string) {
  await settleAnimations(page);
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

async function courseId(page: Page): Promise<string> {
  const response = await page.request.get("/api/tutoring/courses?q=avant-vente&pageSize=10");
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const course = items.find((c) => c.name === "Cours 1 : L'avant-vente");
  if (!course) throw new Error("Cours 1 not found");
  return course.id;
}

async function switchToEnglish(page: Page) {
  const me = await page.request.get("/api/auth/me");
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  await page.request.patch("/api/auth/me/preferences", {
    data: { locale: "en" },
    headers: { "x-csrf-token": csrfToken },
  });
}

test.describe("tutoring center screenshots", () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test.describe.configure({ timeout: 120_000 });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  for (const lang of ["fr", "en"] as const) {
    test(`center, missions and observations (${lang})`, async ({ page }) => {
      await signIn(page, accounts.tutor);
      if (lang === "en") await switchToEnglish(page);
      const id = await courseId(page);
      const center = `/tutorat/formations/${id}/centre`;

      await page.goto(center);
      await expect(page.getByText("AGASSE Sam")).toBeVisible();
      await expect(page.locator(".indicator-card-value").first()).toHaveText("21");
      // The pie's drawing is a chunk of its own, loaded after the table.
      await expect(page.locator(".recharts-pie-sector").first()).toBeVisible();
      await shot(page, `center-${lang}`);

      await page.locator(".risk-badge").first().hover();
      await expect(page.getByRole("tooltip")).toBeVisible();
      await page.locator(".selection-bar input[type=checkbox]").first().check();
      await expect(page.locator(".selection-bar-count")).toHaveText(/21/);
      await shot(page, `center-selection-${lang}`);

      await page.goto(`${center}?status=not_started&pageSize=10`);
      await expect(page.locator(".table-pager-status")).toContainText("6");
      await expect(page.locator(".recharts-pie-sector").first()).toBeVisible();
      await shot(page, `center-filtered-${lang}`);

      await page.goto(`${center}/missions?status=all`);
      await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
      await shot(page, `missions-${lang}`);
      await page.goto(`${center}/missions`);
      await page.getByRole("table").getByRole("link").first().click();
      await expect(page.locator(".mission-text").first()).toBeVisible();
      await shot(page, `mission-${lang}`);

      await page.goto("/tutorat/missions?status=all");
      await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
      await shot(page, `all-missions-${lang}`);

      await page.goto(`${center}/observations`);
      await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
      await shot(page, `observations-${lang}`);
      await page.getByRole("table").getByRole("link").first().click();
      await expect(page.locator("fieldset").first()).toBeVisible();
      await page.locator("form button[type=submit]").click();
      await expect(page.locator(".ant-form-item-explain-error").first()).toBeVisible();
      await shot(page, `observation-form-errors-${lang}`);
    });
  }
});
