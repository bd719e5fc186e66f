import type { ThemeConfig } from "antd";

/** Brand colour; also used for the focus ring in global.css. */
export const brandColor = "#1d4ed8";

/** Ant Design tokens: a sober enterprise look with enough contrast for WCAG AA. */
export const theme: ThemeConfig = {
  // Components take their rules from antd's prebuilt stylesheet (imported in main.tsx) instead of
  // computing and injecting them at render: on the tutoring center's first load that work was about
  // 200 ms of ~790 ms of script (BENCHMARKS.md, session 9). The tokens below still apply: antd
  // writes them as CSS variables, which that stylesheet reads.
  zeroRuntime: true,
  token: {
    colorPrimary: brandColor,
    // antd derives a lighter hover shade, which white text fails against (4.3:1); keep AA on hover too.
    colorPrimaryHover: "#1a45c2",
    colorPrimaryActive: "#173ba5",
    colorLink: brandColor,
    colorLinkHover: "#1a45c2",
    // antd's default error red (#ff4d4f) is under 4.5:1 on white as text.
    colorError: "#c62828",
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
