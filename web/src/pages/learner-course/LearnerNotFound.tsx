import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { learnerPaths } from "../../api/learner.js";
import { ButtonLink } from "../../components/ButtonLink.js";

export interface LearnerNotFoundProps {
  /** What is missing: a course or a lesson. */
  what: "course" | "lesson";
}

/** A course or lesson that doesn't exist or isn't open to the learner (the server answered 404). */
export function LearnerNotFound({ what }: LearnerNotFoundProps) {
  const { t } = useTranslation();
  const title = what === "course" ? t("learner.courseNotFoundTitle") : t("learner.lessonNotFoundTitle");
  return (
    <>
      <title>{t("app.documentTitle", { page: title })}</title>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 600 }}>{title}</h1>}
        subTitle={what === "course" ? t("learner.courseNotFoundText") : t("learner.lessonNotFoundText")}
        extra={
          <ButtonLink to={learnerPaths.courses} type="primary">
            {t("learner.backToMyCourses")}
          </ButtonLink>
        }
      />
    </>
  );
}
