import { useTranslation } from "react-i18next";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";

export interface FolderTitleProps {
  name: string;
  /** Tutored courses in the folder and its sub-folders. */
  count: number;
}

/** A folder in the tree: its name and, in a pill, how many tutored courses it holds. */
export function FolderTitle({ name, count }: FolderTitleProps) {
  const { t } = useTranslation();
  return (
    <span style={{ display: "flex", alignItems: "center", gap: 8, minWidth: 0 }}>
      <span title={name} style={{ flex: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
        {name}
      </span>
      <span
        aria-hidden="true"
        style={{
          flex: "none",
          minWidth: 22,
          padding: "0 6px",
          borderRadius: 10,
          background: "#eef2f9",
          color: "#1f2937",
          fontSize: 12,
          lineHeight: "20px",
          textAlign: "center",
          fontVariantNumeric: "tabular-nums",
        }}
      >
        {count}
      </span>
      <VisuallyHidden>{t("courseList.folderCount", { count })}</VisuallyHidden>
    </span>
  );
}
