import { CloseOutlined } from "@ant-design/icons";
import { Button, Tag } from "antd";
import { useTranslation } from "react-i18next";

export type ActiveFilterKey = "folder" | "course" | "list";

export interface ActiveFiltersProps {
  /** Name of the selected folder; undefined when "all" (or while the tree loads). */
  folderName?: string;
  course: string;
  list: string;
  onRemove: (key: ActiveFilterKey) => void;
  onClearAll: () => void;
}

/** What narrows the `FORMATIONS` table (folder, cours, liste), each removable, so nobody wonders where courses went. */
export function ActiveFilters({ folderName, course, list, onRemove, onClearAll }: ActiveFiltersProps) {
  const { t } = useTranslation();
  const tags: { key: ActiveFilterKey; text: string }[] = [];
  if (folderName) tags.push({ key: "folder", text: t("courseList.activeFolder", { value: folderName }) });
  if (course) tags.push({ key: "course", text: t("courseList.activeCourse", { value: course }) });
  if (list) tags.push({ key: "list", text: t("courseList.activeList", { value: list }) });
  if (tags.length === 0) return null;
  return (
    <section
      aria-label={t("courseList.activeFilters")}
      style={{
        display: "flex",
        flexWrap: "wrap",
        alignItems: "center",
        gap: 8,
        padding: "8px 16px",
        borderBottom: "1px solid #f0f0f0",
        background: "#fafbfd",
      }}
    >
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          closable={{
            closeIcon: <CloseOutlined />,
            "aria-label": t("courseList.removeFilter", { name: tag.text }),
          }}
          onClose={() => onRemove(tag.key)}
          style={{ marginInlineEnd: 0, fontSize: 13, paddingBlock: 2 }}
        >
          {tag.text}
        </Tag>
      ))}
      <Button type="link" size="small" onClick={onClearAll}>
        {t("courseList.clearFilters")}
      </Button>
    </section>
  );
}
