import type { CurrentUser } from "../../../common/api/auth.js";
import type { LessonComment, LessonPreview } from "../../../common/api/courses.js";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { type CourseScope, courseScope, learnersInScope } from "../access/policy.js";
import * as q from "./queries.js";

const iso = (value: string | Date) => new Date(value).toISOString();

async function lessonInScope(db: Db, user: CurrentUser, courseId: string, lessonId: string) {
  const scope = await courseScope(db, user, courseId);
  const lesson = await q.findLesson(db, courseId, lessonId);
  if (!lesson) throw notFound("Lesson");
  return { scope, lesson };
}

/** The `Leçons` tab: lessons in order with figures over the tutor's learners. */
export async function courseLessons(db: Db, user: CurrentUser, courseId: string) {
  const scope = await courseScope(db, user, courseId);
  return { items: await q.courseLessons(db, courseId, learnersInScope(scope)) };
}

/** The learners' comments on a lesson (only the tutor's learners), with the answers under each. */
export async function comments(
  db: Db,
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  page: { page: number; pageSize: number },
) {
  const { scope } = await lessonInScope(db, user, courseId, lessonId);
  const { top, answers, total } = await q.lessonComments(
    db,
    lessonId,
    learnersInScope(scope),
    page.page,
    page.pageSize,
  );
  const person = (r: { authorId: string; firstName: string; lastName: string }) => ({
    id: r.authorId,
    firstName: r.firstName,
    lastName: r.lastName,
  });
  const items: LessonComment[] = top.map((c) => ({
    id: c.id,
    author: person(c),
    body: c.body,
    createdAt: iso(c.createdAt),
    answers: answers
      .filter((a) => a.parentId === c.id)
      .map((a) => ({ id: a.id, author: person(a), body: a.body, createdAt: iso(a.createdAt) })),
  }));
  return { items, total, page: page.page, pageSize: page.pageSize };
}

/** A tutor answers a learner's comment; the answer is stored as plain text. */
export async function answer(
  db: Db,
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  commentId: string,
  body: string,
) {
  return db.transaction(async (tx) => {
    const scope: CourseScope = await courseScope(tx, user, courseId);
    if (!(await q.findLesson(tx, courseId, lessonId))) throw notFound("Lesson");
    if (!(await q.findVisibleComment(tx, lessonId, commentId, learnersInScope(scope)))) throw notFound("Comment");
    const row = await q.insertAnswer(tx, lessonId, commentId, user.id, body);
    return {
      id: row.id,
      author: { id: row.authorId, firstName: row.firstName, lastName: row.lastName },
      body: row.body,
      createdAt: iso(row.createdAt),
    };
  });
}

/** `Lancer le contenu` in preview: what the lesson shows, nothing recorded. */
export async function preview(db: Db, user: CurrentUser, courseId: string, lessonId: string): Promise<LessonPreview> {
  const { lesson } = await lessonInScope(db, user, courseId, lessonId);
  const document = lesson.type === "sheet" ? sheetParagraphs(lesson.settings) : null;
  const questions = lesson.type === "quiz" ? await q.quizQuestions(db, lessonId) : null;
  const classes =
    lesson.type === "webinar"
      ? (await q.lessonClasses(db, lessonId)).map((c) => ({ ...c, startsAt: iso(c.startsAt) }))
      : null;
  const grid = lesson.type === "observation" ? await q.observationGrid(db, lessonId) : null;
  return {
    id: lesson.id,
    type: lesson.type,
    title: lesson.title,
    description: lesson.description,
    durationSeconds: lesson.durationSeconds,
    passingScore: lesson.passingScore,
    document,
    questions,
    classes,
    grid,
  };
}

function sheetParagraphs(settings: Record<string, unknown>): string[] {
  const body = typeof settings.body === "string" ? settings.body : "";
  return body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}
