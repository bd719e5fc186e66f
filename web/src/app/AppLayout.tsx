import { Layout } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { useCurrentUser } from "../api/auth.js";
import { BrandMark } from "../components/BrandMark.js";
import { PageLoader } from "../components/PageLoader.js";
import { AppMenu } from "./AppMenu.js";
import { landingPathFor } from "./landing.js";
import { UserMenu } from "./UserMenu.js";

/** Frame of every signed-in screen: top bar (product, user menu), side menu, page content. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      <Layout.Header
        className="app-header"
        style={{ display: "flex", alignItems: "center", gap: 16, position: "sticky", top: 0, zIndex: 10 }}
      >
        <Link to={landingPathFor(user)} style={{ display: "inline-flex", alignItems: "center" }}>
          <BrandMark inverted />
        </Link>
        <div style={{ flex: 1 }} />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={232}
          breakpoint="lg"
          collapsedWidth={0}
          theme="light"
          style={{ borderRight: "1px solid #e5e7eb" }}
        >
          <AppMenu />
        </Layout.Sider>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: "20px 28px 32px", outline: "none" }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
