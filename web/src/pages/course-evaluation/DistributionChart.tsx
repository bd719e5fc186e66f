import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";

export interface DistributionChartProps {
  /** One bar per answer value, in the question's order. */
  data: { value: string; count: number }[];
  /** Names the hidden table that screen readers read instead of the chart. */
  caption: string;
  /** Rating questions label their bars "3 ★". */
  rating?: boolean;
}

/** Bars of how many answers each value got; the same figures as a table for screen readers. */
export function DistributionChart({ data, caption, rating = false }: DistributionChartProps) {
  const { t } = useTranslation();
  const rows = data.map((item) => ({
    ...item,
    label: rating ? t("courseEvaluation.starsShort", { value: item.value }) : item.value,
  }));
  return (
    <>
      <div aria-hidden="true" style={{ width: "100%", height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 20, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
            <XAxis dataKey="label" tickLine={false} tick={{ fill: "#374151", fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fill: "#4b5563", fontSize: 12 }} />
            <Bar dataKey="count" fill="#1d4ed8" radius={[4, 4, 0, 0]} maxBarSize={56} isAnimationActive={false}>
              <LabelList dataKey="count" position="top" fill="#111827" fontSize={12} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("courseEvaluation.answerValue")}</th>
              <th scope="col">{t("courseEvaluation.answerCount")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.value}>
                <th scope="row">{row.label}</th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </>
  );
}
