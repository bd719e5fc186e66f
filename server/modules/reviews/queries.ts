import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/** Reviews of the course by learners within `learners` (a condition on `enrollments e`), newest first. */
export async function reviews(tx: Tx, courseId: string, learners: SQL, page: number, pageSize: number) {
  const visible = sql`r.course_id = ${courseId}
    and exists (select 1 from enrollments e where ${learners} and e.user_id = r.user_id)`;
  const [rows, summary] = await Promise.all([
    tx.execute<{
      id: string;
      authorId: string;
      firstName: string;
      lastName: string;
      rating: number;
      comment: string;
      createdAt: string;
    }>(sql`
      select r.id, u.id as "authorId", u.first_name as "firstName", u.last_name as "lastName", r.rating, r.comment,
        r.created_at as "createdAt"
      from reviews r join users u on u.id = r.user_id
      where ${visible}
      order by r.created_at desc, r.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{
      total: number;
      average: number | null;
      d1: number;
      d2: number;
      d3: number;
      d4: number;
      d5: number;
    }>(sql`
      select count(*)::int as total, round(avg(r.rating), 1)::float8 as average,
        (count(*) filter (where r.rating = 1))::int as d1, (count(*) filter (where r.rating = 2))::int as d2,
        (count(*) filter (where r.rating = 3))::int as d3, (count(*) filter (where r.rating = 4))::int as d4,
        (count(*) filter (where r.rating = 5))::int as d5
      from reviews r where ${visible}`),
  ]);
  return { rows: rows.rows, summary: summary.rows[0] };
}

/** Satisfaction evaluation results over the responses of learners within `learners`. */
export async function evaluation(tx: Tx, courseId: string, learners: SQL, textPage: number, textPageSize: number) {
  const responses = sql`select er.id, er.submitted_at from evaluation_responses er
    where er.course_id = ${courseId} and exists (select 1 from enrollments e where ${learners} and e.user_id = er.user_id)`;
  const [counts, questions, distribution, texts, textTotal] = await Promise.all([
    tx.execute<{ responses: number; learners: number }>(sql`
      select (select count(*) from (${responses}) x)::int as responses,
        (select count(*) from enrollments e where ${learners})::int as learners`),
    tx.execute<{
      id: string;
      position: number;
      kind: "rating" | "choice" | "text";
      label: string;
      answers: number;
      average: number | null;
    }>(sql`
      with resp as (${responses})
      select q.id, q.position, q.kind, q.label,
        (select count(*) from evaluation_answers a join resp on resp.id = a.response_id
          where a.question_id = q.id and coalesce(a.rating::text, a.choice, nullif(a.text, '')) is not null)::int as answers,
        (select round(avg(a.rating), 2)::float8 from evaluation_answers a join resp on resp.id = a.response_id
          where a.question_id = q.id) as average
      from evaluation_questions q where q.course_id = ${courseId} order by q.position`),
    tx.execute<{ questionId: string; value: string; count: number }>(sql`
      with resp as (${responses})
      select a.question_id as "questionId", coalesce(a.rating::text, a.choice) as value, count(*)::int as count
      from evaluation_answers a join resp on resp.id = a.response_id
      join evaluation_questions q on q.id = a.question_id and q.kind in ('rating', 'choice')
      where coalesce(a.rating::text, a.choice) is not null
      group by a.question_id, coalesce(a.rating::text, a.choice)`),
    tx.execute<{ questionLabel: string; text: string; submittedAt: string }>(sql`
      with resp as (${responses})
      select q.label as "questionLabel", a.text, resp.submitted_at as "submittedAt"
      from evaluation_answers a join resp on resp.id = a.response_id join evaluation_questions q on q.id = a.question_id
      where q.kind = 'text' and nullif(trim(a.text), '') is not null
      order by resp.submitted_at desc, a.response_id
      limit ${textPageSize} offset ${(textPage - 1) * textPageSize}`),
    tx.execute<{ total: number }>(sql`
      with resp as (${responses})
      select count(*)::int as total from evaluation_answers a join resp on resp.id = a.response_id
      join evaluation_questions q on q.id = a.question_id
      where q.kind = 'text' and nullif(trim(a.text), '') is not null`),
  ]);
  const optionRows = await tx.execute<{ id: string; options: string[] }>(
    sql`select id, options from evaluation_questions where course_id = ${courseId} and kind = 'choice'`,
  );
  return {
    counts: counts.rows[0] ?? { responses: 0, learners: 0 },
    questions: questions.rows,
    distribution: distribution.rows,
    options: new Map(optionRows.rows.map((r) => [r.id, r.options])),
    texts: texts.rows,
    textTotal: textTotal.rows[0]?.total ?? 0,
  };
}
