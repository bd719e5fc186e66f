import enCenter from "./en.center.json" with { type: "json" };
import enCourses from "./en.courses.json" with { type: "json" };
import en from "./en.json" with { type: "json" };
import enReport from "./en.report.json" with { type: "json" };
import frCenter from "./fr.center.json" with { type: "json" };
import frCourses from "./fr.courses.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };
import frReport from "./fr.report.json" with { type: "json" };

/**
 * The UI texts, one file per area so each screen's texts live together: fr.json (shell, sign-in,
 * course list), fr.courses.json (course detail, catalogue, evaluation), fr.center.json (tutoring
 * center, missions, observations), fr.report.json (learner report, statistics, audit).
 * French is the reference: the English files must have the same keys (checked by a test).
 */
export const frCatalogue = { ...fr, ...frCourses, ...frCenter, ...frReport };
export const enCatalogue = { ...en, ...enCourses, ...enCenter, ...enReport };
export type Catalogue = typeof frCatalogue;
