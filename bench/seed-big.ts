/**
 * `npm run seed:big -- --learners N --courses M`: fills a database with a large synthetic
 * organisation for the benchmarks (one huge course, thousands of courses, millions of sessions).
 *
 * Everything is generated inside PostgreSQL with `generate_series` + `insert ... select`, a few
 * big statements per table (batched by ranges of learners, courses or attempts), never row by row
 * from Node. The data is deterministic: every "random" choice is a hash of a generated id or series
 * number (`hashtextextended` / `hashint8extended` with a fixed seed), and the ids themselves are
 * md5 hashes of stable keys, so two runs with the same options produce the same rows (dates move
 * with the day of the run: they are relative to today's midnight UTC).
 *
 * Facts first (attempts with CMI data, sessions, attendance, submissions, observations), then the
 * app's own set-based `recomputeEnrollments` derives lesson_stats and the enrollment summaries, so
 * the benchmark reads exactly what the app would have written.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { normalizeForSearch } from "../common/format.js";
import { type Db, openDatabase, type Tx } from "../server/db/client.js";
import { startEmbeddedPostgres } from "../server/db/embedded.js";
import { runMigrations } from "../server/db/migrate.js";
import { hashPassword } from "../server/modules/auth/password.js";
import { rebuildEnrollmentProjections } from "../server/modules/tracking/counters.js";
import { recomputeEnrollments } from "../server/modules/tracking/summaries.js";

export interface SeedBigOptions {
  /** Learner accounts (default 200,000). */
  learners?: number;
  /** Courses (default 2,000). */
  courses?: number;
  /** Folders of the course tree (default courses / 4). */
  folders?: number;
  /** Learners of the one huge course, which has 6 lessons (default min(100,000, learners / 2)). */
  bigCourseLearners?: number;
  /** Average number of sessions per learner of the huge course (default 60; at least one per e-learning, sheet or quiz attempt). */
  sessionsPerLearner?: number;
  /** Average number of other courses each learner is enrolled in (default 3). */
  coursesPerLearner?: number;
  /**
   * Attempts of the "heavy learner" (the first learner who signed in, in the course C00002), each
   * with 5 sessions: the learner report's worst case (default 1,000, so 5,000 sessions; 0: none).
   */
  heavyLearnerAttempts?: number;
  /** Statements run at once, each on its own connection (default 2). */
  jobs?: number;
  /** The tutor assigned to every generated course (default bench.tutor@bench.local). */
  tutorEmail?: string;
  /** An admin account (default bench.admin@bench.local). */
  adminEmail?: string;
  /** Password of every generated account (default "bench"). */
  password?: string;
  /** Empty every table first; without it, a database that has users is refused. */
  reset?: boolean;
  /** Progress lines (default console.log). */
  log?: (line: string) => void;
}

export interface SeedBigResult {
  options: Required<Omit<SeedBigOptions, "log" | "reset">>;
  bigCourseId: string;
  /** The heavy learner and their course (null when there is none). */
  heavyLearner: { userId: string; courseId: string } | null;
  tutorCount: number;
  /** Rows per table (tables with rows only). */
  counts: Record<string, number>;
  steps: { step: string; seconds: number; detail: string }[];
  totalSeconds: number;
}

export const DEFAULTS = {
  learners: 200_000,
  courses: 2_000,
  sessionsPerLearner: 60,
  coursesPerLearner: 3,
  heavyLearnerAttempts: 1_000,
  jobs: 2,
  tutorEmail: "bench.tutor@bench.local",
  adminEmail: "bench.admin@bench.local",
  password: "bench",
} as const;

// ---------------------------------------------------------------------------------------------
// Reference lists (French, accents included). Normalized forms come from the app's own
// normalizeForSearch, so sort_name and search_name are exactly what the app would compute.

// biome-ignore format: a compact list
const FIRST_NAMES = [
  "Élodie", "Jérôme", "Françoise", "Anaïs", "Loïc", "Chloé", "Hélène", "Noël", "Gaëlle", "Léa", "Zoé", "Maël", "Inès",
  "Agnès", "Cécile", "Clémence", "Mélanie", "Valérie", "Stéphane", "Frédéric", "Sébastien", "Grégory", "Jérémy",
  "Benoît", "Joël", "Raphaël", "Gaël", "Maëlys", "Océane", "Léna", "Noémie", "Émilie", "Éric", "Amélie", "Séverine",
  "Thérèse", "Geneviève", "Renée", "Bérénice", "Joëlle", "Ségolène", "Aurélie", "José", "Hervé", "René", "Rémi",
  "Théo", "Léo", "Timothée", "Mathéo", "Nathanaël", "Héloïse", "Maïwenn", "Solène", "Capucine", "Margaux", "Camille",
  "Julien", "Nicolas", "Thomas", "Pierre", "Paul", "Louis", "Hugo", "Lucas", "Antoine", "Alexandre", "Maxime",
  "Romain", "Vincent", "Olivier", "Laurent", "Philippe", "Christophe", "David", "Sophie", "Nathalie", "Isabelle",
  "Sandrine", "Julie", "Marie", "Laura", "Sarah", "Manon", "Emma", "Jade", "Louise", "Alice", "Lina", "Rose", "Anna",
  "Mila", "Ambre", "Juliette", "Lucie", "Charlotte", "Pauline", "Marine", "Caroline", "Claire", "Anne", "Catherine",
  "Christine", "Sylvie", "Martine", "Jean-Pierre", "Jean-François", "Marie-Hélène", "Anne-Sophie", "Pierre Henri",
  "Sam", "Yann", "Gwenaël", "Ronan", "Killian", "Enzo", "Nathan", "Mehdi", "Karim", "Yasmine", "Sofiane", "Fatoumata",
  "Aïcha", "Moussa", "Jérémie", "Cédric", "Ludovic", "Mégane", "Estelle",
];

// biome-ignore format: a compact list
const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
  "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
  "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
  "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
  "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen",
  "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas",
  "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet",
  "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud",
  "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix",
  "Fabre", "Dupuis", "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière",
  "Le Gall", "Guillaume", "Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps",
  "Carpentier", "Julien", "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault",
  "Jacquet", "Collet", "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons", "Carré",
  "Rémy", "Schneider", "Pépin", "Lebrun", "Cordier", "Bouvier", "Hoarau", "Le Goff", "D'Almeida", "N'Diaye", "Agasse",
  "Amalric", "Basic", "Borrat", "Demory", "Bégué", "Lévêque", "Méchin", "Écuyer", "Château", "Lefèvre-Durand",
  "Saint-Martin", "Béranger", "Grégoire", "Thébault", "Hébert", "Léger", "Boulanger",
];

// biome-ignore format: a compact list
const ORGANISATIONS = [
  "Siège", "Région Nord", "Région Sud", "Région Est", "Région Ouest", "Île-de-France", "Auvergne-Rhône-Alpes",
  "Nouvelle-Aquitaine", "Occitanie", "Hauts-de-France", "Grand Est", "Bretagne", "Normandie", "Pays de la Loire",
  "Provence-Alpes-Côte d'Azur", "Bourgogne-Franche-Comté", "Centre-Val de Loire", "Corse", "Outre-mer",
  "Filiale Belgique",
];

// biome-ignore format: a compact list
const CROSS_LISTS = [
  "Nouveaux arrivants 2024", "Nouveaux arrivants 2025", "Hauts potentiels", "Référents qualité",
  "Formateurs internes", "Tuteurs terrain", "Alternants", "Encadrement", "Fonctions support", "Comité de direction",
];

// biome-ignore format: a compact list
const TOPICS = [
  "L'avant-vente commerciale", "Préparer sa vente", "Négociation : les fondamentaux", "Conduire un entretien annuel",
  "Manager à distance", "Gestion du temps et des priorités", "Prise de parole en public", "Sécurité incendie",
  "Gestes et postures", "RGPD : l'essentiel", "Lutte contre la corruption (loi Sapin II)",
  "Excel : tableaux croisés dynamiques", "Accueil client au téléphone", "Gérer les réclamations",
  "Qualité de service", "Les bases de la comptabilité", "Lire un bilan", "Cybersécurité : les bons réflexes",
  "Éco-conduite", "Habilitation électrique B0", "Hygiène alimentaire (HACCP)", "Bienvenue chez nous : l'intégration",
  "Recruter sans discriminer", "Égalité femmes-hommes", "Prévention des risques psychosociaux",
  "Feedback et reconnaissance", "Animer une réunion efficace", "Conduite du changement", "Piloter un projet",
  "Méthodes agiles : Scrum", "Vendre en omnicanal", "Fidéliser ses clients", "Répondre aux objections",
  "Découverte des besoins client", "Conclure la vente", "Produits d'épargne", "Crédit immobilier : réglementation",
  "Assurance emprunteur", "Télévente", "Merchandising en magasin", "Anglais professionnel", "Écrits professionnels",
  "Intelligence émotionnelle", "Leadership au féminin", "Accompagner un alternant", "Devenir tuteur",
  "Sauveteur secouriste du travail (SST)", "Travail en hauteur", "Droit du travail pour managers",
  "Paie : les fondamentaux",
];

// biome-ignore format: a compact list
const QUALIFIERS = [
  "", "Niveau 1", "Niveau 2", "Perfectionnement", "Expert", "Parcours découverte", "Classe inversée", "Module court",
  "Mise à jour 2025", "Édition Nord", "Édition Sud", "Spécial managers",
];

// biome-ignore format: a compact list
const ROOT_FOLDERS = [
  "Commercial", "Management", "Ressources humaines", "Sécurité & prévention", "Qualité", "Réglementaire",
  "Digital & bureautique", "Relation client",
];

// biome-ignore format: a compact list
const SUB_FOLDERS = [
  "Initiation", "Perfectionnement", "Expertise", "Réseau Nord", "Réseau Sud", "Réseau Est", "Réseau Ouest",
  "Île-de-France", "Parcours nouveaux arrivants", "Parcours managers", "Archives 2023", "Archives 2024",
  "Campagne 2025", "Certifiants", "Obligatoires", "Optionnels", "Agences", "Siège", "Pilotes", "Saison été",
];

// biome-ignore format: a compact list
const CATEGORIES = [
  "Commercial", "Management", "Relation client", "Sécurité", "Qualité", "Réglementaire", "Bureautique", "Digital",
  "Ressources humaines", "Finance", "Communication", "Santé au travail", "Langues", "Produits", "Intégration",
];

// biome-ignore format: a compact list
const COMPETENCIES = [
  "Préparer ses rendez-vous", "Découvrir les besoins", "Argumenter", "Traiter les objections", "Conclure",
  "Fidéliser", "Prospecter", "Négocier", "S'organiser", "Rendre compte", "Travailler en équipe",
  "Communiquer à l'écrit", "Fixer des objectifs", "Déléguer", "Motiver son équipe", "Conduire un entretien",
  "Gérer les conflits", "Accompagner le changement", "Piloter l'activité", "Développer les compétences",
];

const REVIEW_GOOD = [
  "Très bonne formation, claire et concrète.",
  "Contenus utiles au quotidien, merci !",
  "Le quiz final est bien fait, on révise l'essentiel.",
  "Formateur à l'écoute, exemples parlants.",
  "Excellent module, je recommande à toute l'équipe.",
  "Format court et efficace, idéal entre deux rendez-vous.",
  "J'ai enfin compris la méthode, bravo.",
  "Bon équilibre entre théorie et pratique.",
];
const REVIEW_MIXED = [
  "Intéressant mais un peu long.",
  "Bien dans l'ensemble, le webinaire était trop rapide.",
  "Des exemples plus proches de notre métier seraient les bienvenus.",
  "Correct, sans plus.",
  "La partie e-learning plante parfois sur mobile.",
];
const REVIEW_BAD = [
  "Trop théorique, peu applicable.",
  "Contenu daté, à mettre à jour.",
  "Vidéos trop longues, son de mauvaise qualité.",
  "Je n'ai pas trouvé les réponses à mes questions.",
];

const LEARNER_COMMENTS = [
  "Le lien vers la fiche pratique ne fonctionne pas chez moi.",
  "Très clair, merci pour les exemples !",
  "Peut-on avoir le support en PDF ?",
  "Je ne comprends pas la question 3 du quiz.",
  "La vidéo se bloque à 80 %, est-ce normal ?",
  "Super module, j'ai appris plein de choses.",
  "Quelle est la date limite pour rendre la mission ?",
  "Est-ce que le webinaire sera rediffusé ?",
  "J'ai un doute sur la méthode présentée en partie 2.",
  "Merci, c'est exactement ce dont j'avais besoin.",
];
const TUTOR_REPLIES = [
  "Merci pour votre retour, je transmets à l'équipe pédagogique.",
  "Bonne question : relisez la partie 2, tout y est.",
  "Le support est disponible dans la fiche pratique.",
  "Oui, la rediffusion sera en ligne la semaine prochaine.",
  "C'est corrigé, merci de nous l'avoir signalé !",
  "Je vous appelle pour en parler de vive voix.",
];
const MISSION_TEXTS = [
  "Voici ma préparation de rendez-vous avec le client, plan de découverte en pièce jointe.",
  "J'ai réalisé l'exercice en agence avec mon responsable, compte rendu ci-dessous.",
  "Analyse de la situation client et proposition commerciale rédigée.",
  "Synthèse des besoins identifiés et des arguments retenus.",
];
const MISSION_FEEDBACK = [
  "Très bon travail, les besoins sont bien identifiés.",
  "Bonne démarche, approfondissez la reformulation.",
  "Argumentaire trop générique : reprenez les bénéfices client.",
  "Parfait, rien à redire.",
  "Il manque la conclusion de l'entretien, à retravailler.",
];
const OBSERVATION_COMMENTS = [
  "Entretien bien mené, bonne écoute.",
  "Découverte trop rapide, à approfondir.",
  "Très à l'aise avec le client.",
  "Conclusion hésitante, à travailler lors de la prochaine observation.",
  "Bonne maîtrise de l'argumentaire.",
];
const EVALUATION_TEXTS = [
  "Les mises en situation.",
  "Le webinaire avec l'expert.",
  "La qualité des vidéos.",
  "Les fiches pratiques.",
  "Le rythme de la formation.",
  "Les échanges avec le tuteur.",
];
const QUIZ_QUESTIONS = [
  "Quelle est la première étape d'un entretien de vente ?",
  "Que signifie reformuler ?",
  "Combien de temps faut-il consacrer à la découverte ?",
  "Quel est l'objectif principal de ce module ?",
  "Quelle attitude adopter face à une objection ?",
  "Quelle information devez-vous vérifier en premier ?",
  "Quel document remettre au client ?",
  "Qui contacter en cas de doute ?",
];

/** Titles of the huge course's lessons, as in the source document. */
const BIG_COURSE_LESSONS = [
  "E-Learning L'avant-vente, c'est quoi ?",
  "Fiche Pratique C01 Préparer sa vente : les points clés",
  "C01 Quiz L'avant-vente",
  "Webinaire Tout savoir pour préparer sa vente",
  "Mission Préparer sa vente",
  "C01 Observation L'avant-vente commerciale",
];

// Seeds of the hash functions: one per independent "random" choice.
const SEED = {
  firstName: 1,
  lastName: 2,
  organisation: 3,
  locale: 4,
  inactive: 5,
  neverSignedIn: 6,
  lastSignIn: 7,
  lastSignInTime: 8,
  firstSignIn: 9,
  created: 10,
  signInCount: 11,
  signInJitter: 12,
  managerList: 13,
  crossList: 14,
  crossListPick: 15,
  folder: 20,
  folderNull: 21,
  lessonCount: 22,
  passing: 23,
  scoredElearning: 24,
  visible: 25,
  audience: 26,
  audienceList: 27,
  audienceList2: 28,
  inactivityDays: 29,
  courseCreated: 30,
  category: 31,
  category2: 32,
  competency: 33,
  typeProfile: 34,
  notStartedShare: 35,
  finishShare: 36,
  coursePick: 40,
  courseCount: 41,
  enrollType: 42,
  enrolledAt: 43,
  objective: 44,
  endAt: 45,
  startDelay: 46,
  duration: 47,
  notStarted: 48,
  finished: 49,
  depth: 50,
  secondTutor: 51,
  restricted: 52,
  restrictedList: 53,
  vcDuration: 54,
  vcCancelled: 55,
  attendance: 56,
  quizCorrect: 57,
  review: 60,
  rating: 61,
  reviewComment: 62,
  reviewDate: 63,
  comment: 64,
  commentBody: 65,
  reply: 66,
  replyBody: 67,
  evaluation: 68,
  evaluationAnswer: 69,
  heavy: 70,
  // Per (enrollment, lesson[, attempt[, session]]): the seed is base + position * 10 + attempt number,
  // or base + position * 100_000 + number * 10_000 + session number.
  outcome: 1_000_000,
  attemptCount: 2_000_000,
  current: 3_000_000,
  attemptScore: 5_000_000,
  attemptTime: 6_000_000,
  attemptStart: 7_000_000,
  sessionGap: 8_000_000,
  sessionCount: 9_000_000,
  page: 10_000_000,
  sessionSplit: 100_000_000,
} as const;

/** Uniform in [0, 1) from a text expression and a seed (an integer or an SQL integer expression). */
function rnd(textKey: string, seed: number | string): string {
  return `((hashtextextended(${textKey}, ${seed}) & 4503599627370495)::float8 / 4503599627370496.0)`;
}

/** Uniform in [0, 1) from an integer expression and a seed. */
function rndInt(intKey: string, seed: number): string {
  return `((hashint8extended((${intKey})::bigint, ${seed}) & 4503599627370495)::float8 / 4503599627370496.0)`;
}

/**
 * A deterministic uuid from a key expression, with the version (4) and variant (10xx) bits of an
 * RFC 9562 uuid: the API's schemas (zod's uuid) refuse other hex strings, in parameters and answers.
 */
function uuidOf(kind: string, keyExpr: string): string {
  return `overlay(overlay(md5('bench:${kind}:' || ${keyExpr}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function textArray(values: readonly string[]): string {
  return `(ARRAY[${values.map(quote).join(",")}]::text[])`;
}

/** `values[1 + floor(u * n)]` for u in [0, 1). */
function pick(array: string, length: number, u: string): string {
  return `${array}[1 + floor(${u} * ${length})::int]`;
}

function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

function courseIdOf(numberExpr: string): string {
  return uuidOf("course", numberExpr);
}

function userIdOf(numberExpr: string): string {
  return uuidOf("user", numberExpr);
}

/** Weight of a lesson type in the number of sessions of one of its attempts (0: no sessions). */
function sessionWeightSql(typeExpr: string): string {
  return `(case ${typeExpr}::text when 'elearning' then 3.0 when 'sheet' then 1.2 when 'quiz' then 1.5 else 0.0 end)`;
}

/**
 * Sessions of one attempt: about `weight * (huge course ? multiplier : 1)` on average, at least one
 * for the lesson types that have sessions. The same expression serves the attempt (whose time is
 * the sum of its sessions) and the sessions, so both agree without a second pass.
 */
function sessionCountSql(
  enrollmentKey: string,
  typeExpr: string,
  position: string,
  attemptNumber: string,
  bigExpr: string,
  multiplier: number,
): string {
  const weight = sessionWeightSql(typeExpr);
  const mu = `(${weight} * case when ${bigExpr} then ${num(multiplier)}::float8 else 1.0::float8 end)`;
  return `(case when ${weight} > 0 then 1 + floor(${rnd(enrollmentKey, `${SEED.sessionCount} + ${position} * 10 + ${attemptNumber}`)} * greatest(2 * ${mu} - 1, 1))::int else 0 end)`;
}

// ---------------------------------------------------------------------------------------------

interface Ctx {
  db: Db;
  /** `set local` statements of every generating transaction. */
  settings: string[];
  anchor: string;
  o: Required<Omit<SeedBigOptions, "log" | "reset">>;
  tutorCount: number;
  bigCourseId: string;
  tutorId: string;
  passwordHash: string;
}

async function exec(tx: Tx, text: string): Promise<number> {
  const result = await tx.execute(sql.raw(text));
  return result.rowCount ?? 0;
}

async function rows<T>(tx: Tx, text: string): Promise<T[]> {
  const result = await tx.execute(sql.raw(text));
  return result.rows as T[];
}

/** A generating transaction, with the bulk-load settings (see bulkSettings). */
async function fastTransaction<T>(c: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return c.db.transaction(async (tx) => {
    for (const setting of c.settings) await tx.execute(sql.raw(`set local ${setting}`));
    return fn(tx);
  });
}

function ranges(from: number, to: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let lo = from; lo <= to; lo += size) out.push([lo, Math.min(to, lo + size - 1)]);
  return out;
}

/**
 * Runs `fn` over the items with `jobs` connections at once (items taken in order, so put the
 * biggest first); the sum of what it returns. After a failure, no new item starts.
 */
async function inParallel<T>(items: T[], jobs: number, fn: (item: T) => Promise<number>): Promise<number> {
  let next = 0;
  let total = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        const n = await fn(item);
        total += n;
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return total;
}

function uuidArray(ids: string[]): string {
  return `'{${ids.join(",")}}'::uuid[]`;
}

// ---------------------------------------------------------------------------------------------
// Steps

async function seedOrganisation(tx: Tx, c: Ctx): Promise<string> {
  const { anchor, o } = c;
  const orgs = textArray(ORGANISATIONS);
  let n = await exec(
    tx,
    `insert into organisations (id, name, created_at)
     select ${uuidOf("org", "i")}, name, '${anchor}'::timestamptz - interval '1500 days'
     from unnest(${orgs}) with ordinality as t(name, i)`,
  );
  // 2 lists per organisation (sales people, managers) and cross-organisation lists.
  n += await exec(
    tx,
    `insert into learner_lists (id, name, organisation_id, created_at)
     select ${uuidOf("list", "i")},
       case when i <= ${ORGANISATIONS.length} then ${orgs}[i] || ' – Commerciaux'
            when i <= ${2 * ORGANISATIONS.length} then ${orgs}[i - ${ORGANISATIONS.length}] || ' – Managers'
            else ${textArray(CROSS_LISTS)}[i - ${2 * ORGANISATIONS.length}] end,
       case when i <= ${2 * ORGANISATIONS.length} then ${uuidOf("org", `(((i - 1) % ${ORGANISATIONS.length}) + 1)`)} end,
       '${anchor}'::timestamptz - interval '1400 days'
     from generate_series(1, ${2 * ORGANISATIONS.length + CROSS_LISTS.length}) i`,
  );
  n += await exec(
    tx,
    `insert into categories (id, name) select ${uuidOf("category", "i")}, name
     from unnest(${textArray(CATEGORIES)}) with ordinality as t(name, i)`,
  );
  n += await exec(
    tx,
    `insert into competency_frameworks (id, name, description) values
       (${uuidOf("framework", "'1'")}, 'Référentiel commercial', 'Compétences des métiers de la vente'),
       (${uuidOf("framework", "'2'")}, 'Référentiel management', 'Compétences des managers de proximité')`,
  );
  n += await exec(
    tx,
    `insert into competencies (id, framework_id, code, label, description)
     select ${uuidOf("competency", "i")}, ${uuidOf("framework", "(case when i <= 12 then 1 else 2 end)::text")},
       lpad(i::text, 2, '0'), label, ''
     from unnest(${textArray(COMPETENCIES)}) with ordinality as t(label, i)`,
  );
  // Staff: the admin (0), the benchmark tutor (1), and other tutors (2..) sharing the courses.
  const firstNorm = textArray(FIRST_NAMES.map(normalizeForSearch));
  const lastNorm = textArray(LAST_NAMES.map(normalizeForSearch));
  n += await exec(
    tx,
    `insert into users (id, email, password_hash, first_name, last_name, sort_name, roles, first_sign_in_at, last_sign_in_at, created_at, updated_at)
     select ${uuidOf("staff", "i")},
       case when i = 0 then ${quote(o.adminEmail)} when i = 1 then ${quote(o.tutorEmail)} else 'tutor.' || (i - 1) || '@bench.local' end,
       ${quote(c.passwordHash)},
       case when i = 0 then 'Admin' when i = 1 then 'Tutrice' else ${textArray(FIRST_NAMES)}[fi] end,
       case when i <= 1 then 'Bench' else ${textArray(LAST_NAMES)}[li] end,
       case when i = 0 then 'bench admin' when i = 1 then 'bench tutrice' else ${lastNorm}[li] || ' ' || ${firstNorm}[fi] end,
       case when i = 0 then '{admin}'::role[] else '{tutor}'::role[] end,
       '${anchor}'::timestamptz - interval '1300 days', '${anchor}'::timestamptz - interval '1 day' * i - interval '3 hours',
       '${anchor}'::timestamptz - interval '1400 days', '${anchor}'::timestamptz - interval '1400 days'
     from generate_series(0, ${c.tutorCount}) i
     cross join lateral (select 1 + floor(${rndInt("i + 1000000", SEED.firstName)} * ${FIRST_NAMES.length})::int as fi,
       1 + floor(${rndInt("i + 1000000", SEED.lastName)} * ${LAST_NAMES.length})::int as li) x`,
  );
  n += await exec(
    tx,
    `insert into mail_templates (id, owner_id, name, subject, body, created_at, updated_at)
     select ${uuidOf("template", "i")}, null, name, subject, body, '${anchor}'::timestamptz - interval '1000 days', '${anchor}'::timestamptz - interval '1000 days'
     from (values
       (1, 'Relance formation non commencée', '{{cours}} : votre formation vous attend',
        E'Bonjour {{prenom}},\n\nVous êtes inscrit(e) à la formation « {{cours}} » et ne l''avez pas encore commencée.\nAccédez-y dès maintenant : {{lien}}\n\nBonne formation,\nVotre tuteur'),
       (2, 'Relance date d''objectif proche', '{{cours}} : échéance le {{date_objectif}}',
        E'Bonjour {{prenom}},\n\nVotre progression dans « {{cours}} » est de {{progression}} et la date d''objectif est le {{date_objectif}}.\nReprenez la formation ici : {{lien}}\n\nCordialement,\nVotre tuteur'),
       (3, 'Relance inactivité', '{{cours}} : on reprend ?',
        E'Bonjour {{prenom}} {{nom}},\n\nNous n''avons pas vu d''activité récente dans « {{cours}} » (temps passé : {{temps_passe}}).\nReprenez ici : {{lien}}\n\nÀ bientôt,\nVotre tuteur')
     ) v(i, name, subject, body)`,
  );
  return `${n} rows`;
}

async function seedCatalogue(tx: Tx, c: Ctx): Promise<string> {
  const { anchor, o } = c;
  const F = o.folders;
  const roots = Math.min(F, ROOT_FOLDERS.length);
  const branching = 4;
  // A tree filled level by level: roots 1..R, then the children of folder p are
  // R + (p - 1) * B + 1 .. R + p * B. path = "/<root id>/.../<own id>/".
  let n = await exec(
    tx,
    `with recursive tree(n, id, parent_id, path, position, depth) as (
       select r, ${uuidOf("folder", "r")}, null::uuid, '/' || ${uuidOf("folder", "r")} || '/', r - 1, 0
       from generate_series(1, ${roots}) r
       union all
       select ch, ${uuidOf("folder", "ch")}, t.id, t.path || ${uuidOf("folder", "ch")} || '/',
         (ch - ${roots} - 1) % ${branching}, t.depth + 1
       from tree t cross join lateral generate_series(${roots} + (t.n - 1) * ${branching} + 1, least(${roots} + t.n * ${branching}, ${F})) ch
     )
     insert into folders (id, parent_id, name, path, position, created_at)
     select id, parent_id,
       case when depth = 0 then ${textArray(ROOT_FOLDERS)}[n] else ${textArray(SUB_FOLDERS)}[1 + ((n * 7 + position) % ${SUB_FOLDERS.length})] end,
       path, position, '${anchor}'::timestamptz - interval '1500 days'
     from tree`,
  );
  const topics = textArray(TOPICS);
  const quals = textArray(QUALIFIERS);
  const topicNorm = textArray(TOPICS.map(normalizeForSearch));
  const qualNorm = textArray(QUALIFIERS.map(normalizeForSearch));
  const T = TOPICS.length;
  const Q = QUALIFIERS.length;
  // name = topic [– qualifier] [(round)]; search_name = the same parts normalized, joined by spaces.
  n += await exec(
    tx,
    `insert into courses (id, folder_id, code, name, search_name, description, catalogue_visible, audience_everyone, inactivity_days, created_at, updated_at)
     select ${courseIdOf("c")},
       case when c > 1 and ${rndInt("c", SEED.folderNull)} < 0.03 then null
            else ${uuidOf("folder", `(1 + floor(${rndInt("c", SEED.folder)} * ${F})::int)`)} end,
       'C' || lpad(c::text, 5, '0'),
       ${topics}[1 + (c - 1) % ${T}]
         || case when qi > 1 then ' – ' || ${quals}[qi] else '' end
         || case when rnd > 0 then ' (' || (rnd + 1) || ')' else '' end,
       ${topicNorm}[1 + (c - 1) % ${T}]
         || case when qi > 1 then ' ' || ${qualNorm}[qi] else '' end
         || case when rnd > 0 then ' ' || (rnd + 1) else '' end,
       'Formation ' || lower(${topics}[1 + (c - 1) % ${T}]) || ' : les notions clés, des mises en situation et une évaluation finale.',
       c = 1 or ${rndInt("c", SEED.visible)} >= 0.05,
       c = 1 or ${rndInt("c", SEED.audience)} >= 0.25,
       (array[7, 14, 14, 30])[1 + floor(${rndInt("c", SEED.inactivityDays)} * 4)::int],
       '${anchor}'::timestamptz - interval '1 day' * (1400 + floor(${rndInt("c", SEED.courseCreated)} * 300)),
       '${anchor}'::timestamptz - interval '1 day' * (100 + floor(${rndInt("c", SEED.courseCreated + 1000)} * 300))
     from (select c, 1 + ((c - 1) / ${T}) % ${Q} as qi, (c - 1) / ${T * Q} as rnd from generate_series(1, ${o.courses}) c) x`,
  );
  n += await exec(
    tx,
    `insert into course_audience_lists (course_id, list_id)
     select distinct ${courseIdOf("c")}, ${uuidOf("list", `(1 + floor(${rndInt("c * 4 + k", SEED.audienceList)} * ${2 * ORGANISATIONS.length + CROSS_LISTS.length})::int)`)}
     from generate_series(2, ${o.courses}) c cross join generate_series(1, 2) k
     where ${rndInt("c", SEED.audience)} < 0.25 and (k = 1 or ${rndInt("c", SEED.audienceList2)} < 0.4)`,
  );
  n += await exec(
    tx,
    `insert into course_categories (course_id, category_id, position)
     select ${courseIdOf("c")}, ${uuidOf("category", "cat")}, k - 1
     from generate_series(1, ${o.courses}) c
     cross join lateral (select 1 + floor(${rndInt("c", SEED.category)} * ${CATEGORIES.length})::int as first) f
     cross join lateral (values (1, f.first), (2, 1 + (f.first + floor(${rndInt("c", SEED.category2)} * ${CATEGORIES.length - 1})::int) % ${CATEGORIES.length})) v(k, cat)
     where k = 1 or ${rndInt("c", SEED.category2 + 1000)} < 0.4`,
  );
  n += await exec(
    tx,
    `insert into course_competencies (course_id, competency_id)
     select distinct ${courseIdOf("c")}, ${uuidOf("competency", `(1 + floor(${rndInt("c * 4 + k", SEED.competency)} * ${COMPETENCIES.length})::int)`)}
     from generate_series(1, ${o.courses}) c cross join generate_series(1, 3) k
     where k <= 1 + floor(${rndInt("c", SEED.competency + 1000)} * 3)`,
  );
  // Lessons: 6 for the huge course (the source's), 6 to 9 elsewhere; every course has the six types:
  // e-learning, sheet, quiz, [extra e-learning / quiz / sheet ...], webinar, mission, observation.
  const prefix = `case t.type when 'elearning' then 'E-Learning ' when 'sheet' then 'Fiche pratique – ' when 'quiz' then 'Quiz – '
      when 'webinar' then 'Webinaire – ' when 'mission' then 'Mission – ' else 'Observation – ' end`;
  n += await exec(
    tx,
    `insert into lessons (id, course_id, position, type, title, description, points, passing_score, min_time_s, duration_s, settings, created_at)
     select ${uuidOf("lesson", "c || ':' || pos")}, ${courseIdOf("c")}, pos, t.type::lesson_type,
       case when c = 1 then ${textArray(BIG_COURSE_LESSONS)}[pos]
            else ${prefix} || ${topics}[1 + (c - 1) % ${T}] || case when pos > 3 and pos <= m - 3 then ' (partie ' || (pos - 2) || ')' else '' end end,
       '',
       case t.type when 'elearning' then 10 when 'sheet' then 5 when 'quiz' then 20 when 'webinar' then 10 else 30 end,
       case t.type
         when 'quiz' then case when c = 1 then 80 else 60 + 5 * floor(${rndInt("c * 16 + pos", SEED.passing)} * 7) end
         when 'observation' then case when c = 1 then 50 else 50 + 12.5 * floor(${rndInt("c * 16 + pos", SEED.passing)} * 3) end
         when 'elearning' then case when ${rndInt("c * 16 + pos", SEED.scoredElearning)} < 0.6 then 70 + 5 * floor(${rndInt("c * 16 + pos", SEED.passing)} * 3) end
       end,
       case when t.type = 'elearning' then 300 end,
       case t.type when 'elearning' then 900 + 300 * floor(${rndInt("c * 16 + pos", SEED.duration)} * 10) when 'sheet' then 600
         when 'quiz' then 900 when 'webinar' then 5400 when 'mission' then 7200 else 1800 end,
       case t.type
         when 'elearning' then jsonb_build_object('scormVersion', '2004')
         when 'sheet' then jsonb_build_object('document', 'fiche-' || c || '-' || pos || '.pdf')
         when 'quiz' then jsonb_build_object('maxAttempts', 3, 'shuffleQuestions', true, 'questionCount', 5)
         when 'mission' then jsonb_build_object('maxFiles', 3, 'instructions', 'Préparez un rendez-vous client et déposez votre plan.')
         else '{}'::jsonb end,
       '${anchor}'::timestamptz - interval '1 day' * (1400 + floor(${rndInt("c", SEED.courseCreated)} * 300))
     from generate_series(1, ${o.courses}) c
     cross join lateral (select case when c = 1 then 6 else 6 + floor(power(${rndInt("c", SEED.lessonCount)}, 2) * 4)::int end as m) mm
     cross join lateral generate_series(1, mm.m) pos
     cross join lateral (select case
         when pos = 1 then 'elearning' when pos = 2 then 'sheet' when pos = 3 then 'quiz'
         when pos = m - 2 then 'webinar' when pos = m - 1 then 'mission' when pos = m then 'observation'
         else (array['elearning', 'quiz', 'sheet'])[1 + (pos - 4) % 3] end as type) t`,
  );
  const questions = textArray(QUIZ_QUESTIONS);
  n += await exec(
    tx,
    `insert into quiz_questions (id, lesson_id, position, multiple, text, choices, points)
     select ${uuidOf("question", "l.id || ':' || q")}, l.id, q, q = 5,
       ${questions}[1 + (q + l.position) % ${QUIZ_QUESTIONS.length}],
       jsonb_build_array(
         jsonb_build_object('label', 'Réponse A', 'correct', ok = 0), jsonb_build_object('label', 'Réponse B', 'correct', ok = 1),
         jsonb_build_object('label', 'Réponse C', 'correct', ok = 2 or q = 5), jsonb_build_object('label', 'Réponse D', 'correct', ok = 3)),
       1
     from lessons l cross join generate_series(1, 5) q
     cross join lateral (select floor(${rnd("l.id::text", `${SEED.quizCorrect} + q`)} * 4)::int as ok) k
     where l.type = 'quiz'`,
  );
  n += await exec(
    tx,
    `insert into observation_grids (id, lesson_id, levels)
     select ${uuidOf("grid", "l.id")}, l.id,
       '[{"label": "Non acquis", "value": 0}, {"label": "En cours d''acquisition", "value": 50}, {"label": "Acquis", "value": 100}]'::jsonb
     from lessons l where l.type = 'observation'`,
  );
  n += await exec(
    tx,
    `insert into observation_criteria (id, grid_id, position, label, description, weight, required)
     select ${uuidOf("criterion", "g.id || ':' || k")}, g.id, k,
       (array['Prépare son entretien', 'Découvre les besoins du client', 'Argumente avec pertinence', 'Conclut la vente'])[k],
       (array['Objectifs, documents, plan de découverte', 'Questions ouvertes, écoute active, reformulation',
              'Bénéfices client, traitement des objections', 'Engagement, prochaine étape'])[k],
       1, k = 1
     from observation_grids g cross join generate_series(1, 4) k`,
  );
  n += await exec(
    tx,
    `insert into evaluation_questions (id, course_id, position, kind, label, options)
     select ${uuidOf("evalq", "c.id || ':' || v.k")}, c.id, v.k, v.kind::evaluation_question_kind, v.label, v.options::jsonb
     from courses c cross join (values
       (1, 'rating', 'Globalement, êtes-vous satisfait(e) de cette formation ?', '[]'),
       (2, 'rating', 'Les contenus sont-ils adaptés à votre métier ?', '[]'),
       (3, 'choice', 'Recommanderiez-vous cette formation à un collègue ?', '["Oui", "Peut-être", "Non"]'),
       (4, 'text', 'Qu''avez-vous le plus apprécié ?', '[]')) v(k, kind, label, options)`,
  );
  // The benchmark tutor tutors every course; other tutors share them, some restricted to learner lists.
  const tutors = c.tutorCount - 1;
  n += await exec(
    tx,
    `insert into tutor_assignments (id, tutor_id, course_id, restricted, created_at)
     select distinct on (c, tutor_n) ${uuidOf("assignment", "tutor_n || ':' || c")}, ${uuidOf("staff", "tutor_n")}, ${courseIdOf("c")},
       restricted, '${anchor}'::timestamptz - interval '1300 days'
     from (
       select c, 1 as tutor_n, false as restricted from generate_series(1, ${o.courses}) c
       union all
       select c, 2 + (c - 1) % ${Math.max(tutors, 1)}, ${rndInt("c", SEED.restricted)} < 0.3
       from generate_series(1, ${o.courses}) c where ${tutors} > 0
       union all
       select c, 2 + floor(${rndInt("c", SEED.secondTutor)} * ${Math.max(tutors, 1)})::int, false
       from generate_series(1, ${o.courses}) c where ${tutors} > 1 and ${rndInt("c", SEED.secondTutor + 1000)} < 0.3
     ) a
     order by c, tutor_n, restricted`,
  );
  n += await exec(
    tx,
    `insert into tutor_assignment_lists (assignment_id, list_id)
     select distinct ta.id, ${uuidOf("list", `(1 + floor(${rnd("ta.id::text", `k + ${SEED.restrictedList}`)} * ${2 * ORGANISATIONS.length})::int)`)}
     from tutor_assignments ta cross join generate_series(1, 2) k
     where ta.restricted and (k = 1 or ${rnd("ta.id::text", SEED.restrictedList + 1000)} < 0.4)`,
  );
  return `${n} rows`;
}

/** Learner accounts, with their platform sign-ins and learner-list memberships. */
async function seedLearners(c: Ctx): Promise<string> {
  const { anchor, o } = c;
  const firsts = textArray(FIRST_NAMES);
  const lasts = textArray(LAST_NAMES);
  const firstNorm = textArray(FIRST_NAMES.map(normalizeForSearch));
  const lastNorm = textArray(LAST_NAMES.map(normalizeForSearch));
  const orgCount = ORGANISATIONS.length;
  let n = await inParallel(ranges(1, o.learners, 50_000), o.jobs, ([lo, hi]) =>
    fastTransaction(c, (tx) =>
      exec(
        tx,
        // A learner's timeline: last sign-in mostly recent (up to ~2 years ago), first sign-in 20 to
        // 520 days before; 6 % never signed in (and will have no activity).
        `insert into users (id, email, password_hash, first_name, last_name, sort_name, organisation_id, roles, locale,
           time_zone, active, first_sign_in_at, last_sign_in_at, created_at, updated_at)
         select ${userIdOf("n")},
           replace(${firstNorm}[fi], ' ', '-') || '.' || replace(${lastNorm}[li], ' ', '-') || '.' || n || '@bench.local',
           ${quote(c.passwordHash)}, ${firsts}[fi], ${lasts}[li], ${lastNorm}[li] || ' ' || ${firstNorm}[fi],
           ${uuidOf("org", "org")}, '{learner}', case when ${rndInt("n", SEED.locale)} < 0.05 then 'en'::locale else 'fr'::locale end,
           'Europe/Paris', ${rndInt("n", SEED.inactive)} >= 0.02, f, l, created, created
         from (
           select n, fi, li, org, l - interval '1 day' * (20 + 500 * ${rndInt("n", SEED.firstSignIn)}) as f, l,
             case when l is null then '${anchor}'::timestamptz - interval '1 day' * (30 + 500 * ${rndInt("n", SEED.created)})
                  else l - interval '1 day' * (20 + 500 * ${rndInt("n", SEED.firstSignIn)}) - interval '1 day' * (1 + 60 * ${rndInt("n", SEED.created)}) end as created
           from (
             select n,
               1 + floor(${rndInt("n", SEED.firstName)} * ${FIRST_NAMES.length})::int as fi,
               1 + floor(${rndInt("n", SEED.lastName)} * ${LAST_NAMES.length})::int as li,
               1 + floor(power(${rndInt("n", SEED.organisation)}, 1.5) * ${orgCount})::int as org,
               case when ${rndInt("n", SEED.neverSignedIn)} >= 0.06 then
                 '${anchor}'::timestamptz - interval '1 day' * (0.3 + 700 * power(${rndInt("n", SEED.lastSignIn)}, 2.5))
                   - interval '1 second' * floor(${rndInt("n", SEED.lastSignInTime)} * 36000) end as l
             from generate_series(${lo}, ${hi}) n
             offset 0
           ) a
           offset 0
         ) b`,
      ),
    ),
  );
  // 2 to 9 sign-ins per learner who signed in, the first and last being users.first/last_sign_in_at.
  const followUps: ((tx: Tx) => Promise<number>)[] = [];
  followUps.push((tx) =>
    exec(
      tx,
      `insert into sign_ins (user_id, at, ip, user_agent)
       select u.id,
         case when k = 1 then u.first_sign_in_at when k = cnt then u.last_sign_in_at
           else u.first_sign_in_at + (u.last_sign_in_at - u.first_sign_in_at) * ((k - 1 + ${rnd("u.id::text", `${SEED.signInJitter} + k`)} - 0.5) / (cnt - 1)) end,
         ('10.' || (1 + floor(${rnd("u.id::text", SEED.signInJitter + 100)} * 200)::int) || '.' || (k % 250) || '.' || (1 + floor(${rnd("u.id::text", SEED.signInJitter + 101)} * 250)::int))::inet,
         (array['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) Safari/17.4',
                'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0'])
           [1 + floor(${rnd("u.id::text", SEED.signInJitter + 102)} * 4)::int]
       from users u
       cross join lateral (select 2 + floor(${rnd("u.id::text", SEED.signInCount)} * 8)::int as cnt) sc
       cross join lateral generate_series(1, sc.cnt) k
       where u.first_sign_in_at is not null and u.email like '%@bench.local'`,
    ),
  );
  // Each learner is in a list of their organisation (sales people or managers), 30 % also in a cross list.
  followUps.push((tx) =>
    exec(
      tx,
      `insert into learner_list_members (list_id, user_id)
       select ${uuidOf("list", "li")}, ${userIdOf("n")}
       from generate_series(1, ${o.learners}) n
       cross join lateral (select 1 + floor(power(${rndInt("n", SEED.organisation)}, 1.5) * ${orgCount})::int as org) g
       cross join lateral (values
         (g.org + case when ${rndInt("n", SEED.managerList)} < 0.8 then 0 else ${orgCount} end),
         (case when ${rndInt("n", SEED.crossList)} < 0.3 then ${2 * orgCount} + 1 + floor(${rndInt("n", SEED.crossListPick)} * ${CROSS_LISTS.length})::int end)) v(li)
       where li is not null`,
    ),
  );
  n += await inParallel(followUps, o.jobs, (fn) => fastTransaction(c, fn));
  return `${n} rows`;
}

/**
 * Enrollments of the learners `from` selects (columns n: learner number, cn: course number, u: the
 * user). Type depends on the course's profile (mostly mandatory, recommended or free); learner_sort_name
 * is the user's sort_name; enrollment dates fall within the learner's sign-in period.
 */
function enrollmentRowsSql(from: string, anchor: string): string {
  const key = "(cn || ':' || n)";
  return `
    select ${uuidOf("enrollment", key)}, ${courseIdOf("cn")}, u.id, et.type::enrollment_type, ea.enrolled_at,
      case when et.type <> 'free' then ea.enrolled_at end,
      case when et.type = 'mandatory' then ea.enrolled_at + interval '30 days' * (1 + floor(${rnd(key, SEED.objective)} * 3))
           when et.type = 'recommended' and ${rnd(key, SEED.objective + 1000)} < 0.5 then ea.enrolled_at + interval '90 days' end,
      case when et.type = 'mandatory' and ${rnd(key, SEED.endAt)} < 0.15 then ea.enrolled_at + interval '150 days' end,
      u.sort_name, ea.enrolled_at
    from ${from}
    cross join lateral (select ${rnd(key, SEED.enrollType)} as r, case when cn = 1 then -1 else ${rndInt("cn", SEED.typeProfile)} end as profile) tr
    cross join lateral (select case
        when tr.profile < 0 then case when tr.r < 0.7 then 'mandatory' when tr.r < 0.9 then 'recommended' else 'free' end
        when tr.profile < 0.4 then case when tr.r < 0.8 then 'mandatory' when tr.r < 0.9 then 'recommended' else 'free' end
        when tr.profile < 0.7 then case when tr.r < 0.15 then 'mandatory' when tr.r < 0.85 then 'recommended' else 'free' end
        else case when tr.r < 0.05 then 'mandatory' when tr.r < 0.2 then 'recommended' else 'free' end end as type) et
    cross join lateral (select case
        when u.first_sign_in_at is null then u.created_at + ('${anchor}'::timestamptz - u.created_at) * ${rnd(key, SEED.enrolledAt)}
        else u.first_sign_in_at + (u.last_sign_in_at - u.first_sign_in_at) * 0.6 * ${rnd(key, SEED.enrolledAt)} end as enrolled_at) ea`;
}

async function seedEnrollments(c: Ctx): Promise<string> {
  const { anchor, o } = c;
  const columns =
    "(id, course_id, user_id, type, enrolled_at, start_at, objective_at, end_at, learner_sort_name, updated_at)";
  const sources: string[] = [];
  // The huge course: learners 1..B.
  for (const [lo, hi] of ranges(1, o.bigCourseLearners, 100_000)) {
    sources.push(
      `(select n, 1 as cn, ${userIdOf("n")} as uid from generate_series(${lo}, ${hi}) n) s join users u on u.id = s.uid`,
    );
  }
  if (o.courses > 1) {
    // Each learner picks 0 to 2 * coursesPerLearner other courses, popular ones (low numbers) more often.
    const maxPicks = 2 * o.coursesPerLearner;
    for (const [lo, hi] of ranges(1, o.learners, 50_000)) {
      sources.push(`(
          select distinct n, 2 + floor(${o.courses - 1} * power(${rndInt("n * 64 + j", SEED.coursePick)}, 1.7))::int as cn, ${userIdOf("n")} as uid
          from generate_series(${lo}, ${hi}) n cross join generate_series(1, ${maxPicks}) j
          where j <= floor(${rndInt("n", SEED.courseCount)} * ${maxPicks + 1})
        ) s join users u on u.id = s.uid`);
    }
  }
  const n = await inParallel(sources, o.jobs, (from) =>
    fastTransaction(c, (tx) =>
      exec(tx, `insert into enrollments ${columns} ${enrollmentRowsSql(from, anchor)} order by cn, u.sort_name`),
    ),
  );
  return `${n} enrollments`;
}

/**
 * One row per (enrollment, lesson) the learner reached, with the plan of what happened there.
 * A learner who signed in starts a course with probability 1 - notStartedShare(course); then either
 * finishes every lesson or stops at lesson k (the lessons before are done, lesson k is current).
 */
function lessonProgressSql(courses: string, bigCourseId: string): string {
  return `
    select p.eid, p.user_id, p.course_id, p.big, p.k, p.finished,
      l.id as lesson_id, l.position as pos, l.type::text as type, l.passing_score::float8 as ps,
      (l.position < p.k or p.finished) as done,
      p.span / p.k as w,
      p.s_at + make_interval(secs => p.span / p.k * (l.position - 1)) as lesson_start,
      ${rnd("p.eid::text", `${SEED.outcome} + l.position * 10`)} < case l.type
        when 'elearning' then 0.9 when 'quiz' then 0.85 when 'mission' then 0.9 when 'observation' then 0.75 else 1 end as pass_out,
      ${rnd("p.eid::text", `${SEED.attemptCount} + l.position * 10`)} as r_a,
      ${rnd("p.eid::text", `${SEED.current} + l.position * 10`)} as r_cur
    from (
      select e.id as eid, e.user_id, e.course_id, e.course_id = '${bigCourseId}'::uuid as big, cs.m, fin.finished,
        st.s_at, extract(epoch from st.e_at - st.s_at)::float8 as span,
        case when fin.finished then cs.m else 1 + floor(${rnd("e.id::text", SEED.depth)} * cs.m)::int end as k
      from enrollments e
      join users u on u.id = e.user_id
      join (
        select course_id, count(*)::int as m,
          case when course_id = '${bigCourseId}'::uuid then 0.15 else 0.10 + 0.25 * ${rnd("course_id::text", SEED.notStartedShare)} end as ns_share,
          case when course_id = '${bigCourseId}'::uuid then 0.3 else 0.15 + 0.35 * ${rnd("course_id::text", SEED.finishShare)} end as fin_share
        from lessons where course_id = any(${courses}) group by course_id
      ) cs on cs.course_id = e.course_id
      cross join lateral (select e.enrolled_at + least(interval '14 days' * ${rnd("e.id::text", SEED.startDelay)}, (u.last_sign_in_at - e.enrolled_at) / 4) as s_at) s0
      cross join lateral (select s0.s_at,
        least(u.last_sign_in_at - interval '2 hours', s0.s_at + interval '1 day' * (7 + 120 * ${rnd("e.id::text", SEED.duration)})) as e_at) st
      cross join lateral (select ${rnd("e.id::text", SEED.finished)} < cs.fin_share as finished) fin
      where e.course_id = any(${courses}) and u.first_sign_in_at is not null and ${rnd("e.id::text", SEED.notStarted)} >= cs.ns_share
      offset 0
    ) p
    join lessons l on l.course_id = p.course_id and l.position <= p.k
    offset 0`;
}

/**
 * The attempts of the lessons reached: e-learning launches (the last one completed, passed or
 * failed when the lesson is done), one sheet view, quiz tries (failed ones, then the final one),
 * mission submissions (awaiting correction when the mission is the current lesson), observations.
 * Webinars have no attempts: their time comes from virtual-class attendance.
 */
function attemptRowsSql(courses: string, bigCourseId: string, anchor: string, multiplier: number): string {
  const key = "lp.eid::text";
  const seed = (base: number) => `${base} + lp.pos * 10 + j`;
  return `
    select lp.eid as enrollment_id, lp.lesson_id, j as number, lp.type, lp.big, sc.sessions,
      tm.started_at,
      case when mi.draft then null else tm.started_at + make_interval(secs => tm.wall) end as ended_at,
      st.status,
      case when st.status = 'in_progress' then null
           when lp.type = 'mission' then least(tm.started_at + make_interval(secs => tm.wall) + interval '1 hour' * (2 + 118 * ${rnd(key, seed(SEED.attemptTime + 500_000))}), '${anchor}'::timestamptz)
           else tm.started_at + make_interval(secs => tm.wall) end as status_at,
      sc.score, tm.t as time_spent_s,
      case when lp.type = 'elearning' then jsonb_strip_nulls(jsonb_build_object(
          'completion_status', case when st.status = 'in_progress' then 'incomplete' else 'completed' end,
          'success_status', case st.status when 'passed' then 'passed' when 'failed' then 'failed' else 'unknown' end,
          'score', case when sc.score is not null then jsonb_build_object('raw', sc.score, 'min', 0, 'max', 100, 'scaled', round(sc.score / 100, 2)) end,
          'location', 'page-' || pg.page,
          'progress_measure', round(pg.page / 20.0, 2),
          'suspend_data', '{"v":2,"page":' || pg.page || ',"seen":"' || substr(md5(lp.eid::text || j), 1, 8 + pg.page) || '"}',
          'entry', case when j = 1 then 'ab-initio' else 'resume' end,
          'exit', case when st.status = 'in_progress' then 'suspend' else 'normal' end,
          'total_time', 'PT' || (tm.t / 3600) || 'H' || (tm.t % 3600 / 60) || 'M' || (tm.t % 60) || 'S'))
        else '{}'::jsonb end as cmi,
      case lp.type
        when 'quiz' then case when sc.score is not null then jsonb_build_object('questions', 5, 'correct', round(sc.score / 20)::int) else '{}'::jsonb end
        when 'mission' then jsonb_build_object('submitted', not mi.draft, 'declaredTimeS', tm.t)
        else '{}'::jsonb end as data
    from (${lessonProgressSql(courses, bigCourseId)}) lp
    cross join lateral (select case lp.type
        when 'elearning' then case when lp.done then 1 + floor(lp.r_a * 3)::int else 1 + floor(lp.r_a * 2)::int end
        when 'sheet' then case when lp.done then 1 else 0 end
        when 'quiz' then case when lp.done then 1 + floor(lp.r_a * 3)::int else 1 + floor(lp.r_a * 2)::int end
        when 'mission' then case when lp.done and lp.pass_out and lp.r_a >= 0.8 then 2 else 1 end
        when 'observation' then case when not lp.done then 0 when lp.pass_out and lp.r_a >= 0.75 then 2 else 1 end
        else 0 end as a offset 0) na
    cross join lateral generate_series(1, na.a) j
    cross join lateral (select case lp.type
        when 'elearning' then case when j < na.a or not lp.done then 'in_progress' when lp.ps is null then 'completed'
                                   when lp.pass_out then 'passed' else 'failed' end
        when 'sheet' then 'completed'
        when 'quiz' then case when j < na.a then 'failed' when lp.done then case when lp.pass_out then 'passed' else 'failed' end
                              when lp.r_cur < 0.5 then 'in_progress' else 'failed' end
        when 'mission' then case when not lp.done then 'in_progress' when j = na.a and lp.pass_out then 'passed' else 'failed' end
        else case when j = na.a and lp.pass_out then 'passed' else 'failed' end end as status offset 0) st
    cross join lateral (select lp.type = 'mission' and not lp.done and lp.r_cur >= 0.35 as draft,
      ${rnd(key, seed(SEED.attemptScore))} as r offset 0) mi
    cross join lateral (select
      case
        when st.status = 'in_progress' then null
        when lp.type = 'quiz' or (lp.type = 'elearning' and lp.ps is not null) then
          case when st.status = 'passed' then least(100, lp.ps + floor(mi.r * (101 - lp.ps)))
               else greatest(0, lp.ps - 1 - floor(mi.r * greatest(lp.ps - 10, 1))) end
        when lp.type = 'mission' then case when st.status = 'passed' then 60 + floor(mi.r * 41) else 10 + floor(mi.r * 40) end
        when lp.type = 'observation' then 12.5 * case when st.status = 'passed'
          then ceil(lp.ps / 12.5) + floor(mi.r * (9 - ceil(lp.ps / 12.5))) else floor(mi.r * ceil(lp.ps / 12.5)) end
      end::numeric(5, 2) as score,
      ${sessionCountSql(key, "lp.type", "lp.pos", "j", "lp.big", multiplier)} as sessions offset 0) sc
    cross join lateral (select ${rnd(key, seed(SEED.attemptTime))} as r, lp.w / na.a as slot offset 0) rt
    cross join lateral (select
      case lp.type
        when 'elearning' then sc.sessions * (20 + floor(580 * power(rt.r, 2)))::int
        when 'sheet' then sc.sessions * (30 + floor(240 * rt.r))::int
        when 'quiz' then sc.sessions * (60 + floor(540 * rt.r))::int
        when 'mission' then case when mi.draft then 0 else 900 + 300 * floor(rt.r * 36)::int end
        else 600 + 60 * floor(rt.r * 51)::int end as t offset 0) tt
    cross join lateral (select tt.t,
      lp.lesson_start + make_interval(secs => rt.slot * (j - 1) + rt.slot * 0.2 * ${rnd(key, seed(SEED.attemptStart))}) as started_at,
      case when sc.sessions > 1 then greatest(tt.t, floor(least(rt.slot * 0.7,
          tt.t + (sc.sessions - 1) * (600 + 86400 * power(${rnd(key, seed(SEED.sessionGap))}, 2)))))::int
        else tt.t end as wall offset 0) tm
    cross join lateral (select case when st.status = 'in_progress' then 1 + floor(${rnd(key, seed(SEED.page))} * 19)::int else 20 end as page offset 0) pg`;
}

interface CourseBatch {
  ids: string[];
  enrollments: number;
}

async function courseBatches(db: Db, bigCourseId: string, target: number): Promise<CourseBatch[]> {
  const counts = await rows<{ id: string; n: number }>(
    db,
    `select c.id, count(e.id)::int as n from courses c left join enrollments e on e.course_id = c.id
     group by c.id order by c.id`,
  );
  const batches: CourseBatch[] = [];
  let current: CourseBatch = { ids: [], enrollments: 0 };
  for (const row of counts) {
    if (row.id === bigCourseId) {
      batches.push({ ids: [row.id], enrollments: row.n });
      continue;
    }
    if (current.ids.length > 0 && current.enrollments + row.n > target) {
      batches.push(current);
      current = { ids: [], enrollments: 0 };
    }
    current.ids.push(row.id);
    current.enrollments += row.n;
  }
  if (current.ids.length > 0) batches.push(current);
  return batches.sort((a, b) => b.enrollments - a.enrollments);
}

const ATTEMPT_COLUMNS =
  "enrollment_id, lesson_id, number, started_at, ended_at, status, status_at, score, time_spent_s, cmi, data";

async function seedActivity(c: Ctx, batches: CourseBatch[]): Promise<{ detail: string; multiplier: number }> {
  const { anchor, o, bigCourseId, tutorId } = c;
  // The huge course's session multiplier: sessionsPerLearner * learners / (sum of the session weights of its attempts).
  const big = uuidArray([bigCourseId]);
  const [weights] = await fastTransaction(c, (tx) =>
    rows<{ w: number | null }>(
      tx,
      `select sum(${sessionWeightSql("a.type")})::float8 as w from (${attemptRowsSql(big, bigCourseId, anchor, 1)}) a`,
    ),
  );
  const weight = Number(weights?.w ?? 0);
  const multiplier = weight > 0 ? (o.sessionsPerLearner * o.bigCourseLearners) / weight : 1;
  const attempts = await inParallel(batches, o.jobs, (batch) =>
    fastTransaction(c, (tx) =>
      exec(
        tx,
        `insert into attempts (${ATTEMPT_COLUMNS})
         select enrollment_id, lesson_id, number, started_at, ended_at, status::lesson_status, status_at, score, time_spent_s, cmi, data
         from (${attemptRowsSql(uuidArray(batch.ids), bigCourseId, anchor, multiplier)}) a
         order by enrollment_id, lesson_id, number`,
      ),
    ),
  );
  // Virtual classes of each course's webinar: one every 7 to 180 days (the more learners, the more often)
  // over the ~3.5 years of activity, plus two upcoming ones.
  const classes = await fastTransaction(c, (tx) =>
    exec(
      tx,
      `insert into virtual_classes (id, course_id, lesson_id, title, starts_at, duration_min, time_zone, join_url, description, uid,
         sequence, cancelled_at, created_by, created_at)
       select ${uuidOf("class", "c.id || ':' || i")}, c.id, l.id, 'Webinaire – ' || c.name || ' – session ' || i, s.starts_at, d.duration,
         'Europe/Paris', 'https://visio.bench.local/' || lower(c.code) || '-' || i, 'Classe virtuelle de la formation ' || c.name,
         md5('bench:class:' || c.id || ':' || i) || '@bench.local', 0,
         case when s.starts_at < '${anchor}'::timestamptz and ${rnd("c.id::text", `${SEED.vcCancelled} + i`)} < 0.02 then s.starts_at - interval '3 days' end,
         '${tutorId}'::uuid, s.starts_at - interval '21 days'
       from courses c
       join lessons l on l.course_id = c.id and l.type = 'webinar'
       cross join lateral (select count(*)::int as n from enrollments e where e.course_id = c.id) ec
       cross join lateral (select greatest(7, least(180, floor(52000.0 / greatest(ec.n, 1))))::int as spacing) sp
       cross join lateral (select (array[60, 90, 120])[1 + floor(${rnd("c.id::text", SEED.vcDuration)} * 3)::int] as duration) d
       cross join lateral generate_series(1, ceil(1300.0 / sp.spacing)::int + 2) i
       cross join lateral (select '${anchor}'::timestamptz - interval '1300 days' + interval '1 day' * sp.spacing * (i - 1) + interval '14 hours' as starts_at) s`,
    ),
  );
  // Attendance: a learner who went past the webinar attended the last class before reaching it;
  // one whose current lesson is the webinar missed it. Everyone recorded was invited.
  const attendance = await inParallel(batches, o.jobs, (batch) =>
    fastTransaction(c, (tx) =>
      exec(
        tx,
        `with att as (
           insert into virtual_class_attendance (class_id, user_id, present, minutes, recorded_by, recorded_at)
           select vc.id, lp.user_id, lp.done,
             case when lp.done then round(vc.duration_min * (0.7 + 0.3 * ${rnd("lp.eid::text", SEED.attendance)}))::int else 0 end,
             '${tutorId}'::uuid, least(vc.starts_at + make_interval(mins => vc.duration_min) + interval '1 hour', '${anchor}'::timestamptz)
           from (${lessonProgressSql(uuidArray(batch.ids), bigCourseId)}) lp
           cross join lateral (
             select v.id, v.duration_min, v.starts_at from virtual_classes v
             where v.course_id = lp.course_id and v.lesson_id = lp.lesson_id and v.cancelled_at is null and v.starts_at <= lp.lesson_start
             order by v.starts_at desc limit 1) vc
           where lp.type = 'webinar'
           returning class_id, user_id
         )
         insert into virtual_class_invitations (class_id, user_id, invited_at)
         select att.class_id, att.user_id, v.starts_at - interval '14 days' from att join virtual_classes v on v.id = att.class_id`,
      ),
    ),
  );
  return {
    detail: `${attempts} attempts, ${classes} virtual classes, ${attendance} attendances (session multiplier of the huge course ${multiplier.toFixed(2)})`,
    multiplier,
  };
}

/** Sessions of every attempt, by ranges of attempt ids; their durations add up to the attempt's time. */
async function seedSessions(c: Ctx, multiplier: number): Promise<string> {
  const [bounds] = await rows<{ lo: number | null; hi: number | null }>(
    c.db,
    "select min(id) as lo, max(id) as hi from attempts",
  );
  if (bounds?.lo == null || bounds.hi == null) return "0 sessions";
  const key = "a.enrollment_id::text";
  const split = (k: string) =>
    `case when ${k} <= 0 then 0 when ${k} >= s.n then a.time_spent_s
       else floor(a.time_spent_s * (${k} - 1 + ${rnd(key, `${SEED.sessionSplit} + l.position * 100000 + a.number * 10000 + ${k}`)}) / s.n)::int end`;
  // Small ranges, so that the workers share the huge course's attempts (many sessions each) evenly.
  const n = await inParallel(ranges(Number(bounds.lo), Number(bounds.hi), 50_000), c.o.jobs, ([lo, hi]) =>
    fastTransaction(c, (tx) =>
      exec(
        tx,
        `insert into sessions (enrollment_id, lesson_id, attempt_id, started_at, duration_s, ended_at)
         select a.enrollment_id, a.lesson_id, a.id,
           a.started_at + make_interval(secs => p.p0 + s.gap * (k - 1)), p.p1 - p.p0,
           a.started_at + make_interval(secs => p.p1 + s.gap * (k - 1))
         from attempts a
         join lessons l on l.id = a.lesson_id
         cross join lateral (select ${sessionCountSql(key, "l.type", "l.position", "a.number", `l.course_id = '${c.bigCourseId}'::uuid`, multiplier)} as n offset 0) s0
         cross join lateral (select s0.n,
           case when s0.n > 1 then (extract(epoch from coalesce(a.ended_at, a.started_at) - a.started_at) - a.time_spent_s) / (s0.n - 1) else 0 end as gap offset 0) s
         cross join lateral generate_series(1, s.n) k
         cross join lateral (select ${split("k - 1")} as p0, ${split("k")} as p1 offset 0) p
         where a.id between ${lo} and ${hi}`,
      ),
    ),
  );
  return `${n} sessions`;
}

/** Mission submissions and corrections, observations with their grid ratings. */
async function seedAssessments(c: Ctx): Promise<string> {
  const { tutorId } = c;
  return fastTransaction(c, async (tx) => {
    const submissions = await exec(
      tx,
      `insert into mission_submissions (id, attempt_id, enrollment_id, lesson_id, text, declared_time_s, submitted_at)
       select ${uuidOf("submission", "a.enrollment_id || ':' || a.lesson_id || ':' || a.number")}, a.id, a.enrollment_id, a.lesson_id,
         ${textArray(MISSION_TEXTS)}[1 + floor(${rnd("a.enrollment_id::text", "a.number")} * ${MISSION_TEXTS.length})::int],
         a.time_spent_s, a.ended_at
       from attempts a join lessons l on l.id = a.lesson_id
       where l.type = 'mission' and (a.data ->> 'submitted')::boolean`,
    );
    const corrections = await exec(
      tx,
      `insert into mission_corrections (id, submission_id, tutor_id, score, verdict, feedback, corrected_at)
       select ${uuidOf("correction", "ms.id")}, ms.id, '${tutorId}'::uuid, a.score, a.status::text::verdict,
         ${textArray(MISSION_FEEDBACK)}[1 + floor(${rnd("ms.id::text", 1)} * ${MISSION_FEEDBACK.length})::int], a.status_at
       from mission_submissions ms join attempts a on a.id = ms.attempt_id
       where a.status in ('passed', 'failed')`,
    );
    const observations = await exec(
      tx,
      `insert into observations (id, attempt_id, grid_id, enrollment_id, tutor_id, observed_at, duration_s, comment, score, passed)
       select ${uuidOf("observation", "a.enrollment_id || ':' || a.lesson_id || ':' || a.number")}, a.id, g.id, a.enrollment_id,
         '${tutorId}'::uuid, a.ended_at, a.time_spent_s,
         ${textArray(OBSERVATION_COMMENTS)}[1 + floor(${rnd("a.enrollment_id::text", "a.number + 7")} * ${OBSERVATION_COMMENTS.length})::int],
         a.score, a.status = 'passed'
       from attempts a join observation_grids g on g.lesson_id = a.lesson_id`,
    );
    // Levels (0, 50, 100) filled criterion by criterion so that their mean is the observation's score:
    // the eliminating first criterion is at the top level whenever the score is 50 or more.
    const ratings = await exec(
      tx,
      `insert into observation_ratings (observation_id, criterion_id, level_index, comment)
       select o.id, cr.id, greatest(0, least(2, round(o.score / 12.5)::int - 2 * (cr.position - 1))), ''
       from observations o join observation_criteria cr on cr.grid_id = o.grid_id`,
    );
    return `${submissions} submissions (${submissions - corrections} awaiting correction), ${observations} observations, ${ratings} ratings`;
  });
}

/**
 * The learner report's worst case: one learner with `heavyLearnerAttempts` attempts spread over
 * the e-learning, sheet and quiz lessons of the course C00002 (enrolled there if they were not),
 * after the attempts the generator gave them, 5 sessions each. Summaries come later, as for anyone.
 */
async function seedHeavyLearner(c: Ctx): Promise<{ detail: string; heavy: SeedBigResult["heavyLearner"] }> {
  const { anchor, o } = c;
  if (o.heavyLearnerAttempts === 0 || o.courses < 2) return { detail: "none", heavy: null };
  return fastTransaction(c, async (tx) => {
    const [learner] = await rows<{ id: string; n: number }>(
      tx,
      `select u.id, n from generate_series(1, ${Math.min(o.learners, 1000)}) n join users u on u.id = ${userIdOf("n")}
       where u.first_sign_in_at is not null order by n limit 1`,
    );
    if (!learner) return { detail: "no learner signed in", heavy: null };
    const courseId = (await rows<{ id: string }>(tx, `select ${courseIdOf("'2'")} as id`))[0]?.id ?? "";
    await exec(
      tx,
      `insert into enrollments (id, course_id, user_id, type, enrolled_at, start_at, learner_sort_name, updated_at)
       select ${uuidOf("enrollment", `'2:' || ${learner.n}`)}, '${courseId}'::uuid, u.id, 'mandatory', u.first_sign_in_at,
         u.first_sign_in_at, u.sort_name, u.first_sign_in_at
       from users u where u.id = '${learner.id}'::uuid
       on conflict (course_id, user_id) do nothing`,
    );
    // Session j of an attempt lasts 60 to 599 s, from a hash of (enrollment, lesson, number, j): the
    // attempt's time is the sum of the same five expressions.
    const duration = (attempt: string, j: string) =>
      `(60 + floor(${rnd(`(${attempt}.enrollment_id::text || ':' || ${attempt}.lesson_id::text || ':' || ${attempt}.number)`, `${SEED.heavy} + ${j}`)} * 540))::int`;
    const attempts = await exec(
      tx,
      `with plan as (
         select e.id as enrollment_id, l.id as lesson_id, l.type::text as type, k, u.first_sign_in_at as f,
           greatest(u.last_sign_in_at - u.first_sign_in_at, interval '1 day') as span,
           coalesce((select max(a.number) from attempts a where a.enrollment_id = e.id and a.lesson_id = l.id), 0)
             + 1 + (k - 1) / ls.n as number,
           k + ls.n > ${o.heavyLearnerAttempts} as last
         from enrollments e join users u on u.id = e.user_id
         cross join lateral (select count(*)::int as n from lessons where course_id = e.course_id and type in ('elearning', 'sheet', 'quiz')) ls
         cross join generate_series(1, ${o.heavyLearnerAttempts}) k
         join lateral (select id, type from lessons where course_id = e.course_id and type in ('elearning', 'sheet', 'quiz')
                       order by position offset (k - 1) % ls.n limit 1) l on true
         where e.course_id = '${courseId}'::uuid and e.user_id = '${learner.id}'::uuid
       )
       insert into attempts (${ATTEMPT_COLUMNS})
       select enrollment_id, lesson_id, number, s, s + make_interval(secs => t),
         (case when type = 'sheet' then 'completed' when not last then case when type = 'quiz' then 'failed' else 'in_progress' end
               when type = 'quiz' then 'passed' else 'completed' end)::lesson_status,
         case when type = 'sheet' or last or type = 'quiz' then s + make_interval(secs => t) end,
         case when type = 'quiz' then case when last then 90 else 40 end end, t,
         case when type = 'elearning' then jsonb_build_object('completion_status', case when last then 'completed' else 'incomplete' end,
           'location', 'page-' || (1 + k % 20), 'suspend_data', '{"v":2,"page":' || (1 + k % 20) || '}') else '{}'::jsonb end,
         case when type = 'quiz' then jsonb_build_object('questions', 5, 'correct', case when last then 5 else 2 end) else '{}'::jsonb end
       from plan
       cross join lateral (select least(f + span * ((k - 1)::float8 / ${o.heavyLearnerAttempts}), '${anchor}'::timestamptz - interval '1 day') as s) st
       cross join lateral (select sum(${duration("plan", "j")})::int as t from generate_series(1, 5) j) tt`,
    );
    const sessions = await exec(
      tx,
      `insert into sessions (enrollment_id, lesson_id, attempt_id, started_at, duration_s, ended_at)
       select a.enrollment_id, a.lesson_id, a.id, a.started_at + make_interval(secs => p.before), p.d,
         a.started_at + make_interval(secs => p.before + p.d)
       from attempts a join enrollments e on e.id = a.enrollment_id
       cross join lateral (select d, (sum(d) over (order by j) - d)::int as before
         from (select j, ${duration("a", "j")} as d from generate_series(1, 5) j) dj) p
       where e.course_id = '${courseId}'::uuid and e.user_id = '${learner.id}'::uuid
         and not exists (select 1 from sessions s where s.attempt_id = a.id)
         and exists (select 1 from lessons l where l.id = a.lesson_id and l.type in ('elearning', 'sheet', 'quiz'))`,
    );
    return {
      detail: `${attempts} attempts, ${sessions} sessions for learner ${learner.n} in C00002`,
      heavy: { userId: learner.id, courseId },
    };
  });
}

/**
 * lesson_stats and enrollment summaries by the app's own recomputeEnrollments, over batches of
 * courses. Each call scans all sessions and attempts once (its plan for a course-wide condition),
 * so the batches are few and large.
 */
async function seedSummaries(c: Ctx, batches: CourseBatch[]): Promise<string> {
  await inParallel(batches, c.o.jobs, async (batch) => {
    await fastTransaction(c, (tx) => recomputeEnrollments(tx, sql.raw(`e.course_id = any(${uuidArray(batch.ids)})`)));
    return batch.enrollments;
  });
  return `${batches.length} batches of courses`;
}

/** Reviews, lesson comments with tutors' answers, satisfaction evaluations. */
async function seedEngagement(c: Ctx): Promise<string> {
  const { anchor, tutorId } = c;
  return fastTransaction(c, async (tx) => {
    const reviews = await exec(
      tx,
      `insert into reviews (id, course_id, user_id, rating, comment, created_at, updated_at)
       select ${uuidOf("review", "e.id")}, e.course_id, e.user_id, r.rating,
         case when ${rnd("e.id::text", SEED.reviewComment)} < 0.25 then ''
              when r.rating >= 4 then ${pick(textArray(REVIEW_GOOD), REVIEW_GOOD.length, rnd("e.id::text", SEED.reviewComment + 1))}
              when r.rating = 3 then ${pick(textArray(REVIEW_MIXED), REVIEW_MIXED.length, rnd("e.id::text", SEED.reviewComment + 1))}
              else ${pick(textArray(REVIEW_BAD), REVIEW_BAD.length, rnd("e.id::text", SEED.reviewComment + 1))} end,
         r.at, r.at
       from enrollments e
       cross join lateral (select
         case when x < 0.04 then 1 when x < 0.10 then 2 when x < 0.28 then 3 when x < 0.62 then 4 else 5 end::smallint as rating,
         least(e.last_activity_at + interval '1 day' * 10 * ${rnd("e.id::text", SEED.reviewDate)}, '${anchor}'::timestamptz) as at
         from (select ${rnd("e.id::text", SEED.rating)} as x) xr) r
       where e.status <> 'not_started'
         and ${rnd("e.id::text", SEED.review)} < case when e.status = 'completed' then 0.4 else 0.08 end`,
    );
    const comments = await exec(
      tx,
      `insert into lesson_comments (id, lesson_id, author_id, parent_id, body, created_at)
       select ${uuidOf("comment", "ls.enrollment_id || ':' || ls.lesson_id")}, ls.lesson_id, e.user_id, null,
         ${pick(textArray(LEARNER_COMMENTS), LEARNER_COMMENTS.length, rnd("ls.enrollment_id::text || ls.lesson_id::text", SEED.commentBody))},
         ls.first_activity_at + (ls.last_activity_at - ls.first_activity_at) * ${rnd("ls.enrollment_id::text || ls.lesson_id::text", SEED.commentBody + 1)}
       from lesson_stats ls join enrollments e on e.id = ls.enrollment_id
       where ls.status <> 'not_attempted' and ls.first_activity_at is not null
         and ${rnd("ls.enrollment_id::text || ls.lesson_id::text", SEED.comment)} < 0.025`,
    );
    const replies = await exec(
      tx,
      `insert into lesson_comments (id, lesson_id, author_id, parent_id, body, created_at)
       select ${uuidOf("reply", "lc.id")}, lc.lesson_id, '${tutorId}'::uuid, lc.id,
         ${pick(textArray(TUTOR_REPLIES), TUTOR_REPLIES.length, rnd("lc.id::text", SEED.replyBody))},
         least(lc.created_at + interval '1 hour' * (1 + 71 * ${rnd("lc.id::text", SEED.replyBody + 1)}), '${anchor}'::timestamptz)
       from lesson_comments lc
       where lc.parent_id is null and ${rnd("lc.id::text", SEED.reply)} < 0.4`,
    );
    const responses = await exec(
      tx,
      `insert into evaluation_responses (id, course_id, user_id, submitted_at)
       select ${uuidOf("response", "e.id")}, e.course_id, e.user_id,
         least(e.last_activity_at + interval '1 day' * 3 * ${rnd("e.id::text", SEED.evaluation + 1)}, '${anchor}'::timestamptz)
       from enrollments e
       where e.status = 'completed' and ${rnd("e.id::text", SEED.evaluation)} < 0.4`,
    );
    const answers = await exec(
      tx,
      `insert into evaluation_answers (response_id, question_id, rating, choice, text)
       select r.id, q.id,
         case when q.kind = 'rating' then (case when x < 0.05 then 1 when x < 0.12 then 2 when x < 0.3 then 3 when x < 0.65 then 4 else 5 end) end,
         case when q.kind = 'choice' then (case when x < 0.7 then 'Oui' when x < 0.9 then 'Peut-être' else 'Non' end) end,
         case when q.kind = 'text' then (case when x < 0.5 then '' else ${pick(textArray(EVALUATION_TEXTS), EVALUATION_TEXTS.length, "((x - 0.5) * 2)")} end) end
       from evaluation_responses r
       join evaluation_questions q on q.course_id = r.course_id
       cross join lateral (select ${rnd("r.id::text", `${SEED.evaluationAnswer} + q.position`)} as x) xr`,
    );
    return `${reviews} reviews, ${comments + replies} comments (${replies} answers), ${responses} evaluations (${answers} answers)`;
  });
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>(
    db,
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ n: number }>(db, `select count(*)::bigint as n from "${name}"`);
    const n = Number(row?.n ?? 0);
    if (n > 0) counts[name] = n;
  }
  return counts;
}

/**
 * Tables the migrations themselves fill with rows of their own (`insert ... values`: settings
 * rows): --reset keeps them. Tables a migration fills from others (`insert ... select`: projections
 * of the enrollments, whose triggers keep them) are emptied with the rest.
 */
function migrationSeededTables(): Set<string> {
  const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../server/db/migrations");
  const kept = new Set<string>();
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".sql"))) {
    const text = fs.readFileSync(path.join(folder, file), "utf8");
    const inserts = /insert\s+into\s+(?:"?public"?\.)?"?(\w+)"?\s*(?:\([^)]*\))?\s*values/gi;
    for (const match of text.matchAll(inserts)) if (match[1]) kept.add(match[1]);
  }
  return kept;
}

/**
 * Settings of the generating transactions. No fsync per commit (a crash only loses the run) and
 * room for big sorts and hashes. As a superuser (the embedded database, a local server), also what
 * pg_restore does for a data load: foreign-key triggers off (session_replication_role = replica),
 * checked afterwards in one set-based query per constraint, and compressed full-page images in the WAL.
 */
async function bulkSettings(db: Db): Promise<{ settings: string[]; checkKeysAfter: boolean }> {
  const settings = ["synchronous_commit = off", "work_mem = '256MB'", "jit = off"];
  const [role] = await rows<{ superuser: boolean; lz4: boolean }>(
    db,
    `select current_setting('is_superuser') = 'on' as superuser,
       exists (select 1 from pg_settings where name = 'wal_compression' and 'lz4' = any(enumvals)) as lz4`,
  );
  if (!role?.superuser) return { settings, checkKeysAfter: false };
  settings.push("session_replication_role = replica");
  if (role.lz4) settings.push("wal_compression = lz4");
  return { settings, checkKeysAfter: true };
}

/** Every foreign key of the schema holds: one anti-join per constraint, an error if a row breaks one. */
async function checkForeignKeys(c: Ctx): Promise<string> {
  const { db } = c;
  const keys = await rows<{ name: string; child: string; parent: string; columns: string[]; referenced: string[] }>(
    db,
    `select con.conname as name, con.conrelid::regclass::text as child, con.confrelid::regclass::text as parent,
       array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
       array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as referenced
     from pg_constraint con join pg_namespace ns on ns.oid = con.connamespace
     where con.contype = 'f' and ns.nspname = 'public'`,
  );
  const broken: string[] = [];
  const checked = await inParallel(keys, c.o.jobs, async (key) => {
    const [has] = await rows<{ any: boolean }>(db, `select exists (select 1 from ${key.child}) as any`);
    if (!has?.any) return 0;
    const notNull = key.columns.map((col) => `c."${col}" is not null`).join(" and ");
    const match = key.columns.map((col, i) => `p."${key.referenced[i]}" = c."${col}"`).join(" and ");
    const [bad] = await fastTransaction(c, (tx) =>
      rows<{ n: number }>(
        tx,
        `select count(*)::int as n from ${key.child} c where ${notNull} and not exists (select 1 from ${key.parent} p where ${match})`,
      ),
    );
    if ((bad?.n ?? 0) > 0) broken.push(`${key.name}: ${bad?.n} rows`);
    return 1;
  });
  if (broken.length > 0) throw new Error(`Generated rows break foreign keys: ${broken.join(", ")}`);
  return `${checked} constraints hold`;
}

function resolveOptions(options: SeedBigOptions): Ctx["o"] {
  const learners = Math.floor(options.learners ?? DEFAULTS.learners);
  const courses = Math.floor(options.courses ?? DEFAULTS.courses);
  const resolved = {
    learners,
    courses,
    folders: Math.floor(options.folders ?? Math.max(1, Math.ceil(courses / 4))),
    bigCourseLearners: Math.floor(options.bigCourseLearners ?? Math.min(100_000, Math.floor(learners / 2))),
    sessionsPerLearner: options.sessionsPerLearner ?? DEFAULTS.sessionsPerLearner,
    coursesPerLearner: Math.floor(options.coursesPerLearner ?? DEFAULTS.coursesPerLearner),
    heavyLearnerAttempts: Math.floor(options.heavyLearnerAttempts ?? DEFAULTS.heavyLearnerAttempts),
    jobs: Math.floor(options.jobs ?? DEFAULTS.jobs),
    tutorEmail: (options.tutorEmail ?? DEFAULTS.tutorEmail).toLowerCase(),
    adminEmail: (options.adminEmail ?? DEFAULTS.adminEmail).toLowerCase(),
    password: options.password ?? DEFAULTS.password,
  };
  const positive = (name: string, value: number, min: number) => {
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min} (got ${value})`);
  };
  positive("learners", resolved.learners, 1);
  positive("courses", resolved.courses, 1);
  positive("folders", resolved.folders, 1);
  positive("big-course-learners", resolved.bigCourseLearners, 0);
  positive("sessions-per-learner", resolved.sessionsPerLearner, 0);
  positive("courses-per-learner", resolved.coursesPerLearner, 0);
  positive("heavy-learner-attempts", resolved.heavyLearnerAttempts, 0);
  positive("jobs", resolved.jobs, 1);
  if (resolved.bigCourseLearners > resolved.learners) throw new Error("--big-course-learners cannot exceed --learners");
  if (resolved.tutorEmail === resolved.adminEmail) throw new Error("--tutor-email and --admin-email must differ");
  return resolved;
}

/**
 * Generates the organisation into `db` (migrated). Refuses a database that already has users,
 * unless `reset` is set, which empties every table first.
 */
export async function seedBig(db: Db, options: SeedBigOptions = {}): Promise<SeedBigResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const o = resolveOptions(options);
  const started = performance.now();
  const steps: SeedBigResult["steps"] = [];
  const step = async (name: string, fn: () => Promise<string>) => {
    const t0 = performance.now();
    const detail = await fn();
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ step: name, seconds, detail });
    log(`${name.padEnd(14)} ${seconds.toFixed(1).padStart(7)} s  ${detail}`);
  };

  const tables = await rows<{ name: string }>(
    db,
    "select tablename as name from pg_tables where schemaname = 'public'",
  );
  if (!tables.some((t) => t.name === "users"))
    throw new Error("The database has no Tutora schema: run the migrations first");
  const [existing] = await rows<{ n: number }>(db, "select count(*)::int as n from (select 1 from users limit 1) u");
  if ((existing?.n ?? 0) > 0) {
    if (!options.reset) {
      throw new Error(
        "The database already has users: seed:big only fills an empty database (pass --reset to empty it first)",
      );
    }
    await step("reset", async () => {
      const kept = migrationSeededTables();
      const emptied = tables.map((t) => t.name).filter((name) => !kept.has(name));
      await exec(db, `truncate table ${emptied.map((name) => `"${name}"`).join(", ")} restart identity`);
      return `${emptied.length} tables emptied${kept.size > 0 ? ` (kept, as the migrations filled them: ${[...kept].join(", ")})` : ""}`;
    });
  }

  // Dates are relative to today's midnight (UTC): same data all day, "inactive for N days" stays meaningful.
  const today = new Date();
  const anchor = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString();
  const tutorCount = 1 + Math.max(2, Math.ceil(o.courses / 25));
  const [ids] = await rows<{ big: string; tutor: string }>(
    db,
    `select ${courseIdOf("'1'")} as big, ${uuidOf("staff", "'1'")} as tutor`,
  );
  if (!ids) throw new Error("unreachable");
  const bulk = await bulkSettings(db);
  const c: Ctx = {
    db,
    settings: bulk.settings,
    anchor,
    o,
    tutorCount,
    bigCourseId: ids.big,
    tutorId: ids.tutor,
    passwordHash: await hashPassword(o.password),
  };
  log(
    `seed:big — ${o.learners} learners, ${o.courses} courses in ${o.folders} folders, huge course of ${o.bigCourseLearners} learners, ` +
      `${o.sessionsPerLearner} sessions per learner there, ~${o.coursesPerLearner} other courses per learner` +
      (bulk.checkKeysAfter ? " (foreign keys checked once at the end)" : ""),
  );
  const analyze = (tables: string[]) => async () => {
    for (const table of tables) await exec(db, `analyze ${table}`);
    return tables.join(", ");
  };

  await step("organisation", () => fastTransaction(c, (tx) => seedOrganisation(tx, c)));
  await step("catalogue", () => fastTransaction(c, (tx) => seedCatalogue(tx, c)));
  await step("learners", () => seedLearners(c));
  await step("enrollments", () => seedEnrollments(c));
  await step("analyze", analyze(["users", "enrollments", "lessons", "courses"]));
  const batches = await courseBatches(db, ids.big, 60_000);
  // Few large batches (each recomputation scans every session once), about two per connection.
  const [enrolled] = await rows<{ n: number }>(db, "select count(*)::int as n from enrollments");
  const others = (enrolled?.n ?? 0) - o.bigCourseLearners;
  const summaryBatches = await courseBatches(db, ids.big, Math.max(50_000, Math.ceil(others / (2 * o.jobs))));
  let multiplier = 1;
  await step("activity", async () => {
    const result = await seedActivity(c, batches);
    multiplier = result.multiplier;
    return result.detail;
  });
  await step("analyze", analyze(["attempts", "virtual_classes", "virtual_class_attendance"]));
  await step("sessions", () => seedSessions(c, multiplier));
  await step("assessments", () => seedAssessments(c));
  let heavyLearner: SeedBigResult["heavyLearner"] = null;
  await step("heavy learner", async () => {
    const result = await seedHeavyLearner(c);
    heavyLearner = result.heavy;
    return result.detail;
  });
  await step("analyze", analyze(["sessions", "mission_submissions", "observations"]));
  await step("summaries", () => seedSummaries(c, summaryBatches));
  // As a superuser the load runs without triggers (replica role): what they keep is counted once here.
  await step("counters", async () => {
    await fastTransaction(c, (tx) => rebuildEnrollmentProjections(tx));
    return "course_counters";
  });
  await step("engagement", () => seedEngagement(c));
  if (bulk.checkKeysAfter) await step("foreign keys", () => checkForeignKeys(c));
  // What autovacuum would soon do on a live database: statistics, and the visibility map that
  // lets counts and pages be read from the indexes alone (index-only scans).
  await step("vacuum", async () => {
    await exec(db, "vacuum (analyze)");
    return "all tables";
  });
  const counts = await tableCounts(db);
  const totalSeconds = (performance.now() - started) / 1000;
  return { options: o, bigCourseId: ids.big, heavyLearner, tutorCount, counts, steps, totalSeconds };
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `Usage: npm run seed:big -- [options]

  --learners N              learner accounts (default ${DEFAULTS.learners})
  --courses M               courses (default ${DEFAULTS.courses})
  --folders F               folders of the course tree (default courses / 4)
  --big-course-learners B   learners of the huge 6-lesson course (default min(100000, learners / 2))
  --sessions-per-learner S  average sessions per learner of the huge course (default ${DEFAULTS.sessionsPerLearner};
                            every e-learning, sheet or quiz attempt has at least one)
  --courses-per-learner K   average number of other courses per learner (default ${DEFAULTS.coursesPerLearner})
  --heavy-learner-attempts A  attempts (5 sessions each) of one learner in the course C00002, the
                            learner report's worst case (default ${DEFAULTS.heavyLearnerAttempts}; 0: none)
  --jobs J                  statements run at once on separate connections (default ${DEFAULTS.jobs})
  --tutor-email E           tutor of every course (default ${DEFAULTS.tutorEmail})
  --admin-email E           admin account (default ${DEFAULTS.adminEmail})
  --password P              password of every generated account (default "${DEFAULTS.password}")
  --reset                   empty every table first (otherwise a database with users is refused)

Database: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (default ./data) when it is unset.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      learners: { type: "string" },
      courses: { type: "string" },
      folders: { type: "string" },
      "big-course-learners": { type: "string" },
      "sessions-per-learner": { type: "string" },
      "courses-per-learner": { type: "string" },
      jobs: { type: "string" },
      "heavy-learner-attempts": { type: "string" },
      "tutor-email": { type: "string" },
      "admin-email": { type: "string" },
      password: { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = Number(value.replaceAll("_", ""));
    if (!Number.isFinite(parsed)) throw new Error(`--${name}: not a number: ${value}`);
    return parsed;
  };
  const options: SeedBigOptions = {
    learners: number("learners", values.learners),
    courses: number("courses", values.courses),
    folders: number("folders", values.folders),
    bigCourseLearners: number("big-course-learners", values["big-course-learners"]),
    sessionsPerLearner: number("sessions-per-learner", values["sessions-per-learner"]),
    coursesPerLearner: number("courses-per-learner", values["courses-per-learner"]),
    heavyLearnerAttempts: number("heavy-learner-attempts", values["heavy-learner-attempts"]),
    jobs: number("jobs", values.jobs),
    tutorEmail: values["tutor-email"],
    adminEmail: values["admin-email"],
    password: values.password,
    reset: values.reset,
  };
  const resolved = resolveOptions(options); // fail on bad options before starting a database

  let url = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");
    console.log(`Starting the embedded PostgreSQL in ${dataDir} ...`);
    const embedded = await startEmbeddedPostgres(dataDir);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const database = openDatabase(url, resolved.jobs + 1);
  try {
    await runMigrations(database.db);
    const result = await seedBig(database.db, options);
    console.log("\nRows per table:");
    for (const [table, n] of Object.entries(result.counts))
      console.log(`  ${table.padEnd(28)} ${n.toLocaleString("en-US").padStart(12)}`);
    console.log(`\nDone in ${result.totalSeconds.toFixed(1)} s.`);
    console.log(
      `Tutor of every course: ${result.options.tutorEmail}, admin: ${result.options.adminEmail}, password "${result.options.password}".`,
    );
  } finally {
    await database.close().catch(() => {});
    if (stopEmbedded) await stopEmbedded().catch((e) => console.error("embedded PostgreSQL stop failed:", e));
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return fs.realpathSync(entry) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
