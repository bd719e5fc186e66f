import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { coursesListPath } from "../../app/navigation.js";
import { ButtonLink } from "../../components/ButtonLink.js";

/** A course that does not exist, or that this tutor does not tutor (the server answers 404 for both). */
export function CourseNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t("app.documentTitle", { page: t("courseDetail.notFoundTitle") })}</title>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 600 }}>{t("courseDetail.notFoundTitle")}</h1>}
        subTitle={t("courseDetail.notFoundText")}
        extra={
          <ButtonLink to={coursesListPath()} type="primary">
            {t("courseDetail.backToCourses")}
          </ButtonLink>
        }
      />
    </>
  );
}
