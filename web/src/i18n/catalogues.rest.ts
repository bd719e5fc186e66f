import frActions from "./fr.actions.json" with { type: "json" };
import frAdminCatalogue from "./fr.admin-catalogue.json" with { type: "json" };
import frAdminPeople from "./fr.admin-people.json" with { type: "json" };
import frCenter from "./fr.center.json" with { type: "json" };
import frLearner from "./fr.learner.json" with { type: "json" };
import frQuiz from "./fr.quiz.json" with { type: "json" };
import frReport from "./fr.report.json" with { type: "json" };
import frScorm from "./fr.scorm.json" with { type: "json" };

/** The French texts of every screen but sign-in and the first one (see catalogues.ts). */
export const frRest = {
  ...frCenter,
  ...frReport,
  ...frActions,
  ...frQuiz,
  ...frLearner,
  ...frScorm,
  ...frAdminCatalogue,
  ...frAdminPeople,
};
