import { Card, Descriptions, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LearnerLesson } from "../../../../common/api/learner.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";

export interface ObservationSectionProps {
  observation: NonNullable<LearnerLesson["observation"]>;
}

type Rating = NonNullable<LearnerLesson["observation"]>["observations"][number]["ratings"][number];

/** An observation lesson: the tutor's result once the grid was filled, otherwise `pas encore observé`. */
export function ObservationSection({ observation }: ObservationSectionProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.observation.title")}</h2>}>
      {observation.observations.length === 0 ? (
        <p style={{ margin: 0 }}>{t("learner.observation.notYet")}</p>
      ) : (
        observation.observations.map((o) => (
          <section key={o.number} style={{ marginBottom: 24 }}>
            <h3 style={{ fontSize: 15, display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
              {t("learner.observation.number", { number: o.number, date: formatDateTime(o.observedAt, user.timeZone) })}
              <Tag
                style={
                  o.passed
                    ? { color: "#115e59", background: "#effcf9", borderColor: "#99e2d6" }
                    : { color: "#991b1b", background: "#fef2f2", borderColor: "#fecaca" }
                }
              >
                {o.passed ? t("report.lessonStatus.passed") : t("report.lessonStatus.failed")}
              </Tag>
            </h3>
            <Descriptions
              styles={{ label: { color: "rgba(0, 0, 0, 0.7)" } }}
              column={1}
              size="small"
              style={{ maxWidth: 640, marginBottom: 12 }}
              items={[
                {
                  key: "score",
                  label: t("learner.score"),
                  children: t("learner.percent", { value: percent.format(o.score) }),
                },
                {
                  key: "duration",
                  label: t("learner.observation.duration"),
                  children: formatDuration(o.durationSeconds),
                },
                { key: "tutor", label: t("learner.observation.tutor"), children: o.tutorName },
                {
                  key: "comment",
                  label: t("learner.observation.comment"),
                  children: <span style={{ whiteSpace: "pre-wrap" }}>{o.comment || "—"}</span>,
                },
              ]}
            />
            <Table<Rating>
              size="small"
              rowKey="criterion"
              pagination={false}
              dataSource={o.ratings}
              columns={[
                { key: "criterion", dataIndex: "criterion", title: t("learner.observation.criterion") },
                { key: "level", dataIndex: "level", title: t("learner.observation.level"), width: 200 },
                { key: "comment", dataIndex: "comment", title: t("learner.observation.comment") },
              ]}
            />
          </section>
        ))
      )}
    </Card>
  );
}
