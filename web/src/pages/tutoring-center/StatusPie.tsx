import { Cell, Pie, PieChart } from "recharts";
import type { EnrollmentStatus } from "../../../../common/enums.js";
import { statusColors } from "./statusColors.js";

export interface StatusPieSlice {
  status: EnrollmentStatus;
  label: string;
  count: number;
}

export interface StatusPieProps {
  /** The statuses with learners (empty slices draw nothing and cannot be clicked). */
  slices: StatusPieSlice[];
  active: EnrollmentStatus | null;
  onSliceClick: (data: unknown, index: number) => void;
}

/** The pie of StatusPieChart (recharts, a chunk of its own). */
export function StatusPie({ slices, active, onSliceClick }: StatusPieProps) {
  return (
    <PieChart width={148} height={148} accessibilityLayer={false}>
      <Pie
        data={slices}
        dataKey="count"
        nameKey="label"
        innerRadius={38}
        outerRadius={70}
        paddingAngle={1}
        isAnimationActive={false}
        // The legend buttons are the keyboard way to the same filters; keep the drawing out of the tab order.
        rootTabIndex={-1}
        stroke="#ffffff"
        onClick={onSliceClick}
      >
        {slices.map((d) => (
          <Cell
            key={d.status}
            fill={statusColors[d.status]}
            opacity={active && active !== d.status ? 0.35 : 1}
            cursor="pointer"
          />
        ))}
      </Pie>
    </PieChart>
  );
}
