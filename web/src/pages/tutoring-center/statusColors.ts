import type { EnrollmentStatus } from "../../../../common/enums.js";

// Distinct in lightness too, so the slices stay apart in grey scale; the legend carries the figures in text.
export const statusColors: Record<EnrollmentStatus, string> = {
  not_started: "#9ca3af",
  in_progress: "#2563eb",
  completed: "#15803d",
};
