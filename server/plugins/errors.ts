import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorField } from "../../common/errors.js";
import { AppError } from "../errors.js";

function zodFields(error: FastifyError): ErrorField[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = error.validationContext ?? "body";
  return error.validation.map((v) => {
    const path = v.instancePath.split("/").filter(Boolean).join(".");
    const field = path ? `${where}.${path}` : where;
    return { field, rule: v.keyword, message: `${field}: ${v.message}` };
  });
}

/** Maps every error to `{ error: { code, message, fields? } }`; 5xx hide internals behind a request id. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: { code: "not_found", message: `No route ${request.method} ${request.url.split("?")[0]}` } });
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.status(error.status).send({
        error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = zodFields(error);
      return reply.status(400).send({
        error: { code: "validation_error", message: fields.map((f) => f.message).join("; "), fields },
      });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own 4xx (bad JSON, body too large, wrong content type, rate limit).
      const code =
        error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "unsupported_media_type" : (error.code ?? "bad_request");
      if (status === 429) reply.header("retry-after", reply.getHeader("retry-after") ?? "60");
      return reply.status(status).send({
        error: {
          code: status === 429 ? "rate_limited" : code.toLowerCase(),
          message: error.message,
          ...(status === 400 ? { fields: [{ field: "body", rule: "parse", message: error.message }] } : {}),
        },
      });
    }
    request.log.error({ err: error, reqId: request.id }, "request failed");
    const unavailable = isDatabaseDown(error);
    if (unavailable) reply.header("retry-after", "5");
    return reply.status(unavailable ? 503 : 500).send({
      error: {
        code: unavailable ? "unavailable" : "internal_error",
        message: unavailable ? "The service is temporarily unavailable, retry shortly" : "An internal error occurred",
        requestId: String(request.id),
      },
    });
  });
});

/**
 * The database is unreachable or restarting: a 503 with Retry-After, not a 500. Drizzle wraps the
 * driver's error (its `cause`), and pg reports a connection dropped mid-query without a code.
 */
export function isDatabaseDown(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause, errors } = error as {
    code?: string;
    message?: string;
    cause?: unknown;
    errors?: unknown[];
  };
  if (
    [
      "ECONNREFUSED",
      "ECONNRESET",
      "EPIPE",
      "ETIMEDOUT",
      "57P01",
      "57P02",
      "57P03",
      "08000",
      "08003",
      "08006",
      "08001",
    ].includes(code ?? "")
  ) {
    return true;
  }
  if (
    /Connection terminated|terminating connection|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
      message ?? "",
    )
  ) {
    return true;
  }
  return (
    isDatabaseDown(cause, depth + 1) || (Array.isArray(errors) && errors.some((e) => isDatabaseDown(e, depth + 1)))
  );
}
