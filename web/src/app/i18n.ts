import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../../common/enums.js";
import { enCatalogue, frCatalogue } from "../i18n/catalogues.js";

export const defaultLocale: Locale = "fr";
export const supportedLocales: readonly Locale[] = ["fr", "en"];

// Before sign-in there is no user preference yet; remember the last language chosen on this device.
const storageKey = "tutora.locale";

/** Narrows any language tag to a locale the app has, French by default. */
export function toLocale(value: string | null | undefined): Locale {
  return value === "en" ? "en" : defaultLocale;
}

function storedLocale(): Locale {
  try {
    return toLocale(window.localStorage.getItem(storageKey));
  } catch {
    return defaultLocale;
  }
}

function handleLanguageChanged(language: string) {
  const locale = toLocale(language);
  // Screen readers pick their voice from the lang attribute.
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the language still applies to this page.
  }
}

/** Initialises i18next once (French unless this device chose English) and keeps <html lang> in step. */
export function setupI18n(initial: Locale = storedLocale()) {
  if (!i18n.isInitialized) {
    i18n.on("languageChanged", handleLanguageChanged);
    void i18n.use(initReactI18next).init({
      resources: { fr: { translation: frCatalogue }, en: { translation: enCatalogue } },
      lng: initial,
      fallbackLng: defaultLocale,
      supportedLngs: [...supportedLocales],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    handleLanguageChanged(initial);
  }
  return i18n;
}

/** The locale i18next currently shows. */
export function currentLocale(): Locale {
  return toLocale(i18n.language);
}
