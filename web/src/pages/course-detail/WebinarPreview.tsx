import { VideoCameraOutlined } from "@ant-design/icons";
import { Empty, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LessonPreview } from "../../../../common/api/courses.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";

export interface WebinarPreviewProps {
  classes: NonNullable<LessonPreview["classes"]>;
}

// A join link comes from users: only web addresses become links, never `javascript:` and the like.
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A webinar in preview: its virtual class sessions (title, date, duration, join link). */
export function WebinarPreview({ classes }: WebinarPreviewProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (classes.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("courseLessons.preview.noClass")} />;
  }
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 10 }}>
      {classes.map((session) => {
        const href = session.cancelled ? null : safeUrl(session.joinUrl);
        return (
          <li
            key={`${session.startsAt}-${session.title}`}
            style={{
              display: "flex",
              alignItems: "center",
              gap: 12,
              padding: "10px 14px",
              border: "1px solid #e5e7eb",
              borderRadius: 8,
            }}
          >
            <VideoCameraOutlined aria-hidden="true" style={{ fontSize: 20, color: "#b45309" }} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ fontWeight: 600 }}>{session.title}</div>
              <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.65)", fontVariantNumeric: "tabular-nums" }}>
                {t("courseLessons.preview.classWhen", {
                  date: formatDateTime(session.startsAt, user.timeZone),
                  duration: formatDuration(session.durationMinutes * 60),
                })}
              </div>
            </div>
            {session.cancelled ? (
              <Tag style={{ color: "#991b1b", background: "#fef2f2", borderColor: "#fecaca", marginInlineEnd: 0 }}>
                {t("courseLessons.preview.cancelled")}
              </Tag>
            ) : href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {t("courseLessons.preview.join")}
              </a>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
