import { StarFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { VisuallyHidden } from "./VisuallyHidden.js";

export interface StarRatingProps {
  /** 0 to 5; fractions fill part of a star (an average of 4.2). */
  value: number;
  size?: number;
}

const filled = "#b45309";
const empty = "#d1d5db";

/** Five stars for a rating, read out as "4,2 étoiles sur 5". */
export function StarRating({ value, size = 16 }: StarRatingProps) {
  const { t, i18n } = useTranslation();
  const clamped = Math.max(0, Math.min(5, value));
  const spoken = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(clamped);
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 2, fontSize: size, lineHeight: 1 }}>
      {[0, 1, 2, 3, 4].map((index) => {
        const fill = Math.max(0, Math.min(1, clamped - index));
        return (
          <span key={index} aria-hidden="true" style={{ position: "relative", display: "inline-flex", color: empty }}>
            <StarFilled />
            <span
              style={{
                position: "absolute",
                inset: 0,
                width: `${fill * 100}%`,
                overflow: "hidden",
                color: filled,
                display: "inline-flex",
              }}
            >
              <StarFilled />
            </span>
          </span>
        );
      })}
      <VisuallyHidden>{t("courseReviews.starsOutOfFive", { value: spoken })}</VisuallyHidden>
    </span>
  );
}
