import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../common/api/statistics.js";
import { formatDateTime } from "../../../../common/format.js";
import { actionKey, undoneEntryId } from "./auditChanges.js";

export interface AuditActionLabelProps {
  entry: AuditEntry;
  /** Entries shown beside it: an undo names the date of the edit it undid when that edit is among them. */
  entries: readonly AuditEntry[];
  timeZone: string;
}

/** What an audit entry did, in words (`Modification des statistiques`); an action the app doesn't know shows as is. */
export function AuditActionLabel({ entry, entries, timeZone }: AuditActionLabelProps) {
  const { t } = useTranslation();
  const key = actionKey(entry.action);
  const undoneId = undoneEntryId(entry);
  const undoneEntry = undoneId === null ? undefined : entries.find((other) => other.id === undoneId);
  return (
    <>
      <span style={{ fontWeight: 500 }}>{key ? t(`audit.actions.${key}`) : entry.action}</span>
      {undoneEntry ? (
        <div style={{ color: "rgba(0, 0, 0, 0.65)", fontSize: 13 }}>
          {t("audit.undoOf", { date: formatDateTime(undoneEntry.at, timeZone) })}
        </div>
      ) : null}
    </>
  );
}
