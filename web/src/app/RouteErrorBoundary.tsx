import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { LazyResult } from "../components/LazyResult.js";

/** Last-resort screen when rendering fails (also a page chunk that no longer exists after a deployment). */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Keep the details for whoever opens the console; the user gets a way out.
  console.error(error);

  function handleReload() {
    window.location.reload();
  }

  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
      <LazyResult
        status="500"
        title={t("errors.crashTitle")}
        subTitle={t("errors.crashText")}
        extra={
          <Button type="primary" onClick={handleReload}>
            {t("errors.reload")}
          </Button>
        }
      />
    </Flex>
  );
}
