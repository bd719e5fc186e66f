import type { ReactNode } from "react";
import type { ReportSectionId } from "./reportSections.js";
import { sectionScrollMargin } from "./reportSections.js";

export interface ReportSectionProps {
  id: ReportSectionId;
  children: ReactNode;
}

/** A section the `Navigation` links reach: an anchor that takes the focus and clears the sticky top bar. */
export function ReportSection({ id, children }: ReportSectionProps) {
  return (
    <div id={id} tabIndex={-1} style={{ scrollMarginTop: sectionScrollMargin, outline: "none", marginBottom: 16 }}>
      {children}
    </div>
  );
}
