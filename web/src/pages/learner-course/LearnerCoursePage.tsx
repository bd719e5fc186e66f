import { Alert, Button, Card, Col, Row, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { learnerPaths, useEnroll, useLearnerCourse } from "../../api/learner.js";
import { useFeedback } from "../../app/feedback.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { CourseEvaluationCard } from "./CourseEvaluationCard.js";
import { CourseProgressCard } from "./CourseProgressCard.js";
import { CourseReviewCard } from "./CourseReviewCard.js";
import { LearnerLessonsTable } from "./LearnerLessonsTable.js";
import { LearnerNotFound } from "./LearnerNotFound.js";

/** `/mes-formations/:courseId`: the course for the learner, lessons in order, progress, review and evaluation. */
export function LearnerCoursePage() {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const { message } = useFeedback();
  const course = useLearnerCourse(courseId);
  const enroll = useEnroll();

  if (course.error instanceof ApiError && (course.error.status === 404 || course.error.status === 400)) {
    return <LearnerNotFound what="course" />;
  }
  if (!course.data) {
    return (
      <>
        <PageHeader title={t("myCourses.title")} breadcrumb={[]} />
        {course.isError ? (
          <QueryErrorResult
            title={t("learner.courseLoadError")}
            retrying={course.isFetching}
            onRetry={() => void course.refetch()}
          />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )}
      </>
    );
  }

  const data = course.data;
  function handleEnroll() {
    enroll.mutate(courseId, { onSuccess: () => void message.success(t("learner.enrolled", { name: data.name })) });
  }

  return (
    <>
      <PageHeader
        title={data.name}
        breadcrumb={[{ label: t("myCourses.title"), to: learnerPaths.courses }, data.name]}
        extra={
          data.enrollment ? null : (
            <Button type="primary" onClick={handleEnroll} loading={enroll.isPending}>
              {t("learner.enroll")}
            </Button>
          )
        }
      />
      {data.description ? <p style={{ marginTop: 0, maxWidth: 860 }}>{data.description}</p> : null}
      {enroll.isError ? (
        <Alert type="error" showIcon role="alert" title={t("learner.enrollError")} style={{ marginBottom: 16 }} />
      ) : null}
      {data.enrollment ? null : (
        <Alert type="info" showIcon title={t("learner.notEnrolled")} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <LearnerLessonsTable courseId={data.id} lessons={data.lessons} enrolled={data.enrollment !== null} />
        </Col>
        {data.enrollment ? (
          <Col xs={24} xl={8}>
            <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
              <CourseProgressCard enrollment={data.enrollment} />
              <CourseReviewCard courseId={data.id} review={data.review} />
              {data.evaluation.questions.length > 0 ? (
                <CourseEvaluationCard courseId={data.id} evaluation={data.evaluation} />
              ) : null}
            </div>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
