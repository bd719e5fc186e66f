import { Button, Tooltip } from "antd";
import type { ReactNode } from "react";

export interface SelectionActionButtonProps {
  icon: ReactNode;
  label: string;
  /** Why the action can't be used now (nothing selected); null when it can. */
  disabledReason: string | null;
  onClick: () => void;
}

/** One of the actions under the tutored-users table; disabled with its reason while nothing is selected. */
export function SelectionActionButton({ icon, label, disabledReason, onClick }: SelectionActionButtonProps) {
  const button = (
    <Button icon={icon} disabled={disabledReason !== null} onClick={onClick}>
      {label}
    </Button>
  );
  if (!disabledReason) return button;
  // A disabled button gets no pointer events: the wrapper carries the tooltip, the description names the reason.
  return (
    <Tooltip title={disabledReason}>
      <span style={{ display: "inline-block" }}>{button}</span>
    </Tooltip>
  );
}
