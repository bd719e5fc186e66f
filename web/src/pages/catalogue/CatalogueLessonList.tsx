import { useTranslation } from "react-i18next";
import type { CatalogueCourse } from "../../../../common/api/courses.js";
import { formatDuration } from "../../../../common/format.js";
import { LessonTypeIcon } from "../../components/LessonTypeIcon.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";

export interface CatalogueLessonListProps {
  lessons: CatalogueCourse["lessons"];
}

/** The course's lessons as learners see them in the catalogue: type, title, description and duration. */
export function CatalogueLessonList({ lessons }: CatalogueLessonListProps) {
  const { t } = useTranslation();
  return (
    <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {lessons.map((lesson, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: the catalogue gives lessons in order, without ids
          key={index}
          style={{
            display: "flex",
            alignItems: "flex-start",
            gap: 14,
            padding: "14px 0",
            borderTop: index === 0 ? "none" : "1px solid #f0f0f0",
          }}
        >
          <span
            aria-hidden="true"
            style={{
              flex: "none",
              width: 24,
              paddingTop: 6,
              textAlign: "end",
              color: "rgba(0, 0, 0, 0.62)",
              fontVariantNumeric: "tabular-nums",
            }}
          >
            {index + 1}.
          </span>
          <LessonTypeIcon type={lesson.type} size={36} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <div style={{ fontWeight: 600 }}>{lesson.title}</div>
            <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.65)" }} aria-hidden="true">
              {t(`courseLessons.types.${lesson.type}`)}
            </div>
            {lesson.description ? (
              <p style={{ margin: "4px 0 0", whiteSpace: "pre-line" }}>{lesson.description}</p>
            ) : null}
          </div>
          <div style={{ flex: "none", textAlign: "end", fontVariantNumeric: "tabular-nums", paddingTop: 6 }}>
            {lesson.durationSeconds !== null ? (
              <>
                <VisuallyHidden>{t("catalogue.duration")} </VisuallyHidden>
                {formatDuration(lesson.durationSeconds)}
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
