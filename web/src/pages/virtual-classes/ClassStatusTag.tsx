import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { VirtualClass } from "../../../../common/api/classes.js";

export type ClassState = "cancelled" | "upcoming" | "ongoing" | "toRecord" | "recorded";

/** Where a class stands now: cancelled, to come, running, awaiting attendance, attendance recorded. */
export function classState(virtualClass: VirtualClass, now: number = Date.now()): ClassState {
  if (virtualClass.cancelled) return "cancelled";
  const start = new Date(virtualClass.startsAt).getTime();
  if (start > now) return "upcoming";
  if (virtualClass.attendanceRecorded) return "recorded";
  return start + virtualClass.durationMinutes * 60_000 > now ? "ongoing" : "toRecord";
}

// Text colours chosen for 4.5:1 contrast on their tag backgrounds.
const styles: Record<ClassState, { color: string; background: string; borderColor: string }> = {
  cancelled: { color: "#a8071a", background: "#fff1f0", borderColor: "#ffccc7" },
  upcoming: { color: "#1d4ed8", background: "#eef3ff", borderColor: "#c7d6fb" },
  ongoing: { color: "#135200", background: "#f0fae6", borderColor: "#b7eb8f" },
  toRecord: { color: "#874d00", background: "#fff7e6", borderColor: "#ffd591" },
  recorded: { color: "#135200", background: "#f0fae6", borderColor: "#b7eb8f" },
};

export interface ClassStatusTagProps {
  virtualClass: VirtualClass;
}

/** The class's state as a coloured tag. */
export function ClassStatusTag({ virtualClass }: ClassStatusTagProps) {
  const { t } = useTranslation();
  const state = classState(virtualClass);
  return <Tag style={{ ...styles[state], marginInlineEnd: 0 }}>{t(`classes.state.${state}`)}</Tag>;
}
