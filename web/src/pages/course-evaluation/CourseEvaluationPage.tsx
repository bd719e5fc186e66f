import { Card, Skeleton } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { useCourseDetail, useCourseEvaluation } from "../../api/coursesDetail.js";
import { courseDetailPath, coursesListPath } from "../../app/navigation.js";
import { type Crumb, PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { CourseNotFound } from "../course-detail/CourseNotFound.js";
import { ForbiddenPage } from "../forbidden/ForbiddenPage.js";
import { EvaluationSummary } from "./EvaluationSummary.js";
import { FreeTextAnswers, textPageSizes } from "./FreeTextAnswers.js";
import { QuestionResult } from "./QuestionResult.js";

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^\d{1,7}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

/** `Tutorat > Formations > [Cours] > Évaluation formation` (C10): results of the course's satisfaction evaluation. */
export function CourseEvaluationPage() {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const requestedSize = positiveInt(params.get("pageSize"), 10);
  const textPageSize = textPageSizes.some((size) => size === requestedSize) ? requestedSize : 10;
  const textPage = positiveInt(params.get("page"), 1);
  const course = useCourseDetail(courseId);
  const evaluation = useCourseEvaluation(courseId, textPage, textPageSize);
  const textsId = `${useId().replace(/:/g, "")}texts`;

  function handleTextPageChange(page: number, pageSize: number) {
    const next = new URLSearchParams();
    if (page !== 1) next.set("page", String(page));
    if (pageSize !== 10) next.set("pageSize", String(pageSize));
    setParams(next);
  }

  function handleRetry() {
    void evaluation.refetch();
    if (course.isError) void course.refetch();
  }

  const failure = course.error ?? evaluation.error;
  if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) return <CourseNotFound />;
  if (failure instanceof ApiError && failure.status === 403) return <ForbiddenPage />;

  const title = t("courseEvaluation.title");
  const crumbs: Crumb[] = [
    t("nav.tutoring"),
    { label: t("nav.courses"), to: coursesListPath() },
    course.data ? { label: course.data.name, to: courseDetailPath(courseId) } : t("courseDetail.loadingTitle"),
    title,
  ];

  return (
    <>
      <PageHeader title={title} breadcrumb={crumbs} />
      {course.data ? (
        <p style={{ margin: "-8px 0 16px", fontSize: 15, color: "rgba(0, 0, 0, 0.7)" }}>
          {t("courseEvaluation.courseLine", { name: course.data.name })}
        </p>
      ) : null}
      {evaluation.isError && !evaluation.data ? (
        <QueryErrorResult
          title={t("courseEvaluation.loadError")}
          retrying={evaluation.isFetching}
          onRetry={handleRetry}
        />
      ) : !evaluation.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
          <EvaluationSummary evaluation={evaluation.data} />
          {evaluation.data.questions.length === 0 ? (
            <Card>
              <p style={{ margin: 0 }}>{t("courseEvaluation.noQuestion")}</p>
            </Card>
          ) : (
            <section aria-labelledby={`${textsId}-questions`}>
              <h2
                id={`${textsId}-questions`}
                style={{ margin: "4px 0 12px", fontSize: 14, fontWeight: 600, letterSpacing: 0.6 }}
              >
                {t("courseEvaluation.questionsTitle")}
              </h2>
              <div
                style={{
                  display: "grid",
                  gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 420px), 1fr))",
                  gap: 16,
                }}
              >
                {evaluation.data.questions.map((question, index) => (
                  <QuestionResult key={question.id} question={question} index={index + 1} textsId={textsId} />
                ))}
              </div>
            </section>
          )}
          <FreeTextAnswers
            id={textsId}
            texts={evaluation.data.texts}
            dimmed={evaluation.isPlaceholderData}
            onPageChange={handleTextPageChange}
          />
        </div>
      )}
    </>
  );
}
