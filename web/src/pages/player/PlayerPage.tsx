import { Alert, Button, Result, Skeleton, Space, Tag } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { CommitResult } from "../../../../common/api/player.js";
import { ApiError, getCsrfToken } from "../../api/client.js";
import { learnerPaths } from "../../api/learner.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useLaunchLesson } from "./playerApi.js";
import { ScormPlayer } from "./ScormPlayer.js";
import type { RecordingTarget } from "./scormRuntime.js";

/**
 * The SCORM player of an e-learning lesson (S1): each opening is a new attempt and session; the
 * content resumes where the learner left it; every commit is recorded and the status shown.
 */
export function PlayerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { courseId = "", lessonId = "" } = useParams();
  const launch = useLaunchLesson();
  const launched = useRef(false);
  const [committed, setCommitted] = useState<CommitResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [terminated, setTerminated] = useState(false);

  const { mutate } = launch;
  const start = useCallback(() => {
    setCommitted(null);
    setFailure(null);
    setTerminated(false);
    mutate(lessonId);
  }, [mutate, lessonId]);

  useEffect(() => {
    // Once per visit, also under React's strict mode: a launch is an attempt.
    if (launched.current) return;
    launched.current = true;
    start();
  }, [start]);

  const data = launch.data;
  const target = useMemo<RecordingTarget | null>(
    () =>
      data
        ? {
            attemptId: data.attemptId,
            sessionId: data.sessionId,
            csrfToken: getCsrfToken(),
            onCommitted: (result) => {
              setCommitted(result);
              setFailure(null);
            },
            onFailed: (message) => setFailure(message),
          }
        : null,
    [data],
  );
  const handleTerminated = useCallback(() => setTerminated(true), []);

  function handleClose() {
    navigate(learnerPaths.lesson(courseId, lessonId));
  }

  const breadcrumb = [
    { label: t("nav.myCourses"), to: learnerPaths.courses },
    ...(data ? [{ label: data.lesson.courseName, to: learnerPaths.course(courseId) }] : []),
    ...(data ? [{ label: data.lesson.title, to: learnerPaths.lesson(courseId, lessonId) }] : []),
    t("player.crumb"),
  ];

  if (launch.isError) {
    const error = launch.error;
    const noContent = error instanceof ApiError && error.code === "no_content";
    // Not enrolled, not an e-learning lesson, or no such lesson: the server says 404 alike.
    const notFound = error instanceof ApiError && error.code === "not_found";
    return (
      <>
        <PageHeader title={t("player.title")} breadcrumb={breadcrumb} />
        <Result
          status={noContent ? "info" : "warning"}
          title={noContent ? t("player.noContent") : t("player.launchError")}
          subTitle={noContent ? t("player.noContentHint") : notFound ? t("player.notFound") : error.message}
          extra={
            <Space>
              {noContent || notFound ? null : (
                <Button type="primary" onClick={start}>
                  {t("player.retry")}
                </Button>
              )}
              <Button onClick={handleClose}>{t("player.back")}</Button>
            </Space>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={data?.lesson.title ?? t("player.title")}
        breadcrumb={breadcrumb}
        extra={
          <Space wrap>
            {data ? <Tag>{t("player.attempt", { number: data.attemptNumber })}</Tag> : null}
            {data?.cmi.entry === "resume" ? <Tag color="blue">{t("player.resumed")}</Tag> : null}
            {committed ? (
              <span aria-live="polite">
                {t("player.status")} <LessonStatusTag status={committed.status} />
                {committed.score !== null ? ` ${t("player.score", { value: committed.score })}` : ""}
              </span>
            ) : null}
            <Button type="primary" onClick={handleClose}>
              {t("player.close")}
            </Button>
          </Space>
        }
      />
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("player.commitFailed")}
          description={
            failure === "network"
              ? t("player.network")
              : failure === "session"
                ? t("player.session")
                : failure === "finished"
                  ? t("player.finished")
                  : failure
          }
        />
      ) : null}
      {terminated ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("player.terminated")}
          action={
            <Space>
              <Button size="small" onClick={start}>
                {t("player.relaunch")}
              </Button>
              <Button size="small" type="primary" onClick={handleClose}>
                {t("player.back")}
              </Button>
            </Space>
          }
        />
      ) : null}
      {data && target ? (
        <ScormPlayer
          version={data.version}
          contentUrl={data.contentUrl}
          cmi={data.cmi}
          target={target}
          title={t("player.frameTitle", { title: data.lesson.title })}
          onTerminated={handleTerminated}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </>
  );
}
