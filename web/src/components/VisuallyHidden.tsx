import type { ReactNode } from "react";

const hiddenStyle = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

export interface VisuallyHiddenProps {
  children: ReactNode;
}

/** Text for screen readers only, e.g. "2 cours" beside a bare "2" pill. */
export function VisuallyHidden({ children }: VisuallyHiddenProps) {
  return <span style={hiddenStyle}>{children}</span>;
}
