import type { Page } from "@playwright/test";
import { expect } from "./helpers.js";

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

export { axeViolations } from "./helpers.js";
