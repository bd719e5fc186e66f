import { Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LessonPreview } from "../../../../common/api/courses.js";

type Grid = NonNullable<LessonPreview["grid"]>;

export interface ObservationPreviewProps {
  grid: Grid;
}

/** An observation in preview: its grid, levels and criteria, required criteria marked. */
export function ObservationPreview({ grid }: ObservationPreviewProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const columns: TableColumnsType<Grid["criteria"][number]> = [
    {
      key: "criterion",
      title: t("courseLessons.preview.criterion"),
      render: (_value, criterion) => (
        <div>
          <div style={{ fontWeight: 500 }}>
            {criterion.label}{" "}
            {criterion.required ? (
              <Tag style={{ color: "#9a3412", background: "#fff4ea", borderColor: "#fdc99b", marginInlineStart: 6 }}>
                {t("courseLessons.preview.required")}
              </Tag>
            ) : null}
          </div>
          {criterion.description ? (
            <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.65)" }}>{criterion.description}</div>
          ) : null}
        </div>
      ),
    },
    {
      key: "weight",
      title: t("courseLessons.preview.weight"),
      width: 110,
      align: "end",
      render: (_value, criterion) => number.format(criterion.weight),
    },
  ];
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <section>
        <h3 style={{ fontSize: 14, fontWeight: 600, margin: "0 0 8px" }}>{t("courseLessons.preview.levels")}</h3>
        <ol style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: 8 }}>
          {grid.levels.map((level) => (
            <li key={level.label}>
              <Tag style={{ marginInlineEnd: 0, fontSize: 13, padding: "2px 10px" }}>
                {t("courseLessons.preview.level", { label: level.label, value: number.format(level.value) })}
              </Tag>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3 style={{ fontSize: 14, fontWeight: 600, margin: "0 0 8px" }}>{t("courseLessons.preview.criteria")}</h3>
        <Table size="small" rowKey="label" columns={columns} dataSource={grid.criteria} pagination={false} bordered />
      </section>
    </div>
  );
}
