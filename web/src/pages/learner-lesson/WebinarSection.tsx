import { VideoCameraOutlined } from "@ant-design/icons";
import { Button, Card, Empty, List, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LearnerLesson } from "../../../../common/api/learner.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";

export interface WebinarSectionProps {
  webinar: NonNullable<LearnerLesson["webinar"]>;
}

type ClassItem = NonNullable<LearnerLesson["webinar"]>["classes"][number];

/** A webinar lesson: the course's virtual class sessions for it, with date, time and the join link. */
export function WebinarSection({ webinar }: WebinarSectionProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();

  function stateTag(c: ClassItem) {
    if (c.cancelled)
      return (
        <Tag style={{ color: "#991b1b", background: "#fef2f2", borderColor: "#fecaca" }}>
          {t("learner.webinar.cancelled")}
        </Tag>
      );
    if (c.attended === true)
      return (
        <Tag style={{ color: "#166534", background: "#ecfdf3", borderColor: "#a7e3bd" }}>
          {t("learner.webinar.attended")}
        </Tag>
      );
    if (c.attended === false)
      return (
        <Tag style={{ color: "#374151", background: "#f3f4f6", borderColor: "#d1d5db" }}>
          {t("learner.webinar.absent")}
        </Tag>
      );
    if (c.joinUrl)
      return (
        <Tag style={{ color: "#1e40af", background: "#eff4ff", borderColor: "#bfd0fe" }}>
          {t("learner.webinar.upcoming")}
        </Tag>
      );
    return (
      <Tag style={{ color: "#374151", background: "#f3f4f6", borderColor: "#d1d5db" }}>{t("learner.webinar.over")}</Tag>
    );
  }

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.webinar.title")}</h2>}>
      {webinar.classes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("learner.webinar.none")} />
      ) : (
        <List<ClassItem>
          dataSource={webinar.classes}
          renderItem={(c) => (
            <List.Item
              actions={
                c.joinUrl
                  ? [
                      <Button
                        key="join"
                        type="primary"
                        href={c.joinUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        icon={<VideoCameraOutlined aria-hidden="true" />}
                      >
                        {t("learner.webinar.join")}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span style={{ display: "inline-flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
                    {c.title} {stateTag(c)}
                  </span>
                }
                description={
                  <>
                    <div style={{ fontVariantNumeric: "tabular-nums", color: "rgba(0, 0, 0, 0.75)" }}>
                      {t("learner.webinar.when", {
                        date: formatDateTime(c.startsAt, user.timeZone),
                        minutes: c.durationMinutes,
                      })}
                    </div>
                    {c.description ? <div style={{ whiteSpace: "pre-wrap" }}>{c.description}</div> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
