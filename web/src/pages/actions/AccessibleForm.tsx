import { ConfigProvider } from "antd";
import type { ReactNode } from "react";

// antd's default error red (#ff4d4f) falls below the 4.5:1 contrast WCAG AA asks for field messages and danger buttons.
const theme = { token: { colorError: "#c4161c" } };

export interface AccessibleFormProps {
  children: ReactNode;
}

/** Wraps a dialog, form or screen so its field messages and danger buttons are readable (AA contrast). */
export function AccessibleForm({ children }: AccessibleFormProps) {
  return <ConfigProvider theme={theme}>{children}</ConfigProvider>;
}
