import { Alert, Card, Descriptions, Divider, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LearnerLesson, LearnerSubmission } from "../../../../common/api/learner.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { learnerPaths } from "../../api/learner.js";
import { MissionForm } from "./MissionForm.js";

export interface MissionSectionProps {
  courseId: string;
  lessonId: string;
  mission: NonNullable<LearnerLesson["mission"]>;
}

const verdictStyle = {
  passed: { color: "#115e59", background: "#effcf9", borderColor: "#99e2d6" },
  failed: { color: "#991b1b", background: "#fef2f2", borderColor: "#fecaca" },
  waiting: { color: "#1e40af", background: "#eff4ff", borderColor: "#bfd0fe" },
};

/** A mission: the submission form (or why none can be sent) and the learner's submissions with the tutor's corrections. */
export function MissionSection({ courseId, lessonId, mission }: MissionSectionProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  function renderSubmission(s: LearnerSubmission) {
    const state = s.correction ? s.correction.verdict : "waiting";
    return (
      <Card
        key={s.id}
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <h3 style={{ margin: 0, fontSize: 14 }}>
            {t("learner.mission.submission", {
              number: s.attemptNumber,
              date: formatDateTime(s.submittedAt, user.timeZone),
            })}
          </h3>
        }
        extra={<Tag style={{ ...verdictStyle[state], marginInlineEnd: 0 }}>{t(`learner.mission.state.${state}`)}</Tag>}
      >
        {s.text ? <p style={{ whiteSpace: "pre-wrap", marginTop: 0 }}>{s.text}</p> : null}
        {s.declaredTimeSeconds > 0 ? (
          <p style={{ color: "rgba(0, 0, 0, 0.65)" }}>
            {t("learner.mission.declared", { time: formatDuration(s.declaredTimeSeconds) })}
          </p>
        ) : null}
        {s.files.length > 0 ? (
          <ul style={{ paddingInlineStart: 20 }} aria-label={t("learner.mission.files")}>
            {s.files.map((f) => (
              <li key={f.id}>
                <a href={learnerPaths.missionFile(courseId, lessonId, s.id, f.id)}>{f.fileName}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {s.correction ? (
          <>
            <Divider style={{ margin: "12px 0" }} />
            <Descriptions
              styles={{ label: { color: "rgba(0, 0, 0, 0.7)" } }}
              column={1}
              size="small"
              title={<span style={{ fontSize: 14 }}>{t("learner.mission.correction")}</span>}
              items={[
                {
                  key: "score",
                  label: t("learner.score"),
                  children:
                    s.correction.score === null
                      ? "—"
                      : t("learner.percent", { value: percent.format(s.correction.score) }),
                },
                {
                  key: "feedback",
                  label: t("learner.mission.feedback"),
                  children: <span style={{ whiteSpace: "pre-wrap" }}>{s.correction.feedback || "—"}</span>,
                },
                {
                  key: "by",
                  label: t("learner.mission.correctedBy"),
                  children: t("learner.mission.correctedOn", {
                    name: s.correction.tutorName,
                    date: formatDateTime(s.correction.correctedAt, user.timeZone),
                  }),
                },
              ]}
            />
          </>
        ) : null}
      </Card>
    );
  }

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.mission.title")}</h2>}>
      {mission.blockedBy === "waiting_correction" ? (
        <Alert type="info" showIcon title={t("learner.mission.waiting")} style={{ marginBottom: 16 }} />
      ) : mission.blockedBy === "passed" ? (
        <Alert type="success" showIcon title={t("learner.mission.passed")} style={{ marginBottom: 16 }} />
      ) : (
        <MissionForm courseId={courseId} lessonId={lessonId} again={mission.submissions.length > 0} />
      )}
      {mission.submissions.length > 0 ? (
        <section style={{ marginTop: 24 }}>
          <h3 style={{ fontSize: 15 }}>{t("learner.mission.history")}</h3>
          {mission.submissions.map(renderSubmission)}
        </section>
      ) : null}
    </Card>
  );
}
