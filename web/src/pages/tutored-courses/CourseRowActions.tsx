import { BarChartOutlined, MoreOutlined, ProfileOutlined, TeamOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { courseCenterPath, courseDetailPath, courseEvaluationPath } from "../../app/navigation.js";

export interface CourseRowActionsProps {
  courseId: string;
  /** Id of the element holding the course name, which describes the button for screen readers. */
  nameId: string;
}

/** The row's ⋮ menu (C5): `Centre de tutorat`, `Détail du cours`, `Évaluation formation`. */
export function CourseRowActions({ courseId, nameId }: CourseRowActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const items: MenuProps["items"] = [
    { key: courseCenterPath(courseId), icon: <TeamOutlined aria-hidden="true" />, label: t("courseList.actionCenter") },
    {
      key: courseDetailPath(courseId),
      icon: <ProfileOutlined aria-hidden="true" />,
      label: t("courseList.actionDetail"),
    },
    {
      key: courseEvaluationPath(courseId),
      icon: <BarChartOutlined aria-hidden="true" />,
      label: t("courseList.actionEvaluation"),
    },
  ];

  const handleClick: MenuProps["onClick"] = ({ key, domEvent }) => {
    // React events bubble out of the menu's portal to the row, which opens the detail on its own keys.
    domEvent.stopPropagation();
    void navigate(key);
  };

  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={["click"]} placement="bottomRight">
      {/* Named "Actions" and described by the course name: the row's other cells keep the only occurrence of
          the name (the name cell is the row's label), and the button still says which course it acts on. */}
      <Button
        type="text"
        size="small"
        icon={<MoreOutlined />}
        aria-label={t("courseList.actions")}
        aria-describedby={nameId}
      />
    </Dropdown>
  );
}
