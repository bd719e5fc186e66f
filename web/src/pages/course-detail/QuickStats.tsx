import { Button, Card, Skeleton } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { CourseStats } from "../../../../common/api/courses.js";
import { formatDuration, roundPercent } from "../../../../common/format.js";
import { useCourseStats } from "../../api/coursesDetail.js";

export interface QuickStatsProps {
  courseId: string;
}

const segments = [
  { key: "notStarted", color: "#9ca3af" },
  { key: "inProgress", color: "#3b82f6" },
  { key: "completed", color: "#16a34a" },
] as const;

/**
 * `Stats rapides` (C6): learners, not started / in progress / finished, average progress, time and
 * rating. Asked for on their own, after the course's general information: on a course of 100,000
 * learners they take a while, and the rest of the page does not wait for them.
 */
export function QuickStats({ courseId }: QuickStatsProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const stats = useCourseStats(courseId);
  return (
    <section aria-labelledby={titleId} aria-busy={stats.isPending}>
      <Card size="small" styles={{ body: { padding: "12px 16px" } }}>
        <h2 id={titleId} style={{ margin: "0 0 8px", fontSize: 14, fontWeight: 600, letterSpacing: 0.3 }}>
          {t("courseDetail.stats.title")}
        </h2>
        {stats.data ? (
          <StatsFigures stats={stats.data} />
        ) : stats.isError ? (
          <div role="alert">
            <p style={{ margin: "0 0 8px" }}>{t("courseDetail.stats.loadError")}</p>
            <Button size="small" onClick={() => void stats.refetch()} loading={stats.isFetching}>
              {t("errors.retry")}
            </Button>
          </div>
        ) : (
          <Skeleton active title={false} paragraph={{ rows: 6 }} />
        )}
      </Card>
    </section>
  );
}

function StatsFigures({ stats }: { stats: CourseStats }) {
  const { t, i18n } = useTranslation();
  const decimal = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rows: { key: string; label: string; value: string; color?: string }[] = [
    { key: "learners", label: t("courseDetail.stats.learners"), value: String(stats.learners) },
    { key: "notStarted", label: t("status.not_started"), value: String(stats.notStarted), color: "#9ca3af" },
    { key: "inProgress", label: t("status.in_progress"), value: String(stats.inProgress), color: "#3b82f6" },
    { key: "completed", label: t("status.completed"), value: String(stats.completed), color: "#16a34a" },
    {
      key: "progress",
      label: t("courseDetail.stats.averageProgress"),
      value:
        stats.averageProgress === null
          ? t("courseDetail.notApplicable")
          : t("courseDetail.percent", { value: roundPercent(stats.averageProgress) }),
    },
    {
      key: "time",
      label: t("courseDetail.stats.averageTime"),
      value:
        stats.averageTimeSeconds === null ? t("courseDetail.notApplicable") : formatDuration(stats.averageTimeSeconds),
    },
    {
      key: "rating",
      label: t("courseDetail.stats.averageRating"),
      value:
        stats.averageRating === null
          ? t("courseDetail.stats.noRating")
          : t("courseDetail.stats.ratingValue", { value: decimal.format(stats.averageRating) }),
    },
    { key: "ratings", label: t("courseDetail.stats.ratings"), value: String(stats.ratings) },
  ];
  return (
    <>
      {stats.learners > 0 ? (
        <div
          aria-hidden="true"
          style={{
            display: "flex",
            height: 8,
            borderRadius: 4,
            overflow: "hidden",
            background: "#f0f0f0",
            margin: "4px 0 8px",
          }}
        >
          {segments.map((segment) => (
            <div
              key={segment.key}
              style={{ width: `${(stats[segment.key] / stats.learners) * 100}%`, background: segment.color }}
            />
          ))}
        </div>
      ) : null}
      <dl className="quick-stats">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>
              {row.color ? (
                <span
                  aria-hidden="true"
                  style={{
                    display: "inline-block",
                    width: 8,
                    height: 8,
                    borderRadius: 4,
                    background: row.color,
                    marginInlineEnd: 8,
                  }}
                />
              ) : null}
              {row.label}
            </dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
