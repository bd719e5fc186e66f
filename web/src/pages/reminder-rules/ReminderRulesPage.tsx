import { DeleteOutlined, EditOutlined, PlayCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Popconfirm, Switch, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ReminderRule } from "../../../../common/api/reminders.js";
import { formatDateTime } from "../../../../common/format.js";
import { useDeleteRule, useReminderRules, useRunRules, useSaveRule } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { useTutoringCourse } from "../../api/tutoring.js";
import { courseCenterPath, courseDetailPath, coursesListPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { CourseNotFound } from "../tutoring-center/CourseNotFound.js";
import { RuleFormModal } from "./RuleFormModal.js";
import { useRuleDescription } from "./useRuleDescription.js";
import "../actions/actions.css";
import { useFeedback } from "../../app/feedback.js";

type Editing = { rule: ReminderRule | null; key: number };

/** `… > Centre de tutorat > Relances automatiques` (B2): a course's reminder rules, evaluated daily or on demand. */
export function ReminderRulesPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { courseId = "" } = useParams();
  const user = useCurrentUser();
  const course = useTutoringCourse(courseId);
  const rules = useReminderRules(courseId);
  const save = useSaveRule(courseId);
  const remove = useDeleteRule(courseId);
  const run = useRunRules(courseId);
  const describeRule = useRuleDescription();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const items = rules.data?.items ?? [];

  if (course.error instanceof ApiError && course.error.status === 404) return <CourseNotFound />;
  const courseName = course.data?.name ?? "…";

  function handleToggle(rule: ReminderRule, enabled: boolean) {
    setToggling(rule.id);
    save.mutate(
      {
        ruleId: rule.id,
        input: {
          kind: rule.kind,
          days: rule.days,
          progressBelow: rule.progressBelow,
          templateId: rule.template.id,
          paused: !enabled,
        },
      },
      {
        onSuccess: () => void message.success(enabled ? t("rules.resumed") : t("rules.paused")),
        onError: () => void message.error(t("rules.errors.save")),
        onSettled: () => setToggling(null),
      },
    );
  }

  function handleDelete(rule: ReminderRule) {
    return remove
      .mutateAsync(rule.id)
      .then(() => void message.success(t("rules.deleted")))
      .catch(() => void message.error(t("rules.errors.delete")));
  }

  function handleRun() {
    run.mutate(undefined, {
      onSuccess: ({ sent }) => void message.success(t("rules.ran", { count: sent }), 6),
      onError: () => void message.error(t("rules.errors.run")),
    });
  }

  const columns: TableColumnsType<ReminderRule> = [
    {
      key: "rule",
      title: t("rules.table.rule"),
      render: (_value, rule) => (
        <span style={{ fontWeight: 500, color: rule.paused ? "rgba(0, 0, 0, 0.65)" : undefined }}>
          {describeRule(rule)}
        </span>
      ),
    },
    { key: "template", title: t("rules.table.template"), render: (_value, rule) => rule.template.name },
    {
      key: "sent",
      title: t("rules.table.sent"),
      width: 130,
      align: "right",
      render: (_value, rule) => <span className="action-num">{rule.sent}</span>,
    },
    {
      key: "createdAt",
      title: t("rules.table.createdAt"),
      width: 150,
      render: (_value, rule) => <span className="action-num">{formatDateTime(rule.createdAt, user.timeZone)}</span>,
    },
    {
      key: "active",
      title: t("rules.table.active"),
      width: 140,
      render: (_value, rule) => (
        <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
          <Switch
            checked={!rule.paused}
            loading={toggling === rule.id}
            onChange={(checked) => handleToggle(rule, checked)}
            aria-label={t("rules.table.activeLabel", { rule: describeRule(rule) })}
          />
          <span>{rule.paused ? t("rules.state.paused") : t("rules.state.active")}</span>
        </span>
      ),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("rules.table.actions")}</VisuallyHidden>,
      width: 100,
      align: "right",
      render: (_value, rule) => (
        <span style={{ display: "inline-flex", gap: 4 }}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t("rules.edit", { rule: describeRule(rule) })}
            title={t("rules.edit", { rule: describeRule(rule) })}
            onClick={() => setEditing({ rule, key: Date.now() })}
          />
          <Popconfirm
            title={t("rules.deleteTitle")}
            description={t("rules.deleteText")}
            okText={t("rules.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("actions.cancel")}
            onConfirm={() => handleDelete(rule)}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("rules.deleteLabel", { rule: describeRule(rule) })}
              title={t("rules.deleteLabel", { rule: describeRule(rule) })}
            />
          </Popconfirm>
        </span>
      ),
    },
  ];

  const title = t("rules.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[
          t("nav.tutoring"),
          { label: t("nav.courses"), to: coursesListPath() },
          { label: courseName, to: courseDetailPath(courseId) },
          { label: t("center.title"), to: courseCenterPath(courseId) },
          title,
        ]}
        extra={
          <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
            <Button icon={<PlayCircleOutlined />} loading={run.isPending} onClick={handleRun}>
              {t("rules.run")}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null, key: Date.now() })}>
              {t("rules.new")}
            </Button>
          </span>
        }
      />
      <p className="page-intro">{t("rules.intro")}</p>
      <TableCard title={t("rules.tableTitle")}>
        <QueryTable<ReminderRule>
          query={rules}
          items={items}
          errorTitle={t("rules.loadError")}
          rowKey="id"
          columns={columns}
          scroll={{ x: 860 }}
          empty={
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("rules.empty")}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ rule: null, key: Date.now() })}
              >
                {t("rules.new")}
              </Button>
            </Empty>
          }
        />
      </TableCard>
      {editing ? (
        <RuleFormModal key={editing.key} courseId={courseId} rule={editing.rule} onClose={() => setEditing(null)} />
      ) : null}
    </AccessibleForm>
  );
}
