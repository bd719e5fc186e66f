import { useTranslation } from "react-i18next";

export interface ProgressCellProps {
  percent: number;
}

/** `83 %` with a bar; the figure is the text, the bar only illustrates it. */
export function ProgressCell({ percent }: ProgressCellProps) {
  const { t } = useTranslation();
  const value = Math.max(0, Math.min(100, percent));
  return (
    <span className="progress-cell">
      <span className="progress-cell-track" aria-hidden="true">
        <span
          className="progress-cell-bar"
          style={{ width: `${value}%`, background: value >= 100 ? "#15803d" : "#2563eb" }}
        />
      </span>
      <span className="progress-cell-value">{t("center.table.percent", { value: percent })}</span>
    </span>
  );
}
