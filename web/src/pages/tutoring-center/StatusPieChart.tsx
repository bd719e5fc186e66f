import { Empty } from "antd";
import { lazy, Suspense, useId } from "react";
import { useTranslation } from "react-i18next";
import type { Indicators } from "../../../../common/api/tutoring.js";
import type { EnrollmentStatus } from "../../../../common/enums.js";
import { Panel } from "../../components/Panel.js";
import { statusColors } from "./statusColors.js";

// recharts is most of this screen's JS: the drawing loads on its own, in its fixed 148 px box, so the
// learners table does not wait for it.
const StatusPie = lazy(() => import("./StatusPie.js").then((m) => ({ default: m.StatusPie })));

const order: readonly EnrollmentStatus[] = ["not_started", "in_progress", "completed"];

export interface StatusPieChartProps {
  statuses: Indicators["statuses"] | undefined;
  /** The status the table is filtered on, highlighted here. */
  active: EnrollmentStatus | null;
  onSelect: (status: EnrollmentStatus | null) => void;
}

/** Percent of `count` in `total` as the source shows it (whole number); 0 when there is nobody. */
export function sharePercent(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

/** T3: the learners by status; a slice or its legend entry filters the table on that status (again: no filter). */
export function StatusPieChart({ statuses, active, onSelect }: StatusPieChartProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const hintId = useId();
  const total = statuses ? statuses.not_started + statuses.in_progress + statuses.completed : 0;
  const data = order.map((status) => ({
    status,
    label: t(`status.${status}`),
    count: statuses?.[status] ?? 0,
    percent: sharePercent(statuses?.[status] ?? 0, total),
  }));
  // Empty slices draw nothing and cannot be clicked.
  const slices = data.filter((d) => d.count > 0);

  function handleSelect(status: EnrollmentStatus) {
    onSelect(active === status ? null : status);
  }

  function handleSliceClick(_data: unknown, index: number) {
    const slice = slices[index];
    if (slice) handleSelect(slice.status);
  }

  return (
    <section aria-labelledby={titleId} style={{ height: "100%" }}>
      <Panel padding={16} style={{ height: "100%", boxSizing: "border-box" }}>
        <h2 id={titleId} className="center-card-title">
          {t("center.chart.title")}
        </h2>
        {statuses && total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("center.chart.empty")} />
        ) : (
          <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 16 }}>
            <div aria-hidden="true" style={{ width: 148, height: 148, flex: "0 0 auto" }}>
              {statuses ? (
                <Suspense fallback={null}>
                  <StatusPie slices={slices} active={active} onSliceClick={handleSliceClick} />
                </Suspense>
              ) : null}
            </div>
            <div style={{ flex: "1 1 160px", minWidth: 0 }}>
              <ul className="status-legend" aria-describedby={hintId}>
                {data.map((d) => (
                  <li key={d.status}>
                    <button
                      type="button"
                      className="status-legend-item"
                      aria-pressed={active === d.status}
                      onClick={() => handleSelect(d.status)}
                    >
                      <span
                        className="status-legend-swatch"
                        aria-hidden="true"
                        style={{ background: statusColors[d.status] }}
                      />
                      <span className="status-legend-label">{d.label}</span>
                      <span className="status-legend-figure">
                        {t("center.chart.figure", { count: d.count, percent: d.percent })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <p id={hintId} className="center-hint">
                {active ? t("center.chart.activeHint", { status: t(`status.${active}`) }) : t("center.chart.hint")}
              </p>
            </div>
          </div>
        )}
      </Panel>
    </section>
  );
}
