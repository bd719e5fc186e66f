import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  certificateJobRequestSchema,
  certificateJobSchema,
  certificateParamsSchema,
  codeParamsSchema,
  jobParamsSchema,
  regenerateRequestSchema,
  revokeRequestSchema,
  verificationSchema,
} from "../../../common/api/certificates.js";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import { learnerParamsSchema } from "../../../common/api/tutoring.js";
import { errorResponseSchema } from "../../../common/errors.js";
import { formatDateTime } from "../../../common/format.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { requireRole } from "../../plugins/auth.js";
import type { Jobs } from "../../plugins/jobs.js";
import * as service from "./service.js";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export const certificatesRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config; jobs: Jobs }> = async (
  app,
  { db, config, jobs },
) => {
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

  app.post(
    "/api/tutoring/courses/:courseId/certificates",
    {
      schema: {
        tags: ["certificates"],
        summary: "Generate certificates for a selection (Attestations), as a background job with progress",
        params: courseIdParamsSchema,
        body: certificateJobRequestSchema,
        response: { 202: certificateJobSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await service.startJob(
            db,
            jobs,
            requireRole(request, "tutor", "admin"),
            request.params.courseId,
            request.body,
          ),
        ),
  );

  app.get(
    "/api/tutoring/courses/:courseId/certificate-jobs/:jobId",
    {
      schema: {
        tags: ["certificates"],
        summary: "Progress of a certificate job",
        params: jobParamsSchema,
        response: { 200: certificateJobSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.jobStatus(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.params.jobId),
  );

  app.get(
    "/api/tutoring/courses/:courseId/certificate-jobs/:jobId/zip",
    {
      schema: {
        tags: ["certificates"],
        summary: "The certificates of a finished job as one zip",
        params: jobParamsSchema,
      },
    },
    async (request, reply) => {
      const zip = await service.jobZip(
        db,
        config,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.jobId,
      );
      // Streamed from the file: the server never holds the zip in memory.
      return reply
        .type("application/zip")
        .header("content-disposition", 'attachment; filename="attestations.zip"')
        .header("content-length", zip.size)
        .send(zip.file.createReadStream());
    },
  );

  app.get(
    "/api/tutoring/courses/:courseId/learners/:learnerId/certificates/:certificateId",
    {
      schema: {
        tags: ["certificates"],
        summary: "Download a learner's certificate (PDF)",
        params: certificateParamsSchema,
      },
    },
    async (request, reply) => {
      const { courseId, learnerId, certificateId } = request.params;
      const file = await service.download(
        db,
        requireRole(request, "tutor", "admin"),
        courseId,
        learnerId,
        certificateId,
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.pdf);
    },
  );

  app.post(
    "/api/tutoring/courses/:courseId/learners/:learnerId/certificates/:certificateId/revoke",
    {
      schema: {
        tags: ["certificates"],
        summary: "Revoke a certificate (audited); its verification page then says revoked",
        params: certificateParamsSchema,
        body: revokeRequestSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { courseId, learnerId, certificateId } = request.params;
      await service.revoke(
        db,
        requireRole(request, "tutor", "admin"),
        courseId,
        learnerId,
        certificateId,
        request.body.reason,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/tutoring/courses/:courseId/learners/:learnerId/certificates",
    {
      schema: {
        tags: ["certificates"],
        summary: "Regenerate a learner's certificate: the valid one of that kind is revoked and a new one issued",
        params: learnerParamsSchema,
        body: regenerateRequestSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { courseId, learnerId } = request.params;
      await service.regenerate(
        db,
        config,
        requireRole(request, "tutor", "admin"),
        courseId,
        learnerId,
        request.body.kind,
        request.body.lang,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/verify/:code",
    {
      schema: {
        tags: ["certificates"],
        summary: "Public check of a certificate code: learner, course, date, revoked or not",
        params: codeParamsSchema,
        response: { 200: verificationSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const found = await service.verify(db, request.params.code);
      if (!found) throw notFound("Certificate");
      return {
        valid: !found.revokedAt,
        revoked: Boolean(found.revokedAt),
        learner: `${found.firstName} ${found.lastName}`,
        course: found.courseName,
        kind: found.kind as "completion" | "attendance",
        issuedAt: new Date(found.issuedAt).toISOString(),
      };
    },
  );

  // The verification URL printed on certificates: a small public page, learner, course and date only.
  app.get("/verify/:code", { schema: { hide: true, params: codeParamsSchema } }, async (request, reply) => {
    const found = await service.verify(db, request.params.code);
    const title = "Vérification d'attestation · Certificate check";
    const body = !found
      ? `<p class="bad">Aucune attestation ne porte ce code.<br>No certificate has this code.</p>`
      : `<p class="${found.revokedAt ? "bad" : "ok"}">${
          found.revokedAt
            ? "Attestation révoquée — elle n'est plus valable.<br>Certificate revoked — no longer valid."
            : "Attestation valide.<br>Valid certificate."
        }</p>
        <dl><dt>Apprenant · Learner</dt><dd>${escapeHtml(`${found.firstName} ${found.lastName}`)}</dd>
        <dt>Formation · Course</dt><dd>${escapeHtml(found.courseName)}</dd>
        <dt>Date</dt><dd>${escapeHtml(formatDateTime(new Date(found.issuedAt), "Europe/Paris").slice(0, 10))}</dd>
        <dt>Code</dt><dd>${escapeHtml(request.params.code)}</dd></dl>`;
    return reply
      .status(found ? 200 : 404)
      .type("text/html; charset=utf-8")
      .send(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}
.ok{color:#0b6b2f;font-weight:600}.bad{color:#a8071a;font-weight:600}dt{font-weight:600;margin-top:.75rem}dd{margin:0}</style>
</head><body><h1>${title}</h1>${body}</body></html>`);
  });
};
