import { Empty, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useCourseReviews } from "../../api/coursesDetail.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TablePager } from "../../components/TablePager.js";
import { ReviewItem } from "./ReviewItem.js";
import { ReviewsSummary } from "./ReviewsSummary.js";

export const reviewPageSizes = [10, 25, 50] as const;

export interface ReviewsTabProps {
  courseId: string;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

/** `Avis` (C9): the learners' reviews, newest first, paged, with the average and distribution on top. */
export function ReviewsTab({ courseId, page, pageSize, onPageChange }: ReviewsTabProps) {
  const { t } = useTranslation();
  const reviews = useCourseReviews(courseId, page, pageSize);

  function handleRetry() {
    void reviews.refetch();
  }

  if (reviews.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (reviews.isError && !reviews.data) {
    return (
      <QueryErrorResult title={t("courseReviews.loadError")} retrying={reviews.isFetching} onRetry={handleRetry} />
    );
  }
  const data = reviews.data;
  if (data.total === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("courseReviews.empty")} />;
  }
  return (
    <div style={{ opacity: reviews.isPlaceholderData ? 0.6 : 1, transition: "opacity 0.2s" }}>
      <ReviewsSummary average={data.average} distribution={data.distribution} total={data.total} />
      <div style={{ marginTop: 8 }}>
        {data.items.length > 0 ? (
          data.items.map((review) => <ReviewItem key={review.id} review={review} />)
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("courseReviews.pastEnd")} />
        )}
      </div>
      <div style={{ paddingTop: 12 }}>
        <TablePager
          page={page}
          pageSize={pageSize}
          total={data.total}
          pageSizeOptions={reviewPageSizes}
          onChange={onPageChange}
        />
      </div>
    </div>
  );
}
