import { z } from "zod";

/** What a CSV import brings in (S3). */
export const importKindSchema = z.enum(["users", "list-members", "enrollments", "tutor-assignments"]);
export type ImportKind = z.infer<typeof importKindSchema>;
export const importKinds = importKindSchema.options;

/**
 * `all_or_nothing`: any invalid row and nothing is written (400 `import_has_errors`);
 * `valid_rows`: the valid rows are written, the invalid ones are reported and skipped.
 */
export const importModeSchema = z.enum(["all_or_nothing", "valid_rows"]);
export type ImportMode = z.infer<typeof importModeSchema>;

export interface ImportColumn {
  key: string;
  required: boolean;
  /** Header names accepted, compared without case, accents or punctuation: French first, then English. */
  names: string[];
}

/**
 * The documented columns of each kind. The header row names the columns (any order); a header
 * may be written in French or English. An empty optional cell leaves an existing value unchanged
 * (a new row gets the default). Lists of values (roles, learner lists) are separated by `|`.
 */
export const importColumns: Record<ImportKind, ImportColumn[]> = {
  users: [
    { key: "email", required: true, names: ["email", "courriel", "e-mail", "adresse email", "mail"] },
    { key: "firstName", required: true, names: ["prénom", "first name", "firstname", "prenom"] },
    { key: "lastName", required: true, names: ["nom", "last name", "lastname", "nom de famille", "surname"] },
    { key: "organisation", required: false, names: ["organisation", "organization", "société", "company"] },
    { key: "roles", required: false, names: ["rôles", "roles", "rôle", "role"] },
    { key: "locale", required: false, names: ["langue", "language", "locale"] },
    { key: "active", required: false, names: ["actif", "active"] },
  ],
  "list-members": [
    { key: "list", required: true, names: ["liste", "list", "nom de la liste", "list name"] },
    { key: "email", required: true, names: ["email", "courriel", "e-mail", "adresse email", "mail"] },
  ],
  enrollments: [
    { key: "email", required: true, names: ["email", "courriel", "e-mail", "adresse email", "mail"] },
    { key: "course", required: true, names: ["code formation", "course code", "code cours", "formation", "course"] },
    { key: "type", required: false, names: ["type", "type d'inscription", "enrollment type"] },
    { key: "startAt", required: false, names: ["date de début", "start date", "début", "start"] },
    { key: "objectiveAt", required: false, names: ["date objectif", "objective date", "objectif", "objective"] },
    { key: "endAt", required: false, names: ["date de fin", "end date", "fin", "end"] },
  ],
  "tutor-assignments": [
    { key: "email", required: true, names: ["email tuteur", "tutor email", "email", "courriel", "tuteur", "tutor"] },
    { key: "course", required: true, names: ["code formation", "course code", "code cours", "formation", "course"] },
    { key: "lists", required: false, names: ["listes", "lists", "liste", "list"] },
  ],
};

/** Accepted values of the coded columns (French and English), normalized like headers. */
export const importValues = {
  roles: {
    apprenant: "learner",
    learner: "learner",
    tuteur: "tutor",
    tutor: "tutor",
    admin: "admin",
    administrateur: "admin",
    administrator: "admin",
  },
  locale: { fr: "fr", francais: "fr", french: "fr", en: "en", anglais: "en", english: "en" },
  active: {
    oui: true,
    yes: true,
    true: true,
    vrai: true,
    "1": true,
    non: false,
    no: false,
    false: false,
    faux: false,
    "0": false,
  },
  type: {
    obligatoire: "mandatory",
    mandatory: "mandatory",
    recommandee: "recommended",
    recommande: "recommended",
    recommended: "recommended",
    libre: "free",
    free: "free",
  },
} as const;

/** Largest CSV file accepted. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Errors returned in full; beyond that only their count. */
export const IMPORT_MAX_ERRORS = 1000;

export const importKindParamsSchema = z.object({ kind: importKindSchema });
export const importQuerySchema = z.object({ mode: importModeSchema });

/** Why a row is refused: `rule` is stable (for translations), `message` is for people reading the API. */
export const importRowErrorSchema = z.object({
  /** Line in the file (the header is line 1). */
  line: z.number().int(),
  /** The column's header as written in the file (or the documented name when it is missing). */
  column: z.string(),
  value: z.string(),
  rule: z.enum([
    "required",
    "email",
    "too_long",
    "unknown_value",
    "date",
    "date_order",
    "duplicate",
    "unknown_user",
    "unknown_course",
    "unknown_list",
    "not_tutor",
    "columns",
  ]),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importCountsSchema = z.object({
  /** Data rows read (header excluded). */
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with at least one error. */
  invalid: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importPreviewSchema = z.object({
  kind: importKindSchema,
  delimiter: z.enum([";", ","]),
  /** The documented column each header was read as. */
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  counts: importCountsSchema,
  errors: z.array(importRowErrorSchema),
  /** All errors, when more than the `errors` returned. */
  errorCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = importPreviewSchema.extend({
  mode: importModeSchema,
  /** Seconds the import took on the server. */
  seconds: z.number(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
