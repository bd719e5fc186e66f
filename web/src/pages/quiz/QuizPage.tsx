import { Button, Card, Col, Empty, Row, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { QuizAttempt, QuizResult } from "../../../../common/api/quiz.js";
import { ApiError } from "../../api/client.js";
import { useQuizOverview, useStartQuiz } from "../../api/quiz.js";
import { myCoursesRoute } from "../../app/landing.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { QuizForm } from "./QuizForm.js";
import { QuizHistoryCard } from "./QuizHistoryCard.js";
import { QuizNotices } from "./QuizNotices.js";
import { QuizResultCard } from "./QuizResultCard.js";
import { QuizRulesCard } from "./QuizRulesCard.js";
import { learnerCoursePath, learnerLessonPath } from "./quizPaths.js";
import "./quiz.css";

/** Taking a native quiz (S2): rules, start, one form with every question, the result with the right answers. */
export function QuizPage() {
  const { t } = useTranslation();
  const { courseId = "", lessonId = "" } = useParams();
  const overview = useQuizOverview(lessonId);
  const start = useStartQuiz(lessonId);
  const [attempt, setAttempt] = useState<QuizAttempt | null>(null);
  const [result, setResult] = useState<QuizResult | null>(null);
  const [notice, setNotice] = useState<"exhausted" | "alreadySubmitted" | "startFailed" | null>(null);

  const quiz = overview.data;
  const belongs = quiz ? quiz.course.id === courseId : true;
  const notFound = (overview.error instanceof ApiError && overview.error.status === 404) || !belongs;

  function handleRetry() {
    void overview.refetch();
  }

  function handleStart() {
    setNotice(null);
    start.mutate(undefined, {
      onSuccess: (started) => {
        setResult(null);
        setAttempt(started);
      },
      onError: (error) => {
        setNotice(error instanceof ApiError && error.status === 409 ? "exhausted" : "startFailed");
      },
    });
  }

  function handleSubmitted(submitted: QuizResult) {
    setAttempt(null);
    setResult(submitted);
    window.scrollTo({ top: 0 });
  }

  function handleAlreadySubmitted() {
    setAttempt(null);
    setNotice("alreadySubmitted");
    void overview.refetch();
  }

  if (notFound) {
    return (
      <>
        <PageHeader
          title={t("quiz.notFoundTitle")}
          breadcrumb={[{ label: t("quiz.myCourses"), to: myCoursesRoute }, t("quiz.notFoundTitle")]}
        />
        <Card>
          <Empty description={t("quiz.notFoundText")}>
            <ButtonLink type="primary" to={myCoursesRoute}>
              {t("quiz.backToCourses")}
            </ButtonLink>
          </Empty>
        </Card>
      </>
    );
  }

  const title = quiz?.lesson.title ?? t("quiz.crumb");
  const breadcrumb = [
    { label: t("quiz.myCourses"), to: myCoursesRoute },
    { label: quiz?.course.name ?? "…", to: learnerCoursePath(courseId) },
    { label: title, to: learnerLessonPath(courseId, lessonId) },
    t("quiz.crumb"),
  ];

  if (!quiz) {
    return (
      <>
        <PageHeader title={title} breadcrumb={breadcrumb} />
        <Card>
          {overview.isError ? (
            <QueryErrorResult title={t("quiz.loadError")} retrying={overview.isFetching} onRetry={handleRetry} />
          ) : (
            <Skeleton active paragraph={{ rows: 6 }} />
          )}
        </Card>
      </>
    );
  }

  // A fresh start wins; otherwise the attempt the learner left open comes back after a reload.
  const active = attempt ?? (result ? null : quiz.inProgress);
  const shown = result ?? quiz.lastResult;
  const canStart = quiz.rules.questionCount > 0 && quiz.attemptsLeft !== 0;
  const startButton = canStart ? (
    <Button type="primary" onClick={handleStart} loading={start.isPending}>
      {shown || quiz.history.length > 0 ? t("quiz.retry") : t("quiz.start")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={title} breadcrumb={breadcrumb} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <QuizNotices quiz={quiz} notice={notice} active={active !== null} />
          {active ? (
            <QuizForm
              key={active.id}
              lessonId={lessonId}
              attempt={active}
              onSubmitted={handleSubmitted}
              onAlreadySubmitted={handleAlreadySubmitted}
            />
          ) : shown ? (
            <QuizResultCard
              result={shown}
              title={
                result
                  ? t("quiz.resultTitle", { number: shown.number })
                  : t("quiz.lastResultTitle", { number: shown.number })
              }
              attemptsLeft={quiz.attemptsLeft}
              action={startButton}
            />
          ) : (
            <Card title={<h2 className="quiz-card-heading">{t("quiz.introTitle")}</h2>}>
              <p style={{ marginTop: 0, whiteSpace: "pre-wrap" }}>
                {quiz.lesson.description.trim() || t("quiz.introNoDescription")}
              </p>
              {startButton}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <QuizRulesCard quiz={quiz} />
          <QuizHistoryCard history={quiz.history} />
        </Col>
      </Row>
    </>
  );
}
