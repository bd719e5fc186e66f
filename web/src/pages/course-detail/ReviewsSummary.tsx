import { useTranslation } from "react-i18next";
import type { ReviewsPage } from "../../../../common/api/courses.js";
import { StarRating } from "../../components/StarRating.js";

export interface ReviewsSummaryProps {
  average: ReviewsPage["average"];
  distribution: ReviewsPage["distribution"];
  total: number;
}

/** The top of `Avis`: average rating and how many reviews gave each number of stars. */
export function ReviewsSummary({ average, distribution, total }: ReviewsSummaryProps) {
  const { t, i18n } = useTranslation();
  const decimal = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const max = Math.max(1, ...distribution);
  return (
    <div
      style={{
        display: "flex",
        flexWrap: "wrap",
        gap: 32,
        alignItems: "center",
        padding: "16px 20px",
        border: "1px solid #e5e7eb",
        borderRadius: 8,
        background: "#fafbfd",
      }}
    >
      <div style={{ textAlign: "center", minWidth: 140 }}>
        <div style={{ fontSize: 40, fontWeight: 650, lineHeight: 1.1, fontVariantNumeric: "tabular-nums" }}>
          {average === null ? t("courseDetail.notApplicable") : decimal.format(average)}
          {average === null ? null : (
            <span style={{ fontSize: 18, fontWeight: 500, color: "rgba(0, 0, 0, 0.62)" }}> / 5</span>
          )}
        </div>
        {average === null ? null : <StarRating value={average} size={18} />}
        <div style={{ marginTop: 4, color: "rgba(0, 0, 0, 0.65)" }}>{t("courseReviews.count", { count: total })}</div>
      </div>
      <table style={{ flex: "1 1 260px", borderCollapse: "collapse" }}>
        <caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
          {t("courseReviews.distributionCaption")}
        </caption>
        <tbody>
          {[5, 4, 3, 2, 1].map((stars) => {
            const count = distribution[stars - 1] ?? 0;
            return (
              <tr key={stars}>
                <th
                  scope="row"
                  style={{ fontWeight: 400, textAlign: "start", whiteSpace: "nowrap", padding: "3px 12px 3px 0" }}
                >
                  {t("courseReviews.stars", { count: stars })}
                </th>
                <td style={{ width: "100%", padding: "3px 0" }}>
                  <div
                    aria-hidden="true"
                    style={{ height: 10, borderRadius: 5, background: "#eef0f4", overflow: "hidden" }}
                  >
                    <div style={{ width: `${(count / max) * 100}%`, height: "100%", background: "#b45309" }} />
                  </div>
                </td>
                <td style={{ padding: "3px 0 3px 12px", textAlign: "end", fontVariantNumeric: "tabular-nums" }}>
                  {count}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
