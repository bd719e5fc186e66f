import { Tag } from "antd";
import { useTranslation } from "react-i18next";

export interface RoleTagsProps {
  roles: ("admin" | "tutor" | "learner")[];
}

const colors = { admin: "magenta", tutor: "blue", learner: "default" } as const;

/** A user's roles as tags, admin first. */
export function RoleTags({ roles }: RoleTagsProps) {
  const { t } = useTranslation();
  const ordered = (["admin", "tutor", "learner"] as const).filter((r) => roles.includes(r));
  return (
    <>
      {ordered.map((role) => (
        <Tag key={role} color={colors[role]} variant="outlined">
          {t(`people.roles.${role}`)}
        </Tag>
      ))}
    </>
  );
}
