/** The detail's three tabs, as they appear in the URL (`?onglet=lecons`). */
export const courseTabs = ["infos", "lecons", "avis"] as const;
export type CourseTab = (typeof courseTabs)[number];

/** The tab named by the URL; `infos` when absent or unknown. */
export function parseCourseTab(value: string | null): CourseTab {
  return courseTabs.find((tab) => tab === value) ?? "infos";
}
