import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Collapse, Empty, Row, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { type Correction, useCourseMissions, useMission } from "../../api/tutoring.js";
import { courseCenterPath, courseDetailPath, coursesListPath, learnerReportPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { courseMissionsPath, missionPath } from "../tutoring-center/centerPaths.js";
import { formatScore } from "../tutoring-center/formatScore.js";
import { learnerName } from "../tutoring-center/learnerName.js";
import { CorrectionForm } from "./CorrectionForm.js";
import { CorrectionSummary } from "./CorrectionSummary.js";
import { SubmissionContent } from "./SubmissionContent.js";
import { VerdictTag } from "./VerdictTag.js";
import "../tutoring-center/tutoringCenter.css";

type Outcome = { kind: "saved"; correction: Correction } | { kind: "conflict" } | null;

/** One mission submission (T7): the learner's work, earlier attempts and their corrections, and the correction form. */
export function MissionPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { courseId = "", submissionId = "" } = useParams();
  const mission = useMission(courseId, submissionId);
  const pending = useCourseMissions(courseId, { status: "pending", page: 1, pageSize: 2 });
  const [outcome, setOutcome] = useState<Outcome>(null);

  const title = mission.data ? learnerName(mission.data.learner) : t("missions.submission");
  const breadcrumb = [
    t("nav.tutoring"),
    { label: t("nav.courses"), to: coursesListPath() },
    { label: mission.data?.course.name ?? "…", to: courseDetailPath(courseId) },
    { label: t("center.title"), to: courseCenterPath(courseId) },
    { label: t("missions.title"), to: courseMissionsPath(courseId) },
    title,
  ];

  function handleBack() {
    void navigate(courseMissionsPath(courseId));
  }

  function handleSaved(correction: Correction) {
    setOutcome({ kind: "saved", correction });
  }

  function handleConflict() {
    setOutcome({ kind: "conflict" });
  }

  function handleRetry() {
    void mission.refetch();
  }

  const nextPending = pending.data?.items.find((item) => item.submissionId !== submissionId);

  function handleNext() {
    if (!nextPending) return;
    setOutcome(null);
    void navigate(missionPath(nextPending.course.id, nextPending.submissionId));
  }

  if (mission.error instanceof ApiError && mission.error.status === 404) {
    return (
      <>
        <PageHeader
          title={t("missions.notFoundTitle")}
          breadcrumb={breadcrumb.slice(0, -1).concat(t("missions.notFoundTitle"))}
        />
        <Card>
          <Empty description={t("missions.notFoundText")}>
            <Button type="primary" onClick={handleBack}>
              {t("missions.backToQueue")}
            </Button>
          </Empty>
        </Card>
      </>
    );
  }

  const detail = mission.data;
  return (
    <>
      <PageHeader title={title} breadcrumb={breadcrumb} />
      <div style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={handleBack}>
          {t("missions.backToQueue")}
        </Button>
      </div>
      {mission.isError && !detail ? (
        <Card>
          <QueryErrorResult title={t("missions.detailLoadError")} retrying={mission.isFetching} onRetry={handleRetry} />
        </Card>
      ) : !detail ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              title={<h2 className="card-heading">{t("missions.submissionOf", { lesson: detail.lesson.title })}</h2>}
              extra={<Link to={learnerReportPath(courseId, detail.learner.id)}>{t("missions.openReport")}</Link>}
              style={{ marginBottom: 16 }}
            >
              <SubmissionContent courseId={courseId} submission={detail.submission} />
            </Card>
            <Card title={<h2 className="card-heading">{t("missions.instructions")}</h2>} style={{ marginBottom: 16 }}>
              {detail.lesson.passingScore !== null ? (
                <p style={{ marginTop: 0 }}>
                  {t("missions.passingScore", { score: formatScore(detail.lesson.passingScore, i18n.language) })}
                </p>
              ) : null}
              {detail.lesson.description.trim() ? (
                <div className="mission-text">{detail.lesson.description}</div>
              ) : (
                <p className="muted">{t("missions.noInstructions")}</p>
              )}
            </Card>
            <Card title={<h2 className="card-heading">{t("missions.history")}</h2>}>
              {detail.history.length === 0 ? (
                <p className="muted" style={{ margin: 0 }}>
                  {t("missions.noHistory")}
                </p>
              ) : (
                <Collapse
                  items={detail.history.map((earlier) => ({
                    key: earlier.id,
                    label: (
                      <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
                        {t("missions.attemptNumber", { number: earlier.attemptNumber })}
                        <VerdictTag
                          verdict={earlier.correction?.verdict ?? null}
                          score={earlier.correction?.score ?? null}
                        />
                      </span>
                    ),
                    children: (
                      <>
                        <SubmissionContent courseId={courseId} submission={earlier} />
                        {earlier.correction ? (
                          <>
                            <h3 className="mission-subtitle">{t("missions.correction")}</h3>
                            <CorrectionSummary correction={earlier.correction} />
                          </>
                        ) : null}
                      </>
                    ),
                  }))}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={<h2 className="card-heading">{t("missions.correction")}</h2>}>
              {outcome?.kind === "conflict" ? (
                <Alert
                  type="warning"
                  showIcon
                  role="alert"
                  title={t("missions.conflictTitle")}
                  description={t("missions.conflictText")}
                  style={{ marginBottom: 16 }}
                />
              ) : null}
              {outcome?.kind === "saved" ? (
                <Alert
                  type="success"
                  showIcon
                  role="status"
                  title={t("missions.savedTitle")}
                  description={t("missions.savedText", {
                    name: `${detail.learner.firstName} ${detail.learner.lastName}`,
                  })}
                  action={
                    nextPending ? (
                      <Button size="small" type="primary" onClick={handleNext}>
                        {t("missions.next")}
                      </Button>
                    ) : undefined
                  }
                  style={{ marginBottom: 16 }}
                />
              ) : null}
              {detail.submission.correction ? (
                <CorrectionSummary correction={detail.submission.correction} />
              ) : outcome?.kind === "saved" ? (
                <CorrectionSummary correction={outcome.correction} />
              ) : outcome?.kind === "conflict" ? (
                <Skeleton active />
              ) : (
                <CorrectionForm
                  courseId={courseId}
                  submissionId={submissionId}
                  onSaved={handleSaved}
                  onConflict={handleConflict}
                  onCancel={handleBack}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
