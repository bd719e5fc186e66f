import { DownloadOutlined, DownOutlined, FileExcelOutlined, FilePdfOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { ExportFormat } from "../../api/tutoring.js";

/** The server exports at most this many reports at once (reports/service.ts MAX_EXPORT). */
export const maxExport = 500;

export interface ExportReportsButtonProps {
  count: number;
  busy: boolean;
  onExport: (format: ExportFormat) => void;
}

/** `Exporter les rapports` of the selection, as a zip of PDF or XLSX reports (B3). */
export function ExportReportsButton({ count, busy, onExport }: ExportReportsButtonProps) {
  const { t } = useTranslation();
  const tooMany = count > maxExport;
  const disabledReason =
    count === 0 ? t("center.export.needSelection") : tooMany ? t("center.export.tooMany", { max: maxExport }) : null;

  const items: MenuProps["items"] = [
    { key: "pdf", icon: <FilePdfOutlined />, label: t("center.export.pdf") },
    { key: "xlsx", icon: <FileExcelOutlined />, label: t("center.export.xlsx") },
  ];

  const handleMenuClick: MenuProps["onClick"] = ({ key }) => {
    onExport(key === "xlsx" ? "xlsx" : "pdf");
  };

  const button = (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={disabledReason !== null}>
      {busy ? t("center.export.busy") : t("center.export.button")}
      {busy ? null : <DownOutlined aria-hidden="true" style={{ fontSize: 10 }} />}
    </Button>
  );

  if (disabledReason) {
    return (
      <Tooltip title={disabledReason}>
        <span style={{ display: "inline-block" }}>{button}</span>
      </Tooltip>
    );
  }
  return (
    <Dropdown menu={{ items, onClick: handleMenuClick }} trigger={["click"]} disabled={busy}>
      {button}
    </Dropdown>
  );
}
