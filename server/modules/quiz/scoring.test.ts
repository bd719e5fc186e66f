import { describe, expect, it } from "vitest";
import {
  checkAnswers,
  isRight,
  outcomeOf,
  questionProblems,
  type SnapshotQuestion,
  scoreAttempt,
  shuffled,
} from "./scoring.js";

const single: SnapshotQuestion = {
  id: "00000000-0000-4000-8000-000000000001",
  text: "Single",
  multiple: false,
  points: 1,
  choices: [
    { label: "A", correct: true },
    { label: "B", correct: false },
    { label: "C", correct: false },
  ],
};
const multiple: SnapshotQuestion = {
  id: "00000000-0000-4000-8000-000000000002",
  text: "Multiple",
  multiple: true,
  points: 3,
  choices: [
    { label: "A", correct: true },
    { label: "B", correct: true },
    { label: "C", correct: false },
  ],
};
const questions = [single, multiple];

describe("quiz scoring", () => {
  it("scores from points, a multiple choice all or nothing", () => {
    const all = scoreAttempt(
      questions,
      new Map([
        [single.id, new Set([0])],
        [multiple.id, new Set([0, 1])],
      ]),
    );
    expect(all).toEqual({ right: [true, true], totalPoints: 4, earnedPoints: 4, score: 100 });
    const partial = scoreAttempt(
      questions,
      new Map([
        [single.id, new Set([0])],
        [multiple.id, new Set([0])],
      ]),
    );
    expect(partial).toEqual({ right: [true, false], totalPoints: 4, earnedPoints: 1, score: 25 });
    const extra = scoreAttempt(questions, new Map([[multiple.id, new Set([0, 1, 2])]]));
    expect(extra.right).toEqual([false, false]);
    expect(extra.score).toBe(0);
  });

  it("rounds the percentage to two decimals", () => {
    const three = [single, { ...single, id: "q2" }, { ...single, id: "q3" }];
    expect(scoreAttempt(three, new Map([["q2", new Set([0])]])).score).toBe(33.33);
    expect(
      scoreAttempt(
        three,
        new Map([
          [single.id, new Set([0])],
          ["q2", new Set([0])],
        ]),
      ).score,
    ).toBe(66.67);
  });

  it("tells right from wrong by the exact set of choices", () => {
    expect(isRight(single, new Set([0]))).toBe(true);
    expect(isRight(single, new Set([1]))).toBe(false);
    expect(isRight(multiple, new Set([1, 0]))).toBe(true);
    expect(isRight(multiple, new Set())).toBe(false);
  });

  it("passes at the passing score, completes without one", () => {
    expect(outcomeOf(93, 93)).toBe("passed");
    expect(outcomeOf(92.99, 93)).toBe("failed");
    expect(outcomeOf(0, null)).toBe("completed");
  });

  it("checks the answers against the attempt's questions, naming the field and the rule", () => {
    const ok = checkAnswers(questions, [
      { questionId: single.id, choices: [2] },
      { questionId: multiple.id, choices: [2, 0] },
    ]);
    expect(ok.ok).toBe(true);
    const cases: [Parameters<typeof checkAnswers>[1], string, string][] = [
      [[{ questionId: "nope", choices: [0] }], "body.answers.0.questionId", "in_attempt"],
      [
        [
          { questionId: single.id, choices: [0] },
          { questionId: single.id, choices: [0] },
        ],
        "body.answers.1.questionId",
        "unique",
      ],
      [[{ questionId: single.id, choices: [0, 1] }], "body.answers.0.choices", "exactly_one"],
      [[{ questionId: single.id, choices: [] }], "body.answers.0.choices", "exactly_one"],
      [[{ questionId: single.id, choices: [3] }], "body.answers.0.choices", "in_range"],
      [[{ questionId: multiple.id, choices: [] }], "body.answers.0.choices", "at_least_one"],
      [[{ questionId: multiple.id, choices: [1, 1] }], "body.answers.0.choices", "unique"],
      [[{ questionId: single.id, choices: [0] }], "body.answers", "every_question"],
    ];
    for (const [answers, field, rule] of cases) {
      const result = checkAnswers(questions, answers);
      expect(result.ok, JSON.stringify(answers)).toBe(false);
      if (!result.ok) expect(result.fields[0]).toMatchObject({ field, rule });
    }
  });

  it("requires at least one correct choice, exactly one for a single choice", () => {
    const choices = (...correct: boolean[]) => correct.map((c, i) => ({ label: `${i}`, correct: c }));
    expect(questionProblems({ multiple: false, choices: choices(true, false) })).toEqual([]);
    expect(questionProblems({ multiple: true, choices: choices(true, true) })).toEqual([]);
    expect(questionProblems({ multiple: true, choices: choices(false, false) })[0]?.rule).toBe("one_correct");
    expect(questionProblems({ multiple: false, choices: choices(true, true) })[0]).toMatchObject({
      field: "body.choices",
      rule: "single_one_correct",
    });
  });

  it("shuffles a copy into a permutation", () => {
    const items = [1, 2, 3, 4, 5];
    // random() = 0 swaps each element with the first: 2,3,4,5,1.
    expect(shuffled(items, () => 0)).toEqual([2, 3, 4, 5, 1]);
    expect(shuffled(items, () => 0.999999)).toEqual(items);
    expect([...shuffled(items)].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });
});
