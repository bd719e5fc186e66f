import { type ReactNode, useId } from "react";
import { Panel } from "./Panel.js";

export interface TableCardProps {
  /** Shown in capitals above the table, as in the source ("FORMATIONS"). */
  title: string;
  /** Tools at the top right (search field, filters); they wrap under the title on narrow screens. */
  tools?: ReactNode;
  children: ReactNode;
}

/** A titled panel around a table; the title names the table for assistive technologies. */
export function TableCard({ title, tools, children }: TableCardProps) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Panel>
        <div
          style={{
            display: "flex",
            flexWrap: "wrap",
            alignItems: "center",
            justifyContent: "space-between",
            gap: 12,
            minHeight: 56,
            padding: "10px 16px",
            borderBottom: "1px solid #f0f0f0",
          }}
        >
          <h2 id={titleId} style={{ margin: 0, fontSize: 14, fontWeight: 600, letterSpacing: 0.6 }}>
            {title}
          </h2>
          {tools}
        </div>
        {children}
      </Panel>
    </section>
  );
}
