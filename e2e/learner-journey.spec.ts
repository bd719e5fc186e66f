import type { Page } from "@playwright/test";
import { accounts, expect, signIn, test } from "./helpers.js";

// Pierre Henri Amalric only opened Cours 1's e-learning in the demo data (0 %): he takes the whole course.
const LEARNER = "pierre-henri.amalric@demo.local";
const COURSE = "Cours 1 : L'avant-vente";
const ELEARNING = "E-Learning L'avant-vente, c'est quoi ?";
const SHEET = "Fiche Pratique C01 Préparer sa vente : les points clés";
const QUIZ = "C01 Quiz L'avant-vente";
const MISSION = "Mission Préparer sa vente";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The tutoring center's row of a learner (`UTILISATEURS TUTORÉS`). */
function centerRow(page: Page, name: string) {
  return page
    .getByRole("region", { name: "UTILISATEURS TUTORÉS" })
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: /^Sélectionner (?!la page$)/ }) })
    .filter({ hasText: name });
}

/** From the learner's course page, opens one of its lessons. */
async function openLesson(page: Page, courseUrl: string, lesson: string) {
  await page.goto(courseUrl);
  await page.getByRole("link", { name: lesson, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: lesson })).toBeVisible();
}

function quizQuestion(page: Page, number: number) {
  return page.getByRole("group", { name: new RegExp(`^Question ${number} sur 2`) });
}

test.describe("learner journey (S2 with S1 and the native quiz)", () => {
  test("a learner takes Cours 1 end to end while the tutor's open center, missions queue and report follow", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    // The tutor's tutoring center is open in another browser, filtered on the learner.
    const tutorContext = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    const tutor = await tutorContext.newPage();
    await signIn(tutor, accounts.tutor);
    await tutor.getByRole("cell", { name: COURSE, exact: true }).dblclick();
    await tutor.getByRole("link", { name: "Centre de tutorat" }).click();
    await expect(tutor.getByRole("heading", { level: 1, name: "Centre de tutorat" })).toBeVisible();
    const centerUrl = tutor.url().split("?")[0] ?? "";
    await tutor.getByRole("textbox", { name: "Filtrer par utilisateur" }).fill("amalric");
    await expect(centerRow(tutor, "Amalric Pierre Henri")).toContainText("0 %");
    await expect(tutor.getByText("Mise à jour en direct")).toBeVisible();

    // The learner opens the course from Mes formations.
    await signIn(page, LEARNER);
    await page.getByRole("link", { name: COURSE, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
    const courseUrl = page.url();

    // 1. The SCORM lesson, played to the end in the player.
    await page.getByRole("link", { name: ELEARNING, exact: true }).click();
    await page.getByRole("link", { name: "Reprendre le module" }).click();
    await expect(page.getByRole("heading", { level: 1, name: ELEARNING })).toBeVisible();
    const content = page.locator("iframe").contentFrame();
    await expect(content.getByRole("heading", { name: "L'avant-vente en trois étapes" })).toBeVisible();
    for (let i = 0; i < 3; i++) await content.getByRole("button", { name: "Suivant" }).click();
    await content.getByLabel("Préparer le rendez-vous").check();
    await content.getByRole("button", { name: "Valider ma réponse" }).click();
    await expect(page.getByText("Statut :")).toContainText("Réussi");
    const terminated = page.waitForResponse((r) => r.url().includes("/terminate"));
    await content.getByRole("button", { name: "Terminer le module" }).click();
    expect((await terminated).status()).toBe(200);
    await expect(page.getByText("Contenu terminé : vos résultats sont enregistrés.")).toBeVisible();
    // The open center follows without a reload: 1 lesson of 6.
    await expect(centerRow(tutor, "Amalric Pierre Henri")).toContainText("17 %", { timeout: 10_000 });

    // 2. The practical sheet, read and marked as read (its reading session closes by beacon on leaving).
    await openLesson(page, courseUrl, SHEET);
    await page.getByRole("button", { name: "Marquer comme lu" }).click();
    await expect(page.getByText("Vous avez lu cette fiche.")).toBeVisible();
    const closed = page.waitForResponse((r) => r.url().endsWith("/close"));
    await page.getByRole("link", { name: `Suivante : ${QUIZ}` }).click();
    expect((await closed).status()).toBe(200);
    await expect(centerRow(tutor, "Amalric Pierre Henri")).toContainText("33 %", { timeout: 10_000 });

    // 3. The quiz: failed, then passed.
    await expect(page.getByRole("heading", { level: 1, name: QUIZ })).toBeVisible();
    await page.getByRole("link", { name: "Commencer le quiz" }).click();
    await page.getByRole("button", { name: /^(Commencer le quiz|Nouvel essai)$/ }).click();
    await expect(page.getByRole("heading", { name: "Essai n° 1" })).toBeVisible();
    await quizQuestion(page, 1).getByRole("radio", { name: "Négocier le prix" }).check();
    await quizQuestion(page, 2).getByRole("checkbox", { name: "Une remise maximale" }).check();
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Échoué" })).toBeVisible();
    await page.getByRole("button", { name: "Nouvel essai" }).click();
    await expect(page.getByRole("heading", { name: "Essai n° 2" })).toBeVisible();
    await quizQuestion(page, 1)
      .getByRole("radio", { name: "Préparer l'entretien pour répondre au besoin réel du client" })
      .check();
    await quizQuestion(page, 2).getByRole("checkbox", { name: "Un objectif d'entretien" }).check();
    await quizQuestion(page, 2).getByRole("checkbox", { name: "Les questions de découverte" }).check();
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Réussi : 100 %" })).toBeVisible();
    await expect(centerRow(tutor, "Amalric Pierre Henri")).toContainText("50 %", { timeout: 10_000 });

    // 4. The mission, submitted with a file.
    await openLesson(page, courseUrl, MISSION);
    const mission = page
      .locator(".ant-card")
      .filter({ has: page.getByRole("heading", { name: "Mission", exact: true }) });
    await mission.getByLabel("Votre réponse").fill("Mon plan de préparation du rendez-vous avec le client Martin.");
    await mission.getByLabel("Temps passé (minutes)").fill("40");
    await mission
      .locator("input[type=file]")
      .setInputFiles([{ name: "plan-preparation.pdf", mimeType: "application/pdf", buffer: PDF }]);
    await mission.getByRole("button", { name: "Envoyer au tuteur" }).click();
    await expect(mission).toContainText("En attente de correction");

    // The learner's course page sums it up.
    await page.goto(courseUrl);
    const lessons = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { level: 2, name: "LEÇONS" }) })
      .getByRole("row")
      .filter({ has: page.getByRole("cell") });
    await expect(lessons.nth(0)).toContainText("Réussi");
    await expect(lessons.nth(1)).toContainText("Terminé");
    await expect(lessons.nth(2)).toContainText("Réussi");
    await expect(lessons.nth(2)).toContainText("100 %");
    await expect(lessons.nth(4)).toContainText("En cours");
    await expect(page.getByRole("progressbar", { name: "Progression" })).toContainText("50 %");

    // The tutor: the mission waits in Missions à corriger…
    await tutor.goto(`${centerUrl}/missions`);
    await expect(tutor.getByRole("heading", { level: 1, name: "Missions à corriger" })).toBeVisible();
    await expect(tutor.getByRole("row").filter({ hasText: "Amalric Pierre Henri" })).toContainText(MISSION);

    // …and the learner's report shows each attempt and session.
    await tutor.goto(centerUrl);
    await tutor.getByRole("textbox", { name: "Filtrer par utilisateur" }).fill("amalric");
    await tutor.getByRole("link", { name: "Amalric Pierre Henri" }).click();
    await expect(tutor.getByRole("heading", { level: 1, name: "Amalric Pierre Henri" })).toBeVisible();
    const composition = tutor.getByRole("region", { name: "Composition du cours", exact: true });
    const quizRow = composition
      .getByRole("row")
      .filter({ has: tutor.getByRole("cell", { name: QUIZ }) })
      .first();
    await expect(quizRow.getByRole("cell", { name: "Réussi" })).toBeVisible();
    await quizRow.getByRole("button", { name: /^Essais de/ }).click();
    const quizAttempts = tutor.getByRole("table", { name: `Essais : ${QUIZ}` });
    await expect(quizAttempts.getByRole("row")).toHaveCount(3);
    await expect(quizAttempts.getByRole("row").nth(1)).toContainText("Echoué");
    await expect(quizAttempts.getByRole("row").nth(2)).toContainText("Réussi");
    await tutor.keyboard.press("Escape");
    const today = new Intl.DateTimeFormat("fr-FR", {
      timeZone: "Europe/Paris",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }).format(new Date());
    const connections = tutor.getByRole("region", { name: "Historique des connexions", exact: true });
    await expect(
      connections.getByRole("row").filter({ hasText: today }).filter({ hasText: ELEARNING }),
    ).not.toHaveCount(0);
    await expect(connections.getByRole("row").filter({ hasText: today }).filter({ hasText: SHEET })).not.toHaveCount(0);
    await tutorContext.close();
  });
});
