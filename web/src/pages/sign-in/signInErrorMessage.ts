import type { TFunction } from "i18next";
import { ApiError } from "../../api/client.js";

/** The sentence shown when sign-in fails, saying what happened and what to do. */
export function signInErrorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t("signIn.errors.server");
  if (error.isNetworkError) return t("signIn.errors.network");
  if (error.status === 401) return t("signIn.errors.invalidCredentials");
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    if (seconds === null || seconds <= 0) return t("signIn.errors.rateLimited");
    if (seconds < 60) return t("signIn.errors.rateLimitedSeconds", { seconds });
    return t("signIn.errors.rateLimitedMinutes", { minutes: Math.ceil(seconds / 60) });
  }
  if (error.status === 400) return t("signIn.errors.validation");
  return t("signIn.errors.server");
}
