import { AxeBuilder } from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

const controlPort = Number(process.env.E2E_PORT ?? 3100) + 1000;
let lastFile = "";

/**
 * Playwright's test: each spec file starts from the demo data as loaded (reset through
 * e2e/serve.ts's control port), and a test fails if the page threw an uncaught error.
 */
export const test = base.extend<{ freshDemoPerFile: undefined }>({
  freshDemoPerFile: [
    async ({ browserName: _browserName }, use, testInfo) => {
      if (testInfo.file !== lastFile) {
        lastFile = testInfo.file;
        const response = await fetch(`http://127.0.0.1:${controlPort}/reset`, { method: "POST" });
        if (response.status !== 204) throw new Error(`demo reset failed: ${response.status} ${await response.text()}`);
      }
      await use(undefined);
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await use(page);
    expect(errors, "uncaught errors in the page").toEqual([]);
  },
});

export { expect };

/** Password of every demo account (scripts/demo-data.ts). */
export const demoPassword = "demo";

export const accounts = {
  admin: "admin@demo.local",
  tutor: "tuteur@demo.local",
  otherTutor: "tuteur2@demo.local",
  learner: "sam.agasse@demo.local",
} as const;

/** The five courses of the source's `Tutorat > Formations` screen, in name order. */
export const sourceCourses = [
  "Cours 1 : L'avant-vente",
  "Cours 1 module pour évaluation de la satisfaction",
  "Cours 2 : La vente",
  "OAS CCU AGENT BAGAGISTE Avant Contrat",
  "Valider son embauche au sein d'ONET",
];

/** Fills and submits the sign-in form (French labels) on the current page. */
export async function submitSignIn(page: Page, email: string, password = demoPassword) {
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Signs in from the sign-in page and waits until the user's home screen shows. */
export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  await expect(page.getByRole("button", { name: /^Menu de / })).toBeVisible();
}

/** The course names in the table, top to bottom. */
export function courseRows(page: Page) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

/** Puts the signed-in user back to French through the API, so a failed test cannot leave the next one in English. */
export async function resetLanguageToFrench(page: Page) {
  const me = await page.request.get("/api/auth/me");
  if (!me.ok()) return;
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  await page.request.patch("/api/auth/me/preferences", {
    data: { locale: "fr" },
    headers: { "x-csrf-token": csrfToken },
  });
}

/**
 * Waits for the screen's finite animations to end (a dropdown fading in would be judged or
 * photographed mid-fade). A cancelled animation rejects its promise: it has settled all the same.
 */
export async function settleAnimations(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** WCAG 2.1 A/AA violations axe finds on the current screen at rest, as "impact rule: target" lines. */
export async function axeViolations(page: Page, { seriousOnly = false } = {}) {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => !seriousOnly || v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(" ")}`));
}

/** The serious and critical violations only, the pointer moved away so no hover colour is judged. */
export async function seriousViolations(page: Page) {
  await page.mouse.move(0, 0);
  return axeViolations(page, { seriousOnly: true });
}
