import { DownloadOutlined, PaperClipOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { MissionDetail } from "../../../../common/api/missions.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { missionFileUrl } from "../../api/tutoring.js";

type Submission = MissionDetail["submission"];

function formatSize(bytes: number, locale: string): string {
  const format = new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${format.format(bytes)} o`;
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} Ko`;
  return `${format.format(bytes / (1024 * 1024))} Mo`;
}

export interface SubmissionContentProps {
  courseId: string;
  submission: Submission;
}

/** What the learner handed in: when, the declared time, the text (as text) and the files to download. */
export function SubmissionContent({ courseId, submission }: SubmissionContentProps) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  return (
    <>
      <dl className="mission-facts">
        <div>
          <dt>{t("missions.submittedAt")}</dt>
          <dd className="tabular">{formatDateTime(submission.submittedAt, timeZone)}</dd>
        </div>
        <div>
          <dt>{t("missions.attempt")}</dt>
          <dd>{submission.attemptNumber}</dd>
        </div>
        <div>
          <dt>{t("missions.declaredTime")}</dt>
          <dd className="tabular">{formatDuration(submission.declaredTimeSeconds)}</dd>
        </div>
      </dl>
      <h3 className="mission-subtitle">{t("missions.text")}</h3>
      {submission.text.trim() ? (
        <div className="mission-text">{submission.text}</div>
      ) : (
        <p className="muted">{t("missions.noText")}</p>
      )}
      <h3 className="mission-subtitle">{t("missions.attachedFiles")}</h3>
      {submission.files.length === 0 ? (
        <p className="muted">{t("missions.noFiles")}</p>
      ) : (
        <ul className="mission-files">
          {submission.files.map((file) => (
            <li key={file.id}>
              <PaperClipOutlined aria-hidden="true" />
              <a href={missionFileUrl(courseId, submission.id, file.id)} download={file.fileName}>
                {file.fileName}
              </a>
              <span className="muted">{formatSize(file.sizeBytes, i18n.language)}</span>
              <DownloadOutlined aria-hidden="true" className="muted" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
