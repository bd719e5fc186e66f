import { Card, Descriptions, Progress } from "antd";
import { useTranslation } from "react-i18next";
import type { LearnerCourse } from "../../../../common/api/learner.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { EnrollmentStatusTag } from "../../components/EnrollmentStatusTag.js";

export interface CourseProgressCardProps {
  enrollment: NonNullable<LearnerCourse["enrollment"]>;
}

/** Where the learner stands in the course: progress, status, time spent, objective date. */
export function CourseProgressCard({ enrollment }: CourseProgressCardProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.myProgress")}</h2>}>
      <Progress
        percent={enrollment.progressPct}
        status={enrollment.status === "completed" ? "success" : "normal"}
        format={(percent) => t("myCourses.progressValue", { value: percent ?? 0 })}
        aria-label={t("myCourses.progress")}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        styles={{ label: { color: "rgba(0, 0, 0, 0.7)" } }}
        column={1}
        size="small"
        items={[
          { key: "status", label: t("myCourses.status"), children: <EnrollmentStatusTag status={enrollment.status} /> },
          {
            key: "time",
            label: t("myCourses.timeSpent"),
            children: (
              <span style={{ fontVariantNumeric: "tabular-nums" }}>{formatDuration(enrollment.timeSpentSeconds)}</span>
            ),
          },
          {
            key: "objective",
            label: t("myCourses.objective"),
            children: enrollment.objectiveAt
              ? formatDateTime(enrollment.objectiveAt, user.timeZone)
              : t("learner.noObjective"),
          },
          {
            key: "enrolled",
            label: t("learner.enrolledAt"),
            children: formatDateTime(enrollment.enrolledAt, user.timeZone),
          },
        ]}
      />
    </Card>
  );
}
