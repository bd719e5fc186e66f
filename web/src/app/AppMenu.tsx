import {
  AimOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  FolderOutlined,
  FormOutlined,
  IdcardOutlined,
  ImportOutlined,
  MailOutlined,
  ReadOutlined,
  SendOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserAddOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Menu, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useCurrentUser } from "../api/auth.js";
import { canTutor, myCoursesRoute, tutoredCoursesRoute } from "./landing.js";
import {
  adminAuditRoute,
  adminCategoriesRoute,
  adminCompetenciesRoute,
  adminCoursesRoute,
  adminFoldersRoute,
  adminMessagesRoute,
  adminPeopleRoutes,
  allMissionsRoute,
  mailTemplatesRoute,
} from "./navigation.js";

type MenuItem = Required<MenuProps>["items"][number];

// Administration > people (S3), in the order an admin sets up an organisation.
const peopleEntries = [
  { key: "users", icon: <UserOutlined />, label: "nav.people.users" },
  { key: "lists", icon: <UnorderedListOutlined />, label: "nav.people.lists" },
  { key: "enrollments", icon: <UserAddOutlined />, label: "nav.people.enrollments" },
  { key: "tutors", icon: <IdcardOutlined />, label: "nav.people.tutors" },
  { key: "imports", icon: <ImportOutlined />, label: "nav.people.imports" },
  { key: "tokens", icon: <ApiOutlined />, label: "nav.people.tokens" },
] as const;

export interface AppMenuProps {
  /** A page was chosen (even the current one): lets the mobile drawer close. */
  onNavigate?: () => void;
}

/** Side navigation: `Tutorat > Formations` for tutors and admins, `Mes formations` for learners. */
export function AppMenu({ onNavigate }: AppMenuProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();

  const items: MenuItem[] = [];
  if (canTutor(user)) {
    items.push({
      key: "tutoring",
      icon: <TeamOutlined />,
      label: t("nav.tutoring"),
      children: [
        {
          key: tutoredCoursesRoute,
          icon: <BookOutlined />,
          label: <Link to={tutoredCoursesRoute}>{t("nav.courses")}</Link>,
        },
        {
          key: allMissionsRoute,
          icon: <FormOutlined />,
          label: <Link to={allMissionsRoute}>{t("nav.missions")}</Link>,
        },
        {
          key: mailTemplatesRoute,
          icon: <MailOutlined />,
          label: <Link to={mailTemplatesRoute}>{t("nav.mailTemplates")}</Link>,
        },
      ],
    });
  }
  if (user.roles.includes("learner")) {
    items.push({
      key: myCoursesRoute,
      icon: <ReadOutlined />,
      label: <Link to={myCoursesRoute}>{t("nav.myCourses")}</Link>,
    });
  }
  if (user.roles.includes("admin")) {
    items.push({
      key: "administration",
      icon: <SettingOutlined />,
      label: t("nav.administration"),
      children: [
        {
          key: adminCoursesRoute,
          icon: <AppstoreOutlined />,
          label: <Link to={adminCoursesRoute}>{t("nav.adminCourses")}</Link>,
        },
        {
          key: adminFoldersRoute,
          icon: <FolderOutlined />,
          label: <Link to={adminFoldersRoute}>{t("nav.adminFolders")}</Link>,
        },
        {
          key: adminCategoriesRoute,
          icon: <TagsOutlined />,
          label: <Link to={adminCategoriesRoute}>{t("nav.adminCategories")}</Link>,
        },
        {
          key: adminCompetenciesRoute,
          icon: <AimOutlined />,
          label: <Link to={adminCompetenciesRoute}>{t("nav.adminCompetencies")}</Link>,
        },
        ...peopleEntries.map(({ key, icon, label }) => ({
          key: adminPeopleRoutes[key],
          icon,
          label: <Link to={adminPeopleRoutes[key]}>{t(label)}</Link>,
        })),
        {
          key: adminAuditRoute,
          icon: <AuditOutlined />,
          label: <Link to={adminAuditRoute}>{t("nav.audit")}</Link>,
        },
        {
          key: adminMessagesRoute,
          icon: <SendOutlined />,
          label: <Link to={adminMessagesRoute}>{t("nav.messages")}</Link>,
        },
      ],
    });
  }
  const selected = [
    tutoredCoursesRoute,
    allMissionsRoute,
    mailTemplatesRoute,
    myCoursesRoute,
    adminAuditRoute,
    adminMessagesRoute,
    adminCoursesRoute,
    adminFoldersRoute,
    adminCategoriesRoute,
    adminCompetenciesRoute,
    ...Object.values(adminPeopleRoutes),
  ].filter((route) => location.pathname.startsWith(route));

  const handleClick: MenuProps["onClick"] = ({ key, domEvent }) => {
    onNavigate?.();
    // A click on the link navigates by itself; Enter on a focused item does not, so follow the key then.
    if ((domEvent.target as Element).closest("a")) return;
    void navigate(key);
  };

  return (
    <nav aria-label={t("nav.mainMenu")}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected}
        defaultOpenKeys={["tutoring", "administration"]}
        onClick={handleClick}
        style={{ borderInlineEnd: "none", paddingTop: 8 }}
      />
    </nav>
  );
}
