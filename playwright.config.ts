import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

/** Browser tests in Debian's Chromium against the built app with fresh demo data (e2e/serve.ts). */
export default defineConfig({
  testDir: "e2e",
  // Runs on another port (several engineers' runs on one machine) keep their own results: Playwright
  // empties its output folder at start.
  outputDir: process.env.E2E_PORT ? `test-results/port-${port}` : "test-results",
  // Screenshots are taken on demand (SHOTS_DIR=/tmp/shots npx playwright test screenshots), not in the suite.
  testIgnore: process.env.SHOTS_DIR ? [] : ["**/*screenshots*.spec.ts"],
  // One worker: the machine has two cores, and the server and its database need one.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 2 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx e2e/serve.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
