import { MenuOutlined } from "@ant-design/icons";
import { Button, Grid, Layout } from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { useCurrentUser } from "../api/auth.js";
import { BrandMark } from "../components/BrandMark.js";
import { PageLoader } from "../components/PageLoader.js";
import { AppMenu } from "./AppMenu.js";
import { landingPathFor } from "./landing.js";
import { UserMenu } from "./UserMenu.js";

const NavDrawer = lazy(() => import("./NavDrawer.js").then((m) => ({ default: m.NavDrawer })));

/** Frame of every signed-in screen: top bar (product, user menu), side menu, page content. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Undefined before antd has measured: assume a wide screen rather than flash the mobile layout.
  const narrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => {
    // Any navigation (back button included) leaves the drawer's job done.
    if (location.pathname) setDrawerOpen(false);
  }, [location.pathname]);

  function handleOpenDrawer() {
    setDrawerOpen(true);
  }

  function handleCloseDrawer() {
    setDrawerOpen(false);
  }

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      <Layout.Header
        className="app-header"
        style={{ display: "flex", alignItems: "center", gap: 12, position: "sticky", top: 0, zIndex: 10 }}
      >
        {narrow ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t("nav.openMenu")}
            aria-expanded={drawerOpen}
            onClick={handleOpenDrawer}
            style={{ color: "#ffffff" }}
          />
        ) : null}
        <Link to={landingPathFor(user)} style={{ display: "inline-flex", alignItems: "center" }}>
          <BrandMark inverted />
        </Link>
        <div style={{ flex: 1 }} />
        <UserMenu compact={narrow} />
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Suspense fallback={null}>
            <NavDrawer open={drawerOpen} onClose={handleCloseDrawer} />
          </Suspense>
        ) : (
          <Layout.Sider width={232} theme="light" style={{ borderRight: "1px solid #e5e7eb" }}>
            <AppMenu />
          </Layout.Sider>
        )}
        <Layout.Content
          id="main-content"
          tabIndex={-1}
          style={{ padding: narrow ? "16px 12px 24px" : "20px 28px 32px", outline: "none", minWidth: 0 }}
        >
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
