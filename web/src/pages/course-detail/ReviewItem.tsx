import { useTranslation } from "react-i18next";
import type { Review } from "../../../../common/api/courses.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { StarRating } from "../../components/StarRating.js";
import { personName } from "./personName.js";

export interface ReviewItemProps {
  review: Review;
}

/** One learner's review: author, date, stars and free comment (shown as text). */
export function ReviewItem({ review }: ReviewItemProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const author = personName(review.author);
  return (
    <article
      aria-label={t("courseReviews.reviewBy", { name: author })}
      style={{ padding: "14px 0", borderBottom: "1px solid #f0f0f0" }}
    >
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 12px" }}>
        <strong>{author}</strong>
        <StarRating value={review.rating} />
        <span style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.62)", fontVariantNumeric: "tabular-nums" }}>
          {formatDateTime(review.createdAt, user.timeZone)}
        </span>
      </div>
      {review.comment ? (
        <p className="comment-text">{review.comment}</p>
      ) : (
        <p className="comment-text" style={{ color: "rgba(0, 0, 0, 0.62)", fontStyle: "italic" }}>
          {t("courseReviews.noComment")}
        </p>
      )}
    </article>
  );
}
