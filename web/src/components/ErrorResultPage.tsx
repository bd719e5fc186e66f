import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../api/auth.js";
import { landingPathFor } from "../app/landing.js";
import { LazyResult } from "./LazyResult.js";

export interface ErrorResultPageProps {
  /** 403: the user's roles don't open the screen; 404: an unknown in-app address. */
  status: "403" | "404";
}

const texts = {
  "403": { title: "errors.forbiddenTitle", text: "errors.forbiddenText" },
  "404": { title: "errors.notFoundTitle", text: "errors.notFoundText" },
} as const;

/** A full-page error with its heading and a way back to the user's landing screen. */
export function ErrorResultPage({ status }: ErrorResultPageProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { title, text } = texts[status];

  function handleBackHome() {
    void navigate(landingPathFor(user));
  }

  return (
    <>
      <title>{t("app.documentTitle", { page: t(title) })}</title>
      <LazyResult
        status={status}
        title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 600 }}>{t(title)}</h1>}
        subTitle={t(text)}
        extra={
          <Button type="primary" onClick={handleBackHome}>
            {t("errors.backHome")}
          </Button>
        }
      />
    </>
  );
}
