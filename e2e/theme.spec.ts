import { accounts, expect, signIn, test } from "./helpers.js";

/**
 * The look comes from Ant Design's prebuilt stylesheet (zero-runtime mode, web/src/app/theme.ts) with
 * the brand's tokens applied as CSS variables: the brand colours show, and no component style is
 * computed in the page.
 */
test.describe("theme", () => {
  test("the brand's tokens style the components, from the stylesheet rather than styles made in the page", async ({
    page,
  }) => {
    await page.goto("/sign-in");
    // colorPrimary #1d4ed8 on the primary button, the error red #c62828 once the form is refused.
    await expect(page.getByRole("button", { name: "Se connecter" })).toHaveCSS("background-color", "rgb(29, 78, 216)");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.locator(".ant-form-item-explain-error").first()).toHaveCSS("color", "rgb(198, 40, 40)");

    await signIn(page, accounts.tutor);
    await expect(page.getByRole("columnheader", { name: "Cours" })).toBeVisible();
    // Component tokens: the layout's dark header, the table's header row (a column not sorted on), the menu's selected item.
    await expect(page.locator(".ant-layout-header")).toHaveCSS("background-color", "rgb(15, 31, 61)");
    await expect(page.getByRole("columnheader", { name: "Liste" })).toHaveCSS("background-color", "rgb(247, 248, 251)");
    await expect(page.locator(".ant-menu-item-selected").first()).toHaveCSS("background-color", "rgb(232, 239, 255)");

    // Styles written in the page declare CSS variables only (the tokens), never a component's rules.
    const declarations = await page.evaluate(() =>
      [...document.querySelectorAll("style")].flatMap((style) =>
        [...(style.textContent ?? "").matchAll(/\{([^{}]*)\}/g)].flatMap((block) =>
          (block[1] ?? "")
            .split(";")
            .map((d) => d.trim())
            .filter((d) => d !== ""),
        ),
      ),
    );
    expect(declarations.length).toBeGreaterThan(0);
    expect(declarations.filter((d) => !d.startsWith("--"))).toEqual([]);
  });
});
