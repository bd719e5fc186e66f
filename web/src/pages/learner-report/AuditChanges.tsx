import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../common/api/statistics.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { type AuditChange, type ChangeValue, describeChanges, knownFields } from "./auditChanges.js";
import { useFormatScore } from "./useFormatScore.js";

export interface AuditChangesProps {
  entry: AuditEntry;
  /** The entries listed beside it (an undo names what it restored from the edit it undid). */
  others: readonly AuditEntry[];
  timeZone: string;
}

// Long SCORM texts (suspend data reaches 64,000 characters) are cut; the count tells how long they were.
const shownTextLength = 60;

/** An audit entry's before → after, only the fields that changed, formatted as the report shows them. */
export function AuditChanges({ entry, others, timeZone }: AuditChangesProps) {
  const { t } = useTranslation();
  const formatScore = useFormatScore();
  const changes = describeChanges(entry, others);

  function label(change: AuditChange): string {
    return (knownFields as readonly string[]).includes(change.field)
      ? t(`audit.fields.${change.field as (typeof knownFields)[number]}`)
      : change.field;
  }

  function show(value: ChangeValue, field: string): string {
    switch (value.kind) {
      case "status":
        return t(`report.lessonStatus.${value.value}`);
      case "percent":
        return formatScore(value.value);
      case "duration":
        return formatDuration(value.value);
      case "date":
        return value.value ? formatDateTime(value.value, timeZone) : t("audit.values.empty");
      case "number":
        return field === "attempt" ? t("audit.values.attempt", { number: value.value }) : String(value.value);
      case "boolean":
        return value.value ? t("audit.values.yes") : t("audit.values.no");
      case "computed":
        return t("audit.values.computed");
      case "deleted":
        return t("audit.values.deleted");
      case "text":
        if (value.value === "") return t("audit.values.empty");
        if (field === "kind" && (value.value === "completion" || value.value === "attendance")) {
          return t(`audit.values.certificate.${value.value}`);
        }
        return value.value.length > shownTextLength
          ? t("audit.values.longText", { start: value.value.slice(0, shownTextLength), count: value.value.length })
          : value.value;
    }
  }

  if (changes.length === 0) return <span>{t("audit.noChange")}</span>;
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 2 }}>
      {changes.map((change) => (
        <li key={change.field} style={{ overflowWrap: "anywhere" }}>
          <span style={{ color: "rgba(0, 0, 0, 0.65)" }}>{t("audit.fieldLabel", { label: label(change) })} </span>
          {change.before ? (
            <span style={change.after ? { color: "rgba(0, 0, 0, 0.65)" } : undefined}>
              {show(change.before, change.field)}
            </span>
          ) : null}
          {change.before && change.after ? (
            <>
              {" "}
              <span role="img" aria-label={t("audit.becomes")}>
                →
              </span>{" "}
            </>
          ) : null}
          {change.after ? <strong style={{ fontWeight: 600 }}>{show(change.after, change.field)}</strong> : null}
        </li>
      ))}
    </ul>
  );
}
