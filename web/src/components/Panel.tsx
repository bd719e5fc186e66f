import { theme } from "antd";
import type { CSSProperties, ReactNode } from "react";

export interface PanelProps {
  children: ReactNode;
  /** Inner padding (antd Card's body padding); none by default, for tables that reach the edges. */
  padding?: CSSProperties["padding"];
  style?: CSSProperties;
}

/**
 * A white box with the theme's border and radius, as an antd Card looks. The first screen's tables
 * and folder tree and the tutoring center's panels use it: antd's Card brings its Tabs along (~13 kB
 * gzip of JS).
 */
export function Panel({ children, padding, style }: PanelProps) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        position: "relative",
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding,
        ...style,
      }}
    >
      {children}
    </div>
  );
}
