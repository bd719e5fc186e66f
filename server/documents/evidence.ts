import type { LearnerReport } from "../../common/api/tutoring.js";

/** Everything an evidence export holds: the report with the full connection history. */
export interface Evidence {
  report: LearnerReport;
  courseCode: string;
  issuedAt: Date;
  sessionCapSeconds: number;
  timeZone: string;
}
