import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "../api/auth.js";
import { LazyResult } from "../components/LazyResult.js";
import { PageLoader } from "../components/PageLoader.js";
import { signInPathFrom } from "./landing.js";
import { useSessionLocale } from "./useSessionLocale.js";

/** Renders its child routes for a signed-in user; sends anyone else to sign in and back here afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  useSessionLocale(session.data?.user.locale);

  function handleRetry() {
    void session.refetch();
  }

  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
        <LazyResult
          status="warning"
          title={t("errors.sessionTitle")}
          subTitle={t("errors.sessionText")}
          extra={
            <Button type="primary" onClick={handleRetry} loading={session.isFetching}>
              {t("errors.retry")}
            </Button>
          }
        />
      </Flex>
    );
  }
  if (!session.data) return <Navigate to={signInPathFrom(location)} replace />;
  return <Outlet />;
}
