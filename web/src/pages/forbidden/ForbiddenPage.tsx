import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../../api/auth.js";
import { landingPathFor } from "../../app/landing.js";

/** 403: the signed-in user's roles do not open this screen. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();

  function handleBackHome() {
    void navigate(landingPathFor(user));
  }

  return (
    <>
      <title>{t("app.documentTitle", { page: t("errors.forbiddenTitle") })}</title>
      <Result
        status="403"
        title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 600 }}>{t("errors.forbiddenTitle")}</h1>}
        subTitle={t("errors.forbiddenText")}
        extra={
          <Button type="primary" onClick={handleBackHome}>
            {t("errors.backHome")}
          </Button>
        }
      />
    </>
  );
}
