import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AdminLesson } from "../../../../common/api/catalogue-admin.js";
import { LEARNER_LIMITS, MISSION_FILE_EXTENSIONS } from "../../../../common/api/learner.js";
import type { LessonType } from "../../../../common/enums.js";
import {
  adminLessonQuizPath,
  adminLessonScormPath,
  courseCenterPath,
  courseClassesPath,
} from "../../app/navigation.js";
import { SheetDocumentField } from "./SheetDocumentField.js";

export interface LessonTypeSettingsProps {
  courseId: string;
  type: LessonType;
  /** The saved lesson; null while creating one (content pages need its id). */
  lesson: AdminLesson | null;
}

/** What is set up per lesson type: a sheet's text and PDF here, the other contents on their own screens. */
export function LessonTypeSettings({ courseId, type, lesson }: LessonTypeSettingsProps) {
  const { t } = useTranslation();
  const afterCreate = <p className="admin-muted">{t("catalogueAdmin.lessons.afterCreate")}</p>;
  switch (type) {
    case "sheet":
      return (
        <>
          <Form.Item name="body" label={t("catalogueAdmin.lessons.body")} extra={t("catalogueAdmin.lessons.bodyHelp")}>
            <Input.TextArea maxLength={100_000} autoSize={{ minRows: 5, maxRows: 14 }} />
          </Form.Item>
          {lesson ? <SheetDocumentField courseId={courseId} lesson={lesson} /> : afterCreate}
        </>
      );
    case "mission":
      return (
        <p className="admin-muted">
          {t("catalogueAdmin.lessons.missionLimits", {
            files: LEARNER_LIMITS.missionFiles,
            size: Math.round(LEARNER_LIMITS.missionFileBytes / 1024 / 1024),
            types: MISSION_FILE_EXTENSIONS.join(", "),
          })}
        </p>
      );
    case "webinar":
      return (
        <p>
          {t("catalogueAdmin.lessons.webinarHelp")}{" "}
          <Link to={courseClassesPath(courseId)}>{t("catalogueAdmin.lessons.webinarLink")}</Link>
        </p>
      );
    case "observation":
      return (
        <p>
          {t("catalogueAdmin.lessons.observationHelp")}{" "}
          <Link to={`${courseCenterPath(courseId)}/observations`}>{t("catalogueAdmin.lessons.observationLink")}</Link>
        </p>
      );
    case "elearning":
      return lesson ? (
        <p>
          <Link to={adminLessonScormPath(courseId, lesson.id)}>{t("catalogueAdmin.lessons.scormLink")}</Link>
        </p>
      ) : (
        afterCreate
      );
    case "quiz":
      return lesson ? (
        <p>
          <Link to={adminLessonQuizPath(courseId, lesson.id)}>{t("catalogueAdmin.lessons.quizLink")}</Link>
        </p>
      ) : (
        afterCreate
      );
  }
}
