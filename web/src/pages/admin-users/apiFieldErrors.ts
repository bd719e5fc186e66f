import { ApiError } from "../../api/client.js";

/**
 * The form fields a 400/409 names (`body.email` or `email`), as antd `form.setFields` entries;
 * empty when the error names none of `fields`.
 */
export function apiFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  message: (field: F, rule: string, text: string) => string,
) {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) return [];
  return error.fields.flatMap((f) => {
    const name = fields.find((known) => f.field === known || f.field === `body.${known}`);
    return name ? [{ name, errors: [message(name, f.rule, f.message)] }] : [];
  });
}
