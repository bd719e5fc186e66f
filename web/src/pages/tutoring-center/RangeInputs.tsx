import { Input } from "antd";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DebouncedField } from "./useDebouncedField.js";

export interface RangeInputsProps {
  min: DebouncedField;
  max: DebouncedField;
  minLabel: string;
  maxLabel: string;
  /** Numeric keyboard on touch devices (percentages); times are typed as HH:MM:SS. */
  numeric?: boolean;
}

function RangeBound({
  field,
  label,
  placeholder,
  numeric,
}: {
  field: DebouncedField;
  label: string;
  placeholder: string;
  numeric: boolean;
}) {
  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") field.commit();
  }
  return (
    <Input
      size="small"
      inputMode={numeric ? "numeric" : undefined}
      value={field.text}
      status={field.invalid ? "error" : undefined}
      aria-invalid={field.invalid}
      onChange={(event) => field.setText(event.target.value)}
      onKeyDown={handleKeyDown}
      placeholder={placeholder}
      aria-label={label}
    />
  );
}

/** A column filter's "min – max" pair of fields, each committed after a pause or on Enter. */
export function RangeInputs({ min, max, minLabel, maxLabel, numeric = false }: RangeInputsProps) {
  const { t } = useTranslation();
  return (
    <>
      <RangeBound field={min} label={minLabel} placeholder={t("center.filters.min")} numeric={numeric} />
      <span aria-hidden="true">–</span>
      <RangeBound field={max} label={maxLabel} placeholder={t("center.filters.max")} numeric={numeric} />
    </>
  );
}
