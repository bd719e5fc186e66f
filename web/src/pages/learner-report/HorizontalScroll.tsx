import { Grid } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface HorizontalScrollProps {
  /** Names the scrolling area for assistive technologies (e.g. the table's title). */
  label: string;
  /** Below this width the content scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  children: ReactNode;
}

/**
 * A table that scrolls sideways on narrow screens. There the area takes the keyboard focus, so it can be scrolled
 * without a mouse (WCAG 2.1.1); on wide screens nothing scrolls and it is no extra tab stop.
 */
export function HorizontalScroll({ label, minWidth, children }: HorizontalScrollProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  if (!narrow) return <>{children}</>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section aria-label={t("report.scrollArea", { title: label })} tabIndex={0} style={{ overflowX: "auto" }}>
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}
