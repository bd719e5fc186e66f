import { ConfigProvider } from "antd";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { antdLocaleFor } from "./antdLocales.js";
import { FeedbackRoot } from "./FeedbackRoot.js";
import { toLocale } from "./i18n.js";
import { theme } from "./theme.js";

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export interface LocalizedConfigProviderProps {
  children: ReactNode;
}

/** Ant Design theme and texts, following the i18next language live. */
export function LocalizedConfigProvider({ children }: LocalizedConfigProviderProps) {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const themeConfig = useMemo(
    // Honour the system setting that asks for less motion (WCAG 2.3.3).
    () => ({ ...theme, token: { ...theme.token, motion: !prefersReducedMotion() } }),
    [],
  );
  return (
    <ConfigProvider locale={antdLocaleFor(locale)} theme={themeConfig}>
      <FeedbackRoot>{children}</FeedbackRoot>
    </ConfigProvider>
  );
}
