import type { QuizOutcome, QuizQuestionInput, QuizSubmitRequest } from "../../../common/api/quiz.js";
import type { ErrorField } from "../../../common/errors.js";

/** A question as an attempt stored it at its start: later edits of the quiz don't change it. */
export type SnapshotQuestion = {
  id: string;
  text: string;
  multiple: boolean;
  points: number;
  choices: { label: string; correct: boolean }[];
};

/** The rules across a question's fields that the schema can't say: which choices are correct. */
export function questionProblems(input: Pick<QuizQuestionInput, "multiple" | "choices">): ErrorField[] {
  const correct = input.choices.filter((c) => c.correct).length;
  if (correct === 0) {
    return [{ field: "body.choices", rule: "one_correct", message: "body.choices: mark at least one correct choice" }];
  }
  if (!input.multiple && correct !== 1) {
    return [
      {
        field: "body.choices",
        rule: "single_one_correct",
        message: "body.choices: a single-choice question has exactly one correct choice",
      },
    ];
  }
  return [];
}

/**
 * Checks the answers against the attempt's questions: each question answered once, with ids of the
 * attempt, a single choice exactly one index, a multiple choice at least one, all indices in range
 * and distinct. Returns the chosen indices per question id, or the fields at fault.
 */
export function checkAnswers(
  questions: SnapshotQuestion[],
  answers: QuizSubmitRequest["answers"],
): { ok: true; chosen: Map<string, Set<number>> } | { ok: false; fields: ErrorField[] } {
  const fields: ErrorField[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const chosen = new Map<string, Set<number>>();
  answers.forEach((answer, i) => {
    const at = `body.answers.${i}`;
    const question = byId.get(answer.questionId);
    if (!question) {
      fields.push({
        field: `${at}.questionId`,
        rule: "in_attempt",
        message: `${at}.questionId: not a question of this attempt`,
      });
      return;
    }
    if (chosen.has(question.id)) {
      fields.push({ field: `${at}.questionId`, rule: "unique", message: `${at}.questionId: answered twice` });
      return;
    }
    const set = new Set(answer.choices);
    if (set.size !== answer.choices.length) {
      fields.push({ field: `${at}.choices`, rule: "unique", message: `${at}.choices: a choice is given twice` });
    } else if (answer.choices.some((c) => c >= question.choices.length)) {
      fields.push({
        field: `${at}.choices`,
        rule: "in_range",
        message: `${at}.choices: choices go from 0 to ${question.choices.length - 1}`,
      });
    } else if (!question.multiple && set.size !== 1) {
      fields.push({
        field: `${at}.choices`,
        rule: "exactly_one",
        message: `${at}.choices: choose exactly one answer`,
      });
    } else if (question.multiple && set.size === 0) {
      fields.push({
        field: `${at}.choices`,
        rule: "at_least_one",
        message: `${at}.choices: choose at least one answer`,
      });
    }
    chosen.set(question.id, set);
  });
  if (fields.length === 0) {
    const missing = questions.findIndex((q) => !chosen.has(q.id));
    if (missing >= 0) {
      fields.push({
        field: "body.answers",
        rule: "every_question",
        message: `body.answers: question ${missing + 1} has no answer`,
      });
    }
  }
  return fields.length > 0 ? { ok: false, fields } : { ok: true, chosen };
}

/** A question is right when the chosen set is exactly the correct set (multiple choice: all or nothing). */
export function isRight(question: SnapshotQuestion, chosen: Set<number>): boolean {
  return question.choices.every((choice, index) => choice.correct === chosen.has(index));
}

/** Score in percent from the points of the right questions, rounded to 2 decimals (attempts.score). */
export function scoreAttempt(questions: SnapshotQuestion[], chosen: Map<string, Set<number>>) {
  const right = questions.map((q) => isRight(q, chosen.get(q.id) ?? new Set()));
  const totalPoints = questions.reduce((sum, q) => sum + q.points, 0);
  const earnedPoints = questions.reduce((sum, q, i) => sum + (right[i] ? q.points : 0), 0);
  const score = totalPoints === 0 ? 0 : Math.round((10_000 * earnedPoints) / totalPoints) / 100;
  return { right, totalPoints, earnedPoints, score };
}

/** Passed or failed against the passing score; completed when the lesson has none. */
export function outcomeOf(score: number, passingScore: number | null): QuizOutcome {
  if (passingScore === null) return "completed";
  return score >= passingScore ? "passed" : "failed";
}

/** Fisher–Yates on a copy; `random` is injectable so tests can fix the order. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
