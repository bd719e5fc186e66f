import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { ApiError } from "../../api/client.js";

/**
 * Puts the server's field errors (`body.code` / `unique`…) on the form's fields, in words; returns
 * false when the error names no field of the form, so the caller shows it as a message instead.
 */
export function showFieldErrors(form: FormInstance, error: unknown, t: TFunction, fields: string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const placed = error.fields
    .map((f) => ({ name: f.field.replace(/^body\./, "").split(".")[0] ?? "", rule: f.rule }))
    .filter((f) => fields.includes(f.name));
  if (placed.length === 0) return false;
  form.setFields(
    placed.map((f) => ({
      name: f.name,
      errors: [t(`catalogueAdmin.errors.${ruleKey(f.rule)}`)],
    })),
  );
  return true;
}

function ruleKey(rule: string): "unique" | "unknown" | "no_cycle" | "invalid" {
  switch (rule) {
    case "unique":
    case "unknown":
    case "no_cycle":
      return rule;
    default:
      return "invalid";
  }
}

/** The message of a failed save that names no field: 409s and uploads in words, anything else generic. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const rule = error.fields[0]?.rule;
    if (rule === "image_type") return t("catalogueAdmin.errors.imageType");
    if (rule === "polyglot") return t("catalogueAdmin.errors.polyglot");
    if (rule === "max_size") return t("catalogueAdmin.errors.maxSize");
    if (rule === "pdf_type") return t("catalogueAdmin.errors.pdfType");
    if (error.code === "folder_not_empty") return t("catalogueAdmin.errors.folderNotEmpty");
    if (error.code === "lesson_has_activity") return t("catalogueAdmin.errors.lessonHasActivity");
    if (error.status === 404) return t("catalogueAdmin.errors.notFound");
  }
  return t("catalogueAdmin.errors.save");
}
