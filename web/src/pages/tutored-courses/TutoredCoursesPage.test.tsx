import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import type { TutoredCourse } from "../../../../common/api/courses.js";
import { loadTutoringCenterPage } from "../../app/lazyPages.js";
import { mockApi, type RecordedRequest, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const parcoursId = "00000000-0000-4000-8000-00000000f001";
const moduleId = "00000000-0000-4000-8000-00000000f002";

const sourceCourses: TutoredCourse[] = [
  "Cours 1 : L'avant-vente",
  "Cours 1 module pour évaluation de la satisfaction",
  "Cours 2 : La vente",
  "OAS CCU AGENT BAGAGISTE Avant Contrat",
  "Valider son embauche au sein d'ONET",
].map((name, index) => ({
  id: `00000000-0000-4000-8000-00000000010${index}`,
  code: `C0${index + 1}`,
  name,
  everyone: true,
  lists: [],
  folderId: index < 2 ? moduleId : null,
}));

const folderTree = {
  totalCourses: 5,
  folders: [
    { id: parcoursId, parentId: null, name: "Parcours Conseiller Commercial", courseCount: 3 },
    { id: moduleId, parentId: parcoursId, name: "Module 1 - L'avant-vente", courseCount: 2 },
  ],
};

/** A fake server that pages, sorts and searches like the real one. */
function coursesServer(courses: TutoredCourse[]) {
  return mockApi([
    { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
    { path: "/api/tutoring/folders", reply: { body: folderTree } },
    {
      path: "/api/tutoring/courses",
      reply: (request: RecordedRequest) => {
        const params = request.url.searchParams;
        const page = Number(params.get("page") ?? 1);
        const pageSize = Number(params.get("pageSize") ?? 25);
        const q = (params.get("q") ?? "").toLowerCase();
        const folder = params.get("folderId");
        const sorted = courses
          .filter((c) => !folder || c.folderId === folder)
          .filter((c) =>
            c.name
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, " ")
              .includes(q),
          )
          .sort((a, b) => a.name.localeCompare(b.name));
        if (params.get("order") === "desc") sorted.reverse();
        return {
          body: { items: sorted.slice((page - 1) * pageSize, page * pageSize), total: sorted.length, page, pageSize },
        };
      },
    },
  ]);
}

function courseRequests(requests: RecordedRequest[]) {
  return requests.filter((r) => r.url.pathname === "/api/tutoring/courses");
}

function firstRowText() {
  const rows = screen.getAllByRole("row");
  return rows[1]?.textContent ?? "";
}

describe("TutoredCoursesPage", () => {
  beforeAll(async () => {
    // The first render also compiles the lazy page; do it here, outside the tests' waiting time.
    await import("./TutoredCoursesPage.js");
  });

  it("shows the source's table: title, breadcrumb, columns, Everyone and the pager text", async () => {
    coursesServer(sourceCourses);
    renderApp("/tutorat/formations");
    expect(await screen.findByText("Cours 1 : L'avant-vente")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Formations" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "FORMATIONS" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Fil d'Ariane" }).textContent).toBe("Tutorat>Formations");
    expect(screen.getByRole("columnheader", { name: /Cours/ })).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: /Liste/ })).toBeTruthy();
    expect(screen.getAllByText("Everyone")).toHaveLength(5);
    const pager = screen.getByRole("navigation", { name: "Pagination" });
    expect(pager.textContent).toContain("Taille de la page: 25 Page 1 sur 1, élément(s) 1 à 5 sur 5.");
  });

  it("shows the lists a course is open to when it is not open to everyone", async () => {
    const first = sourceCourses[0] as TutoredCourse;
    coursesServer([{ ...first, everyone: false, lists: ["Commerciaux", "Managers"] }]);
    renderApp("/tutorat/formations");
    expect(await screen.findByText("Commerciaux, Managers")).toBeTruthy();
  });

  it("reads page, size, sort and search from the URL and asks the server for exactly that", async () => {
    const { requests } = coursesServer(sourceCourses);
    renderApp("/tutorat/formations?q=vente&sort=name&order=desc&pageSize=10&page=1");
    await screen.findByText("Cours 2 : La vente");
    const query = courseRequests(requests).at(-1)?.url.searchParams;
    expect(Object.fromEntries(query ?? [])).toEqual({
      page: "1",
      pageSize: "10",
      sort: "name",
      order: "desc",
      q: "vente",
    });
    expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe("vente");
  });

  it("sorts on the server when a column header is clicked, and keeps it in the URL", async () => {
    const { requests } = coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations");
    await screen.findByText("Cours 1 : L'avant-vente");
    expect(firstRowText()).toContain("Cours 1 : L'avant-vente");
    fireEvent.click(screen.getByRole("columnheader", { name: /Cours/ }));
    await waitFor(() => expect(firstRowText()).toContain("Valider son embauche au sein d'ONET"));
    expect(router.state.location.search).toBe("?sort=name&order=desc");
    expect(courseRequests(requests).at(-1)?.url.searchParams.get("order")).toBe("desc");
    expect(screen.getByRole("columnheader", { name: /Cours/ }).getAttribute("aria-sort")).toBe("descending");
  });

  it("searches the course name as the user types, back to page 1", async () => {
    coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations?page=1");
    await screen.findByText("Cours 2 : La vente");
    fireEvent.change(screen.getByRole("searchbox", { name: "Rechercher un cours par son nom" }), {
      target: { value: "avant vente" },
    });
    await waitFor(() => expect(router.state.location.search).toBe("?q=avant+vente"));
    await waitFor(() => expect(screen.queryByText("Cours 2 : La vente")).toBeNull());
    expect(screen.getByText("Cours 1 : L'avant-vente")).toBeTruthy();
  });

  it("restores the search field when the user goes back", async () => {
    coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations");
    await screen.findByText("Cours 2 : La vente");
    await act(() => router.navigate("/tutorat/formations?q=onet"));
    await waitFor(() => expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe("onet"));
    await act(() => router.navigate(-1));
    await waitFor(() => expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe(""));
    expect(router.state.location.search).toBe("");
  });

  it("changes the page size from the pager", async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...(sourceCourses[0] as TutoredCourse),
      id: `00000000-0000-4000-8000-0000000002${String(i).padStart(2, "0")}`,
      name: `Formation ${String(i + 1).padStart(2, "0")}`,
    }));
    coursesServer(many);
    const { router } = renderApp("/tutorat/formations");
    const pager = await screen.findByRole("navigation", { name: "Pagination" });
    await within(pager).findByText("Page 1 sur 2, élément(s) 1 à 25 sur 30.");
    fireEvent.click(within(pager).getByTitle("2"));
    await within(pager).findByText("Page 2 sur 2, élément(s) 26 à 30 sur 30.");
    expect(router.state.location.search).toBe("?page=2");
  });

  it("says when the tutor tutors no course", async () => {
    coursesServer([]);
    renderApp("/tutorat/formations");
    expect(await screen.findByText("Aucune formation tutorée")).toBeTruthy();
    expect(screen.getByText(/Vous n'êtes tuteur d'aucune formation/)).toBeTruthy();
  });

  it("says when nothing matches the search and offers to clear it", async () => {
    coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations?q=zzz");
    expect(await screen.findByText("Aucun cours tutoré ne correspond à « zzz ».")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Effacer la recherche" }));
    await screen.findByText("Cours 2 : La vente");
    expect(router.state.location.search).toBe("");
  });

  it("offers to retry when the list cannot be loaded", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["tutor"]) } },
      { path: "/api/tutoring/folders", reply: { body: folderTree } },
      { path: "/api/tutoring/courses", reply: { status: 500, body: { error: { code: "internal", message: "x" } } } },
    ]);
    renderApp("/tutorat/formations");
    expect(await screen.findByText("Les formations n'ont pas pu être chargées.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Réessayer" })).toBeTruthy();
  });

  it("lists a folder's courses when it is chosen in the tree, and keeps the folder in the URL", async () => {
    const { requests } = coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations");
    await screen.findByText("Cours 2 : La vente");
    const tree = screen.getByRole("tree", { name: "Répertoires des formations" });
    expect(within(tree).getByText("Tous les cours")).toBeTruthy();
    fireEvent.click(within(tree).getByText("Module 1 - L'avant-vente"));
    await waitFor(() => expect(router.state.location.search).toBe(`?folder=${moduleId}`));
    await waitFor(() => expect(screen.queryByText("Cours 2 : La vente")).toBeNull());
    expect(courseRequests(requests).at(-1)?.url.searchParams.get("folderId")).toBe(moduleId);
    expect(screen.getByText("Répertoire : Module 1 - L'avant-vente")).toBeTruthy();
    fireEvent.click(within(tree).getByText("Tous les cours"));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("applies the cours and liste filters from the filter icon", async () => {
    const { requests } = coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations");
    await screen.findByText("Cours 2 : La vente");
    fireEvent.click(screen.getByRole("button", { name: "Filtrer les cours" }));
    fireEvent.change(await screen.findByRole("textbox", { name: "Cours" }), { target: { value: "vente" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Liste" }), { target: { value: "Everyone" } });
    fireEvent.click(screen.getByRole("button", { name: "Appliquer" }));
    await waitFor(() => expect(router.state.location.search).toBe("?course=vente&list=Everyone"));
    await waitFor(() => expect(courseRequests(requests).at(-1)?.url.searchParams.get("course")).toBe("vente"));
    expect(courseRequests(requests).at(-1)?.url.searchParams.get("list")).toBe("Everyone");
    expect(await screen.findByText("Cours : vente")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("opens the course detail on double-click and on Enter on a focused row", async () => {
    coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations");
    const cell = await screen.findByText("Cours 2 : La vente");
    fireEvent.doubleClick(cell);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/tutorat/formations/${sourceCourses[2]?.id ?? ""}`),
    );
    await act(() => router.navigate(-1));
    const row = (await screen.findByText("OAS CCU AGENT BAGAGISTE Avant Contrat")).closest("tr") as HTMLElement;
    fireEvent.keyDown(row, { key: "Enter" });
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/tutorat/formations/${sourceCourses[3]?.id ?? ""}`),
    );
  });

  it("offers the tutoring center, the detail and the evaluation in the row's ⋮ menu", async () => {
    coursesServer(sourceCourses);
    const { router } = renderApp("/tutorat/formations");
    await screen.findByText("Cours 2 : La vente");
    const row = screen.getByText("Cours 1 : L'avant-vente").closest("tr") as HTMLElement;
    const actions = within(row).getByRole("button", { name: "Actions" });
    expect(actions.getAttribute("aria-describedby")).toBe(`course-name-${sourceCourses[0]?.id ?? ""}`);
    fireEvent.click(actions);
    expect(await screen.findByRole("menuitem", { name: /Détail du cours/ })).toBeTruthy();
    expect(screen.getByRole("menuitem", { name: /Évaluation formation/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("menuitem", { name: /Centre de tutorat/ }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/tutorat/formations/${sourceCourses[0]?.id ?? ""}/centre`),
    );
    // The route starts loading the center's code: let it finish inside the test (ended before, its
    // imports failed once the environment was torn down, an unhandled error that fails the run).
    expect((await loadTutoringCenterPage()).TutoringCenterPage).toBeTypeOf("function");
  });
});
