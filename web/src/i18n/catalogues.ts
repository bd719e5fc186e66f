import frActions from "./fr.actions.json" with { type: "json" };
import frAdminCatalogue from "./fr.admin-catalogue.json" with { type: "json" };
import frAdminPeople from "./fr.admin-people.json" with { type: "json" };
import frCenter from "./fr.center.json" with { type: "json" };
import frCourses from "./fr.courses.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };
import frLearner from "./fr.learner.json" with { type: "json" };
import frQuiz from "./fr.quiz.json" with { type: "json" };
import frReport from "./fr.report.json" with { type: "json" };
import frScorm from "./fr.scorm.json" with { type: "json" };

/**
 * The UI texts, one file per area so each screen's texts live together: fr.json (shell, sign-in,
 * course list), fr.courses.json (course detail, catalogue, evaluation), fr.center.json (tutoring
 * center, missions, observations), fr.report.json (learner report, statistics, audit), fr.actions.json
 * (reminders, mail templates, virtual classes, certificates, reminder rules, admin messages), fr.quiz.json
 * (the learner's quiz and the admin's quiz editor), fr.scorm.json (the SCORM player and package page), fr.admin-people.json (users, lists, enrollments,
 * tutors, CSV imports, API tokens), fr.admin-catalogue.json (admin folders, courses, lessons, categories,
 * competencies).
 * French is the reference: the English files must have the same keys (checked by a test). The English
 * ones are merged in catalogues.en.ts, a chunk of its own loaded only when English is shown.
 */
export const frCatalogue = {
  ...fr,
  ...frCourses,
  ...frCenter,
  ...frReport,
  ...frActions,
  ...frQuiz,
  ...frLearner,
  ...frScorm,
  ...frAdminCatalogue,
  ...frAdminPeople,
};
export type Catalogue = typeof frCatalogue;
