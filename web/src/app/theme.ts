import type { ThemeConfig } from "antd";

/** Brand colour; also used for the focus ring in global.css. */
export const brandColor = "#1d4ed8";

/** Ant Design tokens: a sober enterprise look with enough contrast for WCAG AA. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandColor,
    colorLink: brandColor,
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorBgLayout: "#f3f5f9",
    borderRadius: 6,
    fontFamily: "Inter, 'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: "#0f1f3d", headerHeight: 56, headerPadding: "0 20px", siderBg: "#ffffff" },
    Table: { headerBg: "#f7f8fb", headerColor: "rgba(0, 0, 0, 0.85)", rowHoverBg: "#f0f5ff" },
    Menu: { itemSelectedBg: "#e8efff", itemSelectedColor: brandColor },
  },
};
