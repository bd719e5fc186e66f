import { PlayCircleOutlined } from "@ant-design/icons";
import { Alert, Card } from "antd";
import { useTranslation } from "react-i18next";
import { learnerPaths } from "../../api/learner.js";
import { ButtonLink } from "../../components/ButtonLink.js";

export interface ElearningSectionProps {
  courseId: string;
  lessonId: string;
  contentAvailable: boolean;
  started: boolean;
}

/** An e-learning lesson: the button to the SCORM player, or why there is nothing to launch yet. */
export function ElearningSection({ courseId, lessonId, contentAvailable, started }: ElearningSectionProps) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.elearning.title")}</h2>}>
      {contentAvailable ? (
        <ButtonLink
          to={learnerPaths.player(courseId, lessonId)}
          type="primary"
          size="large"
          icon={<PlayCircleOutlined aria-hidden="true" />}
        >
          {started ? t("learner.elearning.resume") : t("learner.elearning.launch")}
        </ButtonLink>
      ) : (
        <Alert type="info" showIcon title={t("learner.elearning.unavailable")} />
      )}
    </Card>
  );
}
