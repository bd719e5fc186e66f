import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { accounts, expect, signIn } from "./helpers.js";

/** WCAG 2.1 A/AA violations of serious or critical impact on the current screen, as "rule: target" lines. */
export async function seriousViolations(page: Page) {
  // A hovered primary button is lighter (the shared theme's hover colour): judge the screen at rest.
  await page.mouse.move(0, 0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** The rows of `UTILISATEURS TUTORÉS` (each has its own selection checkbox). */
export function learnerRows(page: Page) {
  return page
    .getByRole("region", { name: "UTILISATEURS TUTORÉS" })
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: /^Sélectionner / }) });
}

/** Opens Cours 1's tutoring center as the demo tutor: Formations > the course > `Centre de tutorat`. */
export async function openCenter(page: Page) {
  await signIn(page, accounts.tutor);
  await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
  await page.getByRole("link", { name: "Centre de tutorat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Centre de tutorat" })).toBeVisible();
  await expect(learnerRows(page).first()).toBeVisible();
}

/** Ticks learners of the first page by name ("AGASSE Sam"). */
export async function selectLearners(page: Page, ...names: string[]) {
  for (const name of names) await page.getByRole("checkbox", { name: `Sélectionner ${name}` }).check();
}

/** Opens an antd select by its accessible name and picks the option whose text starts with `option` (a tag may follow). */
export async function choose(page: Page, combobox: string | RegExp, option: string) {
  await page.getByRole("combobox", { name: combobox }).click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
    .click();
  // The option list closes with an animation; what follows (an axe scan, a screenshot) sees the closed select.
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
  await expect(page.locator(".ant-select-dropdown [role='listbox']:visible")).toHaveCount(0);
}

/** Where screenshots go when SHOTS_DIR is set (the specs then also take pictures of the screens they visit). */
export async function screenshot(page: Page, name: string, fullPage = false) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        // A cancelled animation rejects its promise: it has settled all the same.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/** Switches the signed-in user's language from the user menu. */
export async function switchLanguage(page: Page, language: "English" | "Français") {
  await page.getByRole("button", { name: /^Menu de |'s menu$/ }).click();
  await page.getByRole("menuitem", { name: language }).click();
}
