import path from "node:path";
import type { Page } from "@playwright/test";
import { accounts, expect, settleAnimations, signIn, test } from "./helpers.js";

// Screenshots of the learner space for review, not assertions:
// SHOTS_DIR=/tmp/shots npx playwright test learner-space-screenshots
const shotsDir = process.env.SHOTS_DIR;

async function openLesson(page: Page, course: string, lesson: string) {
  await page.goto("/mes-formations");
  await page.getByRole("link", { name: course, exact: true }).click();
  await page.getByRole("link", { name: lesson, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: lesson })).toBeVisible();
}

test.describe("learner space screenshots", () => {
  test.skip(!shotsDir, "set SHOTS_DIR to take screenshots");
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1366, height: 900 } });

  const shot = (name: string) => path.join(shotsDir ?? "", `learner-${name}.png`);

  test("every screen of the learner space", async ({ page }) => {
    await signIn(page, accounts.learner);
    await expect(page.getByRole("link", { name: "Cours 1 : L'avant-vente", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /^S'inscrire à / }).first()).toBeVisible();
    await settleAnimations(page);
    await page.screenshot({ path: shot("my-courses"), fullPage: true });

    await page.getByRole("link", { name: "Cours 1 : L'avant-vente", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
    await settleAnimations(page);
    await page.screenshot({ path: shot("course"), fullPage: true });

    for (const [name, course, lesson] of [
      ["sheet", "Cours 1 : L'avant-vente", "Fiche Pratique C01 Préparer sa vente : les points clés"],
      ["quiz", "Cours 1 : L'avant-vente", "C01 Quiz L'avant-vente"],
      ["webinar", "Cours 1 : L'avant-vente", "Webinaire Tout savoir pour préparer sa vente"],
      ["mission-passed", "Cours 1 : L'avant-vente", "Mission Préparer sa vente"],
      ["observation", "Cours 1 : L'avant-vente", "C01 Observation L'avant-vente commerciale"],
      ["elearning", "Cours 1 : L'avant-vente", "E-Learning L'avant-vente, c'est quoi ?"],
      ["mission-form", "Cours 2 : La vente", "Mission Réaliser une proposition commerciale"],
    ] as const) {
      await openLesson(page, course, lesson);
      await settleAnimations(page);
      await page.screenshot({ path: shot(name), fullPage: true });
    }

    await page.goto("/mes-formations/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1, name: "Formation introuvable" })).toBeVisible();
    await page.screenshot({ path: shot("not-found") });
  });
});
