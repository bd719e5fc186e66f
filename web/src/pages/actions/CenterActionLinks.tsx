import { ClockCircleOutlined, VideoCameraOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { courseClassesPath, courseReminderRulesPath } from "../../app/navigation.js";
import { ButtonLink } from "../../components/ButtonLink.js";

export interface CenterActionLinksProps {
  courseId: string;
}

/** From the tutoring center to the course's virtual classes (A2) and automatic reminders (B2). */
export function CenterActionLinks({ courseId }: CenterActionLinksProps) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("actions.links.label")} style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
      <ButtonLink to={courseClassesPath(courseId)} icon={<VideoCameraOutlined />}>
        {t("classes.title")}
      </ButtonLink>
      <ButtonLink to={courseReminderRulesPath(courseId)} icon={<ClockCircleOutlined />}>
        {t("rules.title")}
      </ButtonLink>
    </nav>
  );
}
