import { AuditOutlined, FormOutlined, TeamOutlined } from "@ant-design/icons";
import { Col, Row } from "antd";
import { useCallback, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { EnrollmentStatus, EnrollmentType } from "../../../../common/enums.js";
import { ApiError } from "../../api/client.js";
import {
  useCenterIndicators,
  useCenterLiveUpdates,
  useTutoredLearners,
  useTutoringCourse,
} from "../../api/tutoring.js";
import { courseDetailPath, coursesListPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { CenterActionLinks } from "../actions/CenterActionLinks.js";
import { CenterToolbar } from "./CenterToolbar.js";
import { CourseNotFound } from "./CourseNotFound.js";
import { courseMissionsPath, observationsPath } from "./centerPaths.js";
import { type CenterView, centerViewToQuery, useCenterView } from "./centerView.js";
import { IndicatorCard } from "./IndicatorCard.js";
import { LearnersTable } from "./LearnersTable.js";
import { StatusPieChart } from "./StatusPieChart.js";
import "./tutoringCenter.css";

const clearedFilters: Partial<CenterView> = {
  status: null,
  q: "",
  progressMin: null,
  progressMax: null,
  timeMin: null,
  timeMax: null,
  atRisk: null,
  page: 1,
};

/** `Tutorat > Formations > [Cours] > Centre de tutorat` (T1–T5, B1, B5): indicators, chart and the tutored users. */
export function TutoringCenterPage() {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const [view, updateView] = useCenterView();
  const course = useTutoringCourse(courseId);
  const live = useCenterLiveUpdates(courseId);
  const indicators = useCenterIndicators(courseId, view.enrollmentType ? { enrollmentType: view.enrollmentType } : {});
  const learners = useTutoredLearners(courseId, centerViewToQuery(view));
  const tableTitle = useRef<HTMLHeadingElement>(null);

  const handleViewChange = useCallback(
    (patch: Partial<CenterView>) => {
      // A new filter or page size starts again at page 1; paging and sorting are a history step of their own.
      const resetsPage = Object.keys(patch).some((key) => key !== "page" && key !== "sort" && key !== "order");
      updateView(resetsPage && patch.page === undefined ? { ...patch, page: 1 } : patch);
    },
    [updateView],
  );

  if (course.error instanceof ApiError && course.error.status === 404) return <CourseNotFound />;

  const courseName = course.data?.name;

  function handleEnrollmentTypeChange(enrollmentType: EnrollmentType | null) {
    handleViewChange({ enrollmentType });
  }

  function handleStatusSelect(status: EnrollmentStatus | null) {
    handleViewChange({ status });
  }

  function handleClearFilters() {
    updateView(clearedFilters);
  }

  function handleOpenLearners() {
    tableTitle.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    tableTitle.current?.focus({ preventScroll: true });
  }

  function handleRetry() {
    void learners.refetch();
  }

  const title = t("center.title");
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[
          t("nav.tutoring"),
          { label: t("nav.courses"), to: coursesListPath() },
          { label: courseName ?? "…", to: courseDetailPath(courseId) },
          title,
        ]}
        extra={<CenterActionLinks courseId={courseId} />}
      />
      <CenterToolbar
        courseId={courseId}
        courseName={courseName}
        enrollmentType={view.enrollmentType}
        onEnrollmentTypeChange={handleEnrollmentTypeChange}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <section aria-label={t("center.indicators.label")} style={{ height: "100%" }}>
            <div className="indicator-grid">
              <IndicatorCard
                title={t("center.indicators.learners")}
                totalLabel={t("center.indicators.total")}
                value={indicators.data?.learners}
                icon={<TeamOutlined />}
                onOpen={handleOpenLearners}
                openLabel={t("center.indicators.openLearners")}
              />
              <IndicatorCard
                title={t("center.indicators.missions")}
                totalLabel={t("center.indicators.total")}
                value={indicators.data?.missionsToCorrect}
                icon={<FormOutlined />}
                to={courseMissionsPath(courseId)}
                openLabel={t("center.indicators.openMissions")}
              />
              <IndicatorCard
                title={t("center.indicators.observations")}
                totalLabel={t("center.indicators.total")}
                value={indicators.data?.observationsToDo}
                icon={<AuditOutlined />}
                to={observationsPath(courseId)}
                openLabel={t("center.indicators.openObservations")}
              />
            </div>
          </section>
        </Col>
        <Col xs={24} xl={10}>
          <StatusPieChart statuses={indicators.data?.statuses} active={view.status} onSelect={handleStatusSelect} />
        </Col>
      </Row>
      <LearnersTable
        courseId={courseId}
        view={view}
        page={learners.data}
        isPending={learners.isPending}
        isFetching={learners.isFetching}
        isError={learners.isError}
        onRetry={handleRetry}
        onViewChange={handleViewChange}
        onClearFilters={handleClearFilters}
        titleRef={tableTitle}
        live={live}
      />
    </>
  );
}
