import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../../api/auth.js";
import { landingPathFor } from "../../app/landing.js";

/** 404 for an unknown in-app address. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();

  function handleBackHome() {
    void navigate(landingPathFor(user));
  }

  return (
    <>
      <title>{t("app.documentTitle", { page: t("errors.notFoundTitle") })}</title>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 600 }}>{t("errors.notFoundTitle")}</h1>}
        subTitle={t("errors.notFoundText")}
        extra={
          <Button type="primary" onClick={handleBackHome}>
            {t("errors.backHome")}
          </Button>
        }
      />
    </>
  );
}
