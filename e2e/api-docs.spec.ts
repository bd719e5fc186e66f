import { expect, test } from "@playwright/test";

test("the API documentation renders under the app's security policy", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") blocked.push(message.text());
  });
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: /Tutora API/ })).toBeVisible();
  await expect(page.getByText("/api/tutoring/courses", { exact: true }).first()).toBeVisible();
  expect(blocked).toEqual([]);
});
