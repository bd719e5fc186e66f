import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAdminLists } from "../../api/people.js";
import "../admin-enrollments/coursePicker.css";

export interface ListPickerProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Names of lists already chosen, shown before their page of options has loaded. */
  known?: { id: string; name: string }[];
}

/** Learner lists chosen by name (several). */
export function ListPicker({ id, value, onChange, known = [] }: ListPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const lists = useAdminLists({ page: 1, pageSize: 50, q: search || undefined });
  const byId = new Map(known.map((l) => [l.id, l.name]));
  for (const l of lists.data?.items ?? []) byId.set(l.id, l.name);
  return (
    <Select<string[]>
      id={id}
      className="people-course-picker"
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={[...byId].map(([value, label]) => ({ value, label }))}
      loading={lists.isFetching}
      placeholder={t("people.pickers.lists")}
      notFoundContent={t("people.pickers.noList")}
      style={{ width: "100%" }}
    />
  );
}
