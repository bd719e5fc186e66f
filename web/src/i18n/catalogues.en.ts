import type { Catalogue } from "./catalogues.js";
import enActions from "./en.actions.json" with { type: "json" };
import enAdminCatalogue from "./en.admin-catalogue.json" with { type: "json" };
import enAdminPeople from "./en.admin-people.json" with { type: "json" };
import enCenter from "./en.center.json" with { type: "json" };
import enCourses from "./en.courses.json" with { type: "json" };
import en from "./en.json" with { type: "json" };
import enLearner from "./en.learner.json" with { type: "json" };
import enQuiz from "./en.quiz.json" with { type: "json" };
import enReport from "./en.report.json" with { type: "json" };
import enScorm from "./en.scorm.json" with { type: "json" };

/** The English texts, merged in the same order as the French ones (catalogues.ts). */
export const enCatalogue: Catalogue = {
  ...en,
  ...enCourses,
  ...enCenter,
  ...enReport,
  ...enActions,
  ...enQuiz,
  ...enLearner,
  ...enScorm,
  ...enAdminCatalogue,
  ...enAdminPeople,
};
