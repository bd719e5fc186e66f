import { SearchOutlined } from "@ant-design/icons";
import { Input, Select, Tooltip } from "antd";
import type { KeyboardEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EnrollmentStatus } from "../../../../common/enums.js";
import { formatDuration } from "../../../../common/format.js";
import { type CenterView, parseTimeFilter } from "./centerView.js";
import { RangeInputs } from "./RangeInputs.js";
import { type DebouncedField, useDebouncedField } from "./useDebouncedField.js";

const anyValue = "any";

export interface LearnersFilterRowProps {
  view: CenterView;
  /** What the selection column shows in this row: the page's checkbox, as in the source. */
  selectionCell: ReactNode;
  onChange: (patch: Partial<CenterView>) => void;
}

function parseText(text: string): string {
  return text.trim().slice(0, 200);
}

function parsePercent(text: string): number | null | undefined {
  const value = text.trim().replace(/\s*%$/, "");
  if (value === "") return null;
  if (!/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 100 ? n : undefined;
}

function formatNumber(value: number | null): string {
  return value === null ? "" : String(value);
}

function formatTime(value: number | null): string {
  return value === null ? "" : formatDuration(value);
}

function identity(text: string): string {
  return text;
}

function handleEnter(field: DebouncedField) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") field.commit();
  };
}

/** The filter row under the table's header (source: a text field under `Utilisateur`): one filter per column. */
export function LearnersFilterRow({ view, selectionCell, onChange }: LearnersFilterRowProps) {
  const { t } = useTranslation();
  const q = useDebouncedField(view.q, parseText, identity, (value) => onChange({ q: value }));
  const progressMin = useDebouncedField(view.progressMin, parsePercent, formatNumber, (value) =>
    onChange({ progressMin: value }),
  );
  const progressMax = useDebouncedField(view.progressMax, parsePercent, formatNumber, (value) =>
    onChange({ progressMax: value }),
  );
  const timeMin = useDebouncedField(view.timeMin, parseTimeFilter, formatTime, (value) => onChange({ timeMin: value }));
  const timeMax = useDebouncedField(view.timeMax, parseTimeFilter, formatTime, (value) => onChange({ timeMax: value }));

  function handleStatusChange(value: EnrollmentStatus | typeof anyValue) {
    onChange({ status: value === anyValue ? null : value });
  }

  function handleRiskChange(value: "true" | "false" | typeof anyValue) {
    onChange({ atRisk: value === anyValue ? null : value === "true" });
  }

  const timeHelp = t("center.filters.timeHelp");

  return (
    <tr className="learners-filter-row">
      <td>{selectionCell}</td>
      <td>
        <Input
          size="small"
          allowClear
          prefix={<SearchOutlined aria-hidden="true" />}
          value={q.text}
          onChange={(event) => q.setText(event.target.value)}
          onKeyDown={handleEnter(q)}
          placeholder={t("center.filters.userPlaceholder")}
          aria-label={t("center.filters.user")}
        />
      </td>
      <td>
        <Select<EnrollmentStatus | typeof anyValue>
          size="small"
          value={view.status ?? anyValue}
          onChange={handleStatusChange}
          aria-label={t("center.filters.status")}
          style={{ width: "100%" }}
          popupMatchSelectWidth={false}
          options={[
            { value: anyValue, label: t("center.filters.allStatuses") },
            { value: "not_started", label: t("status.not_started") },
            { value: "in_progress", label: t("status.in_progress") },
            { value: "completed", label: t("status.completed") },
          ]}
        />
      </td>
      <td>
        <span className="range-filter">
          <RangeInputs
            min={progressMin}
            max={progressMax}
            minLabel={t("center.filters.progressMin")}
            maxLabel={t("center.filters.progressMax")}
            numeric
          />
        </span>
      </td>
      <td>
        <Tooltip title={timeHelp} trigger={["focus", "hover"]}>
          <span className="range-filter">
            <RangeInputs
              min={timeMin}
              max={timeMax}
              minLabel={t("center.filters.timeMin")}
              maxLabel={t("center.filters.timeMax")}
            />
          </span>
        </Tooltip>
      </td>
      <td>
        <Select<"true" | "false" | typeof anyValue>
          size="small"
          value={view.atRisk === null ? anyValue : view.atRisk ? "true" : "false"}
          onChange={handleRiskChange}
          aria-label={t("center.filters.risk")}
          style={{ width: "100%" }}
          popupMatchSelectWidth={false}
          options={[
            { value: anyValue, label: t("center.filters.allRisks") },
            { value: "true", label: t("center.filters.atRisk") },
            { value: "false", label: t("center.filters.notAtRisk") },
          ]}
        />
      </td>
      <td />
      <td />
    </tr>
  );
}
