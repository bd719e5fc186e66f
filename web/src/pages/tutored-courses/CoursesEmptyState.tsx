import { Button, Empty } from "antd";
import { useTranslation } from "react-i18next";

export interface CoursesEmptyStateProps {
  /** The search that found nothing; empty when the tutor simply tutors no course. */
  search: string;
  /** A folder or a filter (cours, liste) narrows the list. */
  narrowed?: boolean;
  onClearSearch: () => void;
  /** Clears the folder, the filters and the search. */
  onClearFilters?: () => void;
}

/** Says why the course table is empty: nothing tutored, nothing matching the search, or nothing in the folder/filters. */
export function CoursesEmptyState({ search, narrowed = false, onClearSearch, onClearFilters }: CoursesEmptyStateProps) {
  const { t } = useTranslation();
  if (narrowed) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <strong>{t("courses.noMatchTitle")}</strong>
            <br />
            {search ? t("courseList.noMatchFiltersSearch", { q: search }) : t("courseList.noMatchFilters")}
          </>
        }
      >
        {onClearFilters ? <Button onClick={onClearFilters}>{t("courseList.clearFilters")}</Button> : null}
      </Empty>
    );
  }
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
