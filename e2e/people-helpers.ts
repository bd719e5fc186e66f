import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./helpers.js";

/** WCAG 2.1 A and AA violations axe finds on the current screen, as "rule: target" lines. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** Types into a searching antd select (user, course, list pickers) and picks the option containing `option`. */
export async function search(page: Page, combobox: string | RegExp, text: string, option: string | RegExp) {
  const box = page.getByRole("combobox", { name: combobox, exact: true });
  await box.click();
  await box.fill(text);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: option })
    .first()
    .click();
  await page.keyboard.press("Escape");
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
}
