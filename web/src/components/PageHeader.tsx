import { Breadcrumb } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** A breadcrumb step: plain text, or a link to that screen (e.g. `Formations` back to the list). */
export type Crumb = string | { label: string; to: string };

export interface PageHeaderProps {
  title: string;
  /**
   * Path to this screen, e.g. ["Tutorat", "Formations"]; the last one is the current page. Not shown for a top-level
   * screen. A step given as `{ label, to }` links to that screen (`Tutorat > Formations > Cours 1 : L'avant-vente`).
   */
  breadcrumb: Crumb[];
  /** Links or buttons at the right of the title (they wrap under it on narrow screens). */
  extra?: ReactNode;
}

/** A screen's title, the browser tab title and the breadcrumb (`Tutorat > Formations`), as in the source. */
export function PageHeader({ title, breadcrumb, extra }: PageHeaderProps) {
  const { t } = useTranslation();
  const items = breadcrumb.map((crumb, index) => {
    const label = typeof crumb === "string" ? crumb : crumb.label;
    const last = index === breadcrumb.length - 1;
    return {
      key: `${index}-${label}`,
      title: last ? (
        <span aria-current="page">{label}</span>
      ) : typeof crumb === "string" ? (
        label
      ) : (
        <Link to={crumb.to}>{label}</Link>
      ),
    };
  });
  const heading = (
    <h1 style={{ fontSize: 24, lineHeight: 1.3, margin: "0 0 4px", fontWeight: 600, color: "rgba(0, 0, 0, 0.88)" }}>
      {title}
    </h1>
  );
  return (
    <header style={{ marginBottom: 16 }}>
      <title>{t("app.documentTitle", { page: title })}</title>
      {extra ? (
        <div
          style={{ display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: 12 }}
        >
          {heading}
          {extra}
        </div>
      ) : (
        heading
      )}
      {items.length > 1 ? <Breadcrumb separator=">" items={items} aria-label={t("nav.breadcrumb")} /> : null}
    </header>
  );
}
