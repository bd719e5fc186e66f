import type { Locale as AntdLocale } from "antd/es/locale/index.js";
import enUSModule from "antd/locale/en_US.js";
import frFRModule from "antd/locale/fr_FR.js";
import type { Locale } from "../../../common/enums.js";
import { commonJsDefault } from "./commonJsDefault.js";

const antdLocales: Record<Locale, AntdLocale> = {
  fr: commonJsDefault(frFRModule),
  en: commonJsDefault(enUSModule),
};

/** The Ant Design texts (pagination, empty states, date pickers) for a locale. */
export function antdLocaleFor(locale: Locale): AntdLocale {
  return antdLocales[locale];
}
