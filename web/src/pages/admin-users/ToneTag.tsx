import { Tag } from "antd";
import type { ReactNode } from "react";

// antd's preset tag colours put light text on light backgrounds (below WCAG AA 4.5:1): dark text instead.
const tones = {
  success: { color: "#135200", background: "#f6ffed", borderColor: "#95de64" },
  info: { color: "#003a8c", background: "#e6f4ff", borderColor: "#91caff" },
  warning: { color: "#873800", background: "#fff7e6", borderColor: "#ffc069" },
  neutral: { color: "rgba(0, 0, 0, 0.88)", background: "#fafafa", borderColor: "#d9d9d9" },
} as const;

export interface ToneTagProps {
  tone: keyof typeof tones;
  children: ReactNode;
}

/** A tag whose text keeps AA contrast (states, scopes). */
export function ToneTag({ tone, children }: ToneTagProps) {
  return <Tag style={tones[tone]}>{children}</Tag>;
}
