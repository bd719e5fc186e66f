import { Button, type ButtonProps } from "antd";
import type { MouseEvent } from "react";
import { useHref, useLinkClickHandler } from "react-router";

export interface ButtonLinkProps extends Omit<ButtonProps, "href" | "onClick" | "htmlType"> {
  /** In-app path the button leads to. */
  to: string;
  /** Router state handed to the next screen (e.g. where its back button returns). */
  state?: unknown;
}

/** A link that looks like a button (`Centre de tutorat`, `Vers la fiche catalogue`): router navigation, real href. */
export function ButtonLink({ to, state, ...buttonProps }: ButtonLinkProps) {
  const href = useHref(to);
  const handleRouterClick = useLinkClickHandler<HTMLAnchorElement>(to, { state });

  function handleClick(event: MouseEvent<HTMLElement>) {
    // Ctrl/⌘-click and middle-click keep the browser's "open in a new tab"; a plain click stays in the app.
    handleRouterClick(event as MouseEvent<HTMLAnchorElement>);
  }

  return <Button {...buttonProps} href={href} onClick={handleClick} />;
}
