import { RightOutlined } from "@ant-design/icons";
import { Skeleton } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";

export interface IndicatorCardProps {
  /** In capitals, as in the source (`APPRENANTS`). */
  title: string;
  totalLabel: string;
  value: number | undefined;
  icon: ReactNode;
  /** Opens the list behind the figure: a screen (`to`) or an action on this screen (`onOpen`). */
  to?: string;
  onOpen?: () => void;
  /** What opening does, for assistive technologies and the tooltip (`Voir les missions à corriger`). */
  openLabel: string;
}

/** One of the tutoring center's indicator boxes: a title, `TOTAL` and the figure; the whole box opens its list. */
export function IndicatorCard({ title, totalLabel, value, icon, to, onOpen, openLabel }: IndicatorCardProps) {
  const content = (
    <>
      <span className="indicator-card-head">
        <span className="indicator-card-icon" aria-hidden="true">
          {icon}
        </span>
        <RightOutlined className="indicator-card-chevron" aria-hidden="true" />
      </span>
      <span className="indicator-card-title">{title}</span>
      <span className="indicator-card-total">{totalLabel}</span>
      <span className="indicator-card-value">
        {value === undefined ? <Skeleton.Button active size="small" style={{ width: 48 }} /> : value}
      </span>
    </>
  );
  if (to) {
    return (
      <Link to={to} className="indicator-card" title={openLabel}>
        {content}
      </Link>
    );
  }
  return (
    <button type="button" className="indicator-card" onClick={onOpen} title={openLabel}>
      {content}
    </button>
  );
}
