import { CommentOutlined, MoreOutlined, PlayCircleOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";

export interface LessonRowActionsProps {
  lessonTitle: string;
  onPreview: () => void;
  onComments: () => void;
}

/** A lesson's ⋮ menu (C8): `Lancer le contenu` (preview, nothing recorded) and `Voir les commentaires`. */
export function LessonRowActions({ lessonTitle, onPreview, onComments }: LessonRowActionsProps) {
  const { t } = useTranslation();
  const items: MenuProps["items"] = [
    { key: "preview", icon: <PlayCircleOutlined aria-hidden="true" />, label: t("courseLessons.launch") },
    { key: "comments", icon: <CommentOutlined aria-hidden="true" />, label: t("courseLessons.viewComments") },
  ];

  const handleClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "preview") onPreview();
    else onComments();
  };

  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={["click"]} placement="bottomRight">
      <Button
        type="text"
        size="small"
        icon={<MoreOutlined />}
        aria-label={t("courseLessons.rowActions", { title: lessonTitle })}
      />
    </Dropdown>
  );
}
