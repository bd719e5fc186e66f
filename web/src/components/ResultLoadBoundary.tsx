import type { ResultProps } from "antd";
import { Component, type ReactNode } from "react";

export interface ResultLoadBoundaryProps {
  /** What to show if antd's Result cannot be loaded. */
  result: ResultProps;
  children: ReactNode;
}

interface ResultLoadBoundaryState {
  failed: boolean;
}

/**
 * Errors are often shown because the network failed, and the chunk with antd's Result may then fail
 * to load as well (or be gone after a deployment): show the same title, text and buttons, plainly.
 */
export class ResultLoadBoundary extends Component<ResultLoadBoundaryProps, ResultLoadBoundaryState> {
  override state: ResultLoadBoundaryState = { failed: false };

  static getDerivedStateFromError(): ResultLoadBoundaryState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const { title, subTitle, extra } = this.props.result;
    return (
      <div role="alert" style={{ padding: "48px 32px", textAlign: "center" }}>
        {title ? <div style={{ fontSize: 24, marginBottom: 8 }}>{title}</div> : null}
        {subTitle ? <div style={{ color: "rgba(0, 0, 0, 0.62)", marginBottom: 24 }}>{subTitle}</div> : null}
        {extra}
      </div>
    );
  }
}
