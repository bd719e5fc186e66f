import { type SQL, sql } from "drizzle-orm";
import { normalizeForSearch, personSortName } from "../common/format.js";
import type { Db, Tx } from "../server/db/client.js";
import * as s from "../server/db/schema/index.js";
import { hashPassword } from "../server/modules/auth/password.js";
import { scoreObservation } from "../server/modules/observations/scoring.js";
import { attachDemoPackages } from "../server/modules/scorm/demo-package.js";
import { recomputeEnrollments } from "../server/modules/tracking/summaries.js";

/**
 * Demo data that reproduces the source document's screens. Only facts are written here
 * (sign-ins, attempts, sessions, submissions, corrections, observations, attendance, tutor
 * overrides); every figure a screen shows (83 %, 04:16:08, 21 / 1 / 21 ...) comes out of the
 * app's own computation (recomputeEnrollments) run at the end.
 */

export const DEMO_PASSWORD = "demo";
export const DEMO_ACCOUNTS = [
  { email: "admin@demo.local", role: "admin" },
  { email: "tuteur@demo.local", role: "tutor (the source's five courses)" },
  { email: "tuteur2@demo.local", role: "tutor (other courses; Cours 2 for the list Équipe Nord)" },
  { email: "sam.agasse@demo.local", role: "learner" },
] as const;

/** True when no user exists yet: the demo data is loaded only into an empty database. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
  return (result.rows[0]?.n ?? 0) === 0;
}

/** A wall-clock time in Europe/Paris ("2024-01-07 19:36:05") as an instant. */
export function paris(local: string): Date {
  const [datePart = "", timePart = "00:00:00"] = local.split(" ");
  const [y, mo, d] = datePart.split("-").map(Number) as [number, number, number];
  const [h, mi, se = 0] = timePart.split(":").map(Number) as [number, number, number?];
  const guess = Date.UTC(y, mo - 1, d, h, mi, se);
  const offsetAt = (t: number) => {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - t;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const DAY = 86_400;

/** A small deterministic generator, so the demo is the same at every load. */
function prng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

interface Person {
  first: string;
  last: string;
  org: string;
  email?: string;
}

const emailOf = (p: Person) =>
  p.email ??
  `${normalizeForSearch(p.first).replace(/ /g, "-")}.${normalizeForSearch(p.last).replace(/ /g, "-")}@demo.local`;

type LessonKind = (typeof s.lessonTypeEnum.enumValues)[number];
interface LessonSpec {
  type: LessonKind;
  title: string;
  points?: number;
  passing?: number;
  minutes?: number;
  description?: string;
  /** Practical sheet: its text, paragraphs separated by a blank line. */
  body?: string;
  questions?: { text: string; multiple?: boolean; choices: [string, boolean][] }[];
}

interface CourseSpec {
  key: string;
  code: string;
  name: string;
  folder: string;
  description: string;
  categories: string[];
  competencies: string[];
  lessons: LessonSpec[];
}

const COURSES: CourseSpec[] = [
  {
    key: "c1",
    code: "C01_L'avant-vente commerciale",
    name: "Cours 1 : L'avant-vente",
    folder: "Module 1 - L'avant-vente",
    description:
      "Au sein du parcours Conseiller Commercial, ce premier cours vise à aborder toutes les bases nécessaires à la bonne préparation de la phase d'avant-vente commerciale.",
    categories: ["Vente et Négociation", "Catalogue"],
    competencies: ["09"],
    lessons: [
      {
        type: "elearning",
        title: "E-Learning L'avant-vente, c'est quoi ?",
        points: 10,
        minutes: 15,
        description: "Module interactif : les étapes de l'avant-vente et leur rôle dans la réussite d'une vente.",
      },
      {
        type: "sheet",
        title: "Fiche Pratique C01 Préparer sa vente : les points clés",
        points: 5,
        minutes: 5,
        description: "La fiche à relire avant chaque rendez-vous.",
        body: "Avant le rendez-vous, fixez-vous un objectif clair : ce que le client doit avoir compris ou décidé à la fin de l'entretien.\n\nRassemblez la documentation utile : fiche client, historique des échanges, offres en cours et références comparables.\n\nPréparez vos questions de découverte : situation actuelle, besoins, critères de décision, calendrier et budget.\n\nAnticipez les objections les plus probables et la preuve que vous apporterez pour chacune.",
      },
      {
        type: "quiz",
        title: "C01 Quiz L'avant-vente",
        points: 20,
        passing: 93,
        minutes: 10,
        description: "Vérifiez vos connaissances : 93 % de bonnes réponses sont nécessaires pour réussir.",
        questions: [
          {
            text: "Quel est l'objectif principal de l'avant-vente ?",
            choices: [
              ["Préparer l'entretien pour répondre au besoin réel du client", true],
              ["Présenter le catalogue complet", false],
              ["Négocier le prix", false],
            ],
          },
          {
            text: "Quels éléments préparer avant un rendez-vous ?",
            multiple: true,
            choices: [
              ["Un objectif d'entretien", true],
              ["Les questions de découverte", true],
              ["Une remise maximale", false],
            ],
          },
        ],
      },
      {
        type: "webinar",
        title: "Webinaire Tout savoir pour préparer sa vente",
        points: 10,
        minutes: 120,
        description: "Classe virtuelle de deux heures avec votre tuteur : questions-réponses et cas pratiques.",
      },
      {
        type: "mission",
        title: "Mission Préparer sa vente",
        points: 30,
        minutes: 120,
        description:
          "Préparez un rendez-vous réel avec un de vos clients : objectif, documentation, questions de découverte. Déposez votre plan de préparation ; votre tuteur le corrige.",
      },
      {
        type: "observation",
        title: "C01 Observation L'avant-vente commerciale",
        points: 25,
        passing: 50,
        minutes: 15,
        description:
          "Votre tuteur vous observe en situation de préparation d'un rendez-vous et remplit la grille d'observation.",
      },
    ],
  },
  {
    key: "c1eval",
    code: "C01_Evaluation satisfaction",
    name: "Cours 1 module pour évaluation de la satisfaction",
    folder: "Module 1 - L'avant-vente",
    description: "Module court qui recueille l'avis des conseillers sur le cours 1 et leur mise en pratique.",
    categories: ["Vente et Négociation"],
    competencies: [],
    lessons: [
      { type: "elearning", title: "E-Learning Retour d'expérience sur l'avant-vente", points: 5, minutes: 10 },
      { type: "sheet", title: "Fiche Pratique Mon plan d'action", points: 5, minutes: 5 },
    ],
  },
  {
    key: "c2",
    code: "C02_La vente",
    name: "Cours 2 : La vente",
    folder: "Module 2 - La vente",
    description: "Deuxième cours du parcours Conseiller Commercial : conduire l'entretien de vente et conclure.",
    categories: ["Vente et Négociation", "Catalogue"],
    competencies: ["05", "07"],
    lessons: [
      { type: "elearning", title: "E-Learning Conduire l'entretien de vente", points: 10, minutes: 20 },
      { type: "sheet", title: "Fiche Pratique C02 Traiter les objections", points: 5, minutes: 5 },
      { type: "quiz", title: "C02 Quiz La vente", points: 20, passing: 80, minutes: 10 },
      { type: "mission", title: "Mission Réaliser une proposition commerciale", points: 30, minutes: 90 },
    ],
  },
  {
    key: "oas",
    code: "OAS_CCU_BAGAGISTE_AC",
    name: "OAS CCU AGENT BAGAGISTE Avant Contrat",
    folder: "Agents bagagistes",
    description:
      "Formation obligatoire avant contrat des agents bagagistes : sûreté, manutention et consignes de piste.",
    categories: ["Sûreté aéroportuaire"],
    competencies: [],
    lessons: [
      { type: "elearning", title: "E-Learning Sûreté aéroportuaire : les fondamentaux", points: 10, minutes: 30 },
      { type: "quiz", title: "Quiz Sûreté aéroportuaire", points: 20, passing: 80, minutes: 15 },
      { type: "sheet", title: "Fiche Pratique Consignes bagages en soute", points: 5, minutes: 5 },
    ],
  },
  {
    key: "onet",
    code: "ONET_EMBAUCHE",
    name: "Valider son embauche au sein d'ONET",
    folder: "Intégration",
    description: "Parcours d'intégration des nouveaux collaborateurs : entreprise, sécurité et premiers jours.",
    categories: ["Intégration"],
    competencies: [],
    lessons: [
      { type: "elearning", title: "E-Learning Bienvenue chez ONET", points: 10, minutes: 20 },
      { type: "sheet", title: "Fiche Pratique Votre premier jour", points: 5, minutes: 5 },
      { type: "quiz", title: "Quiz Règles de sécurité", points: 20, passing: 75, minutes: 10 },
    ],
  },
  {
    key: "mgt",
    code: "MGT_DISTANCE",
    name: "Manager une équipe à distance",
    folder: "Management",
    description: "Les pratiques qui font fonctionner une équipe hybride : rituels, confiance, outils.",
    categories: ["Management"],
    competencies: [],
    lessons: [
      { type: "elearning", title: "E-Learning Les rituels d'équipe à distance", points: 10, minutes: 25 },
      { type: "quiz", title: "Quiz Manager à distance", points: 20, passing: 70, minutes: 10 },
      { type: "mission", title: "Mission Mon plan de rituels", points: 30, minutes: 60 },
    ],
  },
  {
    key: "gp",
    code: "SEC_GESTES_POSTURES",
    name: "Gestes et postures",
    folder: "Sécurité au travail",
    description: "Prévenir les troubles musculo-squelettiques au poste de travail.",
    categories: ["Sécurité"],
    competencies: [],
    lessons: [
      { type: "elearning", title: "E-Learning Les bons gestes", points: 10, minutes: 20 },
      { type: "quiz", title: "Quiz Gestes et postures", points: 10, passing: 80, minutes: 5 },
    ],
  },
  {
    key: "eae",
    code: "RH_ENTRETIEN_ANNUEL",
    name: "Conduire l'entretien annuel",
    folder: "Management",
    description: "Préparer et conduire l'entretien annuel d'évaluation avec ses collaborateurs.",
    categories: ["Management"],
    competencies: [],
    lessons: [
      { type: "elearning", title: "E-Learning Préparer l'entretien", points: 10, minutes: 20 },
      { type: "sheet", title: "Fiche Pratique Grille d'entretien", points: 5, minutes: 5 },
    ],
  },
];

/** Folder tree: name -> parent name. */
const FOLDERS: [string, string | null][] = [
  ["Parcours Conseiller Commercial", null],
  ["Module 1 - L'avant-vente", "Parcours Conseiller Commercial"],
  ["Module 2 - La vente", "Parcours Conseiller Commercial"],
  ["Intégration", null],
  ["Aéroport", null],
  ["Sûreté", "Aéroport"],
  ["Agents bagagistes", "Sûreté"],
  ["Management", null],
  ["Sécurité au travail", null],
];

const COMPETENCIES = [
  { code: "01", label: "Accueillir le client", description: "Établir le contact et créer un climat de confiance." },
  {
    code: "05",
    label: "Argumenter",
    description: "Présenter une offre adaptée aux besoins exprimés et traiter les objections.",
  },
  {
    code: "07",
    label: "Conclure la vente",
    description: "Reformuler l'accord, finaliser la commande et planifier le suivi.",
  },
  {
    code: "09",
    label: "S'organiser",
    description:
      "Planifier et prioriser ses activités commerciales, préparer ses rendez-vous et tenir à jour son suivi client.",
  },
];

const C1_OTHERS: Person[] = [
  { first: "Camille", last: "Dubois", org: "North" },
  { first: "Léa", last: "Durand", org: "South" },
  { first: "Hugo", last: "Fabre", org: "West" },
  { first: "Manon", last: "Faure", org: "South" },
  { first: "Lucas", last: "Garnier", org: "North" },
  { first: "Chloé", last: "Girard", org: "East" },
  { first: "Théo", last: "Lambert", org: "West" },
  { first: "Inès", last: "Lefèvre", org: "South" },
  { first: "Julie", last: "Martin", org: "North" },
  { first: "Antoine", last: "Mercier", org: "East" },
  { first: "Sarah", last: "Morel", org: "West" },
  { first: "Maxime", last: "Perrin", org: "South" },
  { first: "Emma", last: "Roussel", org: "North" },
  { first: "Louis", last: "Simon", org: "East" },
  { first: "Clara", last: "Vincent", org: "West" },
  { first: "Paul", last: "Zimmermann", org: "South" },
];

const OTHER_LEARNERS: Person[] = [
  { first: "Karim", last: "Bensaïd", org: "North" },
  { first: "Aurélie", last: "Chevalier", org: "North" },
  { first: "Łukasz", last: "Nowak", org: "North" },
  { first: "Gaëlle", last: "Le Goff", org: "West" },
  { first: "Thomas", last: "Rivière", org: "North" },
  { first: "Élodie", last: "Marchand", org: "East" },
  { first: "Yannick", last: "Besnard", org: "West" },
  { first: "Océane", last: "Fontaine", org: "South" },
  { first: "Mathis", last: "Caron", org: "East" },
  { first: "Zoé", last: "Brunet", org: "South" },
  { first: "Bruno", last: "Aubert", org: "North" },
  { first: "Agnès", last: "Deschamps", org: "East" },
];

/**
 * Inserts the demo data in one transaction and computes every summary from it. With a data folder,
 * Cours 1's e-learning lessons also get the demo SCORM module (files live there), so the player works.
 */
export async function seedDemo(db: Db, options: { dataDir?: string } = {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await insertDemo(tx, passwordHash);
    await recomputeEnrollments(tx, sql`true`);
  });
  if (options.dataDir) await attachDemoPackages(db, options.dataDir);
}

async function insertDemo(tx: Tx, passwordHash: string) {
  const now = new Date();
  const rand = prng(20240107);

  // Organisations
  const orgNames = ["South", "North", "East", "West", "Siège"];
  const orgRows = await tx
    .insert(s.organisations)
    .values(orgNames.map((name) => ({ name })))
    .returning();
  const orgId = (name: string) => orgRows.find((o) => o.name === name)?.id;

  // People
  const userIds = new Map<string, string>();
  const insertUser = async (p: Person, roles: ("admin" | "tutor" | "learner")[], signIns: Date[] = []) => {
    const email = emailOf(p);
    const first = signIns[0] ?? null;
    const last = signIns[signIns.length - 1] ?? null;
    const [row] = await tx
      .insert(s.users)
      .values({
        email,
        passwordHash,
        firstName: p.first,
        lastName: p.last,
        sortName: personSortName(p.last, p.first),
        organisationId: orgId(p.org),
        roles,
        firstSignInAt: first,
        lastSignInAt: last,
      })
      .returning({ id: s.users.id });
    if (!row) throw new Error("user insert failed");
    if (signIns.length)
      await tx.insert(s.signIns).values(signIns.map((at) => ({ userId: row.id, at, ip: "10.0.0.12" })));
    userIds.set(email, row.id);
    return row.id;
  };
  const adminId = await insertUser(
    { first: "Nadia", last: "Benali", org: "Siège", email: "admin@demo.local" },
    ["admin"],
    [addSeconds(now, -2 * DAY)],
  );
  const tutorId = await insertUser(
    { first: "Julien", last: "Roche", org: "Siège", email: "tuteur@demo.local" },
    ["tutor"],
    [paris("2024-01-05 09:12"), addSeconds(now, -DAY)],
  );
  const tutor2Id = await insertUser(
    { first: "Sophie", last: "Lemaire", org: "North", email: "tuteur2@demo.local" },
    ["tutor"],
    [addSeconds(now, -3 * DAY)],
  );
  // AGASSE Sam, exactly as in the source: first connection 07/01/2024 19:36, last 11/02/2025 09:34.
  const samId = await insertUser(
    { first: "Sam", last: "AGASSE", org: "South", email: "sam.agasse@demo.local" },
    ["learner"],
    [paris("2024-01-07 19:36:12"), paris("2024-01-08 13:55:40"), paris("2025-02-11 09:34:27")],
  );
  const demoryId = await insertUser(
    { first: "Jerome", last: "Demory", org: "North" },
    ["learner"],
    [addSeconds(now, -40 * DAY), addSeconds(now, -12 * DAY)],
  );
  const zeroIds: string[] = [];
  for (const p of [
    { first: "Pierre Henri", last: "Amalric", org: "East" },
    { first: "Joëlle", last: "Basic", org: "South" },
    { first: "Nicolas", last: "Borrat", org: "West" },
  ]) {
    zeroIds.push(await insertUser(p, ["learner"], [addSeconds(now, -(20 + zeroIds.length) * DAY)]));
  }
  const othersIds: string[] = [];
  for (const [i, p] of C1_OTHERS.entries()) {
    othersIds.push(await insertUser(p, ["learner"], i % 5 === 2 ? [] : [addSeconds(now, -(30 - i) * DAY)]));
  }
  const extraIds: string[] = [];
  for (const [i, p] of OTHER_LEARNERS.entries()) {
    extraIds.push(await insertUser(p, ["learner"], [addSeconds(now, -(15 + i) * DAY)]));
  }

  // Learner lists
  const [north, newHires] = await tx
    .insert(s.learnerLists)
    .values([
      { name: "Équipe Nord", organisationId: orgId("North") },
      { name: "Nouveaux embauchés", organisationId: null },
    ])
    .returning();
  if (!north || !newHires) throw new Error("lists insert failed");
  const northMembers = [demoryId, extraIds[0], extraIds[1], extraIds[2], extraIds[4], extraIds[10]].filter(
    (id): id is string => Boolean(id),
  );
  await tx.insert(s.learnerListMembers).values(northMembers.map((userId) => ({ listId: north.id, userId })));
  await tx
    .insert(s.learnerListMembers)
    .values(extraIds.slice(6, 10).map((userId) => ({ listId: newHires.id, userId })));

  // Folders (materialized path of ids)
  const folderIds = new Map<string, string>();
  const folderPaths = new Map<string, string>();
  for (const [position, [name, parent]] of FOLDERS.entries()) {
    const parentId = parent ? folderIds.get(parent) : null;
    const id = crypto.randomUUID();
    const path = `${parent ? folderPaths.get(parent) : "/"}${id}/`;
    await tx.insert(s.folders).values({ id, name, parentId, path, position });
    folderIds.set(name, id);
    folderPaths.set(name, path);
  }

  // Categories and competencies
  const categoryNames = [...new Set(COURSES.flatMap((c) => c.categories))];
  const categoryRows = await tx
    .insert(s.categories)
    .values(categoryNames.map((name) => ({ name })))
    .returning();
  const [framework] = await tx
    .insert(s.competencyFrameworks)
    .values({
      name: "Référentiel Conseiller Commercial",
      description: "Compétences attendues d'un conseiller commercial.",
    })
    .returning();
  if (!framework) throw new Error("framework insert failed");
  const competencyRows = await tx
    .insert(s.competencies)
    .values(COMPETENCIES.map((c) => ({ ...c, frameworkId: framework.id })))
    .returning();

  // Courses and lessons
  const courseIds = new Map<string, string>();
  const lessonIds = new Map<string, string[]>();
  for (const c of COURSES) {
    const [course] = await tx
      .insert(s.courses)
      .values({
        code: c.code,
        name: c.name,
        searchName: normalizeForSearch(c.name),
        description: c.description,
        folderId: folderIds.get(c.folder),
        audienceEveryone: true,
      })
      .returning({ id: s.courses.id });
    if (!course) throw new Error("course insert failed");
    courseIds.set(c.key, course.id);
    await tx.insert(s.courseCategories).values(
      c.categories.map((name, position) => ({
        courseId: course.id,
        categoryId: categoryRows.find((r) => r.name === name)?.id ?? "",
        position,
      })),
    );
    if (c.competencies.length) {
      await tx.insert(s.courseCompetencies).values(
        c.competencies.map((code) => ({
          courseId: course.id,
          competencyId: competencyRows.find((r) => r.code === code)?.id ?? "",
        })),
      );
    }
    const rows = await tx
      .insert(s.lessons)
      .values(
        c.lessons.map((l, i) => ({
          courseId: course.id,
          position: i + 1,
          type: l.type,
          title: l.title,
          description: l.description ?? "",
          points: l.points ?? 0,
          passingScore: l.passing ?? null,
          durationSeconds: (l.minutes ?? 0) * 60,
          settings: l.body ? { body: l.body } : {},
        })),
      )
      .returning({ id: s.lessons.id, position: s.lessons.position });
    lessonIds.set(
      c.key,
      rows.sort((a, b) => a.position - b.position).map((r) => r.id),
    );
    for (const [index, l] of c.lessons.entries()) {
      const lessonId = lessonIds.get(c.key)?.[index];
      if (!lessonId || !l.questions) continue;
      await tx.insert(s.quizQuestions).values(
        l.questions.map((question, position) => ({
          lessonId,
          position: position + 1,
          multiple: question.multiple ?? false,
          text: question.text,
          choices: question.choices.map(([label, correct]) => ({ label, correct })),
        })),
      );
    }
  }
  const course = (key: string) => courseIds.get(key) ?? "";
  const lesson = (key: string, index: number) => lessonIds.get(key)?.[index] ?? "";

  // Tutors: tuteur@ tutors the source's five courses; tuteur2@ its own three and Cours 2 for Équipe Nord.
  for (const key of ["c1", "c1eval", "c2", "oas", "onet"]) {
    await tx.insert(s.tutorAssignments).values({ tutorId, courseId: course(key) });
  }
  for (const key of ["mgt", "gp", "eae"]) {
    await tx.insert(s.tutorAssignments).values({ tutorId: tutor2Id, courseId: course(key) });
  }
  const [restricted] = await tx
    .insert(s.tutorAssignments)
    .values({ tutorId: tutor2Id, courseId: course("c2"), restricted: true })
    .returning();
  if (!restricted) throw new Error("assignment insert failed");
  await tx.insert(s.tutorAssignmentLists).values({ assignmentId: restricted.id, listId: north.id });

  // Enrollments
  const enroll = async (
    courseKey: string,
    userId: string,
    type: "mandatory" | "recommended" | "free",
    enrolledAt: Date,
    objectiveAt: Date | null = null,
    startAt: Date | null = null,
  ) => {
    const sortName = await tx.execute<{ sort_name: string }>(sql`select sort_name from users where id = ${userId}`);
    const [row] = await tx
      .insert(s.enrollments)
      .values({
        courseId: course(courseKey),
        userId,
        type,
        enrolledAt,
        objectiveAt,
        startAt,
        learnerSortName: sortName.rows[0]?.sort_name ?? "",
      })
      .returning({ id: s.enrollments.id });
    if (!row) throw new Error("enrollment insert failed");
    return row.id;
  };

  const writer = new FactWriter(tx);

  // ---- Cours 1 : L'avant-vente -- AGASSE Sam, figure for figure with the source ----
  const samC1 = await enroll("c1", samId, "mandatory", paris("2024-01-05 10:00"));
  const [elearning, sheet, quiz, webinar, mission, observation] = [0, 1, 2, 3, 4, 5].map((i) => lesson("c1", i)) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  // E-learning: seven launches; each is an attempt with one session (0:00 2:12 0:14 0:01 0:18 0:01 1:28).
  const samLaunches: [string, number, "in_progress" | "completed"][] = [
    ["2024-01-07 19:40:05", 0, "in_progress"],
    ["2024-01-07 19:41:00", 132, "in_progress"],
    ["2024-01-07 19:46:10", 14, "in_progress"],
    ["2024-01-07 19:52:20", 1, "in_progress"],
    ["2024-01-07 19:55:02", 18, "completed"],
    ["2024-01-07 19:56:05", 1, "completed"],
    ["2024-01-07 19:56:40", 88, "completed"],
  ];
  for (const [i, [start, seconds, status]] of samLaunches.entries()) {
    await writer.launch(samC1, elearning, i + 1, paris(start), [seconds], status, null, {
      location: `page-${i + 2}`,
      completion_status: status === "completed" ? "completed" : "incomplete",
    });
  }
  // Practical sheet read once (score 0); a tutor later set the lesson's score to 75 %.
  await writer.launch(samC1, sheet, 1, paris("2024-01-07 19:59:10"), [80], "completed", 0);
  // Quiz: five attempts left unanswered, the sixth passed with 94 % (passing score 93 %).
  const quizTries: [string, number][] = [
    ["2024-01-07 20:02:00", 6],
    ["2024-01-07 20:05:00", 4],
    ["2024-01-07 20:08:00", 3],
    ["2024-01-07 20:11:00", 5],
    ["2024-01-07 20:14:00", 2],
  ];
  for (const [i, [start, seconds]] of quizTries.entries()) {
    await writer.attempt(samC1, quiz, i + 1, paris(start), seconds, "in_progress", null);
  }
  await writer.attempt(samC1, quiz, 6, paris("2024-01-07 20:17:36"), 54, "passed", 94);
  // Mission submitted (2 h of work declared), validated by the tutor at 20:40 without a score.
  await writer.mission(
    samC1,
    mission,
    1,
    paris("2024-01-07 20:20:00"),
    7200,
    "Plan de préparation de mon rendez-vous client.",
    {
      tutorId,
      at: paris("2024-01-07 20:40:00"),
      verdict: "passed",
      score: null,
      feedback: "Préparation complète et bien structurée.",
    },
  );
  // Webinar: the 08/01/2024 14:00 virtual class, attended two hours.
  const [c1Class] = await tx
    .insert(s.virtualClasses)
    .values({
      courseId: course("c1"),
      lessonId: webinar,
      title: "Webinaire Tout savoir pour préparer sa vente",
      startsAt: paris("2024-01-08 14:00"),
      durationMinutes: 120,
      joinUrl: "https://visio.demo.local/c01-webinaire-2024-01-08",
      description: "Questions-réponses sur la préparation de la vente.",
      uid: "c01-webinaire-2024-01-08@tutora.demo",
      createdBy: tutorId,
      createdAt: paris("2024-01-03 10:00"),
    })
    .returning();
  if (!c1Class) throw new Error("class insert failed");
  // Observation on 11/02/2025: 09:20 long, 50 % with an eliminating criterion not acquired -> Échoué.
  const grid = await writer.observationGrid(observation);
  await writer.observe(
    samC1,
    observation,
    grid,
    1,
    paris("2025-02-11 09:34:40"),
    560,
    [0, 2, 2, 0],
    tutorId,
    "À revoir : la préparation documentaire du rendez-vous.",
  );
  // The tutor's edits of the lesson scores, as R6 records them.
  await writer.override(
    samC1,
    sheet,
    { overrideScore: 75 },
    tutorId,
    paris("2024-01-08 09:00"),
    "Fiche complétée et relue en entretien",
  );
  await writer.override(
    samC1,
    mission,
    { overrideScore: 100 },
    tutorId,
    paris("2024-01-08 09:05"),
    "Mission validée : note maximale",
  );

  // ---- Demory Jerome: e-learning and practical sheet done (12:15 + 1:20 = 00:13:35) ----
  const demoryC1 = await enroll("c1", demoryId, "recommended", addSeconds(now, -45 * DAY), addSeconds(now, 10 * DAY));
  await writer.launch(demoryC1, elearning, 1, addSeconds(now, -40 * DAY), [735], "completed");
  await writer.launch(demoryC1, sheet, 1, addSeconds(now, -39 * DAY), [80], "completed", 0);

  // ---- Amalric, Basic, Borrat: opened the e-learning, no time yet ----
  for (const [i, userId] of zeroIds.entries()) {
    const e = await enroll(
      "c1",
      userId,
      i === 1 ? "free" : "mandatory",
      addSeconds(now, -30 * DAY),
      addSeconds(now, (5 + i * 20) * DAY),
    );
    await writer.launch(e, elearning, 1, addSeconds(now, -(20 + i) * DAY), [0], "in_progress");
  }

  // ---- The sixteen other learners of Cours 1 ----
  const c1Enrollments: string[] = [];
  for (const [i, userId] of othersIds.entries()) {
    const type = (["mandatory", "recommended", "free"] as const)[i % 3] ?? "free";
    c1Enrollments.push(
      await enroll(
        "c1",
        userId,
        type,
        addSeconds(now, -(50 - i) * DAY),
        i % 4 === 0 ? addSeconds(now, (i - 4) * DAY) : null,
      ),
    );
  }
  const [dubois, durand, , faure, garnier, , lambert, lefevre, , mercier, , perrin, roussel, , vincent] = c1Enrollments;
  const ago = (days: number) => addSeconds(now, -days * DAY);
  const e = (id: string | undefined) => id ?? "";
  // Dubois: e-learning (two sessions), sheet, quiz failed, mission submitted and waiting for a correction.
  await writer.launch(e(dubois), elearning, 1, ago(20), [600, 420], "completed");
  await writer.launch(e(dubois), sheet, 1, ago(19), [95], "completed", 0);
  await writer.attempt(e(dubois), quiz, 1, ago(18), 130, "failed", 80);
  await writer.mission(
    e(dubois),
    mission,
    1,
    ago(3),
    5400,
    "Voici mon plan de préparation pour le rendez-vous avec la société Alpha : objectifs, questions de découverte, documentation à apporter.",
    null,
  );
  // Durand: e-learning, sheet, quiz passed, webinar attended.
  await writer.launch(e(durand), elearning, 1, ago(25), [900], "completed");
  await writer.launch(e(durand), sheet, 1, ago(25), [60], "completed", 0);
  await writer.attempt(e(durand), quiz, 1, ago(24), 140, "passed", 96);
  // Faure and Perrin: e-learning started.
  await writer.launch(e(faure), elearning, 1, ago(9), [300], "in_progress");
  await writer.launch(e(perrin), elearning, 1, ago(33), [185, 40], "in_progress");
  // Garnier: e-learning, sheet, quiz passed, mission failed.
  await writer.launch(e(garnier), elearning, 1, ago(15), [1020], "completed");
  await writer.launch(e(garnier), sheet, 1, ago(15), [75], "completed", 0);
  await writer.attempt(e(garnier), quiz, 1, ago(14), 150, "passed", 100);
  await writer.mission(e(garnier), mission, 1, ago(12), 3600, "Plan de rendez-vous (première version).", {
    tutorId,
    at: ago(11),
    verdict: "failed",
    score: 40,
    feedback: "Il manque les questions de découverte et la documentation à apporter.",
  });
  // Lambert: e-learning.
  await writer.launch(e(lambert), elearning, 1, ago(6), [640], "completed");
  // Lefèvre: all but the observation.
  await writer.launch(e(lefevre), elearning, 1, ago(28), [500], "in_progress");
  await writer.launch(e(lefevre), elearning, 2, ago(27), [450], "completed");
  await writer.launch(e(lefevre), sheet, 1, ago(27), [70], "completed", 0);
  await writer.attempt(e(lefevre), quiz, 1, ago(26), 160, "failed", 88);
  await writer.attempt(e(lefevre), quiz, 2, ago(26), 120, "passed", 95);
  await writer.mission(e(lefevre), mission, 1, ago(22), 6300, "Plan de rendez-vous client détaillé.", {
    tutorId,
    at: ago(21),
    verdict: "passed",
    score: 85,
    feedback: "Très bon travail.",
  });
  // Mercier: e-learning, quiz failed twelve times in a day (more attempts than one page of the report shows).
  await writer.launch(e(mercier), elearning, 1, ago(16), [810], "completed");
  const mercierQuiz: [number, number][] = [
    [170, 75],
    [150, 87],
    [140, 81],
    [120, 78],
    [160, 84],
    [130, 72],
    [110, 88],
    [150, 86],
    [140, 90],
    [120, 83],
    [130, 89],
    [150, 87],
  ];
  for (const [i, [seconds, score]] of mercierQuiz.entries()) {
    await writer.attempt(e(mercier), quiz, i + 1, ago(16 - i / 11), seconds, "failed", score);
  }
  // Roussel and Vincent.
  await writer.launch(e(roussel), elearning, 1, ago(8), [700], "completed");
  await writer.launch(e(roussel), sheet, 1, ago(8), [90], "completed", 0);
  await writer.launch(e(vincent), elearning, 1, ago(35), [880], "completed");
  await writer.launch(e(vincent), sheet, 1, ago(35), [65], "completed", 0);
  await writer.attempt(e(vincent), quiz, 1, ago(34), 125, "passed", 93);
  // A second webinar session, recent, attended by Durand and Lefèvre.
  const [c1Class2] = await tx
    .insert(s.virtualClasses)
    .values({
      courseId: course("c1"),
      lessonId: webinar,
      title: "Webinaire Tout savoir pour préparer sa vente (session 2)",
      startsAt: ago(23),
      durationMinutes: 120,
      joinUrl: "https://visio.demo.local/c01-webinaire-session-2",
      description: "Deuxième session du webinaire.",
      uid: "c01-webinaire-session-2@tutora.demo",
      createdBy: tutorId,
    })
    .returning();
  if (!c1Class2) throw new Error("class insert failed");
  await tx
    .insert(s.virtualClassInvitations)
    .values([
      { classId: c1Class.id, userId: samId, invitedAt: paris("2024-01-03 10:00") },
      ...[othersIds[1], othersIds[7], othersIds[4]].map((userId) => ({ classId: c1Class2.id, userId: userId ?? "" })),
    ]);
  await tx.insert(s.virtualClassAttendance).values([
    {
      classId: c1Class.id,
      userId: samId,
      present: true,
      minutes: 120,
      recordedBy: tutorId,
      recordedAt: paris("2024-01-08 16:10"),
    },
    { classId: c1Class2.id, userId: othersIds[1] ?? "", present: true, minutes: 120, recordedBy: tutorId },
    { classId: c1Class2.id, userId: othersIds[7] ?? "", present: true, minutes: 110, recordedBy: tutorId },
    { classId: c1Class2.id, userId: othersIds[4] ?? "", present: false, minutes: 0, recordedBy: tutorId },
  ]);

  // ---- The other courses: generated but deterministic activity ----
  const generic = async (courseKey: string, userIds: string[]) => {
    const spec = COURSES.find((c) => c.key === courseKey);
    if (!spec) return;
    for (const [i, userId] of userIds.entries()) {
      const enrolledDaysAgo = 20 + Math.floor(rand() * 60);
      const type = (["mandatory", "recommended", "free"] as const)[Math.floor(rand() * 3)] ?? "free";
      const enrollment = await enroll(
        courseKey,
        userId,
        type,
        ago(enrolledDaysAgo),
        rand() < 0.6 ? addSeconds(now, Math.floor(rand() * 40 - 10) * DAY) : null,
      );
      // How far this learner went: 0 (not started) .. all lessons.
      const reach = i % 4 === 3 ? 0 : Math.floor(rand() * (spec.lessons.length + 1));
      let day = enrolledDaysAgo - 1;
      for (let index = 0; index < reach; index++) {
        const l = spec.lessons[index];
        const id = lesson(courseKey, index);
        if (!l) continue;
        day = Math.max(1, day - Math.floor(rand() * 4));
        const last = index === reach - 1 && rand() < 0.4;
        if (l.type === "quiz") {
          const score = last
            ? Math.floor(40 + rand() * 30)
            : Math.floor((l.passing ?? 50) + rand() * (100 - (l.passing ?? 50)));
          await writer.attempt(
            enrollment,
            id,
            1,
            ago(day),
            60 + Math.floor(rand() * 300),
            last ? "failed" : "passed",
            score,
          );
        } else if (l.type === "mission") {
          await writer.mission(
            enrollment,
            id,
            1,
            ago(day),
            1800 + Math.floor(rand() * 5400),
            "Proposition rédigée et jointe.",
            {
              tutorId: courseKey === "c2" ? tutorId : tutor2Id,
              at: ago(Math.max(0, day - 1)),
              verdict: "passed",
              score: 70 + Math.floor(rand() * 30),
              feedback: "Bon travail.",
            },
          );
        } else {
          const sessions = [120 + Math.floor(rand() * 1200)];
          if (rand() < 0.3) sessions.push(30 + Math.floor(rand() * 300));
          await writer.launch(
            enrollment,
            id,
            1,
            ago(day),
            sessions,
            last ? "in_progress" : "completed",
            l.type === "sheet" ? 0 : null,
          );
        }
      }
    }
  };
  await enroll("c2", samId, "mandatory", paris("2024-01-05 10:00"));
  await generic("c2", [demoryId, ...extraIds.slice(0, 6), ...(othersIds.slice(0, 3) as string[]), extraIds[10] ?? ""]);
  await generic("c1eval", [...othersIds.slice(3, 9)]);
  await generic("oas", extraIds.slice(5, 11));
  await generic("onet", extraIds.slice(6, 11));
  await generic("mgt", extraIds.slice(0, 6));
  await generic("gp", [...extraIds.slice(3, 8)]);
  await generic("eae", extraIds.slice(8, 12));

  // ---- Reviews, comments, satisfaction evaluation, templates ----
  const review = (courseKey: string, userId: string, rating: number, comment: string, at: Date) =>
    tx.insert(s.reviews).values({ courseId: course(courseKey), userId, rating, comment, createdAt: at, updatedAt: at });
  await review("c1", samId, 5, "Très clair, les fiches pratiques me servent au quotidien.", paris("2024-01-08 17:02"));
  await review("c1", demoryId, 4, "Bon module, le webinaire aide beaucoup.", ago(38));
  await review("c1", e(othersIds[0]), 3, "Le quiz est exigeant : 93 % pour le réussir.", ago(17));
  await review("c1", e(othersIds[1]), 5, "Concret et directement applicable en rendez-vous.", ago(23));
  await review("c1", e(othersIds[7]), 4, "Mission utile, un peu longue à rédiger.", ago(20));
  await review("c1", e(othersIds[4]), 4, "Bien construit.", ago(10));
  await review("c2", e(extraIds[0]), 4, "Les cas d'objections sont réalistes.", ago(9));
  await review("mgt", e(extraIds[1]), 5, "Des rituels faciles à mettre en place.", ago(7));

  const comment = (lessonId: string, authorId: string, body: string, at: Date, parentId: string | null = null) =>
    tx
      .insert(s.lessonComments)
      .values({ lessonId, authorId, body, createdAt: at, parentId })
      .returning({ id: s.lessonComments.id });
  const [question] = await comment(
    elearning,
    demoryId,
    "La vidéo du chapitre 2 ne se lance pas sur mon téléphone.",
    ago(40),
  );
  if (question) {
    await comment(
      elearning,
      tutorId,
      "Merci Jérôme, le module est prévu pour un ordinateur ; sur téléphone, passez en mode paysage. Je signale le problème.",
      ago(39),
      question.id,
    );
  }
  await comment(quiz, e(othersIds[0]), "Est-il possible de revoir les réponses après une tentative ?", ago(18));
  await comment(mission, e(othersIds[7]), "Faut-il joindre le plan de découverte en PDF ?", ago(23));

  for (const key of ["c1", "c1eval"]) {
    const questions = await tx
      .insert(s.evaluationQuestions)
      .values([
        {
          courseId: course(key),
          position: 1,
          kind: "rating",
          label: "Le contenu de la formation répondait-il à vos attentes ?",
        },
        {
          courseId: course(key),
          position: 2,
          kind: "rating",
          label: "Les activités proposées étaient-elles adaptées à votre métier ?",
        },
        {
          courseId: course(key),
          position: 3,
          kind: "choice",
          label: "Recommanderiez-vous cette formation à un collègue ?",
          options: ["Oui", "Non", "Peut-être"],
        },
        { courseId: course(key), position: 4, kind: "text", label: "Qu'avez-vous le plus apprécié ?" },
      ])
      .returning();
    const respondents =
      key === "c1"
        ? [samId, demoryId, e(othersIds[0]), e(othersIds[1]), e(othersIds[7]), e(othersIds[4])]
        : [e(othersIds[3]), e(othersIds[5])];
    const texts = [
      "Les mises en situation.",
      "La fiche pratique, que j'imprime avant chaque rendez-vous.",
      "",
      "Le webinaire et les échanges avec le tuteur.",
      "La clarté des explications.",
      "Pouvoir avancer à mon rythme.",
    ];
    for (const [i, userId] of respondents.entries()) {
      const [response] = await tx
        .insert(s.evaluationResponses)
        .values({ courseId: course(key), userId, submittedAt: ago(30 - i * 3) })
        .returning();
      if (!response) continue;
      await tx.insert(s.evaluationAnswers).values(
        questions.map((q) => ({
          responseId: response.id,
          questionId: q.id,
          rating: q.kind === "rating" ? [5, 4, 3, 5, 4, 4][(i + q.position) % 6] : null,
          choice: q.kind === "choice" ? (["Oui", "Oui", "Peut-être", "Oui", "Non", "Oui"][i] ?? "Oui") : null,
          text: q.kind === "text" ? texts[i] || null : null,
        })),
      );
    }
  }

  await tx.insert(s.mailTemplates).values([
    {
      name: "Relance formation non commencée",
      subject: "{{cours}} : votre formation vous attend",
      body: "Bonjour {{prenom}},\n\nVous êtes inscrit(e) à la formation « {{cours}} » et ne l'avez pas encore commencée.\nVous pouvez y accéder dès maintenant : {{lien}}\n\nBonne formation,\nVotre tuteur",
    },
    {
      name: "Relance date d'objectif proche",
      subject: "{{cours}} : échéance le {{date_objectif}}",
      body: "Bonjour {{prenom}},\n\nVotre progression dans « {{cours}} » est de {{progression}} et la date d'objectif est le {{date_objectif}}.\nPour terminer à temps, reprenez la formation ici : {{lien}}\n\nCordialement,\nVotre tuteur",
    },
    {
      name: "Relance inactivité",
      subject: "{{cours}} : on reprend ?",
      body: "Bonjour {{prenom}} {{nom}},\n\nNous n'avons pas vu d'activité récente dans « {{cours}} » (temps passé : {{temps_passe}}).\nReprenez là où vous vous étiez arrêté(e) : {{lien}}\n\nÀ bientôt,\nVotre tuteur",
    },
  ]);

  await tx.insert(s.auditLog).values({
    actorId: adminId,
    action: "demo.loaded",
    entityType: "system",
    entityId: "demo",
    after: { courses: COURSES.length },
  });
}

/** Writes learner activity facts (never summaries) the way the tracking code records them. */
class FactWriter {
  constructor(private readonly tx: Tx) {}

  /** An attempt with no session (quiz, mission, observation): its time is measured on the attempt. */
  async attempt(
    enrollmentId: string,
    lessonId: string,
    number: number,
    startedAt: Date,
    seconds: number,
    status: "in_progress" | "completed" | "passed" | "failed",
    score: number | null,
    data: Record<string, unknown> = {},
  ) {
    const endedAt = addSeconds(startedAt, seconds);
    const [row] = await this.tx
      .insert(s.attempts)
      .values({
        enrollmentId,
        lessonId,
        number,
        startedAt,
        endedAt,
        status,
        statusAt: status === "in_progress" ? null : endedAt,
        score,
        timeSpentSeconds: seconds,
        data,
      })
      .returning({ id: s.attempts.id });
    if (!row) throw new Error("attempt insert failed");
    return row.id;
  }

  /** A content launch (SCORM, document): one attempt and its sessions, one after the other. */
  async launch(
    enrollmentId: string,
    lessonId: string,
    number: number,
    startedAt: Date,
    sessions: number[],
    status: "in_progress" | "completed" | "passed" | "failed",
    score: number | null = null,
    cmi: Record<string, unknown> = {},
  ) {
    const total = sessions.reduce((a, b) => a + b, 0);
    const gaps = (sessions.length - 1) * 60;
    const endedAt = addSeconds(startedAt, total + gaps);
    const [row] = await this.tx
      .insert(s.attempts)
      .values({
        enrollmentId,
        lessonId,
        number,
        startedAt,
        endedAt,
        status,
        statusAt: status === "in_progress" ? null : endedAt,
        score,
        cmi: { session_time_total: total, ...cmi },
      })
      .returning({ id: s.attempts.id });
    if (!row) throw new Error("attempt insert failed");
    let at = startedAt;
    for (const seconds of sessions) {
      await this.tx.insert(s.sessions).values({
        enrollmentId,
        lessonId,
        attemptId: row.id,
        startedAt: at,
        durationSeconds: seconds,
        endedAt: addSeconds(at, seconds),
      });
      at = addSeconds(at, seconds + 60);
    }
    return row.id;
  }

  /** A mission submission, with the tutor's correction when given. */
  async mission(
    enrollmentId: string,
    lessonId: string,
    number: number,
    submittedAt: Date,
    declaredSeconds: number,
    text: string,
    correction: {
      tutorId: string;
      at: Date;
      verdict: "passed" | "failed";
      score: number | null;
      feedback: string;
    } | null,
  ) {
    const [row] = await this.tx
      .insert(s.attempts)
      .values({
        enrollmentId,
        lessonId,
        number,
        startedAt: addSeconds(submittedAt, -60),
        endedAt: submittedAt,
        status: correction ? correction.verdict : "in_progress",
        statusAt: correction?.at ?? null,
        score: correction?.score ?? null,
        timeSpentSeconds: declaredSeconds,
        data: { declaredTimeSeconds: declaredSeconds },
      })
      .returning({ id: s.attempts.id });
    if (!row) throw new Error("attempt insert failed");
    const [submission] = await this.tx
      .insert(s.missionSubmissions)
      .values({ attemptId: row.id, enrollmentId, lessonId, text, declaredTimeSeconds: declaredSeconds, submittedAt })
      .returning({ id: s.missionSubmissions.id });
    if (!submission) throw new Error("submission insert failed");
    if (correction) {
      await this.tx.insert(s.missionCorrections).values({
        submissionId: submission.id,
        tutorId: correction.tutorId,
        score: correction.score,
        verdict: correction.verdict,
        feedback: correction.feedback,
        correctedAt: correction.at,
      });
    }
  }

  async observationGrid(lessonId: string) {
    const levels = [
      { label: "Non acquis", value: 0 },
      { label: "En cours d'acquisition", value: 50 },
      { label: "Acquis", value: 100 },
    ];
    const [grid] = await this.tx.insert(s.observationGrids).values({ lessonId, levels }).returning();
    if (!grid) throw new Error("grid insert failed");
    const criteria = await this.tx
      .insert(s.observationCriteria)
      .values([
        {
          gridId: grid.id,
          position: 1,
          label: "Préparer son rendez-vous",
          description: "Objectifs, documentation et questions de découverte prêts avant l'entretien.",
          required: true,
        },
        {
          gridId: grid.id,
          position: 2,
          label: "Analyser le besoin du client",
          description: "Questionnement et reformulation.",
        },
        {
          gridId: grid.id,
          position: 3,
          label: "Présenter une offre adaptée",
          description: "Argumentation reliée aux besoins.",
        },
        {
          gridId: grid.id,
          position: 4,
          label: "Conclure et planifier le suivi",
          description: "Prochaine étape datée.",
        },
      ])
      .returning();
    return { id: grid.id, levels, criteria: criteria.sort((a, b) => a.position - b.position) };
  }

  /** A tutor's observation: the grid's scoring gives the score and the verdict. */
  async observe(
    enrollmentId: string,
    lessonId: string,
    grid: Awaited<ReturnType<FactWriter["observationGrid"]>>,
    number: number,
    startedAt: Date,
    seconds: number,
    levelIndexes: number[],
    tutorId: string,
    commentText: string,
  ) {
    const passing = await this.tx.execute<{ passing: number | null }>(
      sql`select passing_score as passing from lessons where id = ${lessonId}`,
    );
    const ratings = new Map(grid.criteria.map((c, i) => [c.id, levelIndexes[i] ?? 0]));
    const result = scoreObservation(
      grid.levels,
      grid.criteria.map((c) => ({ id: c.id, weight: c.weight, required: c.required })),
      ratings,
      passing.rows[0]?.passing ?? null,
    );
    const attemptId = await this.attempt(
      enrollmentId,
      lessonId,
      number,
      startedAt,
      seconds,
      result.passed ? "passed" : "failed",
      result.score,
    );
    const [row] = await this.tx
      .insert(s.observations)
      .values({
        attemptId,
        gridId: grid.id,
        enrollmentId,
        tutorId,
        observedAt: addSeconds(startedAt, seconds),
        durationSeconds: seconds,
        comment: commentText,
        score: result.score,
        passed: result.passed,
      })
      .returning({ id: s.observations.id });
    if (!row) throw new Error("observation insert failed");
    await this.tx
      .insert(s.observationRatings)
      .values(
        grid.criteria.map((c) => ({ observationId: row.id, criterionId: c.id, levelIndex: ratings.get(c.id) ?? 0 })),
      );
  }

  /** A tutor's `Modifier les statistiques` edit and its audit entry. */
  async override(
    enrollmentId: string,
    lessonId: string,
    values: { overrideScore?: number },
    actorId: string,
    at: Date,
    reason: string,
  ) {
    // The statistics row exists once computed; create it with the override so the computation keeps it.
    await recomputeEnrollments(this.tx, sql`e.id = ${enrollmentId}`);
    const before = await this.tx.execute<{ score: number | null }>(
      sql`select score from lesson_stats where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}`,
    );
    const set: SQL[] = [];
    if (values.overrideScore !== undefined) set.push(sql`override_score = ${values.overrideScore}`);
    await this.tx.execute(
      sql`update lesson_stats set ${sql.join(set, sql`, `)} where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}`,
    );
    const learner = await this.tx.execute<{ user_id: string; course_id: string }>(
      sql`select user_id, course_id from enrollments where id = ${enrollmentId}`,
    );
    await this.tx.insert(s.auditLog).values({
      at,
      actorId,
      action: "lesson_stats.edit",
      entityType: "lesson_stats",
      entityId: `${enrollmentId}:${lessonId}`,
      courseId: learner.rows[0]?.course_id,
      learnerId: learner.rows[0]?.user_id,
      lessonId,
      before: { score: before.rows[0]?.score ?? null },
      after: { score: values.overrideScore ?? null },
      reason,
    });
  }
}
