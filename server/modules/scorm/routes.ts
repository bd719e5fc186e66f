import fs from "node:fs";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { lessonScormSchema, scormLessonParamsSchema, scormPackageSchema } from "../../../common/api/scorm.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { badRequest, notFound } from "../../errors.js";
import { requireRole, SESSION_COOKIE } from "../../plugins/auth.js";
import { findSession, sha256 } from "../auth/queries.js";
import { presentUser } from "../auth/service.js";
import { contentTypeOf } from "./content-types.js";
import * as service from "./service.js";
import { packageError } from "./zip.js";

/**
 * The content's own policy. SCOs are authored with inline scripts and event handlers, so scripts
 * may be inline here (never on the app's pages), but everything still loads from our origin only:
 * no plugins, no foreign frames, no posting forms elsewhere. The player frames the content in the
 * same origin because a SCO finds `window.API` / `window.API_1484_11` by walking its parents.
 */
export const CONTENT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const contentParamsSchema = z.object({ packageId: z.string(), "*": z.string() });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A single `bytes=start-end` range (suffix and open ranges too); anything else is the whole file. */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? "");
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/** The signed-in user from the session cookie (the auth plugin reads it for /api/ only). */
async function contentUser(db: Db, request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const row = await findSession(db, sha256(token));
  return row?.active ? presentUser(row) : null;
}

export const scormRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const storage: service.ScormStorage = { dataDir: config.dataDir, maxBytes: config.scormMaxBytes };

  app.get(
    "/api/admin/lessons/:lessonId/scorm-package",
    {
      schema: {
        tags: ["admin"],
        summary: "An e-learning lesson's SCORM package: the current one and those it replaced",
        params: scormLessonParamsSchema,
        response: { 200: lessonScormSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      requireRole(request, "admin");
      return service.lessonScorm(db, storage, request.params.lessonId);
    },
  );

  app.post(
    "/api/admin/lessons/:lessonId/scorm-package",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Upload a SCORM 1.2 or 2004 package (multipart field `file`, a zip); checked before anything is stored, the previous package is kept inactive",
        params: scormLessonParamsSchema,
        consumes: ["multipart/form-data"],
        response: { 201: scormPackageSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, "admin");
      if (!request.isMultipart()) {
        throw badRequest("file", "multipart_required", "Send the package as multipart/form-data in a field named file");
      }
      const file = await request.file({ limits: { fileSize: storage.maxBytes, files: 1 } });
      if (!file) throw badRequest("file", "required", "Choose a SCORM package (a zip) to upload");
      const fileName = file.filename || "package.zip";
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
          throw packageError(fileName, "max_size", `larger than the limit of ${storage.maxBytes} bytes`);
        }
        throw error;
      }
      if (file.file.truncated)
        throw packageError(fileName, "max_size", `larger than the limit of ${storage.maxBytes} bytes`);
      const stored = await service.storePackage(db, storage, {
        lessonId: request.params.lessonId,
        fileName,
        bytes,
        userId: user.id,
      });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    "/content/scorm/:packageId/*",
    { schema: { hide: true, params: contentParamsSchema } },
    async (request, reply) => {
      // Anyone who may not see the lesson (signed out included) is told nothing exists.
      const user = await contentUser(db, request);
      const { packageId } = request.params;
      const relative = request.params["*"];
      if (!user || !UUID.test(packageId)) throw notFound("File");
      const folder = await service.readableFolder(db, storage, user, packageId);
      if (!folder) throw notFound("File");
      if (!relative || relative.split("/").some((s) => s === ".." || s === "") || relative.includes("\0")) {
        throw notFound("File");
      }
      const absolute = path.resolve(folder, relative);
      if (!absolute.startsWith(folder + path.sep)) throw notFound("File");
      const stat = await fs.promises.stat(absolute).catch(() => null);
      if (!stat?.isFile()) throw notFound("File");
      reply
        .type(contentTypeOf(absolute))
        .header("accept-ranges", "bytes")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", CONTENT_CSP)
        .header("cache-control", "private, max-age=3600");
      // One byte range, so videos and audio of a package can seek.
      const range = byteRange(request.headers.range, stat.size);
      if (range === "unsatisfiable") {
        return reply.status(416).header("content-range", `bytes */${stat.size}`).send();
      }
      if (range) {
        return reply
          .status(206)
          .header("content-range", `bytes ${range.start}-${range.end}/${stat.size}`)
          .header("content-length", range.end - range.start + 1)
          .send(fs.createReadStream(absolute, range));
      }
      return reply.header("content-length", stat.size).send(fs.createReadStream(absolute));
    },
  );
};
