import type { TFunction } from "i18next";
import { QUIZ_LIMITS } from "../../../../common/api/quiz.js";
import type { ApiError } from "../../api/client.js";

/** Form field path of a server error field: `body.choices.0.label` → ["choices", 0, "label"]. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/^body\.?/, "")
    .split(".")
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The server's 400 fields as antd form errors, in the user's language when the rule is known. */
export function serverFieldErrors(error: ApiError, t: TFunction) {
  return error.fields.map((f) => {
    const name = fieldPath(f.field);
    const last = name.at(-1);
    const known: Record<string, string> = {
      one_correct: t("quizEditor.rules.oneCorrect"),
      single_one_correct: t("quizEditor.rules.singleOneCorrect"),
    };
    let message = known[f.rule];
    if (!message && name[0] === "choices" && name.length === 1) message = t("quizEditor.rules.twoChoices");
    if (!message && last === "points") message = t("quizEditor.rules.points", { max: QUIZ_LIMITS.pointsMax });
    if (!message && last === "attemptsLimit")
      message = t("quizEditor.rules.attemptsLimit", { max: QUIZ_LIMITS.attemptsMax });
    if (!message && last === "passingScore") message = t("quizEditor.rules.passingScore");
    return { name, errors: [message ?? f.message] };
  });
}
