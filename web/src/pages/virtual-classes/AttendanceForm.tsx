import { Alert, Button, Checkbox, InputNumber, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClassDetail } from "../../../../common/api/classes.js";
import { type AttendanceEntry, useRecordAttendance } from "../../api/actions.js";
import { ApiError } from "../../api/client.js";
import { useFeedback } from "../../app/feedback.js";
import { learnerName } from "../tutoring-center/learnerName.js";

type Attendee = ClassDetail["attendees"][number];
type Marks = Record<string, { present: boolean; minutes: number }>;

function initialMarks(detail: ClassDetail): Marks {
  return Object.fromEntries(
    detail.attendees.map((attendee) => [
      attendee.learnerId,
      {
        present: attendee.present ?? false,
        minutes: attendee.present ? (attendee.minutes ?? detail.durationMinutes) : detail.durationMinutes,
      },
    ]),
  );
}

export interface AttendanceFormProps {
  courseId: string;
  detail: ClassDetail;
}

/** After the class: present or absent and minutes attended per invitee; present learners get the time credited. */
export function AttendanceForm({ courseId, detail }: AttendanceFormProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [marks, setMarks] = useState<Marks>(() => initialMarks(detail));
  const record = useRecordAttendance(courseId, detail.id);
  const presentCount = Object.values(marks).filter((mark) => mark.present).length;
  const cancelled = detail.cancelled;

  function mark(learnerId: string, change: Partial<{ present: boolean; minutes: number }>) {
    setMarks((current) => {
      const previous = current[learnerId] ?? { present: false, minutes: detail.durationMinutes };
      return { ...current, [learnerId]: { ...previous, ...change } };
    });
  }

  function handleAllPresent() {
    setMarks(
      Object.fromEntries(
        detail.attendees.map((attendee) => [attendee.learnerId, { present: true, minutes: detail.durationMinutes }]),
      ),
    );
  }

  function handleSave() {
    const entries: AttendanceEntry[] = detail.attendees.map((attendee) => {
      const entry = marks[attendee.learnerId] ?? { present: false, minutes: 0 };
      return { learnerId: attendee.learnerId, present: entry.present, minutes: entry.present ? entry.minutes : 0 };
    });
    record.mutate(entries, {
      onSuccess: () =>
        void message.success(
          detail.lesson
            ? t("classes.attendance.savedCredited", { lesson: detail.lesson.title })
            : t("classes.attendance.saved"),
        ),
    });
  }

  const saveError =
    record.error instanceof ApiError && record.error.code === "cancelled"
      ? t("classes.attendance.cancelledError")
      : record.error instanceof ApiError && record.error.status === 400
        ? t("classes.attendance.invalid", { max: detail.durationMinutes })
        : record.error
          ? t("classes.attendance.saveError")
          : null;

  const columns: TableColumnsType<Attendee> = [
    { key: "name", title: t("classes.attendance.learner"), render: (_value, attendee) => learnerName(attendee) },
    {
      key: "present",
      title: t("classes.attendance.present"),
      width: 110,
      align: "center",
      render: (_value, attendee) => (
        <Checkbox
          checked={marks[attendee.learnerId]?.present ?? false}
          disabled={cancelled}
          onChange={(event) => mark(attendee.learnerId, { present: event.target.checked })}
          aria-label={t("classes.attendance.presentLabel", { name: learnerName(attendee) })}
        />
      ),
    },
    {
      key: "minutes",
      title: t("classes.attendance.minutes"),
      width: 170,
      render: (_value, attendee) => {
        const entry = marks[attendee.learnerId];
        return (
          <InputNumber
            min={0}
            max={detail.durationMinutes}
            precision={0}
            value={entry?.present ? entry.minutes : 0}
            disabled={cancelled || !entry?.present}
            onChange={(value) => mark(attendee.learnerId, { minutes: value ?? 0 })}
            suffix="min"
            style={{ width: 120 }}
            aria-label={t("classes.attendance.minutesLabel", { name: learnerName(attendee) })}
          />
        );
      },
    },
  ];

  return (
    <section aria-label={t("classes.attendance.title")}>
      <div className="class-attendance-head">
        <span aria-live="polite">
          {t("classes.attendance.summary", { present: presentCount, total: detail.attendees.length })}
          {detail.attendanceRecorded ? ` · ${t("classes.attendance.recorded")}` : ""}
        </span>
        <Button size="small" onClick={handleAllPresent} disabled={cancelled}>
          {t("classes.attendance.allPresent")}
        </Button>
      </div>
      <Table<Attendee>
        rowKey="learnerId"
        size="small"
        columns={columns}
        dataSource={detail.attendees}
        pagination={false}
      />
      {saveError ? <Alert type="error" showIcon role="alert" title={saveError} style={{ marginTop: 12 }} /> : null}
      <div style={{ display: "flex", justifyContent: "flex-end", marginTop: 12 }}>
        <Button type="primary" loading={record.isPending} disabled={cancelled} onClick={handleSave}>
          {t("classes.attendance.save")}
        </Button>
      </div>
      <p className="action-hint">
        {detail.lesson
          ? t("classes.attendance.creditHint", { lesson: detail.lesson.title })
          : t("classes.attendance.noLessonHint")}
      </p>
    </section>
  );
}
