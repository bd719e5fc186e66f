import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../../common/enums.js";
import { frShell } from "../i18n/catalogues.js";

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
      // The French texts of sign-in, the layout and the first screen: the rest of French comes with
      // the other screens (loadAllTexts), English whole before it is shown (loadLocale).
      // A copy: adding the rest later extends the object i18next holds.
      resources: { fr: { translation: { ...frShell } } },
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

let frenchRest: Promise<void> | undefined;
// Set once a screen beyond the first one is asked for: from then on French means all of French.
let allTextsWanted = false;

function loadFrenchRest(): Promise<void> {
  frenchRest ??= import("../i18n/catalogues.rest.js").then(
    ({ frRest }) => {
      setupI18n().addResourceBundle("fr", "translation", frRest, true, false);
    },
    (error: unknown) => {
      // A failed download (a network blip) is tried again by the next screen that needs it.
      frenchRest = undefined;
      throw error;
    },
  );
  return frenchRest;
}

/**
 * Adds a locale's texts to i18next if they are not there yet: English whole (a chunk of its own),
 * French's other screens once any of them was asked for (loadAllTexts).
 */
export async function loadLocale(locale: Locale): Promise<void> {
  const i18n = setupI18n();
  if (locale === "fr") {
    if (allTextsWanted) await loadFrenchRest();
    return;
  }
  if (i18n.hasResourceBundle(locale, "translation")) return;
  const { enCatalogue } = await import("../i18n/catalogues.en.js");
  i18n.addResourceBundle(locale, "translation", enCatalogue);
}

/** Every text of the language shown (and of French, should the user switch back): any screen's. */
export function loadAllTexts(): Promise<void> {
  allTextsWanted = true;
  return loadLocale(currentLocale());
}

/** Shows the app in a locale, its texts loaded first so no screen flashes untranslated keys. */
export async function switchLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  await setupI18n().changeLanguage(locale);
}

/** The locale i18next currently shows. */
export function currentLocale(): Locale {
  return toLocale(i18n.language);
}
