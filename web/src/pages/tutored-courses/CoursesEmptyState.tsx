import { Button, Empty } from "antd";
import { useTranslation } from "react-i18next";

export interface CoursesEmptyStateProps {
  /** The search that found nothing; empty when the tutor simply tutors no course. */
  search: string;
  onClearSearch: () => void;
}

/** Says why the course table is empty: nothing tutored, or nothing matching the search. */
export function CoursesEmptyState({ search, onClearSearch }: CoursesEmptyStateProps) {
  const { t } = useTranslation();
  if (search) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <strong>{t("courses.noMatchTitle")}</strong>
            <br />
            {t("courses.noMatchText", { q: search })}
          </>
        }
      >
        <Button onClick={onClearSearch}>{t("courses.clearSearch")}</Button>
      </Empty>
    );
  }
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <strong>{t("courses.emptyTitle")}</strong>
          <br />
          {t("courses.emptyText")}
        </>
      }
    />
  );
}
