import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  IMPORT_MAX_BYTES,
  importKindParamsSchema,
  importPreviewSchema,
  importQuerySchema,
  importResultSchema,
} from "../../../common/api/imports.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import { readCsvUpload } from "./csv.js";
import * as service from "./service.js";

const errors = { 400: errorResponseSchema, 403: errorResponseSchema };
const consumes = ["multipart/form-data"];
const description =
  "Multipart form with one `file` part: a CSV in UTF-8 (at most 50 MB), columns separated by `;` or `,` " +
  "(detected from the header row), a header row naming the columns in French or English (see common/api/imports.ts " +
  "and README: users = email, prénom, nom, organisation, rôles, langue, actif; list-members = liste, email; " +
  "enrollments = email, code formation, type, date de début, date objectif, date de fin; " +
  "tutor-assignments = email tuteur, code formation, listes).";

/** CSV imports of S3: a preview with per-row errors, then the import in the mode the admin chose. */
export const importsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    "/api/admin/imports/:kind/preview",
    {
      schema: {
        tags: ["admin: imports"],
        summary: "What importing a CSV would do: counts to create, update, unchanged, and each row's errors",
        description,
        consumes,
        params: importKindParamsSchema,
        response: { 200: importPreviewSchema, ...errors },
      },
    },
    async (request) => {
      requireRole(request, "admin");
      const upload = await readCsvUpload(request, IMPORT_MAX_BYTES);
      return service.preview(db, request.params.kind, upload);
    },
  );

  app.post(
    "/api/admin/imports/:kind",
    {
      schema: {
        tags: ["admin: imports"],
        summary:
          "Import a CSV in one transaction: `mode=all_or_nothing` (any invalid row → 400, nothing written) or `mode=valid_rows`",
        description,
        consumes,
        params: importKindParamsSchema,
        querystring: importQuerySchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireRole(request, "admin");
      const upload = await readCsvUpload(request, IMPORT_MAX_BYTES);
      return service.runImport(db, actor, request.params.kind, request.query.mode, upload);
    },
  );
};
