import { Card, Skeleton } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { useCourseDetail, useCourseStats } from "../../api/coursesDetail.js";
import { coursesListPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { ForbiddenPage } from "../forbidden/ForbiddenPage.js";
import { CourseNotFound } from "./CourseNotFound.js";
import { CourseSidePanel } from "./CourseSidePanel.js";
import { type CourseTab, parseCourseTab } from "./courseTab.js";
import { GeneralInfoTab } from "./GeneralInfoTab.js";
import { LessonsTab } from "./LessonsTab.js";
import { QuickStats } from "./QuickStats.js";
import { ReviewsTab, reviewPageSizes } from "./ReviewsTab.js";
import "./courseDetail.css";

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^\d{1,7}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

/** `Tutorat > Formations > [Cours]` (C6–C9): left panel with the tabs and quick stats, the chosen tab on the right. */
export function CourseDetailPage() {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = parseCourseTab(params.get("onglet"));
  const requestedSize = positiveInt(params.get("pageSize"), 10);
  const reviewPageSize = reviewPageSizes.some((size) => size === requestedSize) ? requestedSize : 10;
  const reviewPage = positiveInt(params.get("page"), 1);
  const course = useCourseDetail(courseId);
  // Asked for with the course, not once it has come: QuickStats reads the same query.
  useCourseStats(courseId);
  const idPrefix = useId();
  const panelId = `${idPrefix}panel`;
  const tabId = (value: CourseTab) => `${idPrefix}tab-${value}`;

  function handleTabChange(next: CourseTab) {
    if (next === tab) return;
    // Switching tabs replaces the history entry: the back button leaves the course, as users expect.
    setParams(next === "infos" ? {} : { onglet: next }, { replace: true });
  }

  function handleReviewPageChange(page: number, pageSize: number) {
    const next = new URLSearchParams({ onglet: "avis" });
    if (page !== 1) next.set("page", String(page));
    if (pageSize !== 10) next.set("pageSize", String(pageSize));
    setParams(next);
  }

  function handleRetry() {
    void course.refetch();
  }

  if (course.error instanceof ApiError && (course.error.status === 404 || course.error.status === 400)) {
    return <CourseNotFound />;
  }
  if (course.error instanceof ApiError && course.error.status === 403) return <ForbiddenPage />;

  const crumbs = [t("nav.tutoring"), { label: t("nav.courses"), to: coursesListPath() }];

  if (!course.data) {
    return (
      <>
        <PageHeader title={t("courseDetail.loadingTitle")} breadcrumb={[...crumbs, t("courseDetail.loadingTitle")]} />
        {course.isError ? (
          <QueryErrorResult title={t("courseDetail.loadError")} retrying={course.isFetching} onRetry={handleRetry} />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        )}
      </>
    );
  }

  const data = course.data;
  return (
    <>
      <PageHeader title={data.name} breadcrumb={[...crumbs, data.name]} />
      <div className="course-detail-layout">
        <div className="course-detail-side">
          <CourseSidePanel course={data} tab={tab} onTabChange={handleTabChange} panelId={panelId} tabId={tabId} />
        </div>
        <div className="course-detail-stats">
          <QuickStats courseId={data.id} />
        </div>
        <section id={panelId} role="tabpanel" aria-labelledby={tabId(tab)} className="course-detail-content">
          <Card
            title={<h2 style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>{t(`courseDetail.tabs.${tab}`)}</h2>}
            styles={{ body: tab === "lecons" ? { padding: 0 } : { padding: 24 } }}
          >
            {tab === "infos" ? <GeneralInfoTab course={data} /> : null}
            {tab === "lecons" ? <LessonsTab courseId={data.id} /> : null}
            {tab === "avis" ? (
              <ReviewsTab
                courseId={data.id}
                page={reviewPage}
                pageSize={reviewPageSize}
                onPageChange={handleReviewPageChange}
              />
            ) : null}
          </Card>
        </section>
      </div>
    </>
  );
}
