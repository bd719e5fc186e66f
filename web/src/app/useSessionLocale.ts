import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../common/enums.js";
import { switchLocale } from "./i18n.js";

/** Shows the app in the signed-in user's saved language whenever it changes. */
export function useSessionLocale(locale: Locale | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (locale && i18n.language !== locale) void switchLocale(locale);
  }, [locale, i18n]);
}
