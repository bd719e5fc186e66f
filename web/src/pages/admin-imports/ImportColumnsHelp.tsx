import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { type ImportKind, importColumns } from "../../../../common/api/imports.js";
import { ToneTag } from "../admin-users/ToneTag.js";

export interface ImportColumnsHelpProps {
  kind: ImportKind;
}

/** The documented columns of a kind: the French and English header names, required or not, what goes in. */
export function ImportColumnsHelp({ kind }: ImportColumnsHelpProps) {
  const { t } = useTranslation();
  const rows = importColumns[kind].map((c) => ({ ...c, id: c.key }));
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      aria-label={t("people.imports.columnsTitle")}
      columns={[
        {
          key: "fr",
          title: t("people.imports.columns.header"),
          render: (_v, c) => (
            <span>
              <code>{c.names[0]}</code> / <code>{c.names[1]}</code>
            </span>
          ),
        },
        {
          key: "required",
          title: t("people.imports.columns.required"),
          width: 120,
          render: (_v, c) =>
            c.required ? (
              <ToneTag tone="info">{t("people.imports.columns.yes")}</ToneTag>
            ) : (
              t("people.imports.columns.no")
            ),
        },
        {
          key: "content",
          title: t("people.imports.columns.content"),
          render: (_v, c) => t(`people.imports.help.${kind}.${c.key}` as "people.imports.help.users.email"),
        },
      ]}
    />
  );
}
