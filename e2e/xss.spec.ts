import { execFileSync } from "node:child_process";
import type { APIRequestContext, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { accounts, expect, signIn, test } from "./helpers.js";

/**
 * Stored XSS (issue #9): HTML and script payloads put into every free-text field a user can fill
 * (a learner's name, a lesson comment, a course review, a mission feedback, a mail template) are
 * shown as text on the screens that display them and in the exports — in Chromium: no dialog,
 * no element injected, nothing run, the text shown literally.
 */
const payload = (tag: string) => `<img src=x onerror="window.__xss='${tag}'"><script>window.__xss='${tag}'</script>`;
const NAME = `Sam ${payload("name")}`;
const COMMENT = `Commentaire ${payload("comment")}`;
const REVIEW = `Avis ${payload("review")}`;
const FEEDBACK = `Retour ${payload("feedback")}`;
const TEMPLATE = `Modèle ${payload("template")}`;
const SCORM = `cmi ${payload("scorm")}`;

async function csrf(request: APIRequestContext) {
  return ((await (await request.get("/api/auth/me")).json()) as { csrfToken: string }).csrfToken;
}

async function call(request: APIRequestContext, method: "post" | "put" | "patch", url: string, data: unknown) {
  const response = await request[method](url, { data, headers: { "x-csrf-token": await csrf(request) } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json().catch(() => null);
}

const dialogs: string[] = [];

/** Nothing ran and nothing was injected on the page; the payload's text is there, as text. */
async function expectInert(page: Page, literal?: string) {
  if (literal) await expect(page.getByText(literal, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes("__xss")))).toBe(false);
  expect(dialogs).toEqual([]);
}

test("payloads in names, comments, reviews, feedback and templates are shown as text everywhere", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // The learner: a comment on a lesson of Cours 1 and a review of the course.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  learner.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(learner, accounts.learner);
  const mine = (await (await learner.request.get("/api/learner/courses")).json()) as {
    items: { courseId: string; name: string }[];
  };
  const courseId = mine.items.find((c) => c.name === "Cours 1 : L'avant-vente")?.courseId ?? "";
  expect(courseId).not.toBe("");
  const detail = (await (await learner.request.get(`/api/learner/courses/${courseId}`)).json()) as {
    lessons: { id: string; type: string; title: string }[];
  };
  const elearning = detail.lessons.find((l) => l.type === "elearning");
  const lessonId = elearning?.id ?? "";
  const lessonTitle = elearning?.title ?? "";
  await call(learner.request, "post", `/api/learner/courses/${courseId}/lessons/${lessonId}/comments`, {
    body: COMMENT,
  });
  await call(learner.request, "put", `/api/learner/courses/${courseId}/review`, { rating: 4, comment: REVIEW });
  const samId = ((await (await learner.request.get("/api/auth/me")).json()) as { user: { id: string } }).user.id;

  // The admin renames the learner.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, accounts.admin);
  await call(admin.request, "patch", `/api/admin/users/${samId}`, { firstName: NAME });
  await adminContext.close();

  // The tutor: a mail template and the feedback of Sam's mission.
  await signIn(page, accounts.tutor);
  await call(page.request, "post", "/api/mail-templates", { name: TEMPLATE, subject: TEMPLATE, body: TEMPLATE });
  const missions = (await (
    await page.request.get(`/api/tutoring/courses/${courseId}/missions?status=pending&pageSize=100`)
  ).json()) as { items: { submissionId: string }[] };
  // The demo's one mission still to correct.
  const submissionId = missions.items[0]?.submissionId ?? "";
  expect(submissionId).not.toBe("");
  await call(page.request, "post", `/api/tutoring/courses/${courseId}/missions/${submissionId}/correction`, {
    verdict: "passed",
    score: 80,
    feedback: FEEDBACK,
  });

  await test.step("tutoring center and learner report show the name as text", async () => {
    await page.goto(`/tutorat/formations/${courseId}/centre`);
    await expectInert(page, `${NAME}`.slice(0, 30));
    await page.goto(`/tutorat/formations/${courseId}/centre/apprenants/${samId}`);
    await expectInert(page, "<img src=x onerror");
  });

  await test.step("course detail shows the review as text", async () => {
    await page.goto(`/tutorat/formations/${courseId}?onglet=avis`);
    await expectInert(page, REVIEW.slice(0, 30));
  });

  await test.step("the mission shows the feedback as text", async () => {
    await page.goto(`/tutorat/formations/${courseId}/centre/missions/${submissionId}`);
    await expectInert(page);
    await expect(page.getByText(FEEDBACK.slice(0, 30), { exact: false }).first()).toBeAttached();
  });

  await test.step("mail templates show the template as text", async () => {
    await page.goto("/tutorat/modeles-de-mail");
    await expectInert(page, TEMPLATE.slice(0, 30));
  });

  await test.step("the learner's lesson page shows the comment as text", async () => {
    await learner.goto(`/mes-formations/${courseId}/lecons/${lessonId}`);
    await expectInert(learner, COMMENT.slice(0, 30));
  });

  await test.step("SCORM location and suspend data are shown as text in the statistics editor", async () => {
    const statsUrl = `/api/tutoring/courses/${courseId}/learners/${samId}/lessons/${lessonId}/stats`;
    const form = (await (await page.request.get(statsUrl)).json()) as {
      version: number;
      status: string;
      statusAt: string | null;
      score: number | null;
      timeSpentSeconds: number;
    };
    await call(page.request, "put", statsUrl, {
      expectedVersion: form.version,
      status: form.status,
      statusAt: form.statusAt,
      score: form.score,
      timeSpentSeconds: form.timeSpentSeconds,
      location: SCORM,
      suspendData: SCORM,
    });
    await page.goto(`/tutorat/formations/${courseId}/centre/apprenants/${samId}`);
    await page
      .getByRole("region", { name: "Composition du cours", exact: true })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: lessonTitle }) })
      .first()
      .getByRole("button", { name: /^Actions sur la leçon/ })
      .click();
    await page.getByRole("menuitem", { name: "Modifier les statistiques" }).click();
    const dialog = page.getByRole("dialog", { name: "Modifier les statistiques" });
    await expect(dialog.getByLabel("Suspend data")).toHaveValue(SCORM);
    await expectInert(page);
  });

  await test.step("the report's XLSX and PDF carry the name as plain text", async () => {
    const xlsx = await page.request.get(`/api/tutoring/courses/${courseId}/learners/${samId}/report.xlsx`);
    expect(xlsx.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        });
      });
    }
    expect(cells.some((text) => text.includes("<img src=x onerror=\"window.__xss='name'\">"))).toBe(true);
    // A formula-looking value would be a CSV/XLSX injection: no cell is a formula.
    expect(
      workbook.worksheets.some((sheet) =>
        sheet
          .getSheetValues()
          .some((row) => Array.isArray(row) && row.some((v) => typeof v === "object" && v && "formula" in v)),
      ),
    ).toBe(false);
    const pdf = await page.request.get(`/api/tutoring/courses/${courseId}/learners/${samId}/report.pdf`);
    expect(pdf.status()).toBe(200);
    const text = execFileSync("pdftotext", ["-q", "-", "-"], { input: await pdf.body() }).toString();
    expect(text.replace(/\s+/g, " ")).toContain("<img src=x");
  });

  await learnerContext.close();
});
