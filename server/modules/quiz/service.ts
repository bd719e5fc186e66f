import type { CurrentUser } from "../../../common/api/auth.js";
import {
  type QuizAttempt,
  type QuizEditor,
  type QuizEditorSettingsRequest,
  type QuizOverview,
  type QuizQuestionInput,
  type QuizResult,
  type QuizSettings,
  type QuizSubmitRequest,
  quizSettingsSchema,
} from "../../../common/api/quiz.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError, badRequest, conflict, notFound } from "../../errors.js";
import { writeAudit } from "../audit/audit.js";
import { recomputeEnrollment } from "../tracking/summaries.js";
import * as q from "./queries.js";
import { checkAnswers, outcomeOf, questionProblems, type SnapshotQuestion, scoreAttempt, shuffled } from "./scoring.js";

const iso = (value: string | Date) => new Date(value).toISOString();

/** `lessons.settings.quiz`, with the defaults when absent or unreadable: in order, unlimited. */
export function readQuizSettings(settings: Record<string, unknown>): QuizSettings {
  const parsed = quizSettingsSchema.safeParse(settings.quiz);
  return parsed.success ? parsed.data : { order: "ordered", attemptsLimit: null };
}

function presentAttempt(row: { id: number; number: number; startedAt: string }, questions: SnapshotQuestion[]) {
  return {
    id: row.id,
    number: row.number,
    startedAt: iso(row.startedAt),
    // The correct flags stay on the server until the attempt is submitted.
    questions: questions.map((question) => ({
      id: question.id,
      text: question.text,
      multiple: question.multiple,
      points: question.points,
      choices: question.choices.map((choice, index) => ({ index, label: choice.label })),
    })),
  } satisfies QuizAttempt;
}

/** A submitted attempt with the correct answers revealed; only called once the attempt has its answers. */
function presentResult(row: q.AttemptRow, passingScore: number | null): QuizResult {
  const data = row.data.quiz;
  if (!data?.answers || !row.endedAt) throw new Error(`attempt ${row.id} has no submission`);
  const chosen = new Map(data.answers.map((a) => [a.questionId, new Set(a.choices)]));
  const scored = scoreAttempt(data.questions, chosen);
  const started = new Date(row.startedAt);
  const ended = new Date(row.endedAt);
  return {
    attemptId: row.id,
    number: row.number,
    startedAt: started.toISOString(),
    submittedAt: ended.toISOString(),
    durationSeconds: Math.max(0, Math.floor((ended.getTime() - started.getTime()) / 1000)),
    score: row.score ?? scored.score,
    earnedPoints: scored.earnedPoints,
    totalPoints: scored.totalPoints,
    outcome: row.status === "passed" || row.status === "failed" ? row.status : "completed",
    passingScore: data.passingScore === undefined ? passingScore : data.passingScore,
    questions: data.questions.map((question, i) => {
      const set = chosen.get(question.id) ?? new Set<number>();
      return {
        id: question.id,
        text: question.text,
        multiple: question.multiple,
        points: question.points,
        right: scored.right[i] ?? false,
        choices: question.choices.map((choice, index) => ({
          index,
          label: choice.label,
          correct: choice.correct,
          chosen: set.has(index),
        })),
      };
    }),
  };
}

const isOpenQuizAttempt = (row: q.AttemptRow) =>
  row.status === "in_progress" && row.data.quiz !== undefined && row.data.quiz.answers === undefined;
const isSubmittedQuizAttempt = (row: q.AttemptRow) =>
  row.status !== "in_progress" && row.data.quiz?.answers !== undefined && row.endedAt !== null;

function attemptsLeft(settings: QuizSettings, used: number) {
  return settings.attemptsLimit === null ? null : Math.max(0, settings.attemptsLimit - used);
}

async function learnerQuiz(tx: Tx, user: CurrentUser, lessonId: string, lock = false) {
  const quiz = await q.findLearnerQuiz(tx, user.id, lessonId, lock);
  // Not enrolled, not a quiz, or no such lesson: the same answer, so nothing leaks.
  if (!quiz) throw notFound("Quiz");
  return quiz;
}

/** The learner's quiz page: rules, attempts used and left, best score, an attempt to resume, the last result. */
export async function overview(db: Db, user: CurrentUser, lessonId: string): Promise<QuizOverview> {
  const quiz = await learnerQuiz(db, user, lessonId);
  const [questions, tried] = await Promise.all([
    q.questions(db, lessonId),
    q.attempts(db, quiz.enrollmentId, lessonId),
  ]);
  const settings = readQuizSettings(quiz.settings);
  const used = tried.rows.filter((r) => r.number > tried.resetAfter).length;
  const open = tried.rows.find(isOpenQuizAttempt);
  const last = tried.rows.find(isSubmittedQuizAttempt);
  return {
    course: { id: quiz.courseId, name: quiz.courseName },
    lesson: { id: quiz.lessonId, title: quiz.title, description: quiz.description },
    rules: {
      order: settings.order,
      attemptsLimit: settings.attemptsLimit,
      passingScore: quiz.passingScore,
      questionCount: questions.length,
      totalPoints: questions.reduce((sum, question) => sum + question.points, 0),
    },
    attemptsUsed: used,
    attemptsLeft: attemptsLeft(settings, used),
    status: tried.status,
    bestScore: tried.score,
    history: tried.rows
      .filter((r) => r.status !== "in_progress")
      .map((r) => ({
        number: r.number,
        submittedAt: iso(r.endedAt ?? r.startedAt),
        score: r.score,
        outcome: r.status === "passed" || r.status === "failed" ? r.status : ("completed" as const),
      })),
    inProgress: open?.data.quiz ? presentAttempt(open, open.data.quiz.questions) : null,
    lastResult: last ? presentResult(last, quiz.passingScore) : null,
  };
}

/**
 * Starts an attempt, or hands back the one the learner left open (a reload must not burn an
 * attempt). The questions are copied into the attempt, in the order it will show them, so an
 * admin editing the quiz meanwhile doesn't change what the learner answers.
 */
export async function start(
  db: Db,
  user: CurrentUser,
  lessonId: string,
): Promise<{ attempt: QuizAttempt; created: boolean }> {
  return db.transaction(async (tx) => {
    // Locks the enrollment: two starts at once can't both take the last attempt or the same number.
    const quiz = await learnerQuiz(tx, user, lessonId, true);
    const tried = await q.attempts(tx, quiz.enrollmentId, lessonId);
    const open = tried.rows.find(isOpenQuizAttempt);
    if (open?.data.quiz) return { attempt: presentAttempt(open, open.data.quiz.questions), created: false };
    const settings = readQuizSettings(quiz.settings);
    const used = tried.rows.filter((r) => r.number > tried.resetAfter).length;
    if (attemptsLeft(settings, used) === 0) {
      throw conflict("attempts_exhausted", `All ${settings.attemptsLimit} attempts of this quiz have been used`);
    }
    const rows = await q.questions(tx, lessonId);
    if (rows.length === 0) throw conflict("no_questions", "This quiz has no questions yet");
    const snapshot: SnapshotQuestion[] = rows.map((r) => ({
      id: r.id,
      text: r.text,
      multiple: r.multiple,
      points: r.points,
      choices: r.choices.map((c) => ({ label: c.label, correct: c.correct })),
    }));
    const questions = settings.order === "random" ? shuffled(snapshot) : snapshot;
    const number = Math.max(0, ...tried.rows.map((r) => r.number)) + 1;
    const row = await q.insertAttempt(tx, {
      enrollmentId: quiz.enrollmentId,
      lessonId,
      number,
      data: { quiz: { questions } },
    });
    // The lesson is now `En cours` for the tutor, and the learner active today.
    await recomputeEnrollment(tx, quiz.enrollmentId);
    return { attempt: presentAttempt({ id: row.id, number, startedAt: row.startedAt }, questions), created: true };
  });
}

/**
 * Submits an attempt's answers in one transaction: the score from the points of the right
 * questions, the outcome against the passing score, the time from start to submit as a session,
 * and the learner's statistics and summary recomputed.
 */
export async function submit(
  db: Db,
  user: CurrentUser,
  lessonId: string,
  attemptId: number,
  input: QuizSubmitRequest,
): Promise<QuizResult> {
  return db.transaction(async (tx) => {
    const quiz = await learnerQuiz(tx, user, lessonId, true);
    const attempt = await q.lockAttempt(tx, quiz.enrollmentId, lessonId, attemptId);
    const data = attempt?.data.quiz;
    if (!attempt || !data) throw notFound("Attempt");
    if (!isOpenQuizAttempt(attempt)) {
      throw conflict("already_submitted", "This attempt has already been submitted; nothing was changed");
    }
    const checked = checkAnswers(data.questions, input.answers);
    if (!checked.ok) {
      throw new AppError(400, "validation_error", checked.fields.map((f) => f.message).join("; "), checked.fields);
    }
    const scored = scoreAttempt(data.questions, checked.chosen);
    const outcome = outcomeOf(scored.score, quiz.passingScore);
    const stored = {
      quiz: {
        questions: data.questions,
        answers: data.questions.map((question) => ({
          questionId: question.id,
          choices: [...(checked.chosen.get(question.id) ?? [])].sort((a, b) => a - b),
        })),
        earnedPoints: scored.earnedPoints,
        totalPoints: scored.totalPoints,
        passingScore: quiz.passingScore,
      },
    };
    const finished = await q.finishAttempt(tx, {
      attemptId,
      enrollmentId: quiz.enrollmentId,
      lessonId,
      status: outcome,
      score: scored.score,
      data: stored,
    });
    await recomputeEnrollment(tx, quiz.enrollmentId);
    return presentResult(
      { ...attempt, endedAt: finished.endedAt, status: outcome, score: scored.score, data: stored },
      quiz.passingScore,
    );
  });
}

// ---- Admin editor ----

async function editorLesson(tx: Tx, lessonId: string) {
  const lesson = await q.findQuizLesson(tx, lessonId);
  if (!lesson) throw notFound("Quiz lesson");
  return lesson;
}

async function buildEditor(tx: Tx, lessonId: string): Promise<QuizEditor> {
  const lesson = await editorLesson(tx, lessonId);
  const [questions, inProgress] = await Promise.all([q.questions(tx, lessonId), q.countInProgress(tx, lessonId)]);
  return {
    course: { id: lesson.courseId, name: lesson.courseName },
    lesson: { id: lesson.lessonId, title: lesson.title, passingScore: lesson.passingScore },
    settings: readQuizSettings(lesson.settings),
    questions: questions.map((question, i) => ({
      id: question.id,
      // Shown 1..n whatever gaps the stored positions have.
      position: i + 1,
      text: question.text,
      multiple: question.multiple,
      points: question.points,
      choices: question.choices.map((c) => ({ label: c.label, correct: c.correct })),
    })),
    attemptsInProgress: inProgress,
  };
}

/** The quiz editor: settings, passing score and questions with their correct choices (admins). */
export function editor(db: Db, lessonId: string): Promise<QuizEditor> {
  return buildEditor(db, lessonId);
}

/** Order, attempts limit and the lesson's passing score, with an audit entry. */
export async function saveSettings(
  db: Db,
  user: CurrentUser,
  lessonId: string,
  input: QuizEditorSettingsRequest,
): Promise<QuizEditor> {
  return db.transaction(async (tx) => {
    await q.lockLesson(tx, lessonId);
    const lesson = await editorLesson(tx, lessonId);
    const before = { ...readQuizSettings(lesson.settings), passingScore: lesson.passingScore };
    const settings = { order: input.order, attemptsLimit: input.attemptsLimit };
    await q.updateSettings(tx, lessonId, settings, input.passingScore);
    await writeAudit(tx, {
      actorId: user.id,
      action: "quiz.settings",
      entityType: "lesson",
      entityId: lessonId,
      courseId: lesson.courseId,
      lessonId,
      before,
      after: { ...settings, passingScore: input.passingScore },
    });
    return buildEditor(tx, lessonId);
  });
}

function checkQuestion(input: QuizQuestionInput) {
  const problems = questionProblems(input);
  if (problems.length > 0) {
    throw new AppError(400, "validation_error", problems.map((p) => p.message).join("; "), problems);
  }
}

async function questionOf(tx: Tx, lessonId: string, questionId: string) {
  const questions = await q.questions(tx, lessonId);
  const index = questions.findIndex((question) => question.id === questionId);
  if (index < 0) throw notFound("Question");
  return { questions, index, question: questions[index] as (typeof questions)[number] };
}

const questionAudit = (question: Omit<SnapshotQuestion, "id">) => ({
  text: question.text,
  multiple: question.multiple,
  points: question.points,
  choices: question.choices,
});

/** Adds a question at the end of the quiz. */
export async function addQuestion(
  db: Db,
  user: CurrentUser,
  lessonId: string,
  input: QuizQuestionInput,
): Promise<QuizEditor> {
  checkQuestion(input);
  return db.transaction(async (tx) => {
    await q.lockLesson(tx, lessonId);
    const lesson = await editorLesson(tx, lessonId);
    const row = await q.insertQuestion(tx, lessonId, input);
    await writeAudit(tx, {
      actorId: user.id,
      action: "quiz.question.create",
      entityType: "quiz_question",
      entityId: row.id,
      courseId: lesson.courseId,
      lessonId,
      after: questionAudit(input),
    });
    return buildEditor(tx, lessonId);
  });
}

/** Rewrites a question; attempts already started keep the version they copied. */
export async function updateQuestion(
  db: Db,
  user: CurrentUser,
  lessonId: string,
  questionId: string,
  input: QuizQuestionInput,
): Promise<QuizEditor> {
  checkQuestion(input);
  return db.transaction(async (tx) => {
    await q.lockLesson(tx, lessonId);
    const lesson = await editorLesson(tx, lessonId);
    const { question } = await questionOf(tx, lessonId, questionId);
    await q.updateQuestion(tx, questionId, input);
    await writeAudit(tx, {
      actorId: user.id,
      action: "quiz.question.update",
      entityType: "quiz_question",
      entityId: questionId,
      courseId: lesson.courseId,
      lessonId,
      before: questionAudit(question),
      after: questionAudit(input),
    });
    return buildEditor(tx, lessonId);
  });
}

/** Deletes a question and closes the gap in the positions. */
export async function deleteQuestion(
  db: Db,
  user: CurrentUser,
  lessonId: string,
  questionId: string,
): Promise<QuizEditor> {
  return db.transaction(async (tx) => {
    await q.lockLesson(tx, lessonId);
    const lesson = await editorLesson(tx, lessonId);
    const { questions, question } = await questionOf(tx, lessonId, questionId);
    await q.deleteQuestion(tx, questionId);
    await q.setPositions(
      tx,
      lessonId,
      questions.filter((other) => other.id !== questionId).map((other) => other.id),
    );
    await writeAudit(tx, {
      actorId: user.id,
      action: "quiz.question.delete",
      entityType: "quiz_question",
      entityId: questionId,
      courseId: lesson.courseId,
      lessonId,
      before: questionAudit(question),
    });
    return buildEditor(tx, lessonId);
  });
}

/** Moves a question one place up or down. */
export async function moveQuestion(
  db: Db,
  user: CurrentUser,
  lessonId: string,
  questionId: string,
  direction: "up" | "down",
): Promise<QuizEditor> {
  return db.transaction(async (tx) => {
    await q.lockLesson(tx, lessonId);
    const lesson = await editorLesson(tx, lessonId);
    const { questions, index } = await questionOf(tx, lessonId, questionId);
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= questions.length) {
      throw badRequest(
        "body.direction",
        "at_edge",
        `body.direction: the question is already ${direction === "up" ? "first" : "last"}`,
      );
    }
    const ids = questions.map((question) => question.id);
    [ids[index], ids[target]] = [ids[target] as string, ids[index] as string];
    await q.setPositions(tx, lessonId, ids);
    await writeAudit(tx, {
      actorId: user.id,
      action: "quiz.question.move",
      entityType: "quiz_question",
      entityId: questionId,
      courseId: lesson.courseId,
      lessonId,
      before: { position: index + 1 },
      after: { position: target + 1 },
    });
    return buildEditor(tx, lessonId);
  });
}
