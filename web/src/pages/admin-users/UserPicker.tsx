import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAdminUsers } from "../../api/people.js";
import "../admin-enrollments/coursePicker.css";

export interface UserPickerProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  /** Only users holding this role (e.g. tutors for an assignment). */
  withRole?: "admin" | "tutor" | "learner";
  multiple?: boolean;
  "aria-label"?: string;
}

/** A user chosen by typing part of their name or email (searched on the server, active accounts only). */
export function UserPicker({ id, value, onChange, withRole, multiple, "aria-label": ariaLabel }: UserPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const users = useAdminUsers({ page: 1, pageSize: 20, q: search || undefined, role: withRole, active: "true" });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.lastName.toUpperCase()} ${u.firstName} · ${u.email}`,
  }));
  return (
    <Select<string | string[]>
      id={id}
      className="people-course-picker"
      aria-label={ariaLabel}
      mode={multiple ? "multiple" : undefined}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={users.isFetching}
      placeholder={t("people.pickers.user")}
      notFoundContent={users.isFetching ? t("people.pickers.searching") : t("people.pickers.noUser")}
      style={{ width: "100%" }}
    />
  );
}
