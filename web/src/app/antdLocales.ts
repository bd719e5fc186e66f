import type { Locale as AntdLocale } from "antd/es/locale/index.js";
import enUSModule from "antd/locale/en_US.js";
import frFRModule from "antd/locale/fr_FR.js";
import type { Locale } from "../../../common/enums.js";

// antd ships its locales as CommonJS with an `exports.default`: bundlers hand over the locale
// itself, TypeScript (NodeNext) types the module object. Accept both.
function unwrap(module: unknown): AntdLocale {
  const value = module as AntdLocale & { default?: AntdLocale };
  return value.default ?? value;
}

const antdLocales: Record<Locale, AntdLocale> = { fr: unwrap(frFRModule), en: unwrap(enUSModule) };

/** The Ant Design texts (pagination, empty states, date pickers) for a locale. */
export function antdLocaleFor(locale: Locale): AntdLocale {
  return antdLocales[locale];
}
