import { App, Button, Col, Result, Row } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { useDeleteAttempt, useLearnerReport } from "../../api/reports.js";
import { courseCenterPath, courseDetailPath, coursesListPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { personName } from "./auditEntryView.js";
import { ConnectionHistory } from "./ConnectionHistory.js";
import { CourseComposition } from "./CourseComposition.js";
import { EditStatsModal } from "./EditStatsModal.js";
import { ExportMenu } from "./ExportMenu.js";
import { LearnerModifications } from "./LearnerModifications.js";
import type { ReportAttempt, ReportLesson } from "./LessonAttempts.js";
import { ReminderHistory } from "./ReminderHistory.js";
import { ReportInformation } from "./ReportInformation.js";
import { ReportNavigation } from "./ReportNavigation.js";
import { ReportSection } from "./ReportSection.js";
import { useReportView } from "./reportView.js";

/**
 * `Tutorat > Formations > [Cours] > Centre de tutorat > [Rapport apprenant]`: a learner's follow-up in a course
 * (R1–R6), with the changes made to their data (B4) and the evidence exports (B3).
 */
export function LearnerReportPage() {
  const { t } = useTranslation();
  const { courseId = "", learnerId = "" } = useParams();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const user = useCurrentUser();
  const timeZone = user.timeZone;
  const [view, updateView] = useReportView();
  const report = useLearnerReport(courseId, learnerId, {
    sessionsPage: view.sessionsPage,
    sessionsPageSize: view.sessionsPageSize,
  });
  const deleteAttempt = useDeleteAttempt(courseId, learnerId);
  const [editedLesson, setEditedLesson] = useState<ReportLesson | null>(null);

  if (report.isPending) return <PageLoader />;
  if (report.isError && !report.data) {
    if (report.error instanceof ApiError && report.error.status === 404) {
      return (
        <Result
          status="404"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>{t("report.notFoundTitle")}</h1>}
          subTitle={t("report.notFoundText")}
          extra={
            <Button type="primary" onClick={() => void navigate(courseCenterPath(courseId))}>
              {t("report.backToCenter")}
            </Button>
          }
        />
      );
    }
    return (
      <QueryErrorResult
        title={t("report.loadError")}
        retrying={report.isFetching}
        onRetry={() => void report.refetch()}
      />
    );
  }

  const data = report.data;
  const name = personName(data.learner);

  function handleDeleteAttempt(lesson: ReportLesson, attempt: ReportAttempt) {
    modal.confirm({
      title: t("report.deleteAttempt.title", { number: attempt.number }),
      content: t("report.deleteAttempt.text", { date: formatDateTime(attempt.date, timeZone), lesson: lesson.title }),
      okText: t("report.deleteAttempt.confirm"),
      okButtonProps: { danger: true },
      cancelText: t("report.deleteAttempt.cancel"),
      onOk: async () => {
        try {
          await deleteAttempt.mutateAsync({
            lessonId: lesson.lessonId,
            number: attempt.number,
            expectedVersion: data.version,
          });
          void message.success(t("report.deleteAttempt.done", { number: attempt.number }));
        } catch (error) {
          const stale = error instanceof ApiError && (error.status === 409 || error.status === 404);
          modal.error({
            title: t("report.deleteAttempt.title", { number: attempt.number }),
            content: stale ? t("report.deleteAttempt.stale") : t("report.deleteAttempt.error"),
          });
        }
      },
    });
  }

  function handleSessionsPage(page: number, pageSize: number) {
    updateView({ sessionsPage: page, sessionsPageSize: pageSize });
  }

  function handleChangesPage(page: number, pageSize: number) {
    updateView({ changesPage: page, changesPageSize: pageSize });
  }

  return (
    <>
      <PageHeader
        title={t("report.title", { name })}
        breadcrumb={[
          t("nav.tutoring"),
          { label: t("nav.courses"), to: coursesListPath() },
          { label: data.course.name, to: courseDetailPath(courseId) },
          { label: t("report.center"), to: courseCenterPath(courseId) },
          name,
        ]}
        extra={<ExportMenu courseId={courseId} learnerId={learnerId} />}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={15}>
          <ReportSection id="informations">
            <ReportInformation report={data} timeZone={timeZone} />
          </ReportSection>
        </Col>
        <Col xs={24} xl={9}>
          <ReportNavigation report={data} />
        </Col>
      </Row>
      <ReportSection id="composition">
        <TableCard title={t("report.composition.title")}>
          <CourseComposition
            courseId={courseId}
            learnerId={learnerId}
            lessons={data.lessons}
            timeZone={timeZone}
            loading={report.isFetching}
            onEditStats={setEditedLesson}
            onDeleteAttempt={handleDeleteAttempt}
          />
        </TableCard>
      </ReportSection>
      <ReportSection id="connexions">
        <TableCard title={t("report.connections.title")}>
          <ConnectionHistory
            sessions={data.sessions}
            timeZone={timeZone}
            loading={report.isPlaceholderData}
            onPageChange={handleSessionsPage}
          />
        </TableCard>
      </ReportSection>
      <ReportSection id="relances">
        <TableCard title={t("report.reminders.title")}>
          <ReminderHistory reminders={data.reminders} timeZone={timeZone} />
        </TableCard>
      </ReportSection>
      <ReportSection id="modifications">
        <TableCard title={t("audit.modifications")}>
          <LearnerModifications
            courseId={courseId}
            learnerId={learnerId}
            page={view.changesPage}
            pageSize={view.changesPageSize}
            timeZone={timeZone}
            onPageChange={handleChangesPage}
          />
        </TableCard>
      </ReportSection>
      <EditStatsModal
        courseId={courseId}
        learnerId={learnerId}
        lesson={editedLesson}
        timeZone={timeZone}
        onClose={() => setEditedLesson(null)}
      />
    </>
  );
}
