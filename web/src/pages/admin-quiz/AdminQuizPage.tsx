import { Alert, Card, Col, Empty, Row, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { useQuizEditor } from "../../api/quiz.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { QuizQuestionsCard } from "./QuizQuestionsCard.js";
import { QuizSettingsCard } from "./QuizSettingsCard.js";
import "../quiz/quiz.css";

/** `Administration > Formations > [Cours] > [Quiz]`: the quiz's settings and questions (admins). */
export function AdminQuizPage() {
  const { t } = useTranslation();
  const { courseId = "", lessonId = "" } = useParams();
  const editor = useQuizEditor(lessonId);
  const data = editor.data;
  const coursePath = `/admin/formations/${encodeURIComponent(courseId)}`;
  const crumbs = [
    t("quizEditor.administration"),
    { label: t("quizEditor.courses"), to: "/admin/formations" },
    { label: data?.course.name ?? "…", to: coursePath },
  ];

  if ((editor.error instanceof ApiError && editor.error.status === 404) || (data && data.course.id !== courseId)) {
    return (
      <>
        <PageHeader
          title={t("quizEditor.notFoundTitle")}
          breadcrumb={[crumbs[0] as string, crumbs[1] as { label: string; to: string }, t("quizEditor.notFoundTitle")]}
        />
        <Card>
          <Empty description={t("quizEditor.notFoundText")} />
        </Card>
      </>
    );
  }

  const title = data ? t("quizEditor.pageTitle", { lesson: data.lesson.title }) : t("quizEditor.title");
  return (
    <>
      <PageHeader title={title} breadcrumb={[...crumbs, data?.lesson.title ?? t("quizEditor.title")]} />
      {!data ? (
        <Card>
          {editor.isError ? (
            <QueryErrorResult
              title={t("quizEditor.loadError")}
              retrying={editor.isFetching}
              onRetry={() => void editor.refetch()}
            />
          ) : (
            <Skeleton active paragraph={{ rows: 8 }} />
          )}
        </Card>
      ) : (
        <>
          {data.attemptsInProgress > 0 ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("quizEditor.inProgress", { count: data.attemptsInProgress })}
            />
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <QuizQuestionsCard editor={data} />
            </Col>
            <Col xs={24} xl={8}>
              <QuizSettingsCard editor={data} />
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
