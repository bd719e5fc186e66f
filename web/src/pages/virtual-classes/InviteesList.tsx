import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import type { ClassDetail } from "../../../../common/api/classes.js";
import { learnerName } from "../tutoring-center/learnerName.js";

type Attendee = ClassDetail["attendees"][number];

export interface InviteesListProps {
  detail: ClassDetail;
}

/** The learners invited to a class (before it starts, or once cancelled). */
export function InviteesList({ detail }: InviteesListProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Attendee> = [
    { key: "name", title: t("classes.attendance.learner"), render: (_value, attendee) => learnerName(attendee) },
  ];
  return (
    <Table<Attendee>
      rowKey="learnerId"
      size="small"
      columns={columns}
      dataSource={detail.attendees}
      pagination={detail.attendees.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
    />
  );
}
