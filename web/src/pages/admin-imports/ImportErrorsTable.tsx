import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportRowError } from "../../../../common/api/imports.js";

export interface ImportErrorsTableProps {
  errors: ImportRowError[];
}

/** The rows refused: line, column, the value read and why, in the user's language. */
export function ImportErrorsTable({ errors }: ImportErrorsTableProps) {
  const { t } = useTranslation();

  // The server's message carries the numbers of these two rules (the earlier line, the cell counts).
  function reason(e: ImportRowError) {
    const numbers = e.message.match(/\d+/g) ?? [];
    if (e.rule === "duplicate" && numbers[0]) return t("people.imports.rules.duplicateOf", { line: numbers[0] });
    if (e.rule === "columns" && numbers[1]) {
      return t("people.imports.rules.cellCount", { cells: numbers[0], header: numbers[1] });
    }
    return t(`people.imports.rules.${e.rule}`, { value: e.value, column: e.column });
  }

  return (
    <Table<ImportRowError & { key: string }>
      size="small"
      rowKey="key"
      dataSource={errors.map((e, i) => ({ ...e, key: `${e.line}-${e.column}-${i}` }))}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      columns={[
        { key: "line", title: t("people.imports.errors.line"), dataIndex: "line", width: 80, align: "right" },
        { key: "column", title: t("people.imports.errors.column"), width: 180, render: (_v, e) => e.column || "—" },
        {
          key: "value",
          title: t("people.imports.errors.value"),
          width: 220,
          render: (_v, e) => <span style={{ overflowWrap: "anywhere" }}>{e.value || "—"}</span>,
        },
        {
          key: "reason",
          title: t("people.imports.errors.reason"),
          render: (_v, e) => reason(e),
        },
      ]}
    />
  );
}
