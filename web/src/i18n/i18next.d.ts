import "i18next";
import type { Catalogue } from "./catalogues.js";

// Type-checks every t("...") key against the French catalogue, the reference one.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Catalogue };
  }
}
