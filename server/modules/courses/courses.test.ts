import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, get, type Session, signIn, type TestApp } from "../../test/app.js";
import { courseStats } from "./queries.js";

let t: TestApp;
let tutor: Session;
let tutor2: Session;
let admin: Session;
let learner: Session;
const SOURCE_COURSES = [
  "Cours 1 : L'avant-vente",
  "Cours 1 module pour évaluation de la satisfaction",
  "Cours 2 : La vente",
  "OAS CCU AGENT BAGAGISTE Avant Contrat",
  "Valider son embauche au sein d'ONET",
];

beforeAll(async () => {
  t = await createTestApp();
  [tutor, tutor2, admin, learner] = await Promise.all([
    signIn(t.app, "tuteur@demo.local"),
    signIn(t.app, "tuteur2@demo.local"),
    signIn(t.app, "admin@demo.local"),
    signIn(t.app, "sam.agasse@demo.local"),
  ]);
});
afterAll(async () => {
  await t.close();
});

async function courseId(name: string) {
  const page = (await get(t.app, admin, `/api/tutoring/courses?q=${encodeURIComponent(name)}`)).json();
  return page.items.find((c: { name: string }) => c.name === name).id as string;
}

describe("GET /api/tutoring/courses", () => {
  it("lists the source's five courses for tuteur@, all Everyone, sorted by name", async () => {
    const response = await get(t.app, tutor, "/api/tutoring/courses");
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBe(5);
    expect(page.page).toBe(1);
    expect(page.pageSize).toBe(25);
    expect(page.items.map((c: { name: string }) => c.name)).toEqual(SOURCE_COURSES);
    expect(page.items.every((c: { everyone: boolean; lists: string[] }) => c.everyone && c.lists.length === 0)).toBe(
      true,
    );
  });

  it("shows tuteur2 its own courses and not tuteur@'s", async () => {
    const page = (await get(t.app, tutor2, "/api/tutoring/courses")).json();
    const names = page.items.map((c: { name: string }) => c.name);
    expect(names).toEqual([
      "Conduire l'entretien annuel",
      "Cours 2 : La vente",
      "Gestes et postures",
      "Manager une équipe à distance",
    ]);
    expect(names).not.toContain("Cours 1 : L'avant-vente");
  });

  it("shows an admin every course", async () => {
    expect((await get(t.app, admin, "/api/tutoring/courses")).json().total).toBe(8);
  });

  it("sorts descending and pages with the total", async () => {
    const page = (await get(t.app, tutor, "/api/tutoring/courses?order=desc&pageSize=2&page=2")).json();
    expect(page.total).toBe(5);
    expect(page.items.map((c: { name: string }) => c.name)).toEqual([
      "Cours 2 : La vente",
      "Cours 1 module pour évaluation de la satisfaction",
    ]);
    const past = (await get(t.app, tutor, "/api/tutoring/courses?page=9")).json();
    expect(past).toMatchObject({ items: [], total: 5, page: 9 });
  });

  it("searches without accents, case or punctuation", async () => {
    const page = (await get(t.app, tutor, "/api/tutoring/courses?q=avant%20vente")).json();
    expect(page.items.map((c: { name: string }) => c.name)).toEqual(["Cours 1 : L'avant-vente"]);
    const accents = (await get(t.app, tutor, "/api/tutoring/courses?q=EVALUATION")).json();
    expect(accents.items.map((c: { name: string }) => c.name)).toEqual([
      "Cours 1 module pour évaluation de la satisfaction",
    ]);
  });

  it("treats quotes, % and _ as text, never as SQL or patterns", async () => {
    const total = async (q: string) => {
      const response = await get(t.app, tutor, `/api/tutoring/courses?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      return response.json().total;
    };
    // Only punctuation: nothing left to search on, the search is ignored.
    expect(await total("%")).toBe(5);
    expect(await total("_")).toBe(5);
    expect(await total("100%")).toBe(0);
    expect(await total("c_urs")).toBe(0);
    expect(await total("' or 1=1 --")).toBe(0);
    expect(await total("x".repeat(1000))).toBe(0);
    expect(await total("é".repeat(1000))).toBe(0);
    expect(await total("L’avant—vente")).toBe(1);
  });

  it("filters on the list", async () => {
    expect((await get(t.app, tutor, "/api/tutoring/courses?list=everyone")).json().total).toBe(5);
    expect((await get(t.app, tutor, "/api/tutoring/courses?list=Nord")).json().total).toBe(0);
  });

  it("filters on a folder and its sub-folders", async () => {
    const all = (await get(t.app, tutor, "/api/tutoring/courses")).json();
    const c1 = all.items.find((c: { name: string }) => c.name === "Cours 1 : L'avant-vente");
    const page = (await get(t.app, tutor, `/api/tutoring/courses?folderId=${c1.folderId}`)).json();
    expect(page.items.map((c: { name: string }) => c.name)).toEqual([
      "Cours 1 : L'avant-vente",
      "Cours 1 module pour évaluation de la satisfaction",
    ]);
  });

  it("names the field and the rule on bad paging and sorting", async () => {
    for (const [query, field] of [
      ["pageSize=0", "querystring.pageSize"],
      ["pageSize=10000", "querystring.pageSize"],
      ["page=0", "querystring.page"],
      ["sort=password", "querystring.sort"],
      ["order=sideways", "querystring.order"],
      ["folderId=not-a-uuid", "querystring.folderId"],
      [`q=${"x".repeat(1001)}`, "querystring.q"],
    ] as const) {
      const response = await get(t.app, tutor, `/api/tutoring/courses?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fields[0].field, query).toBe(field);
    }
  });

  it("refuses learners (403) and anonymous users (401)", async () => {
    expect((await get(t.app, learner, "/api/tutoring/courses")).statusCode).toBe(403);
    expect((await get(t.app, null, "/api/tutoring/courses")).statusCode).toBe(401);
  });
});

describe("GET /api/tutoring/courses/:courseId", () => {
  it("gives the source's general information", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    const course = (await get(t.app, tutor, `/api/tutoring/courses/${id}`)).json();
    expect(course).toMatchObject({
      code: "C01_L'avant-vente commerciale",
      name: "Cours 1 : L'avant-vente",
      description:
        "Au sein du parcours Conseiller Commercial, ce premier cours vise à aborder toutes les bases nécessaires à la bonne préparation de la phase d'avant-vente commerciale.",
      categories: ["Vente et Négociation", "Catalogue"],
      everyone: true,
    });
    expect(course.competencies).toEqual([
      expect.objectContaining({ code: "09", label: "S'organiser", framework: "Référentiel Conseiller Commercial" }),
    ]);
  });

  it("answers 404 to a tutor who does not tutor the course, as for an unknown id", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    const foreign = await get(t.app, tutor2, `/api/tutoring/courses/${id}`);
    expect(foreign.statusCode).toBe(404);
    const unknown = await get(t.app, tutor2, "/api/tutoring/courses/00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    expect(foreign.json()).toEqual(unknown.json());
    expect((await get(t.app, tutor, "/api/tutoring/courses/not-a-uuid")).statusCode).toBe(400);
  });

  it("refuses a learner", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    expect((await get(t.app, learner, `/api/tutoring/courses/${id}`)).statusCode).toBe(403);
  });
});

describe("GET /api/tutoring/folders", () => {
  it("gives tuteur@ the folders holding its courses, with recursive counts", async () => {
    const tree = (await get(t.app, tutor, "/api/tutoring/folders")).json();
    expect(tree.totalCourses).toBe(5);
    const byName = Object.fromEntries(
      tree.folders.map((f: { name: string; courseCount: number }) => [f.name, f.courseCount]),
    );
    expect(byName).toEqual({
      "Parcours Conseiller Commercial": 3,
      "Module 1 - L'avant-vente": 2,
      "Module 2 - La vente": 1,
      Intégration: 1,
      Aéroport: 1,
      Sûreté: 1,
      "Agents bagagistes": 1,
    });
    const parcours = tree.folders.find((f: { name: string }) => f.name === "Parcours Conseiller Commercial");
    const module1 = tree.folders.find((f: { name: string }) => f.name === "Module 1 - L'avant-vente");
    expect(parcours.parentId).toBeNull();
    expect(module1.parentId).toBe(parcours.id);
  });

  it("gives tuteur2 only its own folders", async () => {
    const tree = (await get(t.app, tutor2, "/api/tutoring/folders")).json();
    expect(tree.folders.map((f: { name: string }) => f.name).sort()).toEqual([
      "Management",
      "Module 2 - La vente",
      "Parcours Conseiller Commercial",
      "Sécurité au travail",
    ]);
    expect((await get(t.app, learner, "/api/tutoring/folders")).statusCode).toBe(403);
  });
});

describe("course detail stats and catalogue", () => {
  it("gives Stats rapides over the tutor's learners", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    const detail = (await get(t.app, tutor, `/api/tutoring/courses/${id}`)).json();
    expect(detail.thumbnailUrl).toBeNull();
    // Apart from the general information every course page reads: they read all its enrollments.
    expect(detail).not.toHaveProperty("stats");
    const response = await get(t.app, tutor, `/api/tutoring/courses/${id}/stats`);
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    expect(stats).toMatchObject({
      learners: 21,
      notStarted: 6,
      inProgress: 15,
      completed: 0,
      averageRating: 4.2,
      ratings: 6,
    });
    // (83 Sam + 83 Lefèvre + 67 Durand + 50 × 2 + 33 × 3 + 17 × 2 + 0 × 11) / 21
    expect(stats.averageProgress).toBe(22.2);
  });

  it("gives another tutor's course stats as an unknown course (404), refuses a learner and a bad id", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    const foreign = await get(t.app, tutor2, `/api/tutoring/courses/${id}/stats`);
    expect(foreign.statusCode).toBe(404);
    const unknown = await get(t.app, tutor2, "/api/tutoring/courses/00000000-0000-4000-8000-000000000000/stats");
    expect(foreign.json()).toEqual(unknown.json());
    expect((await get(t.app, learner, `/api/tutoring/courses/${id}/stats`)).statusCode).toBe(403);
    const bad = await get(t.app, tutor, "/api/tutoring/courses/not-a-uuid/stats");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("params.courseId");
  });

  it("gives a tutor restricted to a learner list the stats of that list's learners only", async () => {
    // tuteur2 tutors Cours 2 for the list Équipe Nord only.
    const id = await courseId("Cours 2 : La vente");
    const stats = (await get(t.app, tutor2, `/api/tutoring/courses/${id}/stats`)).json();
    const indicators = (await get(t.app, tutor2, `/api/tutoring/courses/${id}/indicators`)).json();
    expect(stats.learners).toBe(indicators.learners);
    expect(stats.notStarted + stats.inProgress + stats.completed).toBe(stats.learners);
    const everyone = (await get(t.app, admin, `/api/tutoring/courses/${id}/stats`)).json();
    expect(stats.learners).toBeGreaterThan(0);
    expect(stats.learners).toBeLessThan(everyone.learners);
  });

  it("gives zeros and no averages when no learner is in scope", async () => {
    expect(await courseStats(t.database.db, sql`false`)).toEqual({
      learners: 0,
      notStarted: 0,
      inProgress: 0,
      completed: 0,
      averageProgress: null,
      averageTimeSeconds: null,
      averageRating: null,
      ratings: 0,
    });
  });

  it("gives an admin the stats over all the course's learners", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    const stats = (await get(t.app, admin, `/api/tutoring/courses/${id}/stats`)).json();
    const [counted] = (
      await t.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from enrollments where course_id = ${id}`,
      )
    ).rows;
    expect(stats.learners).toBe(counted?.n);
  });

  it("opens the catalogue page to a learner of the course, as learners see it", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    const response = await get(t.app, learner, `/api/catalogue/courses/${id}`);
    expect(response.statusCode).toBe(200);
    const course = response.json();
    expect(course.lessons.map((l: { type: string }) => l.type)).toEqual([
      "elearning",
      "sheet",
      "quiz",
      "webinar",
      "mission",
      "observation",
    ]);
    expect(course.durationSeconds).toBe((15 + 5 + 10 + 120 + 120 + 15) * 60);
    expect(course.competencies[0]).toMatchObject({ code: "09", label: "S'organiser" });
  });

  it("hides a course out of the catalogue from users who neither follow nor tutor it", async () => {
    const id = await courseId("Gestes et postures");
    await t.database.db.execute(sql`update courses set catalogue_visible = false where id = ${id}`);
    expect((await get(t.app, learner, `/api/catalogue/courses/${id}`)).statusCode).toBe(404);
    expect((await get(t.app, tutor, `/api/catalogue/courses/${id}`)).statusCode).toBe(404);
    expect((await get(t.app, tutor2, `/api/catalogue/courses/${id}`)).statusCode).toBe(200);
    expect((await get(t.app, null, `/api/catalogue/courses/${id}`)).statusCode).toBe(401);
    await t.database.db.execute(sql`update courses set catalogue_visible = true where id = ${id}`);
  });

  it("has no thumbnail route answer for a course without one", async () => {
    const id = await courseId("Cours 1 : L'avant-vente");
    expect((await get(t.app, tutor, `/api/courses/${id}/thumbnail`)).statusCode).toBe(404);
  });
});

// Last: it adds courses to tuteur2.
describe("a tutor's courses by name, paged from the index of their assignments", () => {
  it("gives the same pages as the courses sorted by name, following new assignments and renames", async () => {
    const db = t.database.db;
    const [tutorRow] = (await db.execute<{ id: string }>(sql`select id from users where email = 'tuteur2@demo.local'`))
      .rows;
    const tutorId = tutorRow?.id ?? "";
    // 13 more courses, two of them with the same name (ties go by id, the same way as the names);
    // assigned without a sort name, which the trigger takes from the course.
    await db.execute(sql`
      with made as (
        insert into courses (code, name, search_name, folder_id)
        select 'IDX' || i, name, replace(lower(name), 'ê', 'e'), null
        from generate_series(1, 13) i,
          lateral (select case when i in (4, 9) then 'Zz même nom' else 'Idx cours ' || chr(96 + i) end as name) n
        returning id)
      insert into tutor_assignments (tutor_id, course_id) select ${tutorId}, id from made`);
    // Renamed after its assignment: the trigger on courses carries the new name over.
    await db.execute(sql`update courses set name = 'Aaa renommé', search_name = 'aaa renomme' where code = 'IDX7'`);

    const expected = async (order: "asc" | "desc") =>
      (
        await db.execute<{ name: string }>(sql`
          select c.name from courses c join tutor_assignments ta on ta.course_id = c.id and ta.tutor_id = ${tutorId}
          order by c.search_name collate "C" ${order === "desc" ? sql`desc` : sql`asc`}, c.id ${order === "desc" ? sql`desc` : sql`asc`}`)
      ).rows.map((r) => r.name);
    for (const order of ["asc", "desc"] as const) {
      const names: string[] = [];
      let total = 0;
      for (let page = 1; page <= 4; page++) {
        const body = (await get(t.app, tutor2, `/api/tutoring/courses?order=${order}&pageSize=5&page=${page}`)).json();
        total = body.total;
        names.push(...body.items.map((c: { name: string }) => c.name));
      }
      expect(total).toBe(17);
      expect(names).toEqual(await expected(order));
      expect(names[order === "asc" ? 0 : 16]).toBe("Aaa renommé");
      // The search (from the assignments' names too) and the course filter (the other query, from
      // courses) find the same courses and order them the same way, ties included.
      const ids = (body: { items: { id: string; name: string }[] }) =>
        body.items.filter((c) => c.name === "Zz même nom").map((c) => c.id);
      const all = (await get(t.app, tutor2, `/api/tutoring/courses?order=${order}&pageSize=50`)).json();
      const ties = names.filter((n) => n === "Zz même nom");
      for (const filter of ["q", "course"]) {
        const filtered = (
          await get(t.app, tutor2, `/api/tutoring/courses?order=${order}&pageSize=50&${filter}=m%C3%AAme`)
        ).json();
        expect(
          filtered.items.map((c: { name: string }) => c.name),
          filter,
        ).toEqual(ties);
        expect(filtered.total, filter).toBe(2);
        expect(ids(filtered), filter).toEqual(ids(all));
      }
      // The renamed course is found by its new name, not by its old one.
      const renamed = (await get(t.app, tutor2, `/api/tutoring/courses?q=renomme`)).json();
      expect(renamed.items.map((c: { name: string }) => c.name)).toEqual(["Aaa renommé"]);
      expect((await get(t.app, tutor2, `/api/tutoring/courses?q=idx%20cours%20g`)).json().total).toBe(0);
    }
  });
});
