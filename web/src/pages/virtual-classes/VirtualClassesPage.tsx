import { ExportOutlined, InfoCircleOutlined } from "@ant-design/icons";
import { Button, Segmented, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { VirtualClass } from "../../../../common/api/classes.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { type ClassesWhen, useVirtualClasses } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { useTutoringCourse } from "../../api/tutoring.js";
import { courseCenterPath, courseDetailPath, coursesListPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { CourseNotFound } from "../tutoring-center/CourseNotFound.js";
import { ClassDetailDrawer } from "./ClassDetailDrawer.js";
import { ClassStatusTag, classState } from "./ClassStatusTag.js";
import { useClassesView } from "./classesView.js";
import "../actions/actions.css";

const periods: ClassesWhen[] = ["upcoming", "past", "all"];

/** `… > Centre de tutorat > Classes virtuelles` (A2): a course's sessions, their invitees, join link and attendance. */
export function VirtualClassesPage() {
  const { t } = useTranslation();
  const { courseId = "" } = useParams();
  const user = useCurrentUser();
  const [view, updateView] = useClassesView();
  const course = useTutoringCourse(courseId);
  const classes = useVirtualClasses(courseId, view.when);
  const items = classes.data?.items ?? [];

  if (course.error instanceof ApiError && course.error.status === 404) return <CourseNotFound />;
  const courseName = course.data?.name ?? "…";

  function openClass(classId: string | null) {
    updateView({ classId });
  }

  const columns: TableColumnsType<VirtualClass> = [
    {
      key: "startsAt",
      title: t("classes.table.startsAt"),
      width: 150,
      render: (_value, item) => <span className="action-num">{formatDateTime(item.startsAt, user.timeZone)}</span>,
    },
    {
      key: "title",
      title: t("classes.table.title"),
      render: (_value, item) => (
        <Button
          type="link"
          style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "start" }}
          onClick={() => openClass(item.id)}
          aria-label={t("classes.table.open", { title: item.title })}
        >
          {item.title}
        </Button>
      ),
    },
    {
      key: "duration",
      title: t("classes.table.duration"),
      width: 110,
      render: (_value, item) => <span className="action-num">{formatDuration(item.durationMinutes * 60)}</span>,
    },
    {
      key: "invitees",
      title: t("classes.table.invitees"),
      width: 90,
      align: "right",
      render: (_value, item) => <span className="action-num">{item.invitees}</span>,
    },
    {
      key: "present",
      title: t("classes.table.present"),
      width: 110,
      align: "right",
      render: (_value, item) =>
        item.attendanceRecorded ? (
          <span className="action-num">
            {t("classes.table.presentOf", { present: item.present, total: item.invitees })}
          </span>
        ) : (
          <span className="action-muted">—</span>
        ),
    },
    {
      key: "state",
      title: t("classes.table.state"),
      width: 170,
      render: (_value, item) => <ClassStatusTag virtualClass={item} />,
    },
    {
      key: "join",
      title: t("classes.table.join"),
      width: 130,
      render: (_value, item) => {
        const state = classState(item);
        return state === "upcoming" || state === "ongoing" ? (
          <a href={item.joinUrl} target="_blank" rel="noopener noreferrer">
            {t("classes.joinLink")} <ExportOutlined aria-hidden="true" />
            <VisuallyHidden>{t("classes.newTab")}</VisuallyHidden>
          </a>
        ) : null;
      },
    },
  ];

  const title = t("classes.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[
          t("nav.tutoring"),
          { label: t("nav.courses"), to: coursesListPath() },
          { label: courseName, to: courseDetailPath(courseId) },
          { label: t("center.title"), to: courseCenterPath(courseId) },
          title,
        ]}
      />
      <p className="page-intro">
        <InfoCircleOutlined aria-hidden="true" style={{ marginInlineEnd: 6 }} />
        {t("classes.intro")} <Link to={courseCenterPath(courseId)}>{t("classes.toCenter")}</Link>
      </p>
      <TableCard
        title={t("classes.tableTitle")}
        tools={
          <Segmented<ClassesWhen>
            aria-label={t("classes.periodLabel")}
            value={view.when}
            onChange={(when) => updateView({ when })}
            options={periods.map((value) => ({ value, label: t(`classes.period.${value}`) }))}
          />
        }
      >
        <QueryTable<VirtualClass>
          query={classes}
          items={items}
          errorTitle={t("classes.loadError")}
          rowKey="id"
          columns={columns}
          scroll={{ x: 900 }}
          empty={t(`classes.empty.${view.when}`)}
        />
      </TableCard>
      <ClassDetailDrawer courseId={courseId} classId={view.classId} onClose={() => openClass(null)} />
    </AccessibleForm>
  );
}
