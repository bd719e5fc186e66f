import type { CurrentUser } from "../../../common/api/auth.js";
import type { Evaluation, ReviewsPage } from "../../../common/api/courses.js";
import type { Db } from "../../db/client.js";
import { courseScope, learnersInScope } from "../access/policy.js";
import * as q from "./queries.js";

const iso = (value: string | Date) => new Date(value).toISOString();

/** The `Avis` tab: reviews of the tutor's learners, newest first, with average and distribution. */
export async function reviews(
  db: Db,
  user: CurrentUser,
  courseId: string,
  page: { page: number; pageSize: number },
): Promise<ReviewsPage> {
  const scope = await courseScope(db, user, courseId);
  const { rows, summary } = await q.reviews(db, courseId, learnersInScope(scope), page.page, page.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      author: { id: r.authorId, firstName: r.firstName, lastName: r.lastName },
      rating: r.rating,
      comment: r.comment,
      createdAt: iso(r.createdAt),
    })),
    total: summary?.total ?? 0,
    page: page.page,
    pageSize: page.pageSize,
    average: summary?.average ?? null,
    distribution: summary ? [summary.d1, summary.d2, summary.d3, summary.d4, summary.d5] : [0, 0, 0, 0, 0],
  };
}

/** `Évaluation formation`: per question count, average and distribution; free-text answers paged. */
export async function evaluation(
  db: Db,
  user: CurrentUser,
  courseId: string,
  query: { textPage: number; textPageSize: number },
): Promise<Evaluation> {
  const scope = await courseScope(db, user, courseId);
  const data = await q.evaluation(db, courseId, learnersInScope(scope), query.textPage, query.textPageSize);
  return {
    responses: data.counts.responses,
    learners: data.counts.learners,
    rate: data.counts.learners ? Math.round((data.counts.responses / data.counts.learners) * 1000) / 1000 : null,
    questions: data.questions.map((question) => {
      const counts = new Map(
        data.distribution.filter((d) => d.questionId === question.id).map((d) => [d.value, d.count] as const),
      );
      // Every possible value is listed, with 0 when nobody chose it, so charts keep their axis.
      const values =
        question.kind === "rating"
          ? ["1", "2", "3", "4", "5"]
          : question.kind === "choice"
            ? [...new Set([...(data.options.get(question.id) ?? []), ...counts.keys()])]
            : [];
      return {
        ...question,
        average: question.kind === "rating" ? question.average : null,
        distribution: values.map((value) => ({ value, count: counts.get(value) ?? 0 })),
      };
    }),
    texts: {
      items: data.texts.map((t) => ({ ...t, submittedAt: iso(t.submittedAt) })),
      total: data.textTotal,
      page: query.textPage,
      pageSize: query.textPageSize,
    },
  };
}
