import { Button, Checkbox, type CheckboxChangeEvent } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ExportFormat } from "../../api/tutoring.js";
import { ExportReportsButton } from "./ExportReportsButton.js";
import type { LearnerSelection } from "./learnerSelection.js";

export interface SelectionBarProps {
  selection: LearnerSelection;
  count: number;
  /** Learners matching the filters: nothing to select when 0. */
  total: number;
  exporting: boolean;
  onSelectAllPages: (selected: boolean) => void;
  onClear: () => void;
  onExport: (format: ExportFormat) => void;
  /** `Relancer`, `Classe virtuelle`, `Attestations` (T6), beside the export. */
  actions?: ReactNode;
}

/** Under the table: `Sélectionner toutes les pages`, how many are selected, and the actions on the selection. */
export function SelectionBar({
  selection,
  count,
  total,
  exporting,
  onSelectAllPages,
  onClear,
  onExport,
  actions,
}: SelectionBarProps) {
  const { t } = useTranslation();
  const allPages = selection.mode === "all";

  function handleAllPagesChange(event: CheckboxChangeEvent) {
    onSelectAllPages(event.target.checked);
  }

  return (
    <div className="selection-bar">
      <Checkbox
        checked={allPages && selection.excluded.length === 0 && total > 0}
        indeterminate={allPages && selection.excluded.length > 0}
        disabled={total === 0}
        onChange={handleAllPagesChange}
      >
        {t("center.selection.selectAllPages")}
      </Checkbox>
      <span className="selection-bar-count" aria-live="polite">
        {count > 0 ? t("center.selection.count", { count }) : t("center.selection.none")}
      </span>
      {count > 0 ? (
        <Button type="link" size="small" onClick={onClear} style={{ paddingInline: 0 }}>
          {t("center.selection.clear")}
        </Button>
      ) : null}
      <span style={{ flex: 1 }} />
      {/* The actions stay together, at the right, also when they wrap under the selection count. */}
      <span
        style={{
          display: "inline-flex",
          flexWrap: "wrap",
          justifyContent: "flex-end",
          gap: 8,
          marginInlineStart: "auto",
        }}
      >
        {actions}
        <ExportReportsButton count={count} busy={exporting} onExport={onExport} />
      </span>
    </div>
  );
}
