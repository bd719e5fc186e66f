/** The report's sections, in page order: their element ids (anchors) and title keys. */
export const reportSections = [
  { id: "informations", titleKey: "report.information.title" },
  { id: "composition", titleKey: "report.composition.title" },
  { id: "connexions", titleKey: "report.connections.title" },
  { id: "relances", titleKey: "report.reminders.title" },
  { id: "modifications", titleKey: "audit.modifications" },
] as const;

export type ReportSectionId = (typeof reportSections)[number]["id"];

/** Space the sticky top bar takes, so a section reached by its anchor is not hidden under it. */
export const sectionScrollMargin = 72;
