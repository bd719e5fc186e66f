import type { Page } from "@playwright/test";
import { accounts, expect, seriousViolations, signIn, test } from "./helpers.js";

function rows(page: Page, tableName: RegExp | string) {
  return page
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: tableName }) })
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

/** Opens a course of `Mes formations`, then one of its lessons by title. */
async function openLesson(page: Page, course: string, lesson: string) {
  await page.getByRole("link", { name: course, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: course })).toBeVisible();
  await page.getByRole("link", { name: lesson, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: lesson })).toBeVisible();
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test.describe("Learner space (S2)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("Mes formations: my courses with their figures, and an open course I enroll in", async ({ page }) => {
    await signIn(page, accounts.learner);
    await expect(page.getByRole("heading", { level: 1, name: "Mes formations" })).toBeVisible();
    const mine = rows(page, "MES FORMATIONS");
    await expect(mine).toHaveCount(2);
    await expect(mine.first()).toContainText("Cours 1 : L'avant-vente");
    await expect(mine.first()).toContainText("83 %");
    await expect(mine.first()).toContainText("04:16:08");
    const open = rows(page, "CATALOGUE : FORMATIONS OUVERTES");
    await expect(open.filter({ hasText: "Manager une équipe à distance" })).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);

    await open
      .filter({ hasText: "Manager une équipe à distance" })
      .getByRole("button", { name: "S'inscrire à Manager une équipe à distance" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Manager une équipe à distance" })).toBeVisible();
    await expect(page.getByText("Vous êtes inscrit(e) à « Manager une équipe à distance ».")).toBeVisible();
    const lessons = rows(page, "LEÇONS");
    await expect(lessons).toHaveCount(3);
    await expect(lessons.nth(0)).toContainText("E-Learning Les rituels d'équipe à distance");
    await expect(lessons.nth(0)).toContainText("Non commencé");
    await page.getByRole("link", { name: "Mes formations" }).first().click();
    await expect(rows(page, "MES FORMATIONS")).toHaveCount(3);
    await expect(open.filter({ hasText: "Manager une équipe à distance" })).toHaveCount(0);
  });

  test("the course page: lessons in order with status, score and time; progress; review; 404 elsewhere", async ({
    page,
  }) => {
    await signIn(page, accounts.learner);
    await page.getByRole("link", { name: "Cours 1 : L'avant-vente", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toHaveText(
      "Mes formations>Cours 1 : L'avant-vente",
    );
    const lessons = rows(page, "LEÇONS");
    await expect(lessons).toHaveCount(6);
    await expect(lessons.nth(1)).toContainText("Fiche Pratique C01 Préparer sa vente : les points clés");
    await expect(lessons.nth(1)).toContainText("Terminé");
    await expect(lessons.nth(1)).toContainText("75 %");
    await expect(lessons.nth(2)).toContainText("Réussi");
    await expect(lessons.nth(2)).toContainText("94 %");
    await expect(lessons.nth(5)).toContainText("Echoué");
    await expect(page.getByRole("progressbar", { name: "Progression" })).toContainText("83 %");
    await expect(page.getByText("Merci ! Vous avez répondu le")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The review: already given (5 stars), edited to 4 stars with a new comment.
    const review = page.locator(".ant-card").filter({ hasText: "Mon avis sur la formation" });
    await review.getByRole("radio", { name: "4 étoiles sur 5" }).click();
    await review.getByLabel("Commentaire (facultatif)").fill("Clair, mais le quiz est exigeant.");
    await review.getByRole("button", { name: "Modifier mon avis" }).click();
    await expect(page.getByText("Votre avis est enregistré.")).toBeVisible();
    await page.reload();
    await expect(
      page.locator(".ant-card").filter({ hasText: "Mon avis sur la formation" }).getByLabel("Commentaire (facultatif)"),
    ).toHaveValue("Clair, mais le quiz est exigeant.");

    await page.goto("/mes-formations/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1, name: "Formation introuvable" })).toBeVisible();
    await page.getByRole("link", { name: "Retour à Mes formations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mes formations" })).toBeVisible();
  });

  test("a practical sheet: its text, time counted while shown, closed by beacon, Marquer comme lu", async ({
    page,
  }) => {
    await signIn(page, accounts.learner);
    const opened = page.waitForResponse((r) => r.url().includes("/sessions") && r.request().method() === "POST");
    await page.getByRole("link", { name: "Cours 1 : L'avant-vente", exact: true }).click();
    await page.getByRole("link", { name: "Fiche Pratique C01 Préparer sa vente : les points clés" }).click();
    expect((await opened).status()).toBe(201);
    await expect(page.getByText(/^Avant le rendez-vous, fixez-vous un objectif clair/)).toBeVisible();
    await expect(page.getByText(/^Anticipez les objections les plus probables/)).toBeVisible();
    await expect(page.getByText("Vous avez lu cette fiche.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // A hidden tab doesn't count: hiding it closes the session, showing it again opens a new one.
    const setVisibility = (state: "hidden" | "visible") =>
      page.evaluate((value) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
        document.dispatchEvent(new Event("visibilitychange"));
      }, state);
    const hiddenClose = page.waitForResponse((r) => r.url().endsWith("/close"));
    await setVisibility("hidden");
    expect((await hiddenClose).status()).toBe(200);
    const reopened = page.waitForResponse((r) => r.url().endsWith("/sessions") && r.request().method() === "POST");
    await setVisibility("visible");
    expect((await reopened).status()).toBe(201);

    // Leaving the page closes the session with a beacon carrying the CSRF token in its body.
    // (A wrong or missing token would be refused with 403.)
    const beacon = page.waitForResponse((r) => r.url().endsWith("/close"));
    await page.getByRole("link", { name: /^Suivante : C01 Quiz/ }).click();
    const closed = await beacon;
    expect(closed.request().headers()["content-type"]).toMatch(/^text\/plain/);
    expect(closed.request().headers()["x-csrf-token"]).toBeUndefined();
    expect(closed.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "C01 Quiz L'avant-vente" })).toBeVisible();

    // Cours 2's sheet is not read yet.
    await page.getByRole("link", { name: "Mes formations" }).first().click();
    await openLesson(page, "Cours 2 : La vente", "Fiche Pratique C02 Traiter les objections");
    await expect(page.getByText("Cette fiche n'a pas encore de contenu.")).toBeVisible();
    await page.getByRole("button", { name: "Marquer comme lu" }).click();
    await expect(page.getByText("Vous avez lu cette fiche.")).toBeVisible();
    await page
      .getByRole("navigation", { name: "Fil d'Ariane" })
      .getByRole("link", { name: "Cours 2 : La vente" })
      .click();
    const lessons = rows(page, "LEÇONS");
    await expect(lessons.nth(1)).toContainText("Terminé");
    await expect(page.getByRole("progressbar", { name: "Progression" })).toContainText("25 %");
  });

  test("a practical sheet's PDF, uploaded by an admin, opens inline and downloads", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await signIn(page, accounts.learner);
    const course = page.getByRole("link", { name: "Cours 1 : L'avant-vente", exact: true });
    await course.click();
    await page.getByRole("link", { name: "Fiche Pratique C01 Préparer sa vente : les points clés" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Fiche Pratique C01/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ouvrir le PDF" })).toHaveCount(0);
    const lessonId = page.url().split("/").at(-1) ?? "";

    const admin = await playwright.request.newContext({ baseURL });
    const signedIn = await admin.post("/api/auth/sign-in", { data: { email: accounts.admin, password: "demo" } });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const uploaded = await admin.put(`/api/admin/lessons/${lessonId}/document`, {
      headers: { "x-csrf-token": csrfToken },
      multipart: { file: { name: "Fiche préparation.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    expect(uploaded.status()).toBe(200);
    await admin.dispose();

    await page.reload();
    await expect(page.getByText(/^Fiche préparation\.pdf \(/)).toBeVisible();
    const open = page.getByRole("link", { name: "Ouvrir le PDF" });
    const href = (await open.getAttribute("href")) ?? "";
    const pdf = await page.request.get(href);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["x-content-type-options"]).toBe("nosniff");
    expect(pdf.headers()["content-disposition"]).toMatch(/^inline;/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger" }).click();
    expect((await download).suggestedFilename()).toBe("Fiche préparation.pdf");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the quiz, webinar, observation and e-learning lessons show what the learner needs", async ({ page }) => {
    await signIn(page, accounts.learner);
    await openLesson(page, "Cours 1 : L'avant-vente", "C01 Quiz L'avant-vente");
    const quiz = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "Quiz", exact: true }) });
    await expect(quiz).toContainText("Score de passage93 %");
    await expect(quiz).toContainText("Essais utilisés6 essais");
    await expect(quiz.getByRole("link", { name: "Faire un nouvel essai" })).toHaveAttribute(
      "href",
      /\/mes-formations\/[^/]+\/lecons\/[^/]+\/quiz$/,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /^Suivante : Webinaire/ }).click();
    const classes = page.locator(".ant-card").filter({ hasText: "Classes virtuelles" });
    await expect(classes).toContainText("Webinaire Tout savoir pour préparer sa vente");
    await expect(classes).toContainText("08/01/2024 14:00 · 120 min");
    await expect(classes).toContainText("Présent(e)");
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole("navigation", { name: "Fil d'Ariane" })
      .getByRole("link", { name: "Cours 1 : L'avant-vente" })
      .click();
    await page.getByRole("link", { name: "C01 Observation L'avant-vente commerciale" }).click();
    const observation = page
      .locator(".ant-card")
      .filter({ has: page.getByRole("heading", { name: "Observation", exact: true }) });
    await expect(observation).toContainText("Observation n° 1 du 11/02/2025");
    await expect(observation).toContainText("À revoir : la préparation documentaire du rendez-vous.");
    await expect(observation.getByRole("row", { name: /^Préparer son rendez-vous/ })).toContainText("Non acquis");
    await expect(observation.getByRole("row", { name: /^Analyser le besoin du client/ })).toContainText("Acquis");
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole("navigation", { name: "Fil d'Ariane" })
      .getByRole("link", { name: "Cours 1 : L'avant-vente" })
      .click();
    await page.getByRole("link", { name: "E-Learning L'avant-vente, c'est quoi ?" }).click();
    const module = page.locator(".ant-card").filter({ hasText: "Module e-learning" });
    await expect(
      module.getByRole("link", { name: "Reprendre le module" }).or(module.getByText(/pas encore disponible/)),
    ).toBeVisible();
    // The tutor's answer to Jérôme's question, and my own comment added.
    const comments = page.locator(".ant-card").filter({ hasText: "Commentaires (" });
    await expect(comments).toContainText("La vidéo du chapitre 2 ne se lance pas sur mon téléphone.");
    await expect(comments).toContainText("Réponse de Julien Roche");
    await comments.getByLabel("Votre commentaire ou question").fill("Le module se lance bien sur ordinateur.");
    await comments.getByRole("button", { name: "Publier" }).click();
    const first = comments.getByRole("list", { name: "Commentaires de la leçon" }).getByRole("listitem").first();
    await expect(first).toContainText("Vous");
    await expect(first).toContainText("Le module se lance bien sur ordinateur.");
    await expect(comments.getByRole("heading", { name: "Commentaires (2)" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a mission: submitted with a file, waiting, and in the tutor's Missions à corriger", async ({
    page,
    browser,
  }) => {
    await signIn(page, accounts.learner);
    await openLesson(page, "Cours 2 : La vente", "Mission Réaliser une proposition commerciale");
    const mission = page
      .locator(".ant-card")
      .filter({ has: page.getByRole("heading", { name: "Mission", exact: true }) });
    await mission.getByRole("button", { name: "Envoyer au tuteur" }).click();
    await expect(mission.getByText("Écrivez une réponse ou joignez au moins un fichier.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await mission.getByLabel("Votre réponse").fill("Ma proposition commerciale pour le client Dupont.");
    await mission.getByLabel("Temps passé (minutes)").fill("50");
    await mission
      .locator("input[type=file]")
      .setInputFiles([{ name: "proposition.pdf", mimeType: "application/pdf", buffer: PDF }]);
    await expect(mission.getByText("proposition.pdf")).toBeVisible();
    await mission.getByRole("button", { name: "Envoyer au tuteur" }).click();
    // The "Mission envoyée" toast fades after a few seconds: the lasting proof is the submission shown waiting.
    await expect(mission.getByText("Votre mission est en attente de correction.", { exact: false })).toBeVisible();
    await expect(mission).toContainText("Envoi n° 1 du");
    await expect(mission).toContainText("En attente de correction");
    await expect(mission.getByRole("link", { name: "proposition.pdf" })).toBeVisible();
    await expect(mission).toContainText("Temps déclaré : 00:50:00");
    expect(await seriousViolations(page)).toEqual([]);

    const tutorContext = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    const tutor = await tutorContext.newPage();
    await signIn(tutor, accounts.tutor);
    await tutor.goto("/tutorat/missions");
    const queue = tutor.getByRole("row").filter({ hasText: "Mission Réaliser une proposition commerciale" });
    await expect(queue).toContainText("AGASSE Sam");
    await tutorContext.close();
  });

  test("the satisfaction evaluation is answered once from the course page", async ({ page }) => {
    await signIn(page, accounts.learner);
    await rows(page, "CATALOGUE : FORMATIONS OUVERTES")
      .filter({ hasText: "Cours 1 module pour évaluation de la satisfaction" })
      .getByRole("button", { name: /^S'inscrire/ })
      .click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Cours 1 module pour évaluation de la satisfaction" }),
    ).toBeVisible();
    const evaluation = page.locator(".ant-card").filter({ hasText: "Évaluation de la formation" });
    await evaluation.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(evaluation.getByText("Répondez à cette question.").first()).toBeVisible();
    await evaluation
      .getByRole("list", { name: "Le contenu de la formation répondait-il à vos attentes ?" })
      .getByRole("radio", { name: "5 étoiles sur 5" })
      .click();
    await evaluation
      .getByRole("list", { name: "Les activités proposées étaient-elles adaptées à votre métier ?" })
      .getByRole("radio", { name: "4 étoiles sur 5" })
      .click();
    await evaluation.getByRole("radio", { name: "Oui" }).check();
    await evaluation.getByLabel("Qu'avez-vous le plus apprécié ?").fill("Le plan d'action.");
    expect(await seriousViolations(page)).toEqual([]);
    await evaluation.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(page.getByText("Vos réponses sont enregistrées. Merci !")).toBeVisible();
    await expect(evaluation).toContainText("Merci ! Vous avez répondu le");
    await expect(evaluation).toContainText("5 / 5");
    await expect(evaluation).toContainText("Le plan d'action.");
  });
});
