import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Input, Select, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { AdminCourseItem } from "../../../../common/api/catalogue-admin.js";
import { useAdminCourses, useCourseFormOptions } from "../../api/catalogueAdmin.js";
import { adminCoursePath } from "../../app/navigation.js";
import { CourseThumbnail } from "../../components/CourseThumbnail.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { CourseCreateModal } from "./CourseCreateModal.js";
import "./catalogueAdmin.css";

const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** `Administration > Formations`: every course, searched and paged by the server; create one or open its editor. */
export function AdminCoursesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const folderId = params.get("repertoire") ?? undefined;
  const page = positive(params.get("page"), 1);
  const pageSize = Math.min(positive(params.get("taille"), 25), 100);
  const courses = useAdminCourses({ q: q || undefined, folderId, page, pageSize });
  const options = useCourseFormOptions();
  const [creating, setCreating] = useState(false);

  function update(changes: Record<string, string | number | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "" || (key === "page" && value === 1)) next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  }

  const columns: TableColumnsType<AdminCourseItem> = [
    {
      key: "thumbnail",
      title: <VisuallyHidden>{t("catalogueAdmin.courses.thumbnail")}</VisuallyHidden>,
      width: 96,
      render: (_value, course) => (
        <div className="admin-list-thumbnail">
          <CourseThumbnail
            courseId={course.id}
            name={course.name}
            url={course.thumbnailUrl}
            radius={4}
            initialsSize={20}
          />
        </div>
      ),
    },
    {
      key: "name",
      title: t("catalogueAdmin.courses.name"),
      render: (_value, course) => (
        <>
          <Link to={adminCoursePath(course.id)}>{course.name}</Link>
          <div className="admin-muted">{course.code}</div>
        </>
      ),
    },
    {
      key: "folder",
      title: t("catalogueAdmin.courses.folder"),
      render: (_value, course) => course.folder?.name ?? <span className="admin-muted">—</span>,
    },
    {
      key: "audience",
      title: t("catalogueAdmin.courses.audience"),
      render: (_value, course) => (
        <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 4 }}>
          <Tag>{course.everyone ? t("catalogueAdmin.courses.everyone") : t("catalogueAdmin.courses.lists")}</Tag>
          {course.catalogueVisible ? null : <Tag color="orange">{t("catalogueAdmin.courses.hidden")}</Tag>}
        </span>
      ),
    },
    {
      key: "lessons",
      title: t("catalogueAdmin.courses.lessonCount"),
      dataIndex: "lessonCount",
      align: "right",
      width: 100,
    },
    {
      key: "enrollments",
      title: t("catalogueAdmin.courses.enrollmentCount"),
      dataIndex: "enrollmentCount",
      align: "right",
      width: 110,
    },
  ];

  const title = t("catalogueAdmin.courses.title");
  const data = courses.data;
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("catalogueAdmin.courses.create")}
          </Button>
        }
      />
      <p className="admin-intro">{t("catalogueAdmin.courses.intro")}</p>
      <TableCard
        title={t("catalogueAdmin.courses.tableTitle")}
        tools={
          <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              className="admin-select"
              style={{ width: 240 }}
              aria-label={t("catalogueAdmin.courses.folderFilter")}
              placeholder={t("catalogueAdmin.courses.allFolders")}
              value={folderId}
              onChange={(value?: string) => update({ repertoire: value, page: 1 })}
              options={(options.data?.folders ?? []).map((f) => ({ value: f.id, label: f.label }))}
            />
            <Input.Search
              allowClear
              defaultValue={q}
              style={{ width: 260 }}
              aria-label={t("catalogueAdmin.courses.search")}
              placeholder={t("catalogueAdmin.courses.search")}
              onSearch={(value) => update({ q: value.trim(), page: 1 })}
            />
          </span>
        }
      >
        {courses.isError && !data ? (
          <QueryErrorResult
            title={t("catalogueAdmin.loadError")}
            retrying={courses.isFetching}
            onRetry={() => void courses.refetch()}
          />
        ) : (
          <>
            <Table<AdminCourseItem>
              rowKey="id"
              columns={columns}
              dataSource={data?.items ?? []}
              pagination={false}
              loading={{ spinning: courses.isFetching, delay: 200 }}
              scroll={{ x: 760 }}
              locale={{
                emptyText: courses.isPending ? (
                  <div style={{ height: 96 }} />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogueAdmin.courses.empty")} />
                ),
              }}
            />
            <div style={{ padding: "12px 16px" }}>
              <TablePager
                page={page}
                pageSize={pageSize}
                total={data?.total ?? 0}
                onChange={(nextPage, nextSize) =>
                  update({ page: nextPage, taille: nextSize === 25 ? undefined : nextSize })
                }
              />
            </div>
          </>
        )}
      </TableCard>
      {creating ? <CourseCreateModal folderId={folderId ?? null} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
