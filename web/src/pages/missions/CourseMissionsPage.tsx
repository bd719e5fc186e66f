import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { useCourseMissions, useTutoringCourse } from "../../api/tutoring.js";
import { courseCenterPath, courseDetailPath, coursesListPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { CourseNotFound } from "../tutoring-center/CourseNotFound.js";
import { MissionsQueueTable } from "./MissionsQueueTable.js";
import { missionsViewToQuery, useMissionsView } from "./missionsView.js";
import "../tutoring-center/tutoringCenter.css";

/** `… > Centre de tutorat > Missions à corriger` (T7): the course's submissions, oldest first. */
export function CourseMissionsPage() {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const [view, updateView] = useMissionsView();
  const course = useTutoringCourse(courseId);
  const missions = useCourseMissions(courseId, missionsViewToQuery(view));

  if (
    (course.error instanceof ApiError && course.error.status === 404) ||
    (missions.error instanceof ApiError && missions.error.status === 404)
  ) {
    return <CourseNotFound />;
  }

  function handleRetry() {
    void missions.refetch();
  }

  const title = t("missions.title");
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[
          t("nav.tutoring"),
          { label: t("nav.courses"), to: coursesListPath() },
          { label: course.data?.name ?? "…", to: courseDetailPath(courseId) },
          { label: t("center.title"), to: courseCenterPath(courseId) },
          title,
        ]}
      />
      <MissionsQueueTable
        title={t("missions.tableTitle")}
        view={view}
        data={missions.data}
        isPending={missions.isPending}
        isFetching={missions.isFetching}
        isError={missions.isError}
        onRetry={handleRetry}
        onViewChange={updateView}
      />
    </>
  );
}
