import { ApiError } from "../../api/client.js";

export interface FormFieldError<F extends string = string> {
  name: F;
  errors: string[];
}

/** How a form words a server rule on one of its fields; null keeps the server's own message. */
export type DescribeRule = (field: string, rule: string) => string | null;

/**
 * The 400 of a form's save, as antd field errors: `body.joinUrl` becomes the form's `joinUrl` field. Fields the form
 * doesn't have (`body.selection`) are left out; the caller shows them as a general message.
 */
export function serverFieldErrors<F extends string>(
  error: unknown,
  formFields: readonly F[],
  describeRule: DescribeRule,
): FormFieldError<F>[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return error.fields.flatMap((field) => {
    const name = formFields.find((known) => known === field.field.replace(/^body\./, "").split(".")[0]);
    if (!name) return [];
    return [{ name, errors: [describeRule(name, field.rule) ?? field.message] }];
  });
}
