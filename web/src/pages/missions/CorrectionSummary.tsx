import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import type { Correction } from "../../api/tutoring.js";
import { formatScore } from "../tutoring-center/formatScore.js";
import { learnerName } from "../tutoring-center/learnerName.js";
import { VerdictTag } from "./VerdictTag.js";

export interface CorrectionSummaryProps {
  correction: Correction;
}

/** A saved correction: verdict, score, feedback (as text), and who corrected when. */
export function CorrectionSummary({ correction }: CorrectionSummaryProps) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  return (
    <div className="correction-summary">
      <dl className="mission-facts">
        <div>
          <dt>{t("missions.form.verdict")}</dt>
          <dd>
            <VerdictTag verdict={correction.verdict} />
          </dd>
        </div>
        <div>
          <dt>{t("missions.form.score")}</dt>
          <dd className="tabular">
            {correction.score === null ? t("missions.noScore") : formatScore(correction.score, i18n.language)}
          </dd>
        </div>
        <div>
          <dt>{t("missions.correctedBy")}</dt>
          <dd>
            {t("missions.correctedByValue", {
              name: learnerName(correction.tutor),
              date: formatDateTime(correction.correctedAt, timeZone),
            })}
          </dd>
        </div>
      </dl>
      <h3 className="mission-subtitle">{t("missions.form.feedback")}</h3>
      {correction.feedback.trim() ? (
        <div className="mission-text">{correction.feedback}</div>
      ) : (
        <p className="muted">{t("missions.noFeedback")}</p>
      )}
    </div>
  );
}
