import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";

export interface PageHeaderProps {
  title: string;
  /** Path to this screen, e.g. ["Tutorat", "Formations"]; the last one is the current page. Not shown for a top-level screen. */
  breadcrumb: string[];
}

/** A screen's title, the browser tab title and the breadcrumb (`Tutorat > Formations`), as in the source. */
export function PageHeader({ title, breadcrumb }: PageHeaderProps) {
  const { t } = useTranslation();
  const items = breadcrumb.map((crumb, index) => ({
    key: `${index}-${crumb}`,
    title: index === breadcrumb.length - 1 ? <span aria-current="page">{crumb}</span> : crumb,
  }));
  return (
    <header style={{ marginBottom: 16 }}>
      <title>{t("app.documentTitle", { page: title })}</title>
      <h1 style={{ fontSize: 24, lineHeight: 1.3, margin: "0 0 4px", fontWeight: 600, color: "rgba(0, 0, 0, 0.88)" }}>
        {title}
      </h1>
      {items.length > 1 ? <Breadcrumb separator=">" items={items} aria-label={t("nav.breadcrumb")} /> : null}
    </header>
  );
}
