import "i18next";
import type fr from "./fr.json";

// Type-checks every t("...") key against the French catalogue, the reference one.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof fr };
  }
}
