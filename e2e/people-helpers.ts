import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./helpers.js";

/** WCAG 2.1 A and AA violations axe finds on the current screen, as "rule: target" lines. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** Types into a searching antd select (user, course, list pickers) and picks the option containing `option`. */
export async function search(page: Page, combobox: string | RegExp, text: string, option: string) {
  // A required field's name starts with antd's "* " marker.
  const name =
    typeof combobox === "string" ? new RegExp(`^(\\* )?${combobox.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : combobox;
  const box = page.getByRole("combobox", { name });
  const root = box.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ant-select ')][1]");
  await box.click();
  await box.fill(text);
  // The options change when the server's answer to the search arrives: a click on an option being
  // replaced can be lost, so click until the select shows the choice.
  await expect(async () => {
    if (((await root.textContent()) ?? "").includes(option)) return;
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: option })
      .first()
      .click({ timeout: 2_000 });
    await expect(root).toContainText(option, { timeout: 1_000 });
  }).toPass();
  // Leaving the field closes a multiple select's list; Escape could close the dialog around it instead.
  await box.evaluate((element) => (element as HTMLElement).blur());
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
}
