import { ExportOutlined } from "@ant-design/icons";
import { Button, Descriptions, Drawer, Popconfirm, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCancelClass, useVirtualClass } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { useFeedback } from "../../app/feedback.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AttendanceForm } from "./AttendanceForm.js";
import { ClassStatusTag, classState } from "./ClassStatusTag.js";
import { InviteesList } from "./InviteesList.js";
import { RescheduleClassModal } from "./RescheduleClassModal.js";

export interface ClassDetailDrawerProps {
  courseId: string;
  /** The open class; null when the drawer is closed. */
  classId: string | null;
  onClose: () => void;
}

/** A virtual class: when, join link, invitees; reschedule or cancel it; record attendance once it has started. */
export function ClassDetailDrawer({ courseId, classId, onClose }: ClassDetailDrawerProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const user = useCurrentUser();
  const detail = useVirtualClass(courseId, classId);
  const cancel = useCancelClass(courseId);
  const [rescheduling, setRescheduling] = useState(false);
  const item = detail.data;
  const state = item ? classState(item) : null;

  function handleCancel() {
    if (!item) return Promise.resolve();
    return cancel
      .mutateAsync(item.id)
      .then(() => {
        void message.success(t("classes.cancelled", { title: item.title }));
        void detail.refetch();
      })
      .catch(() => void message.error(t("classes.errors.cancelFailed")));
  }

  // A class that was held and recorded, or cancelled, is history: nothing left to move or cancel.
  const actions =
    item && state !== "cancelled" && state !== "recorded" ? (
      <span style={{ display: "inline-flex", gap: 8 }}>
        <Button onClick={() => setRescheduling(true)}>{t("classes.reschedule")}</Button>
        <Popconfirm
          title={t("classes.cancelTitle")}
          description={t("classes.cancelText", { count: item.invitees })}
          okText={t("classes.cancelConfirm")}
          okButtonProps={{ danger: true }}
          cancelText={t("classes.keep")}
          onConfirm={handleCancel}
        >
          <Button danger loading={cancel.isPending}>
            {t("classes.cancel")}
          </Button>
        </Popconfirm>
      </span>
    ) : null;

  return (
    <Drawer
      open={classId !== null}
      onClose={onClose}
      placement="right"
      size={720}
      title={item?.title ?? t("classes.detailTitle")}
      extra={actions}
      closable={{ "aria-label": t("actions.close") }}
      destroyOnHidden
    >
      {detail.isError && !item ? (
        <QueryErrorResult
          title={t("classes.detailError")}
          retrying={detail.isFetching}
          onRetry={() => void detail.refetch()}
        />
      ) : !item ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 200, color: "rgba(0, 0, 0, 0.7)" } }}
            items={[
              { key: "state", label: t("classes.table.state"), children: <ClassStatusTag virtualClass={item} /> },
              {
                key: "startsAt",
                label: t("classes.form.startsAt"),
                children: (
                  <span className="action-num">
                    {formatDateTime(item.startsAt, user.timeZone)}
                    {item.timeZone !== user.timeZone
                      ? ` (${formatDateTime(item.startsAt, item.timeZone)} ${item.timeZone})`
                      : ""}
                  </span>
                ),
              },
              {
                key: "duration",
                label: t("classes.table.duration"),
                children: <span className="action-num">{formatDuration(item.durationMinutes * 60)}</span>,
              },
              { key: "timeZone", label: t("classes.form.timeZone"), children: item.timeZone },
              {
                key: "joinUrl",
                label: t("classes.form.joinUrl"),
                children: (
                  <a href={item.joinUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: "anywhere" }}>
                    {item.joinUrl} <ExportOutlined aria-hidden="true" />
                    <VisuallyHidden>{t("classes.newTab")}</VisuallyHidden>
                  </a>
                ),
              },
              {
                key: "lesson",
                label: t("classes.lesson"),
                children: item.lesson ? (
                  item.lesson.title
                ) : (
                  <span className="action-muted">{t("classes.noLesson")}</span>
                ),
              },
              {
                key: "description",
                label: t("classes.form.description"),
                children: item.description ? (
                  <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{item.description}</span>
                ) : (
                  <span className="action-muted">—</span>
                ),
              },
            ]}
          />
          <h3 className="class-section-title">{t("classes.inviteesTitle", { count: item.attendees.length })}</h3>
          {state === "toRecord" || state === "ongoing" || state === "recorded" ? (
            <AttendanceForm courseId={courseId} detail={item} />
          ) : (
            <>
              {state === "upcoming" ? <p className="action-hint">{t("classes.attendanceLater")}</p> : null}
              <InviteesList detail={item} />
            </>
          )}
        </>
      )}
      {rescheduling && item ? (
        <RescheduleClassModal courseId={courseId} virtualClass={item} onClose={() => setRescheduling(false)} />
      ) : null}
    </Drawer>
  );
}
