import type { Browser, Page } from "@playwright/test";
import { buildPackage } from "../server/test/scorm-packages.js";
import { accounts, expect, seriousViolations, signIn, test } from "./helpers.js";

const LESSON = "E-Learning L'avant-vente, c'est quoi ?";

interface Ids {
  courseId: string;
  lessonId: string;
  learnerId: string;
}

/** Cours 1, its first e-learning lesson and AGASSE Sam, looked up through the tutoring API. */
async function lookUp(page: Page): Promise<Ids> {
  const courses = (await (await page.request.get("/api/tutoring/courses?pageSize=100")).json()) as {
    items: { id: string; name: string }[];
  };
  const course = courses.items.find((c) => c.name === "Cours 1 : L'avant-vente");
  if (!course) throw new Error("Cours 1 not found");
  const lessons = (await (await page.request.get(`/api/tutoring/courses/${course.id}/lessons`)).json()) as {
    items: { id: string; title: string }[];
  };
  const lesson = lessons.items.find((l) => l.title === LESSON);
  const learners = (await (await page.request.get(`/api/tutoring/courses/${course.id}/learners?q=agasse`)).json()) as {
    items: { userId: string }[];
  };
  if (!lesson || !learners.items[0]) throw new Error("demo lesson or learner not found");
  return { courseId: course.id, lessonId: lesson.id, learnerId: learners.items[0].userId };
}

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const playerPath = (ids: Ids) => `/mes-formations/${ids.courseId}/lecons/${ids.lessonId}/lecteur`;

/** Leaves the player and waits until the server has the terminating beacon. */
async function closePlayer(page: Page) {
  const terminated = page.waitForResponse((r) => r.url().includes("/terminate") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Fermer" }).click();
  expect((await terminated).status()).toBe(200);
}

test.describe("SCORM player", () => {
  // Journeys across two browser contexts, each launching content several times.
  test.setTimeout(90_000);

  test("the learner plays the demo SCORM 2004 module, resumes it, passes it, and the tutor's report shows the attempts and sessions", async ({
    page,
    browser,
  }) => {
    const tutor = await signedInPage(browser, accounts.tutor);
    const ids = await lookUp(tutor);

    await signIn(page, accounts.learner);
    await page.goto(playerPath(ids));
    await expect(page.getByRole("heading", { level: 1, name: LESSON })).toBeVisible();
    await expect(page.getByText("Essai n° 8")).toBeVisible();
    const content = page.locator("iframe").contentFrame();
    await expect(content.getByRole("heading", { name: "L'avant-vente en trois étapes" })).toBeVisible();
    // The SCO sets its location and suspend data and commits (a synchronous XHR the server stores).
    await content.getByRole("button", { name: "Suivant" }).click();
    await expect(content.getByText("Progression enregistrée (page 2).")).toBeVisible();
    await expect(page.getByText("Statut :")).toContainText("En cours");
    await closePlayer(page);
    await expect(page).toHaveURL(`/mes-formations/${ids.courseId}/lecons/${ids.lessonId}`);

    // Relaunch: a new attempt that resumes at the SCO's location with its suspend data.
    await page.goto(playerPath(ids));
    await expect(page.getByText("Essai n° 9")).toBeVisible();
    await expect(page.getByText("Reprise là où vous en étiez")).toBeVisible();
    await expect(content.getByText("Vous reprenez à la page 2.")).toBeVisible();
    await expect(content.getByText("Page 2 sur 4")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await content.getByRole("button", { name: "Suivant" }).click();
    await content.getByRole("button", { name: "Suivant" }).click();
    await content.getByLabel("Préparer le rendez-vous").check();
    await content.getByRole("button", { name: "Valider ma réponse" }).click();
    await expect(content.getByText("Bonne réponse : tout commence par la préparation.")).toBeVisible();
    await expect(page.getByText("Statut :")).toContainText("Réussi");
    await expect(page.getByText("Statut :")).toContainText("score 100 %");
    const terminated = page.waitForResponse((r) => r.url().includes("/terminate"));
    await content.getByRole("button", { name: "Terminer le module" }).click();
    expect((await terminated).status()).toBe(200);
    await expect(page.getByText("Contenu terminé : vos résultats sont enregistrés.")).toBeVisible();

    // The tutor's learner report: the two new attempts and their sessions.
    await tutor.goto(`/tutorat/formations/${ids.courseId}/centre/apprenants/${ids.learnerId}`);
    const row = tutor.getByRole("row").filter({ hasText: "E-Learning L'avant-vente" }).first();
    await row.getByRole("button", { name: /^Essais de/ }).click();
    const attempts = tutor.getByRole("table", { name: `Essais : ${LESSON}` });
    await expect(attempts.getByRole("row")).toHaveCount(10);
    await expect(attempts.getByRole("row").nth(8)).toContainText("En cours");
    await expect(attempts.getByRole("row").nth(9)).toContainText("Réussi");
    await expect(attempts.getByRole("row").nth(9)).toContainText("100");
    const today = new Intl.DateTimeFormat("fr-FR", {
      timeZone: "Europe/Paris",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }).format(new Date());
    const connections = tutor.getByRole("region", { name: "Historique des connexions", exact: true });
    await expect(connections).toContainText("élément(s) 1 à 10 sur 10.");
    await expect(connections.getByRole("row").nth(1)).toContainText(today);
    await expect(connections.getByRole("row").nth(1)).toContainText(LESSON);
    await expect(connections.getByRole("row").nth(2)).toContainText(today);
    await tutor.context().close();

    // Launching again after a passed attempt starts afresh, in a new attempt.
    await page.getByRole("button", { name: "Relancer" }).click();
    await expect(page.getByText("Essai n° 10")).toBeVisible();
    await expect(content.getByText("Page 1 sur 4")).toBeVisible();
    await expect(content.getByText(/Vous reprenez/)).toBeHidden();
    await expect(page.getByText("Reprise là où vous en étiez")).toBeHidden();
  });

  test("an admin sees the package, a bad zip is refused with the server's reason, a SCORM 1.2 package replaces it and resumes", async ({
    page,
    browser,
  }) => {
    await signIn(page, accounts.admin);
    const ids = await lookUp(page);
    await page.goto(`/admin/formations/${ids.courseId}/lecons/${ids.lessonId}/scorm`);
    await expect(page.getByRole("heading", { level: 1, name: `Paquet SCORM : ${LESSON}` })).toBeVisible();
    const card = (title: string) =>
      page.locator(".ant-card").filter({ has: page.locator(".ant-card-head-title", { hasText: title }) });
    const current = card("Paquet actuel");
    await expect(current).toContainText("SCORM 2004 4th Edition");
    await expect(current).toContainText("index.html");
    await expect(current).toContainText("80 %");
    await expect(current).toContainText("par Nadia Benali");
    expect(await seriousViolations(page)).toEqual([]);

    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: "sans-manifeste.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(buildPackage({ version: "1.2", manifest: null })),
    });
    const refused = page.getByRole("alert").filter({ hasText: "Paquet refusé" });
    await expect(refused).toContainText("Le fichier imsmanifest.xml doit se trouver à la racine du paquet.");
    await expect(refused).toContainText(
      "imsmanifest.xml: missing at the root of the package (rule: manifest_required)",
    );
    await expect(current).toContainText("SCORM 2004 4th Edition");

    await input.setInputFiles({
      name: "cours-12.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(buildPackage({ version: "1.2", mastery: 70 })),
    });
    await expect(
      page.getByText("« cours-12.zip » est enregistré (SCORM 1.2) et devient le paquet actuel."),
    ).toBeVisible();
    await expect(current).toContainText("SCORM 1.2");
    await expect(current).toContainText("70 %");
    const history = card("Paquets remplacés");
    await expect(history.getByRole("row")).toHaveCount(2);
    await expect(history).toContainText("SCORM 2004 4th Edition");

    // The learner now plays the SCORM 1.2 package (window.API), and it resumes.
    const learner = await signedInPage(browser, accounts.learner);
    await learner.goto(playerPath(ids));
    const content = learner.locator("iframe").contentFrame();
    await expect(content.getByRole("heading", { name: "SCORM 1.2" })).toBeVisible();
    await expect(content.getByText("Initialisé: true · entry: ab-initio")).toBeVisible();
    await content.getByRole("button", { name: "Aller à la page 2" }).click();
    await expect(content.getByText("Commit: true")).toBeVisible();
    await closePlayer(learner);
    await learner.goto(playerPath(ids));
    await expect(
      content.getByText("Initialisé: true · entry: resume · location: page-2 · suspend: answers=a,b"),
    ).toBeVisible();
    await learner.context().close();
  });

  test("a lesson without a package says so, and a lesson outside the learner's courses is not found", async ({
    page,
    browser,
  }) => {
    const tutor = await signedInPage(browser, accounts.tutor);
    const ids = await lookUp(tutor);
    const courses = (await (await tutor.request.get("/api/tutoring/courses?pageSize=100")).json()) as {
      items: { id: string; name: string }[];
    };
    const course2 = courses.items.find((c) => c.name === "Cours 2 : La vente");
    if (!course2) throw new Error("Cours 2 not found");
    const lessons = (await (await tutor.request.get(`/api/tutoring/courses/${course2.id}/lessons`)).json()) as {
      items: { id: string; type: string }[];
    };
    const elearning = lessons.items.find((l) => l.type === "elearning");
    if (!elearning) throw new Error("no e-learning lesson in Cours 2");

    // The tutor is not a learner of Cours 1: the player finds nothing to launch.
    await tutor.goto(playerPath(ids));
    await expect(tutor.getByText("Cette leçon n'existe pas ou ne fait pas partie de vos formations.")).toBeVisible();
    await tutor.context().close();

    await signIn(page, accounts.learner);
    await page.goto(`/mes-formations/${course2.id}/lecons/${elearning.id}/lecteur`);
    await expect(page.getByText("Ce contenu n'est pas encore disponible")).toBeVisible();
    await expect(page.getByRole("button", { name: "Retour à la leçon" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
