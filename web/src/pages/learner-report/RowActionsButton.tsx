import { MoreOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";

export interface RowActionsButtonProps {
  /** Names the button for assistive technologies, e.g. "Actions sur la leçon « Quiz »". */
  label: string;
  items: NonNullable<MenuProps["items"]>;
  onSelect: (key: string) => void;
}

/** The ⋮ menu at the end of a row. */
export function RowActionsButton({ label, items, onSelect }: RowActionsButtonProps) {
  const handleClick: MenuProps["onClick"] = ({ key }) => onSelect(key);
  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={["click"]} placement="bottomRight">
      <Button type="text" size="small" icon={<MoreOutlined />} aria-label={label} title={label} />
    </Dropdown>
  );
}
