import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../common/enums.js";
import { switchLocale, toLocale } from "../app/i18n.js";

/** FR / EN switch for screens shown before sign-in (signed-in users change it in their user menu). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();

  function handleChange(value: Locale) {
    void switchLocale(value);
  }

  return (
    <Segmented<Locale>
      size="small"
      aria-label={t("signIn.languageSwitch")}
      value={toLocale(i18n.language)}
      onChange={handleChange}
      options={[
        {
          value: "fr",
          label: (
            <span lang="fr" title={t("user.french")}>
              FR
            </span>
          ),
        },
        {
          value: "en",
          label: (
            <span lang="en" title={t("user.english")}>
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
