import { InboxOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Empty, Skeleton, Table, type TableColumnsType, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ScormPackage } from "../../../../common/api/scorm.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { adminCoursePath, adminCoursesRoute } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { formatBytes } from "./formatBytes.js";
import { useLessonScorm, useUploadPackage } from "./scormPackageApi.js";

/**
 * An e-learning lesson's SCORM package (admins): the current package (version, launch file, size,
 * who uploaded it and when), the ones it replaced, and the upload of a new one. The server checks
 * the package before storing anything; its message says which file breaks which rule.
 */
export function ScormPackagePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const units: [string, string, string, string] = [
    t("scormPackage.units.b"),
    t("scormPackage.units.kb"),
    t("scormPackage.units.mb"),
    t("scormPackage.units.gb"),
  ];
  const bytes = (value: number) => formatBytes(value, units, i18n.language);
  const timeZone = user?.timeZone ?? "Europe/Paris";
  const { courseId = "", lessonId = "" } = useParams();
  const scorm = useLessonScorm(lessonId);
  const upload = useUploadPackage(lessonId);
  const [uploadedName, setUploadedName] = useState<string | null>(null);

  function handleRetry() {
    void scorm.refetch();
  }

  function handleUpload(file: File) {
    setUploadedName(null);
    upload.mutate(file, { onSuccess: () => setUploadedName(file.name) });
    return false;
  }

  const data = scorm.data;
  const breadcrumb = [
    t("scormPackage.admin"),
    { label: t("scormPackage.courses"), to: adminCoursesRoute },
    ...(data ? [{ label: data.lesson.course.name, to: adminCoursePath(courseId) }] : []),
    ...(data ? [data.lesson.title] : []),
    t("scormPackage.crumb"),
  ];
  const who = (p: ScormPackage) =>
    p.uploadedBy ? `${p.uploadedBy.firstName} ${p.uploadedBy.lastName}` : t("scormPackage.demoUploader");
  const version = (p: ScormPackage) => (p.versionDetail === "1.2" ? "SCORM 1.2" : `SCORM ${p.versionDetail}`);

  const historyColumns: TableColumnsType<ScormPackage> = [
    {
      key: "uploadedAt",
      title: t("scormPackage.uploadedAt"),
      render: (_v, p) => formatDateTime(p.uploadedAt, timeZone),
    },
    { key: "by", title: t("scormPackage.uploadedBy"), render: (_v, p) => who(p) },
    { key: "version", title: t("scormPackage.version"), render: (_v, p) => version(p) },
    { key: "title", title: t("scormPackage.packageTitle"), dataIndex: "title" },
    { key: "size", title: t("scormPackage.size"), render: (_v, p) => bytes(p.sizeBytes) },
  ];

  const uploadError = upload.error;
  const network = uploadError instanceof ApiError && uploadError.code === "network";
  const rule = uploadError instanceof ApiError ? uploadError.fields[0]?.rule : undefined;
  // The rule in the user's language, then the server's exact words (which file, which limit).
  const ruleText = rule && i18n.exists(`scormPackage.rules.${rule}`) ? t(`scormPackage.rules.${rule}` as never) : null;

  return (
    <>
      <PageHeader
        title={data ? t("scormPackage.title", { lesson: data.lesson.title }) : t("scormPackage.crumb")}
        breadcrumb={breadcrumb}
      />
      {scorm.isError ? (
        <QueryErrorResult title={t("scormPackage.loadError")} retrying={scorm.isFetching} onRetry={handleRetry} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data.lesson.type !== "elearning" ? (
        <Alert type="warning" showIcon title={t("scormPackage.notElearning")} />
      ) : (
        <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
          <Card title={t("scormPackage.current")}>
            {data.current ? (
              <Descriptions
                column={{ xs: 1, md: 2 }}
                size="small"
                // antd's pale label grey fails WCAG AA contrast on white.
                styles={{ label: { color: "rgba(0, 0, 0, 0.7)" } }}
              >
                <Descriptions.Item label={t("scormPackage.packageTitle")}>{data.current.title}</Descriptions.Item>
                <Descriptions.Item label={t("scormPackage.version")}>{version(data.current)}</Descriptions.Item>
                <Descriptions.Item label={t("scormPackage.launch")}>
                  <code>{data.current.launchPath}</code>
                </Descriptions.Item>
                <Descriptions.Item label={t("scormPackage.mastery")}>
                  {data.current.masteryScore === null
                    ? t("scormPackage.noMastery")
                    : t("scormPackage.masteryValue", { value: data.current.masteryScore })}
                </Descriptions.Item>
                <Descriptions.Item label={t("scormPackage.size")}>
                  {t("scormPackage.sizeValue", {
                    size: bytes(data.current.sizeBytes),
                    count: data.current.fileCount,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={t("scormPackage.uploaded")}>
                  {t("scormPackage.uploadedValue", {
                    at: formatDateTime(data.current.uploadedAt, timeZone),
                    by: who(data.current),
                  })}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("scormPackage.none")} />
            )}
          </Card>
          <Card title={data.current ? t("scormPackage.replace") : t("scormPackage.upload")}>
            <Upload.Dragger
              accept=".zip,application/zip"
              multiple={false}
              showUploadList={false}
              beforeUpload={handleUpload}
              disabled={upload.isPending}
              aria-label={t("scormPackage.drop")}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden="true" />
              </p>
              <p className="ant-upload-text">
                {upload.isPending ? t("scormPackage.uploading") : t("scormPackage.drop")}
              </p>
              <p className="ant-upload-hint">{t("scormPackage.hint", { size: bytes(data.maxBytes) })}</p>
            </Upload.Dragger>
            {upload.isError ? (
              <Alert
                role="alert"
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title={t("scormPackage.refused")}
                description={
                  network ? (
                    t("scormPackage.network")
                  ) : (
                    <>
                      {ruleText ? <p style={{ margin: 0 }}>{ruleText}</p> : null}
                      <p style={{ margin: 0 }}>{t("scormPackage.detail", { message: uploadError?.message ?? "" })}</p>
                    </>
                  )
                }
              />
            ) : null}
            {uploadedName && upload.isSuccess ? (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 12 }}
                title={t("scormPackage.stored", { name: uploadedName, version: version(upload.data) })}
              />
            ) : null}
          </Card>
          {data.history.length > 0 ? (
            <Card title={t("scormPackage.history")}>
              <Table rowKey="id" size="small" pagination={false} columns={historyColumns} dataSource={data.history} />
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}
