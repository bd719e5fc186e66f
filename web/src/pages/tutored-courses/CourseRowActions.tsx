import { BarChartOutlined, MoreOutlined, ProfileOutlined, TeamOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { courseCenterPath, courseDetailPath, courseEvaluationPath } from "../../app/navigation.js";

export interface CourseRowActionsProps {
  courseId: string;
  courseName: string;
}

/** The row's ⋮ menu (C5): `Centre de tutorat`, `Détail du cours`, `Évaluation formation`. */
export function CourseRowActions({ courseId, courseName }: CourseRowActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const items: MenuProps["items"] = [
    { key: courseCenterPath(courseId), icon: <TeamOutlined />, label: t("courseList.actionCenter") },
    { key: courseDetailPath(courseId), icon: <ProfileOutlined />, label: t("courseList.actionDetail") },
    { key: courseEvaluationPath(courseId), icon: <BarChartOutlined />, label: t("courseList.actionEvaluation") },
  ];

  const handleClick: MenuProps["onClick"] = ({ key, domEvent }) => {
    // React events bubble out of the menu's portal to the row, which opens the detail on its own keys.
    domEvent.stopPropagation();
    void navigate(key);
  };

  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={["click"]} placement="bottomRight">
      <Button type="text" icon={<MoreOutlined />} aria-label={t("courseList.rowActions", { name: courseName })} />
    </Dropdown>
  );
}
