import type { APIRequestContext, Page } from "@playwright/test";
import { accounts, demoPassword, expect, seriousViolations, signIn, test } from "./helpers.js";

/** "Cours 1 : L'avant-vente" and its quiz, as the signed-in learner's API lists them. */
async function c1Quiz(page: Page) {
  const mine = (await (await page.request.get("/api/learner/courses")).json()) as {
    items: { courseId: string; name: string }[];
  };
  const courseId = mine.items.find((c) => c.name === "Cours 1 : L'avant-vente")?.courseId ?? "";
  const course = (await (await page.request.get(`/api/learner/courses/${courseId}`)).json()) as {
    lessons: { id: string; type: string }[];
  };
  const lessonId = course.lessons.find((l) => l.type === "quiz")?.id ?? "";
  return { courseId, lessonId };
}

/** Signs in as the admin through the API and sets the quiz's rules, as the editor would. */
async function setQuizRules(request: APIRequestContext, lessonId: string, attemptsLimit: number) {
  const signedIn = await request.post("/api/auth/sign-in", { data: { email: accounts.admin, password: demoPassword } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const saved = await request.put(`/api/admin/quiz/lessons/${lessonId}/settings`, {
    data: { order: "ordered", attemptsLimit, passingScore: 93 },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(saved.status()).toBe(200);
}

/** A full-page picture for a human to look at, only when SHOTS_DIR is set. */
async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

function rules(page: Page) {
  return page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "Règles du quiz" }) });
}

function question(page: Page, number: number) {
  return page.getByRole("group", { name: new RegExp(`^Question ${number} sur 2`) });
}

test.describe("native quiz (S2)", () => {
  // One journey: the tutor reads the attempts the learner just made.
  test.describe.configure({ mode: "serial" });

  test("the learner fails the quiz then passes it, and sees the attempts left and the result", async ({
    page,
    playwright,
    baseURL,
  }) => {
    // A long journey with three axe scans on a shared two-core machine.
    test.slow();
    await signIn(page, accounts.learner);
    const { courseId, lessonId } = await c1Quiz(page);
    // Sam used 6 attempts in the demo data: 8 allowed leaves two.
    const admin = await playwright.request.newContext({ baseURL });
    await setQuizRules(admin, lessonId, 8);
    await admin.dispose();

    await page.goto(`/mes-formations/${courseId}/lecons/${lessonId}/quiz`);
    await expect(page.getByRole("heading", { level: 1, name: "C01 Quiz L'avant-vente" })).toBeVisible();
    await expect(rules(page)).toContainText("Score de passage93 %");
    await expect(rules(page)).toContainText("Essais autorisés8");
    await expect(rules(page)).toContainText("Essais utilisés6");
    await expect(rules(page)).toContainText("Essais restants2");
    await expect(rules(page)).toContainText("Meilleur score94 %");
    await expect(page.getByText(/Vérifiez vos connaissances/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "quiz-intro");

    // Attempt 7: the single choice right, the multiple choice only half ticked.
    await page.getByRole("button", { name: "Nouvel essai" }).click();
    await expect(page.getByRole("heading", { name: "Essai n° 7" })).toBeVisible();
    await expect(rules(page)).toContainText("Essais restants1");
    // Nothing chosen yet: the form says which questions are missing.
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(page.getByRole("alert")).toContainText("2 questions n'ont pas de réponse : questions 1, 2.");
    await expect(question(page, 1).getByRole("radio").first()).toBeFocused();
    await question(page, 1)
      .getByRole("radio", { name: "Préparer l'entretien pour répondre au besoin réel du client" })
      .check();
    await expect(page.getByRole("alert")).toContainText("Une question n'a pas de réponse : question 2.");
    await shot(page, "quiz-unanswered");
    await expect(question(page, 2)).toContainText("Choisissez une réponse pour cette question.");
    await question(page, 2).getByRole("checkbox", { name: "Un objectif d'entretien" }).check();
    await expect(page.getByRole("alert")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The answers reached the server; no correct flag was sent to the page before the submission.
    const submitted = page.waitForResponse((r) => r.url().includes("/submit") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await submitted;

    const result = page.getByRole("status").filter({ hasText: "Échoué : 50 %" });
    await expect(result).toContainText("Vous n'avez pas atteint le score de passage : 50 % pour 93 % demandés.");
    await expect(result).toContainText("Points : 1 sur 2");
    await expect(result).toContainText("Il vous reste 1 essai.");
    await expect(page.getByRole("heading", { name: "Résultat de l'essai n° 7" })).toBeVisible();
    const answers = page.getByRole("listitem").filter({ hasText: "Quels éléments préparer avant un rendez-vous ?" });
    await expect(answers).toContainText("Mauvaise réponse");
    await expect(answers).toContainText("Un objectif d'entretien (votre réponse, bonne réponse)");
    await expect(answers).toContainText("Les questions de découverte (bonne réponse)");
    await expect(page.getByRole("listitem").filter({ hasText: "Quel est l'objectif principal" }).first()).toContainText(
      "Bonne réponse",
    );
    const history = page.getByRole("table", { name: "Mes essais" });
    await expect(history.getByRole("row").nth(1)).toContainText("7");
    await expect(history.getByRole("row").nth(1)).toContainText("50 %");
    await expect(history.getByRole("row").nth(1)).toContainText("Echoué");
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "quiz-failed");

    // Attempt 8: everything right.
    await page.getByRole("button", { name: "Nouvel essai" }).click();
    await expect(page.getByRole("heading", { name: "Essai n° 8" })).toBeVisible();
    await question(page, 1)
      .getByRole("radio", { name: "Préparer l'entretien pour répondre au besoin réel du client" })
      .check();
    await question(page, 2).getByRole("checkbox", { name: "Un objectif d'entretien" }).check();
    await question(page, 2).getByRole("checkbox", { name: "Les questions de découverte" }).check();
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    const passed = page.getByRole("status").filter({ hasText: "Réussi : 100 %" });
    await expect(passed).toContainText("Bravo, vous avez réussi le quiz avec 100 % (score de passage : 93 %).");
    await expect(passed).toContainText("Vous n'avez plus d'essai.");
    await expect(page.getByText("Plus d'essai disponible")).toBeVisible();
    await expect(page.getByRole("button", { name: "Nouvel essai" })).toHaveCount(0);
    await expect(rules(page)).toContainText("Essais restants0");
    await expect(rules(page)).toContainText("Meilleur score100 %");

    // A reload shows the last result, not a new attempt.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Dernier résultat : essai n° 8" })).toBeVisible();
    await expect(history.getByRole("row")).toHaveCount(4);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "quiz-exhausted-mobile");
  });

  test("the tutor's learner report shows both attempts", async ({ page }) => {
    await signIn(page, accounts.tutor);
    const courses = (await (await page.request.get("/api/tutoring/courses?pageSize=100")).json()) as {
      items: { id: string; name: string }[];
    };
    const courseId = courses.items.find((c) => c.name === "Cours 1 : L'avant-vente")?.id ?? "";
    const learners = (await (await page.request.get(`/api/tutoring/courses/${courseId}/learners?q=agasse`)).json()) as {
      items: { userId: string }[];
    };
    await page.goto(`/tutorat/formations/${courseId}/centre/apprenants/${learners.items[0]?.userId}`);
    const composition = page.getByRole("region", { name: "Composition du cours", exact: true });
    const quiz = composition
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "C01 Quiz" }) })
      .first();
    await expect(quiz.getByRole("cell", { name: "Réussi" })).toBeVisible();
    const cells = (await quiz.getByRole("cell").allInnerTexts()).slice(1, 7).map((text) => text.trim());
    expect(cells).toEqual(["C01 Quiz L'avant-vente", "Réussi", "100%", expect.any(String), "93%", "8"]);
    await quiz.getByRole("button", { name: /^Essais de/ }).click();
    const attempts = page.getByRole("table", { name: "Essais : C01 Quiz L'avant-vente" });
    await expect(attempts.getByRole("row")).toHaveCount(9);
    await expect(attempts.getByRole("row").nth(7)).toContainText("Echoué");
    await expect(attempts.getByRole("row").nth(7)).toContainText("50%");
    await expect(attempts.getByRole("row").nth(8)).toContainText("Réussi");
    await expect(attempts.getByRole("row").nth(8)).toContainText("100%");
  });
});
