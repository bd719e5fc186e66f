import { DownloadOutlined, DownOutlined, FileExcelOutlined, FilePdfOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { fetchReportDocument } from "../../api/reports.js";
import { toLocale } from "../../app/i18n.js";

export interface ExportMenuProps {
  courseId: string;
  learnerId: string;
}

/** Hands a downloaded file to the browser under the server's file name. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the bytes are released.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `Exporter` (B3): the report as an A4 PDF or an XLSX workbook, in the language of the screen. */
export function ExportMenu({ courseId, learnerId }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: (format: "pdf" | "xlsx") => fetchReportDocument(courseId, learnerId, format, toLocale(i18n.language)),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName),
    onError: () => void message.error(t("report.export.error")),
  });

  const items: MenuProps["items"] = [
    { key: "pdf", icon: <FilePdfOutlined />, label: t("report.export.pdf") },
    { key: "xlsx", icon: <FileExcelOutlined />, label: t("report.export.xlsx") },
  ];
  const handleClick: MenuProps["onClick"] = ({ key }) => download.mutate(key === "xlsx" ? "xlsx" : "pdf");

  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={["click"]} placement="bottomRight">
      <Button icon={<DownloadOutlined />} loading={download.isPending} aria-busy={download.isPending}>
        {download.isPending ? t("report.export.downloading") : t("report.export.button")} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
