import type { AuditEntry } from "../../../../common/api/statistics.js";
import { undoneEntryId } from "./auditChanges.js";

/** The ids of the statistics edits that an entry of `entries` has undone. */
export function undoneIds(entries: readonly AuditEntry[]): Set<number> {
  const ids = new Set<number>();
  for (const entry of entries) {
    const id = undoneEntryId(entry);
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** "AGASSE Sam"; "" for nobody. */
export function personName(person: { firstName: string; lastName: string } | null): string {
  return person ? `${person.lastName} ${person.firstName}`.trim() : "";
}
