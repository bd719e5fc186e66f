import { ArrowLeftOutlined, ArrowRightOutlined } from "@ant-design/icons";
import { Card, Descriptions, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { formatDuration } from "../../../../common/format.js";
import { ApiError } from "../../api/client.js";
import { learnerPaths, useLearnerLesson } from "../../api/learner.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { LessonTypeIcon } from "../../components/LessonTypeIcon.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { LearnerNotFound } from "../learner-course/LearnerNotFound.js";
import { ElearningSection } from "./ElearningSection.js";
import { LessonComments } from "./LessonComments.js";
import { MissionSection } from "./MissionSection.js";
import { ObservationSection } from "./ObservationSection.js";
import { QuizSection } from "./QuizSection.js";
import { SheetSection } from "./SheetSection.js";
import { WebinarSection } from "./WebinarSection.js";

/** `/mes-formations/:courseId/lecons/:lessonId`: one lesson for the learner, whatever its type, with its comments. */
export function LearnerLessonPage() {
  const { t, i18n } = useTranslation();
  const { courseId = "", lessonId = "" } = useParams();
  const query = useLearnerLesson(courseId, lessonId);
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return <LearnerNotFound what="lesson" />;
  }
  if (!query.data) {
    return (
      <>
        <PageHeader title={t("myCourses.title")} breadcrumb={[]} />
        {query.isError ? (
          <QueryErrorResult
            title={t("learner.lessonLoadError")}
            retrying={query.isFetching}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )}
      </>
    );
  }

  const data = query.data;
  const lesson = data.lesson;
  return (
    <>
      <PageHeader
        title={lesson.title}
        breadcrumb={[
          { label: t("myCourses.title"), to: learnerPaths.courses },
          { label: data.course.name, to: learnerPaths.course(courseId) },
          lesson.title,
        ]}
      />
      {/* Keyed by lesson: moving to the next lesson starts its forms, comments page and reading session afresh. */}
      <div key={lesson.id} style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <Card>
          <div style={{ display: "flex", gap: 16, alignItems: "flex-start", flexWrap: "wrap" }}>
            <LessonTypeIcon type={lesson.type} size={48} />
            <div style={{ flex: 1, minWidth: 240 }}>
              {lesson.description ? (
                <p style={{ marginTop: 0, whiteSpace: "pre-wrap", maxWidth: 760 }}>{lesson.description}</p>
              ) : null}
              <Descriptions
                styles={{ label: { color: "rgba(0, 0, 0, 0.7)" } }}
                size="small"
                column={{ xs: 1, sm: 2, lg: 4 }}
                items={[
                  { key: "status", label: t("myCourses.status"), children: <LessonStatusTag status={lesson.status} /> },
                  {
                    key: "score",
                    label: t("learner.score"),
                    children:
                      lesson.score === null ? "—" : t("learner.percent", { value: percent.format(lesson.score) }),
                  },
                  {
                    key: "time",
                    label: t("myCourses.timeSpent"),
                    children: (
                      <span style={{ fontVariantNumeric: "tabular-nums" }}>
                        {formatDuration(lesson.timeSpentSeconds)}
                      </span>
                    ),
                  },
                  { key: "attempts", label: t("learner.attempts"), children: lesson.attempts },
                ]}
              />
            </div>
          </div>
        </Card>
        {data.elearning ? (
          <ElearningSection
            courseId={courseId}
            lessonId={lesson.id}
            contentAvailable={data.elearning.contentAvailable}
            started={lesson.attempts > 0}
          />
        ) : null}
        {data.sheet ? <SheetSection courseId={courseId} lessonId={lesson.id} sheet={data.sheet} /> : null}
        {data.quiz ? <QuizSection courseId={courseId} lesson={lesson} quiz={data.quiz} /> : null}
        {data.mission ? <MissionSection courseId={courseId} lessonId={lesson.id} mission={data.mission} /> : null}
        {data.webinar ? <WebinarSection webinar={data.webinar} /> : null}
        {data.observation ? <ObservationSection observation={data.observation} /> : null}
        <LessonComments courseId={courseId} lessonId={lesson.id} />
        <nav
          aria-label={t("learner.lessonNav")}
          style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap" }}
        >
          {data.previous ? (
            <ButtonLink
              to={learnerPaths.lesson(courseId, data.previous.id)}
              icon={<ArrowLeftOutlined aria-hidden="true" />}
            >
              {t("learner.previous", { title: data.previous.title })}
            </ButtonLink>
          ) : (
            <span />
          )}
          {data.next ? (
            <ButtonLink
              to={learnerPaths.lesson(courseId, data.next.id)}
              icon={<ArrowRightOutlined aria-hidden="true" />}
              iconPlacement="end"
            >
              {t("learner.next", { title: data.next.title })}
            </ButtonLink>
          ) : (
            <ButtonLink to={learnerPaths.course(courseId)}>{t("learner.backToCourse")}</ButtonLink>
          )}
        </nav>
      </div>
    </>
  );
}
