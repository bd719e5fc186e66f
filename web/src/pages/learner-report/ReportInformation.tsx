import { Card, Descriptions, Progress } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { LearnerReport } from "../../../../common/api/tutoring.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { EnrollmentStatusTag } from "../../components/EnrollmentStatusTag.js";

export interface ReportInformationProps {
  report: LearnerReport;
  timeZone: string;
}

const tabular = { fontVariantNumeric: "tabular-nums" } as const;

/** `Informations` (R1): who the learner is and their dates and time in the course, as in the source. */
export function ReportInformation({ report, timeZone }: ReportInformationProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { learner, enrollment } = report;
  const date = (iso: string | null) => <span style={tabular}>{formatDateTime(iso, timeZone)}</span>;
  const items = [
    { key: "organisation", label: t("report.information.organisation"), children: learner.organisation ?? "" },
    { key: "lastName", label: t("report.information.lastName"), children: learner.lastName },
    { key: "firstName", label: t("report.information.firstName"), children: learner.firstName },
    { key: "startAt", label: t("report.information.startAt"), children: date(enrollment.startAt) },
    { key: "objectiveAt", label: t("report.information.objectiveAt"), children: date(enrollment.objectiveAt) },
    { key: "endAt", label: t("report.information.endAt"), children: date(enrollment.endAt) },
    {
      key: "totalTime",
      label: t("report.information.totalTime"),
      children: <span style={tabular}>{formatDuration(enrollment.timeSpentSeconds)}</span>,
    },
    { key: "firstSignIn", label: t("report.information.firstSignIn"), children: date(learner.firstSignInAt) },
    { key: "lastSignIn", label: t("report.information.lastSignIn"), children: date(learner.lastSignInAt) },
    {
      key: "status",
      label: t("report.information.status"),
      children: <EnrollmentStatusTag status={enrollment.status} />,
    },
    {
      key: "progress",
      label: t("report.information.progress"),
      children: (
        <Progress
          percent={enrollment.progressPct}
          size="small"
          status={enrollment.status === "completed" ? "success" : "normal"}
          format={(percent) => t("report.progressValue", { value: percent ?? 0 })}
          aria-label={t("report.information.progress")}
          style={{ maxWidth: 260, margin: 0 }}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby={titleId} style={{ height: "100%" }}>
      <Card
        title={
          <h2 id={titleId} style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
            {t("report.information.title")}
          </h2>
        }
        style={{ height: "100%" }}
      >
        <Descriptions
          bordered
          size="small"
          column={1}
          items={items}
          styles={{ label: { width: "45%", color: "rgba(0, 0, 0, 0.75)" } }}
        />
      </Card>
    </section>
  );
}
