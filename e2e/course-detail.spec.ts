import type { Page } from "@playwright/test";
import { switchLanguage } from "./actions-helpers.js";
import { accounts, demoPassword, expect, resetLanguageToFrench, signIn, test } from "./helpers.js";

/** Opens Cours 1's detail the way the source shows it: double-click on its row. */
async function openCourse1(page: Page) {
  await signIn(page, accounts.tutor);
  await page.getByRole("cell", { name: "Cours 1 : L'avant-vente", exact: true }).dblclick();
  await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
}

function lessonRow(page: Page, title: string) {
  return page.getByRole("row").filter({ hasText: title });
}

async function lessonAction(page: Page, title: string, action: "Lancer le contenu" | "Voir les commentaires") {
  await page.getByRole("button", { name: `Actions pour la leçon ${title}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
}

test.describe("Tutorat > Formations > [Cours]", () => {
  // The preview test opens five dialogs; the machine is shared.
  test.describe.configure({ timeout: 60_000 });
  test.afterEach(async ({ page }) => resetLanguageToFrench(page));

  test("left panel: code, shortcuts, the three tabs and the Stats rapides over the tutor's 21 learners", async ({
    page,
  }) => {
    await openCourse1(page);
    await expect(page.getByText("C01_L'avant-vente commerciale")).toBeVisible();
    await expect(page.getByRole("link", { name: "Centre de tutorat" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Evaluation formation" })).toBeVisible();
    const tabs = page.getByRole("tablist", { name: "Sections du cours" }).getByRole("tab");
    await expect(tabs).toHaveText(["Informations générales", "Leçons", "Avis"]);
    await expect(tabs.first()).toHaveAttribute("aria-selected", "true");

    const stats = page.getByRole("region", { name: "Stats rapides" });
    const stat = (label: string) => stats.locator("dl > div").filter({ has: page.getByText(label, { exact: true }) });
    await expect(stat("Apprenants")).toContainText("21");
    await expect(stat("Non commencé")).toContainText("6");
    await expect(stat("En cours")).toContainText("15");
    await expect(stat("Terminé")).toContainText("0");
    await expect(stat("Progression moyenne")).toContainText("22 %");
    await expect(stat("Temps moyen passé")).toContainText(/^Temps moyen passé\d{2}:\d{2}:\d{2}$/);
    await expect(stat("Note moyenne")).toContainText("4,2 / 5");
    await expect(stat("Avis")).toContainText("6");
  });

  test("Informations générales: the source's name, description, categories, competency and catalogue link", async ({
    page,
  }) => {
    await openCourse1(page);
    const panel = page.getByRole("tabpanel", { name: "Informations générales" });
    await expect(panel.getByText("Nom du cours :")).toBeVisible();
    await expect(panel.locator("dd").first()).toHaveText("Cours 1 : L'avant-vente");
    await expect(
      panel.getByText(
        "Au sein du parcours Conseiller Commercial, ce premier cours vise à aborder toutes les bases nécessaires à la bonne préparation de la phase d'avant-vente commerciale.",
      ),
    ).toBeVisible();
    await expect(panel.getByText("Vente et Négociation, Catalogue")).toBeVisible();

    // The competency's framework and description open from the keyboard.
    const competency = panel.getByRole("button", { name: /^09\.S'organiser/ });
    await expect(competency).toHaveText("09.S'organiser");
    await competency.focus();
    await expect(page.getByRole("tooltip")).toContainText("Référentiel : Référentiel Conseiller Commercial");

    await panel.getByRole("link", { name: "Vers la fiche catalogue" }).click();
    await expect(page).toHaveURL(/\/catalogue\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeVisible();
    await page.getByRole("link", { name: "Retour au cours" }).click();
    await expect(page.getByRole("tab", { name: "Informations générales" })).toHaveAttribute("aria-selected", "true");
  });

  test("Leçons: the six lessons with points, completion among 21 learners, comments and the pending correction", async ({
    page,
  }) => {
    await openCourse1(page);
    await page.getByRole("tab", { name: "Leçons" }).click();
    await expect(page).toHaveURL(/onglet=lecons/);
    const expected = [
      ["E-Learning L'avant-vente, c'est quoi ?", "Module e-learning", "10", "10 / 21 terminé", "1", "0"],
      ["Fiche Pratique C01 Préparer sa vente : les points clés", "Fiche pratique", "5", "8 / 21 terminé", "0", "0"],
      ["C01 Quiz L'avant-vente", "Quiz", "20", "5 / 21 terminé", "1", "0"],
      ["Webinaire Tout savoir pour préparer sa vente", "Webinaire", "10", "3 / 21 terminé", "0", "0"],
      ["Mission Préparer sa vente", "Mission", "30", "2 / 21 terminé", "1", "1 à corriger"],
      ["C01 Observation L'avant-vente commerciale", "Observation", "25", "0 / 21 terminé", "0", "0"],
    ];
    const rows = page
      .getByRole("tabpanel", { name: "Leçons" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell") });
    await expect(rows).toHaveCount(6);
    for (const [index, [title, type, points, completion, comments, corrections]] of expected.entries()) {
      const cells = rows.nth(index).getByRole("cell");
      await expect(cells.nth(0)).toContainText(title ?? "");
      await expect(cells.nth(0)).toContainText(type ?? "");
      await expect(cells.nth(1)).toHaveText(points ?? "");
      await expect(cells.nth(2)).toHaveText(completion ?? "");
      await expect(cells.nth(3)).toHaveText(comments ?? "");
      await expect(cells.nth(4)).toHaveText(corrections ?? "");
    }

    // The tab is in the URL: a reload keeps it.
    await page.reload();
    await expect(page.getByRole("tab", { name: "Leçons" })).toHaveAttribute("aria-selected", "true");
    await expect(lessonRow(page, "Mission Préparer sa vente")).toContainText("1 à corriger");
  });

  test("Lancer le contenu previews each kind of lesson without tracking", async ({ page }) => {
    await openCourse1(page);
    await page.getByRole("tab", { name: "Leçons" }).click();
    const dialog = page.getByRole("dialog");

    await lessonAction(page, "Fiche Pratique C01 Préparer sa vente : les points clés", "Lancer le contenu");
    await expect(dialog).toContainText("Aperçu tuteur : rien n'est enregistré");
    await expect(dialog.locator("article p").first()).toHaveText(/^Avant le rendez-vous, fixez-vous un objectif clair/);
    await expect(dialog.locator("article p")).toHaveCount(4);
    await dialog.getByRole("button", { name: "Fermer" }).first().click();
    await expect(dialog).toBeHidden();

    await lessonAction(page, "C01 Quiz L'avant-vente", "Lancer le contenu");
    await expect(dialog).toContainText("réussite à 93 %");
    const firstQuestion = dialog.getByRole("listitem").filter({ hasText: "Quel est l'objectif principal" });
    await expect(
      firstQuestion
        .getByRole("listitem")
        .filter({ hasText: "Préparer l'entretien pour répondre au besoin réel du client" }),
    ).toContainText("Bonne réponse");
    await expect(firstQuestion.getByRole("listitem").filter({ hasText: "Négocier le prix" })).not.toContainText(
      "Bonne réponse",
    );
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await lessonAction(page, "Webinaire Tout savoir pour préparer sa vente", "Lancer le contenu");
    const firstSession = dialog.getByRole("listitem").filter({ hasText: "08/01/2024 14:00 · durée 02:00:00" });
    await expect(firstSession).toContainText("Webinaire Tout savoir pour préparer sa vente");
    await expect(firstSession.getByRole("link", { name: "Rejoindre" })).toHaveAttribute(
      "href",
      "https://visio.demo.local/c01-webinaire-2024-01-08",
    );
    await expect(dialog.getByRole("listitem")).toHaveCount(2);
    await page.keyboard.press("Escape");

    await lessonAction(page, "C01 Observation L'avant-vente commerciale", "Lancer le contenu");
    await expect(dialog).toContainText("Non acquis");
    await expect(dialog).toContainText("En cours d'acquisition");
    await expect(dialog.getByRole("row").filter({ hasText: "Préparer son rendez-vous" })).toContainText("Obligatoire");
    await page.keyboard.press("Escape");

    await lessonAction(page, "E-Learning L'avant-vente, c'est quoi ?", "Lancer le contenu");
    // The learner's SCORM player, in preview: the demo module runs, nothing is recorded (player API tests).
    await expect(dialog).toContainText("SCORM 2004 · aperçu : les réponses restent dans ce navigateur.");
    await expect(
      dialog.locator("iframe").contentFrame().getByRole("heading", { name: "L'avant-vente en trois étapes" }),
    ).toBeVisible();
    await expect(dialog).toContainText("Module interactif : les étapes de l'avant-vente");
    await page.keyboard.press("Escape");
  });

  test("Voir les commentaires: the tutor answers a comment and the answer, markup included, shows under it as text", async ({
    page,
  }) => {
    await openCourse1(page);
    await page.getByRole("tab", { name: "Leçons" }).click();
    await lessonAction(page, "E-Learning L'avant-vente, c'est quoi ?", "Voir les commentaires");
    const drawer = page.getByRole("dialog", { name: /Commentaires : E-Learning/ });
    const thread = drawer.getByRole("article", { name: "Commentaire de Jerome Demory" });
    await expect(thread).toContainText("La vidéo du chapitre 2 ne se lance pas sur mon téléphone.");
    await expect(thread).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expect(thread.getByRole("list", { name: "1 réponse" })).toContainText("Julien Roche");

    await thread.getByRole("button", { name: "Répondre à Jerome Demory" }).click();
    await thread.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(thread.getByText("Saisissez votre réponse.")).toBeVisible();
    const answer = "<script>window.hacked = true</script> Merci Jerome, c'est corrigé.";
    await thread.getByRole("textbox", { name: "Votre réponse à Jerome Demory" }).fill(answer);
    await thread.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(thread.getByRole("list", { name: "2 réponses" })).toContainText(answer);
    await expect(thread.getByRole("textbox")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
  });

  test("Avis: six reviews newest first, average 4,2 and the distribution on top", async ({ page }) => {
    await openCourse1(page);
    await page.getByRole("tab", { name: "Avis" }).click();
    await expect(page).toHaveURL(/onglet=avis/);
    const panel = page.getByRole("tabpanel", { name: "Avis" });
    await expect(panel.getByText("6 avis", { exact: true })).toBeVisible();
    await expect(panel.getByText("4,2", { exact: false }).first()).toBeVisible();
    const distribution = panel.getByRole("table", { name: "Répartition des avis par nombre d'étoiles" });
    await expect(distribution.getByRole("row", { name: /^5 étoiles/ })).toContainText("2");
    await expect(distribution.getByRole("row", { name: /^4 étoiles/ })).toContainText("3");
    await expect(distribution.getByRole("row", { name: /^3 étoiles/ })).toContainText("1");
    await expect(distribution.getByRole("row", { name: /^1 étoile/ })).toContainText("0");
    const reviews = panel.getByRole("article");
    await expect(reviews).toHaveCount(6);
    await expect(reviews.first()).toHaveAccessibleName("Avis de Lucas Garnier");
    await expect(reviews.first()).toContainText("4 étoiles sur 5");
    await expect(reviews.last()).toHaveAccessibleName("Avis de Sam AGASSE");
    await expect(panel.locator(".table-pager-status")).toHaveText(
      "Taille de la page: 10 Page 1 sur 1, élément(s) 1 à 6 sur 6.",
    );
  });

  test("the detail's shortcuts lead to the tutoring center and the evaluation", async ({ page }) => {
    await openCourse1(page);
    await page.getByRole("link", { name: "Centre de tutorat" }).click();
    await expect(page).toHaveURL(/\/tutorat\/formations\/[0-9a-f-]{36}\/centre$/);
    await page.goBack();
    await page.getByRole("link", { name: "Evaluation formation" }).click();
    await expect(page).toHaveURL(/\/tutorat\/formations\/[0-9a-f-]{36}\/evaluation$/);
    await expect(page.getByRole("heading", { level: 1, name: "Évaluation formation" })).toBeVisible();
  });

  test("tabs follow the arrow keys", async ({ page }) => {
    await openCourse1(page);
    await page.getByRole("tab", { name: "Informations générales" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("tab", { name: "Leçons" })).toBeFocused();
    await expect(page.getByRole("tabpanel", { name: "Leçons" })).toBeVisible();
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", { name: "Avis" })).toHaveAttribute("aria-selected", "true");
  });

  test("a course the tutor does not tutor is not found, as an unknown one", async ({ page, request }) => {
    // The other tutor's course id, read in a separate session.
    await request.post("/api/auth/sign-in", { data: { email: accounts.otherTutor, password: demoPassword } });
    const other = await request.get(`/api/tutoring/courses?q=${encodeURIComponent("Gestes et postures")}`);
    const id = ((await other.json()) as { items: { id: string }[] }).items[0]?.id ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await signIn(page, accounts.tutor);
    await page.goto(`/tutorat/formations/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Formation introuvable" })).toBeVisible();
    await page.goto("/tutorat/formations/00000000-0000-4000-8000-000000000000?onglet=avis");
    await expect(page.getByRole("heading", { level: 1, name: "Formation introuvable" })).toBeVisible();
    await page.getByRole("link", { name: "Retour aux formations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Formations" })).toBeVisible();
  });

  test("in English", async ({ page }) => {
    await openCourse1(page);
    await switchLanguage(page, "English");
    await expect(page.getByRole("tab", { name: "General information" })).toBeVisible();
    await expect(page.getByText("Course name:")).toBeVisible();
    await page.getByRole("tab", { name: "Lessons" }).click();
    await expect(lessonRow(page, "E-Learning L'avant-vente, c'est quoi ?")).toContainText("10 / 21 completed");
    await expect(lessonRow(page, "Mission Préparer sa vente")).toContainText("1 to correct");
    await page.getByRole("tab", { name: "Reviews" }).click();
    await expect(page.getByText("6 reviews", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Quick stats" })).toContainText("4.2 / 5");
  });
});
