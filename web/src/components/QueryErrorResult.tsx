import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { LazyResult } from "./LazyResult.js";

export interface QueryErrorResultProps {
  /** What could not be loaded, e.g. "Les formations n'ont pas pu être chargées." */
  title: string;
  retrying?: boolean;
  onRetry: () => void;
}

/** A list failed to load: say so and offer to try again. */
export function QueryErrorResult({ title, retrying = false, onRetry }: QueryErrorResultProps) {
  const { t } = useTranslation();
  return (
    <LazyResult
      status="warning"
      title={title}
      subTitle={t("errors.loadText")}
      extra={
        <Button type="primary" onClick={onRetry} loading={retrying}>
          {t("errors.retry")}
        </Button>
      }
    />
  );
}
