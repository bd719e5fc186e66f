import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  CourseDetail,
  CourseLesson,
  CourseStats,
  LessonComment,
  ReviewsPage,
} from "../../../../common/api/courses.js";
import { courseInitials } from "../../components/CourseThumbnail.js";
import { mockApi, type RecordedRequest, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const courseId = "00000000-0000-4000-8000-000000000c01";
const lessonId = "00000000-0000-4000-8000-0000000001e1";

const course: CourseDetail = {
  id: courseId,
  code: "C01_L'avant-vente commerciale",
  name: "Cours 1 : L'avant-vente",
  description: "Au sein du parcours Conseiller Commercial, ce premier cours vise à aborder toutes les bases.",
  everyone: true,
  lists: [],
  categories: ["Vente et Négociation", "Catalogue"],
  competencies: [
    {
      code: "09",
      label: "S'organiser",
      framework: "Référentiel Conseiller Commercial",
      description: "Planifier et prioriser ses activités commerciales.",
    },
  ],
  thumbnailUrl: null,
};

const stats: CourseStats = {
  learners: 21,
  notStarted: 6,
  inProgress: 15,
  completed: 0,
  averageProgress: 22.2,
  averageTimeSeconds: 2587,
  averageRating: 4.2,
  ratings: 6,
};

const lesson: CourseLesson = {
  id: lessonId,
  position: 1,
  type: "elearning",
  title: "E-Learning L'avant-vente, c'est quoi ?",
  description: "",
  points: 10,
  durationSeconds: 900,
  passingScore: null,
  completed: 10,
  learners: 21,
  comments: 1,
  pendingCorrections: 0,
};

const person = (firstName: string, lastName: string) => ({
  id: "00000000-0000-4000-8000-0000000000aa",
  firstName,
  lastName,
});

function server(statsReply: () => { status?: number; body: unknown } = () => ({ body: stats })) {
  const comments: LessonComment[] = [
    {
      id: "00000000-0000-4000-8000-0000000000c1",
      author: person("Jerome", "Demory"),
      body: "<script>alert('x')</script> La vidéo ne se lance pas.",
      createdAt: "2026-10-21T01:27:00.000Z",
      answers: [],
    },
  ];
  const reviews: ReviewsPage = {
    items: [
      {
        id: "00000000-0000-4000-8000-0000000000r1",
        author: person("Lucas", "Garnier"),
        rating: 4,
        comment: "<b>Bien</b> construit.",
        createdAt: "2026-11-20T01:27:00.000Z",
      },
    ],
    total: 6,
    page: 1,
    pageSize: 10,
    average: 4.2,
    distribution: [0, 0, 1, 3, 2],
  };
  return mockApi([
    { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
    { path: `/api/tutoring/courses/${courseId}`, reply: { body: course } },
    { path: `/api/tutoring/courses/${courseId}/stats`, reply: statsReply },
    { path: `/api/tutoring/courses/${courseId}/lessons`, reply: { body: { items: [lesson] } } },
    {
      path: `/api/tutoring/courses/${courseId}/lessons/${lessonId}/comments`,
      reply: () => ({ body: { items: comments, total: comments.length, page: 1, pageSize: 10 } }),
    },
    {
      method: "POST",
      path: `/api/tutoring/courses/${courseId}/lessons/${lessonId}/comments/${comments[0]?.id}/answers`,
      reply: (request: RecordedRequest) => {
        const answer = {
          id: "00000000-0000-4000-8000-0000000000a2",
          author: person("Julien", "Roche"),
          body: (request.body as { body: string }).body,
          createdAt: "2026-11-30T01:00:00.000Z",
        };
        comments[0]?.answers.push(answer);
        return { status: 201, body: answer };
      },
    },
    { path: `/api/tutoring/courses/${courseId}/reviews`, reply: { body: reviews } },
  ]);
}

describe("CourseDetailPage", () => {
  beforeAll(async () => {
    // The first render also compiles the lazy page; do it here, outside the tests' waiting time.
    await import("./CourseDetailPage.js");
  });

  it("shows the breadcrumb, the code, the quick stats and the general information", async () => {
    server();
    renderApp(`/tutorat/formations/${courseId}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Fil d'Ariane" }).textContent).toBe(
      "Tutorat>Formations>Cours 1 : L'avant-vente",
    );
    expect(screen.getByText("C01_L'avant-vente commerciale")).toBeTruthy();
    const quickStats = screen.getByRole("region", { name: "Stats rapides" });
    expect(await within(quickStats).findByText("21")).toBeTruthy();
    expect(within(quickStats).getByText("22 %")).toBeTruthy();
    expect(within(quickStats).getByText("00:43:07")).toBeTruthy();
    expect(within(quickStats).getByText("4,2 / 5")).toBeTruthy();
    const panel = screen.getByRole("tabpanel", { name: "Informations générales" });
    expect(within(panel).getByText("Vente et Négociation, Catalogue")).toBeTruthy();
    expect(within(panel).getByRole("button", { name: /^09\.S'organiser/ }).textContent).toBe("09.S'organiser");
    expect(within(panel).getByRole("link", { name: "Vers la fiche catalogue" }).getAttribute("href")).toBe(
      `/catalogue/${courseId}`,
    );
    expect(screen.getByRole("link", { name: "Centre de tutorat" }).getAttribute("href")).toBe(
      `/tutorat/formations/${courseId}/centre`,
    );
  });

  it("shows the course when its quick stats fail, and loads them again on demand", async () => {
    let fail = true;
    server(() => (fail ? { status: 500, body: { error: { code: "internal", message: "x" } } } : { body: stats }));
    renderApp(`/tutorat/formations/${courseId}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Cours 1 : L'avant-vente" })).toBeTruthy();
    const quickStats = screen.getByRole("region", { name: "Stats rapides" });
    expect((await within(quickStats).findByRole("alert")).textContent).toContain(
      "Les statistiques n'ont pas pu être chargées.",
    );
    expect(screen.getByRole("tabpanel", { name: "Informations générales" })).toBeTruthy();
    fail = false;
    fireEvent.click(within(quickStats).getByRole("button", { name: "Réessayer" }));
    expect(await within(quickStats).findByText("00:43:07")).toBeTruthy();
    expect(within(quickStats).queryByRole("alert")).toBeNull();
  });

  it("keeps the tab in the URL and shows the lessons' completion", async () => {
    server();
    const { router } = renderApp(`/tutorat/formations/${courseId}`);
    fireEvent.click(await screen.findByRole("tab", { name: "Leçons" }));
    await waitFor(() => expect(router.state.location.search).toBe("?onglet=lecons"));
    expect(await screen.findByText("10 / 21 terminé")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Leçons" }).getAttribute("aria-selected")).toBe("true");
  });

  it("answers a comment and shows the answer under it, markup as text", async () => {
    const { requests } = server();
    renderApp(`/tutorat/formations/${courseId}?onglet=lecons`);
    fireEvent.click(await screen.findByRole("button", { name: `Actions pour la leçon ${lesson.title}` }));
    fireEvent.click(await screen.findByRole("menuitem", { name: /Voir les commentaires/ }));
    const thread = await screen.findByRole("article", { name: "Commentaire de Jerome Demory" });
    expect(within(thread).getByText("<script>alert('x')</script> La vidéo ne se lance pas.")).toBeTruthy();
    expect(document.querySelector("article script")).toBeNull();
    fireEvent.click(within(thread).getByRole("button", { name: "Répondre à Jerome Demory" }));
    fireEvent.change(within(thread).getByRole("textbox", { name: "Votre réponse à Jerome Demory" }), {
      target: { value: "  <i>Merci</i>, c'est corrigé.  " },
    });
    fireEvent.click(within(thread).getByRole("button", { name: "Publier la réponse" }));
    expect(await within(thread).findByText("<i>Merci</i>, c'est corrigé.")).toBeTruthy();
    const post = requests.find((r) => r.method === "POST");
    expect(post?.body).toEqual({ body: "<i>Merci</i>, c'est corrigé." });
    expect(post?.headers["x-csrf-token"]).toBe("csrf-123");
  });

  it("shows the reviews with the average and distribution, comments as text", async () => {
    server();
    renderApp(`/tutorat/formations/${courseId}?onglet=avis`);
    expect(await screen.findByText("6 avis")).toBeTruthy();
    expect(screen.getByText("<b>Bien</b> construit.")).toBeTruthy();
    const distribution = screen.getByRole("table", { name: "Répartition des avis par nombre d'étoiles" });
    expect(within(distribution).getByRole("row", { name: /4 étoiles/ }).textContent).toContain("3");
  });

  it("says when the course is not found", async () => {
    mockApi([{ path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } }]);
    renderApp(`/tutorat/formations/${courseId}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Formation introuvable" })).toBeTruthy();
  });
});

describe("courseInitials", () => {
  it("takes two meaningful words", () => {
    expect(courseInitials("Cours 1 : L'avant-vente")).toBe("CA");
    expect(courseInitials("Valider son embauche au sein d'ONET")).toBe("VE");
    expect(courseInitials("Écoute active")).toBe("EA");
    expect(courseInitials("!!")).toBe("!");
  });
});
