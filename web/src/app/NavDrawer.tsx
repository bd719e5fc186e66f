import { Drawer } from "antd";
import { useTranslation } from "react-i18next";
import { BrandMark } from "../components/BrandMark.js";
import { AppMenu } from "./AppMenu.js";

export interface NavDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** The side menu in a drawer, on screens too narrow for it (a chunk of its own: wide screens never load it). */
export function NavDrawer({ open, onClose }: NavDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={260}
      title={<BrandMark />}
      closable={{ "aria-label": t("nav.closeMenu") }}
      styles={{ body: { padding: 0 } }}
    >
      <AppMenu onNavigate={onClose} />
    </Drawer>
  );
}
