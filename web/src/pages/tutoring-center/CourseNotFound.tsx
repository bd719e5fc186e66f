import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { tutoredCoursesRoute } from "../../app/landing.js";
import { LazyResult } from "../../components/LazyResult.js";

/** The course does not exist or the tutor does not tutor it (the server answers 404 for both). */
export function CourseNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();

  function handleBack() {
    void navigate(tutoredCoursesRoute);
  }

  return (
    <>
      <title>{t("app.documentTitle", { page: t("center.notFoundTitle") })}</title>
      <LazyResult
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 600 }}>{t("center.notFoundTitle")}</h1>}
        subTitle={t("center.notFoundText")}
        extra={
          <Button type="primary" onClick={handleBack}>
            {t("center.backToCourses")}
          </Button>
        }
      />
    </>
  );
}
