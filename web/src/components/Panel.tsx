import { theme } from "antd";
import type { ReactNode } from "react";

export interface PanelProps {
  children: ReactNode;
}

/**
 * A white box with the theme's border and radius, as an antd Card without padding looks. The first
 * screen's tables and folder tree use it: antd's Card brings its Tabs along (~13 kB gzip of JS).
 */
export function Panel({ children }: PanelProps) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        position: "relative",
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
      }}
    >
      {children}
    </div>
  );
}
