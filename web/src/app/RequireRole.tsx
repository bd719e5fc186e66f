import { Outlet } from "react-router";
import type { Role } from "../../../common/enums.js";
import { useCurrentUser } from "../api/auth.js";
import { ForbiddenPage } from "../pages/forbidden/ForbiddenPage.js";

export interface RequireRoleProps {
  /** The user needs at least one of these roles. */
  roles: readonly Role[];
}

/** Shows the child routes to users holding one of `roles`, an "access refused" page to others (the server refuses too). */
export function RequireRole({ roles }: RequireRoleProps) {
  const user = useCurrentUser();
  if (!user.roles.some((role) => roles.includes(role))) return <ForbiddenPage />;
  return <Outlet />;
}
