import { CheckOutlined, DisconnectOutlined, DownOutlined, GlobalOutlined, LogoutOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../common/enums.js";
import { useCurrentUser, useSetLocale, useSignOut, useSignOutEverywhere } from "../api/auth.js";
import { useFeedback } from "./feedback.js";
import { signInRoute } from "./landing.js";
import { hardNavigate } from "./navigation.js";

const languageKeys: Record<string, Locale> = { "lang:fr": "fr", "lang:en": "en" };

export interface UserMenuProps {
  /** Only the avatar in the top bar (narrow screens); name and organisation move into the menu. */
  compact?: boolean;
}

/**
 * The signed-in user's name and organisation, with the language switch, `Se déconnecter` and
 * `Fermer toutes mes sessions` (every device: a lost laptop, a shared computer).
 */
export function UserMenu({ compact = false }: UserMenuProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const user = useCurrentUser();
  const setLocale = useSetLocale();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  // The session's stored language, not i18next's: right after a reload i18next may still be on the
  // default while the session query arrives, and a click on the stored language must not be ignored.
  const locale = user.locale;
  const fullName = `${user.firstName} ${user.lastName}`.trim();
  const initials = `${user.firstName.charAt(0)}${user.lastName.charAt(0)}`.toUpperCase();

  function languageLabel(value: Locale, text: string) {
    return (
      <span lang={value} style={{ display: "inline-flex", alignItems: "center", gap: 8, minWidth: 120 }}>
        <span style={{ flex: 1 }}>{text}</span>
        {locale === value ? <CheckOutlined aria-hidden /> : null}
      </span>
    );
  }

  const items: MenuProps["items"] = [
    ...(compact
      ? [
          {
            key: "identity",
            type: "group" as const,
            label: (
              <span style={{ display: "inline-flex", flexDirection: "column", color: "rgba(0, 0, 0, 0.88)" }}>
                <strong>{fullName}</strong>
                {user.organisation ? <span>{user.organisation}</span> : null}
              </span>
            ),
          },
          { type: "divider" as const },
        ]
      : []),
    {
      key: "language",
      type: "group",
      label: (
        <span>
          <GlobalOutlined aria-hidden /> {t("user.language")}
        </span>
      ),
      children: [
        { key: "lang:fr", label: languageLabel("fr", t("user.french")) },
        { key: "lang:en", label: languageLabel("en", t("user.english")) },
      ],
    },
    { type: "divider" },
    { key: "sign-out", icon: <LogoutOutlined />, label: t("user.signOut") },
    { key: "sign-out-everywhere", icon: <DisconnectOutlined />, label: t("user.signOutEverywhere") },
  ];

  const handleMenuClick: MenuProps["onClick"] = ({ key }) => {
    const chosen = languageKeys[key];
    if (chosen) {
      if (chosen !== locale) {
        // The session query then carries the new locale, which switches i18next and antd (useSessionLocale).
        setLocale.mutate(chosen, { onError: () => void message.error(t("user.languageError")) });
      }
      return;
    }
    if (key === "sign-out" || key === "sign-out-everywhere") {
      (key === "sign-out" ? signOut : signOutEverywhere).mutate(undefined, {
        onSuccess: () => hardNavigate(signInRoute),
        onError: () => void message.error(t("user.signOutError")),
      });
    }
  };

  return (
    <Dropdown
      trigger={["click"]}
      placement="bottomRight"
      menu={{ items, onClick: handleMenuClick, selectable: true, selectedKeys: [`lang:${locale}`] }}
    >
      <Button
        type="text"
        aria-label={t("user.menu", { name: fullName })}
        loading={setLocale.isPending || signOut.isPending || signOutEverywhere.isPending}
        style={{ height: 44, color: "#ffffff", display: "inline-flex", alignItems: "center", gap: 10 }}
      >
        <Avatar size={32} style={{ background: "#1d4ed8", fontWeight: 600 }} aria-hidden>
          {initials}
        </Avatar>
        {compact ? null : (
          <span style={{ display: "inline-flex", flexDirection: "column", alignItems: "flex-start", lineHeight: 1.25 }}>
            <span style={{ fontWeight: 600 }}>{fullName}</span>
            {user.organisation ? (
              <span style={{ fontSize: 12, color: "rgba(255, 255, 255, 0.72)" }}>{user.organisation}</span>
            ) : null}
          </span>
        )}
        <DownOutlined aria-hidden style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
