import type { ErrorField } from "../common/errors.js";

/** The one error type of the app: a stable code, an HTTP status, and for 400 the fields at fault. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: ErrorField[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const forbidden = (message = "You may not do this") => new AppError(403, "forbidden", message);
export const unauthorized = () => new AppError(401, "unauthenticated", "Sign in first");
export const badRequest = (field: string, rule: string, message: string) =>
  new AppError(400, "validation_error", message, [{ field, rule, message }]);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
