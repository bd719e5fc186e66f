/** The variables a mail template may use (A1), shown beside the editor. */
export const TEMPLATE_VARIABLES = [
  "prenom",
  "nom",
  "cours",
  "progression",
  "date_objectif",
  "temps_passe",
  "organisation",
  "lien",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const PATTERN = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The variables a text uses, in order of first appearance. */
export function usedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1] ?? ""))];
}

/** Variables used but unknown (a typo such as {{prénom}} would otherwise reach learners). */
export function unknownVariables(text: string): string[] {
  return usedVariables(text).filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name));
}

/**
 * Fills a template. Mails are plain text, so values can't inject markup; line breaks in values are
 * folded to spaces so a name can't add lines (or, in a subject, headers).
 */
export function renderTemplate(text: string, values: Record<TemplateVariable, string>): string {
  return text.replace(PATTERN, (whole, name: string) =>
    name in values ? values[name as TemplateVariable].replace(/[\r\n]+/g, " ") : whole,
  );
}
