import { EyeOutlined, ShopOutlined } from "@ant-design/icons";
import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useAdminCourse } from "../../api/catalogueAdmin.js";
import { ApiError } from "../../api/client.js";
import { adminCoursesRoute, cataloguePath, courseDetailPath } from "../../app/navigation.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { CourseInfoCard } from "./CourseInfoCard.js";
import { LessonsCard } from "./LessonsCard.js";
import { ThumbnailCard } from "./ThumbnailCard.js";
import "../admin-courses/catalogueAdmin.css";

/** `Administration > Formations > [Cours]`: the course's information, thumbnail and lessons. */
export function AdminCourseEditorPage() {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const course = useAdminCourse(courseId);
  const coursesCrumb = { label: t("catalogueAdmin.courses.title"), to: adminCoursesRoute };

  if (course.isPending) return <PageLoader />;
  if (course.isError) {
    const missing = course.error instanceof ApiError && (course.error.status === 404 || course.error.status === 400);
    return (
      <>
        <PageHeader
          title={t("catalogueAdmin.editor.notFound")}
          breadcrumb={[t("nav.administration"), coursesCrumb, t("catalogueAdmin.editor.notFound")]}
        />
        {missing ? (
          <Result
            status="404"
            title={t("catalogueAdmin.editor.notFound")}
            subTitle={t("catalogueAdmin.editor.notFoundText")}
          />
        ) : (
          <QueryErrorResult
            title={t("catalogueAdmin.loadError")}
            retrying={course.isFetching}
            onRetry={() => void course.refetch()}
          />
        )}
      </>
    );
  }
  const data = course.data;
  return (
    <>
      <PageHeader
        title={data.name}
        breadcrumb={[t("nav.administration"), coursesCrumb, data.name]}
        extra={
          <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
            <ButtonLink to={courseDetailPath(data.id, "lecons")} icon={<EyeOutlined />}>
              {t("catalogueAdmin.editor.tutorView")}
            </ButtonLink>
            <ButtonLink to={cataloguePath(data.id)} icon={<ShopOutlined />}>
              {t("catalogueAdmin.editor.catalogue")}
            </ButtonLink>
          </span>
        }
      />
      <div className="admin-cards">
        <div className="admin-editor-grid">
          <CourseInfoCard course={data} />
          <ThumbnailCard course={data} />
        </div>
        <LessonsCard courseId={data.id} />
      </div>
    </>
  );
}
