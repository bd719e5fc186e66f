import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Radio, Skeleton, Space, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { ObservationRequest, ObservationResult } from "../../../../common/api/observations.js";
import { formatDuration, parseDuration } from "../../../../common/format.js";
import { ApiError } from "../../api/client.js";
import { useObservationGrid, useObservedLearner, useRecordObservation } from "../../api/tutoring.js";
import { courseCenterPath, courseDetailPath, coursesListPath, learnerReportPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { observationsPath } from "../tutoring-center/centerPaths.js";
import { formatScore } from "../tutoring-center/formatScore.js";
import { learnerName } from "../tutoring-center/learnerName.js";
import { LessonStatusTag } from "./LessonStatusTag.js";
import { ObservationResultPanel } from "./ObservationResultPanel.js";
import "../tutoring-center/tutoringCenter.css";

/** The server's limits (common/api/observations.ts). */
const maxDurationSeconds = 86_400;
const maxComment = 20_000;
const maxCriterionComment = 5000;

interface ObservationValues {
  observedAt: Dayjs;
  duration: string;
  ratings: Record<string, { levelIndex?: number; comment?: string }>;
  comment: string;
}

/** T8: the tutor fills the observation grid for a learner (date, duration, a level per criterion, comments). */
export function ObservationFormPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { courseId = "", lessonId = "", learnerId = "" } = useParams();
  const grid = useObservationGrid(courseId, lessonId);
  const learner = useObservedLearner(courseId, learnerId);
  const record = useRecordObservation(courseId);
  const [form] = Form.useForm<ObservationValues>();
  const [result, setResult] = useState<ObservationResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const name = learner.data ? learnerName(learner.data.learner) : "…";
  const title = t("observations.formTitle", { name });
  const breadcrumb = [
    t("nav.tutoring"),
    { label: t("nav.courses"), to: coursesListPath() },
    { label: learner.data?.course.name ?? "…", to: courseDetailPath(courseId) },
    { label: t("center.title"), to: courseCenterPath(courseId) },
    { label: t("observations.title"), to: observationsPath(courseId) },
    name,
  ];
  const lesson = learner.data?.lessons.find((l) => l.lessonId === lessonId);

  function handleBack() {
    void navigate(observationsPath(courseId));
  }

  function handleOpenReport() {
    void navigate(learnerReportPath(courseId, learnerId));
  }

  function handleRetry() {
    void grid.refetch();
    void learner.refetch();
  }

  function handleFinish(values: ObservationValues) {
    if (!grid.data) return;
    setFailure(null);
    const request: ObservationRequest = {
      lessonId,
      learnerId,
      observedAt: values.observedAt.toISOString(),
      durationSeconds: parseDuration(values.duration) ?? 0,
      ratings: grid.data.criteria.map((criterion) => ({
        criterionId: criterion.id,
        levelIndex: values.ratings[criterion.id]?.levelIndex ?? 0,
        comment: values.ratings[criterion.id]?.comment ?? "",
      })),
      comment: values.comment ?? "",
    };
    record.mutate(request, {
      onSuccess: (saved) => {
        setResult(saved);
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
          const known: Record<string, string> = {
            "body.observedAt": "observedAt",
            "body.durationSeconds": "duration",
            "body.comment": "comment",
          };
          form.setFields(
            error.fields
              .filter((field) => known[field.field])
              .map((field) => ({ name: known[field.field] as keyof ObservationValues, errors: [field.message] })),
          );
          setFailure(t("observations.form.checkFields"));
          return;
        }
        setFailure(
          error instanceof ApiError && error.isNetworkError
            ? t("observations.form.network")
            : t("observations.form.failed"),
        );
      },
    });
  }

  const notFound =
    (grid.error instanceof ApiError && grid.error.status === 404) ||
    (learner.error instanceof ApiError && learner.error.status === 404);

  if (notFound) {
    return (
      <>
        <PageHeader
          title={t("observations.notFoundTitle")}
          breadcrumb={breadcrumb.slice(0, -1).concat(t("observations.notFoundTitle"))}
        />
        <Card>
          <Empty description={t("observations.notFoundText")}>
            <Button type="primary" onClick={handleBack}>
              {t("observations.backToList")}
            </Button>
          </Empty>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} breadcrumb={breadcrumb} />
      <div style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={handleBack}>
          {t("observations.backToList")}
        </Button>
      </div>
      {(grid.isError && !grid.data) || (learner.isError && !learner.data) ? (
        <Card>
          <QueryErrorResult
            title={t("observations.gridLoadError")}
            retrying={grid.isFetching || learner.isFetching}
            onRetry={handleRetry}
          />
        </Card>
      ) : !grid.data || !learner.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : result ? (
        <Card>
          <ObservationResultPanel
            result={result}
            passingScore={grid.data.passingScore}
            learner={name}
            onBackToList={handleBack}
            onOpenReport={handleOpenReport}
          />
        </Card>
      ) : (
        <Card title={<h2 className="card-heading">{grid.data.lessonTitle}</h2>}>
          <dl className="mission-facts" style={{ marginTop: 0 }}>
            <div>
              <dt>{t("observations.currentStatus")}</dt>
              <dd>{lesson ? <LessonStatusTag status={lesson.status} /> : null}</dd>
            </div>
            <div>
              <dt>{t("observations.attempts")}</dt>
              <dd>{lesson?.attemptsCount ?? 0}</dd>
            </div>
            <div>
              <dt>{t("observations.lastScore")}</dt>
              <dd>{lesson?.score == null ? t("observations.na") : formatScore(lesson.score, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t("observations.passingScore")}</dt>
              <dd>
                {grid.data.passingScore === null
                  ? t("observations.na")
                  : formatScore(grid.data.passingScore, i18n.language)}
              </dd>
            </div>
          </dl>
          <Form<ObservationValues>
            form={form}
            className="center-form"
            layout="vertical"
            requiredMark="optional"
            initialValues={{ observedAt: dayjs().second(0).millisecond(0), duration: "", ratings: {}, comment: "" }}
            onFinish={handleFinish}
            disabled={record.isPending}
            scrollToFirstError={{ block: "center" }}
          >
            <div className="observation-when">
              <Form.Item
                name="observedAt"
                label={t("observations.form.observedAt")}
                rules={[
                  { required: true, message: t("observations.form.observedAtRequired") },
                  {
                    validator: (_rule, value: Dayjs | null) =>
                      value?.isAfter(dayjs())
                        ? Promise.reject(new Error(t("observations.form.observedAtFuture")))
                        : Promise.resolve(),
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: "HH:mm" }}
                  format="DD/MM/YYYY HH:mm"
                  disabledDate={(day) => day.isAfter(dayjs(), "day")}
                  allowClear={false}
                  style={{ width: 220 }}
                />
              </Form.Item>
              <Form.Item
                name="duration"
                label={t("observations.form.duration")}
                extra={t("observations.form.durationHelp")}
                rules={[
                  { required: true, message: t("observations.form.durationRequired") },
                  {
                    validator: (_rule, value: string) => {
                      if (!value) return Promise.resolve();
                      const seconds = parseDuration(value);
                      if (seconds === null) return Promise.reject(new Error(t("observations.form.durationFormat")));
                      if (seconds > maxDurationSeconds) {
                        return Promise.reject(
                          new Error(t("observations.form.durationMax", { max: formatDuration(maxDurationSeconds) })),
                        );
                      }
                      return Promise.resolve();
                    },
                  },
                ]}
              >
                <Input placeholder="00:15:00" inputMode="numeric" style={{ width: 160 }} />
              </Form.Item>
            </div>
            <h3 className="mission-subtitle">{t("observations.form.criteria")}</h3>
            <p className="muted" style={{ marginTop: 0 }}>
              {t("observations.form.criteriaHelp")}
            </p>
            {grid.data.criteria.map((criterion, index) => (
              <fieldset key={criterion.id} className="criterion">
                <legend className="criterion-legend">
                  <span className="criterion-legend-inner">
                    <span>{t("observations.form.criterionNumber", { number: index + 1, label: criterion.label })}</span>
                    {criterion.required ? (
                      <Tag className="criterion-required">{t("observations.form.required")}</Tag>
                    ) : null}
                    <span className="muted criterion-weight">
                      {t("observations.form.weight", { weight: criterion.weight })}
                    </span>
                  </span>
                </legend>
                {criterion.description ? <p className="criterion-description">{criterion.description}</p> : null}
                <Form.Item
                  name={["ratings", criterion.id, "levelIndex"]}
                  rules={[
                    { required: true, message: t("observations.form.levelRequired", { criterion: criterion.label }) },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <Radio.Group
                    optionType="button"
                    options={grid.data.levels.map((level, levelIndex) => ({ value: levelIndex, label: level.label }))}
                  />
                </Form.Item>
                <Form.Item
                  name={["ratings", criterion.id, "comment"]}
                  label={t("observations.form.criterionComment")}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={maxCriterionComment} />
                </Form.Item>
              </fieldset>
            ))}
            <Form.Item name="comment" label={t("observations.form.comment")}>
              <Input.TextArea rows={4} maxLength={maxComment} showCount />
            </Form.Item>
            {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={record.isPending}>
                {t("observations.form.save")}
              </Button>
              <Button onClick={handleBack} disabled={false}>
                {t("observations.form.cancel")}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
    </>
  );
}
