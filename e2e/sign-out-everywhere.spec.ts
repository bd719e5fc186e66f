import { accounts, expect, signIn, test } from "./helpers.js";

/** `Fermer toutes mes sessions` (issue #9): every session of the user ends, on every device. */
test("closing all sessions signs the user out here and on their other devices", async ({ page, browser }) => {
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await signIn(other, accounts.tutor);
  await signIn(page, accounts.tutor);

  await page.getByRole("button", { name: /^Menu de / }).click();
  await page.getByRole("menuitem", { name: "Fermer toutes mes sessions" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();

  // The other device's next page load finds its session gone.
  await other.goto("/tutorat/formations");
  await expect(other).toHaveURL(/\/sign-in\?redirect=/);
  await otherDevice.close();
});
