import frCourses from "./fr.courses.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };

/**
 * The UI texts, one file per area so each screen's texts live together: fr.json (shell, navigation,
 * sign-in, course list), fr.courses.json (course list, course detail, catalogue, evaluation),
 * fr.center.json (tutoring center, missions, observations), fr.report.json (learner report,
 * statistics, audit), fr.actions.json (reminders, mail templates, virtual classes, certificates,
 * reminder rules, admin messages), fr.quiz.json (the learner's quiz and the admin's quiz editor),
 * fr.scorm.json (the SCORM player and package page), fr.admin-people.json (users, lists,
 * enrollments, tutors, CSV imports, API tokens), fr.admin-catalogue.json (admin folders, courses,
 * lessons, categories, competencies).
 *
 * The first two come with the app (`frShell`: what sign-in, the layout and the first screen show);
 * the others are merged in catalogues.rest.ts, a chunk that every other screen loads with its code
 * (lazyPages.ts). French is the reference: the English files must have the same keys (checked by a
 * test); the English ones are merged in catalogues.en.ts, a chunk loaded only when English is shown.
 */
export const frShell = { ...fr, ...frCourses };

/** Every text: the shell's and the other screens' (a type only: the rest stays in its own chunk). */
export type Catalogue = typeof frShell & typeof import("./catalogues.rest.js")["frRest"];
