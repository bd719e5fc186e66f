import { ShopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CourseDetail } from "../../../../common/api/courses.js";
import { cataloguePath, courseDetailPath } from "../../app/navigation.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { CompetencyTag } from "./CompetencyTag.js";

export interface GeneralInfoTabProps {
  course: CourseDetail;
}

/** `Informations générales` (C7): name, description, categories, competencies and the way to the catalogue page. */
export function GeneralInfoTab({ course }: GeneralInfoTabProps) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="course-facts">
        <dt>{t("courseDetail.info.name")}</dt>
        <dd>{course.name}</dd>
        <dt>{t("courseDetail.info.description")}</dt>
        <dd>{course.description || t("courseDetail.info.noDescription")}</dd>
        <dt>{t("courseDetail.info.categories")}</dt>
        <dd>{course.categories.length > 0 ? course.categories.join(", ") : t("courseDetail.info.noCategory")}</dd>
        <dt>{t("courseDetail.info.competencies")}</dt>
        <dd>
          {course.competencies.length > 0 ? (
            <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
              {course.competencies.map((competency) => (
                <CompetencyTag key={`${competency.framework}-${competency.code}`} competency={competency} />
              ))}
            </span>
          ) : (
            t("courseDetail.info.noCompetency")
          )}
        </dd>
        <dt>{t("courseDetail.info.lists")}</dt>
        <dd>{course.everyone ? t("courses.everyone") : course.lists.join(", ")}</dd>
      </dl>
      <div style={{ marginTop: 24 }}>
        <ButtonLink
          to={cataloguePath(course.id)}
          state={{ backTo: courseDetailPath(course.id) }}
          type="primary"
          icon={<ShopOutlined aria-hidden="true" />}
        >
          {t("courseDetail.info.toCatalogue")}
        </ButtonLink>
      </div>
    </>
  );
}
