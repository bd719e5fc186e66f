import { ArrowLeftOutlined, ClockCircleOutlined, ReadOutlined } from "@ant-design/icons";
import { Card, Result, Skeleton, Tag } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { useCatalogueCourse } from "../../api/coursesDetail.js";
import { landingPathFor } from "../../app/landing.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { CourseThumbnail } from "../../components/CourseThumbnail.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { CatalogueLessonList } from "./CatalogueLessonList.js";

function backTarget(state: unknown): string | null {
  if (typeof state !== "object" || state === null || !("backTo" in state)) return null;
  const { backTo } = state as { backTo: unknown };
  return typeof backTo === "string" && backTo.startsWith("/") && !backTo.startsWith("//") ? backTo : null;
}

/** `/catalogue/:courseId`: the course's catalogue page, read-only, as learners see it (stable URL). */
export function CataloguePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { courseId = "" } = useParams();
  const location = useLocation();
  const course = useCatalogueCourse(courseId);
  const headingIds = useId();
  const backTo = backTarget(location.state);

  function handleRetry() {
    void course.refetch();
  }

  if (course.error instanceof ApiError && (course.error.status === 404 || course.error.status === 400)) {
    return (
      <>
        <title>{t("app.documentTitle", { page: t("catalogue.notFoundTitle") })}</title>
        <Result
          status="404"
          title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 600 }}>{t("catalogue.notFoundTitle")}</h1>}
          subTitle={t("catalogue.notFoundText")}
          extra={
            <ButtonLink to={backTo ?? landingPathFor(user)} type="primary">
              {backTo ? t("catalogue.back") : t("errors.backHome")}
            </ButtonLink>
          }
        />
      </>
    );
  }

  if (!course.data) {
    return (
      <>
        <PageHeader title={t("catalogue.title")} breadcrumb={[]} />
        {course.isError ? (
          <QueryErrorResult title={t("catalogue.loadError")} retrying={course.isFetching} onRetry={handleRetry} />
        ) : (
          <Card>
            <Skeleton active avatar paragraph={{ rows: 6 }} />
          </Card>
        )}
      </>
    );
  }

  const data = course.data;
  const lessonsTitleId = `${headingIds}lessons`;
  const competenciesTitleId = `${headingIds}competencies`;
  return (
    <>
      <PageHeader title={data.name} breadcrumb={[t("catalogue.title"), data.name]} />
      {backTo ? (
        <div style={{ marginBottom: 12 }}>
          <ButtonLink to={backTo} icon={<ArrowLeftOutlined aria-hidden="true" />}>
            {t("catalogue.back")}
          </ButtonLink>
        </div>
      ) : null}
      <div style={{ display: "flex", flexDirection: "column", gap: 16, maxWidth: 1080 }}>
        <Card styles={{ body: { padding: 0 } }}>
          <div style={{ display: "flex", flexWrap: "wrap" }}>
            <div style={{ flex: "1 1 280px", maxWidth: 420, padding: 20 }}>
              <CourseThumbnail courseId={data.id} name={data.name} url={data.thumbnailUrl} />
            </div>
            <div style={{ flex: "999 1 360px", minWidth: 0, padding: "20px 24px 20px 4px" }}>
              <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.65)" }}>{data.code}</div>
              <p style={{ margin: "8px 0 14px", fontSize: 15, lineHeight: 1.6, whiteSpace: "pre-line" }}>
                {data.description || t("catalogue.noDescription")}
              </p>
              <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8, marginBottom: 14 }}>
                <VisuallyHidden>{t("catalogue.categories")}</VisuallyHidden>
                {data.categories.map((category) => (
                  <Tag key={category} style={{ marginInlineEnd: 0 }}>
                    {category}
                  </Tag>
                ))}
              </div>
              <div style={{ display: "flex", flexWrap: "wrap", gap: "6px 24px", color: "rgba(0, 0, 0, 0.75)" }}>
                <span style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
                  <ReadOutlined aria-hidden="true" />
                  {t("catalogue.lessonCount", { count: data.lessons.length })}
                </span>
                <span style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
                  <ClockCircleOutlined aria-hidden="true" />
                  {t("catalogue.totalDuration", { duration: formatDuration(data.durationSeconds) })}
                </span>
              </div>
            </div>
          </div>
        </Card>
        {data.competencies.length > 0 ? (
          <section aria-labelledby={competenciesTitleId}>
            <Card
              title={
                <h2 id={competenciesTitleId} style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
                  {t("catalogue.competencies")}
                </h2>
              }
            >
              <ul
                style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 10 }}
              >
                {data.competencies.map((competency) => (
                  <li key={`${competency.framework}-${competency.code}`}>
                    <strong>{`${competency.code}.${competency.label}`}</strong>
                    <span style={{ color: "rgba(0, 0, 0, 0.65)" }}> · {competency.framework}</span>
                    {competency.description ? <p style={{ margin: "2px 0 0" }}>{competency.description}</p> : null}
                  </li>
                ))}
              </ul>
            </Card>
          </section>
        ) : null}
        <section aria-labelledby={lessonsTitleId}>
          <Card
            title={
              <h2 id={lessonsTitleId} style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
                {t("catalogue.lessons")}
              </h2>
            }
            styles={{ body: { padding: "4px 24px" } }}
          >
            {data.lessons.length > 0 ? (
              <CatalogueLessonList lessons={data.lessons} />
            ) : (
              <p style={{ margin: "12px 0" }}>{t("catalogue.noLesson")}</p>
            )}
          </Card>
        </section>
      </div>
    </>
  );
}
