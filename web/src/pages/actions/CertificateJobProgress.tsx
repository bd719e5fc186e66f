import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Progress } from "antd";
import { useTranslation } from "react-i18next";
import type { CertificateJob } from "../../../../common/api/certificates.js";
import { certificateZipUrl, useCertificateJob } from "../../api/actions.js";

// antd's default label grey (45 % black) is below the 4.5:1 contrast WCAG AA asks for.
const readableLabel = { color: "rgba(0, 0, 0, 0.65)" };

export interface CertificateJobProgressProps {
  courseId: string;
  /** The job as its start returned it; its progress is then followed. */
  job: CertificateJob;
}

/** A certificate job's progress, then the zip of what it produced and why some learners got none. */
export function CertificateJobProgress({ courseId, job }: CertificateJobProgressProps) {
  const { t } = useTranslation();
  const progress = useCertificateJob(courseId, job);
  const current = progress.data ?? job;
  const finished = current.status === "done";
  const percent = current.total > 0 ? Math.round(((current.done + current.failed) / current.total) * 100) : 0;

  return (
    <div>
      <div role="status" aria-live="polite">
        <p style={{ margin: "0 0 8px", fontWeight: 500 }}>
          {finished
            ? t("actions.certificates.finished", { count: current.done })
            : t("actions.certificates.running", { kind: t(`actions.certificates.kind.${current.kind}`) })}
        </p>
        <Progress
          percent={percent}
          status={finished ? "success" : "active"}
          aria-label={t("actions.certificates.progressLabel")}
        />
        <Descriptions
          size="small"
          styles={{ label: readableLabel }}
          column={{ xs: 1, sm: 3 }}
          style={{ marginTop: 12 }}
          items={[
            { key: "total", label: t("actions.certificates.total"), children: current.total },
            { key: "done", label: t("actions.certificates.done"), children: current.done },
            { key: "failed", label: t("actions.certificates.failed"), children: current.failed },
          ]}
        />
      </div>
      {current.failed > 0 ? (
        <Alert
          type="info"
          showIcon
          title={
            current.kind === "completion"
              ? t("actions.certificates.notCompleted", { count: current.failed })
              : t("actions.certificates.someFailed", { count: current.failed })
          }
          style={{ marginTop: 16 }}
        />
      ) : null}
      {finished && current.done > 0 ? (
        <div style={{ marginTop: 16 }}>
          <Button type="primary" icon={<DownloadOutlined />} href={certificateZipUrl(courseId, current.jobId)} download>
            {t("actions.certificates.downloadZip")}
          </Button>
          <p className="action-hint">{t("actions.certificates.columnHint")}</p>
        </div>
      ) : null}
      {progress.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t("actions.certificates.progressError")}
          style={{ marginTop: 16 }}
        />
      ) : null}
    </div>
  );
}
