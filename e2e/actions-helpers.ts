import path from "node:path";
import type { Page } from "@playwright/test";
import { accounts, expect, settleAnimations, signIn } from "./helpers.js";

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

/**
 * Opens an antd select by its accessible name and picks the option whose text starts with `option`
 * (a tag may follow), or is `option` with `exact` ("10" and not "100").
 */
export async function choose(page: Page, combobox: string | RegExp, option: string, exact = false) {
  await page.getByRole("combobox", { name: combobox }).click();
  // The list zooms in: a click while it moves can land beside the option and leave the list open
  // (missed once in CI).
  await settleAnimations(page);
  const text = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: new RegExp(`^${text}${exact ? "$" : ""}`) })
    .click();
  // The option list closes with an animation; what follows (an axe scan, a screenshot) sees the closed select.
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
  await expect(page.locator(".ant-select-dropdown [role='listbox']:visible")).toHaveCount(0);
}

/** Where screenshots go when SHOTS_DIR is set (the specs then also take pictures of the screens they visit). */
export async function screenshot(page: Page, name: string, fullPage = false) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await settleAnimations(page);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/**
 * Switches the signed-in user's language from the user menu. The menu's opening animation is let
 * finish first: a click on an item while it still moves can close the menu without choosing it
 * (seen once in CI: no request went out, the page stayed in French).
 */
export async function switchLanguage(page: Page, language: "English" | "Français") {
  await page.getByRole("button", { name: /^Menu de |'s menu$/ }).click();
  const item = page.getByRole("menuitem", { name: language });
  await expect(item).toBeVisible();
  await settleAnimations(page);
  await item.click();
}

export { seriousViolations } from "./helpers.js";
