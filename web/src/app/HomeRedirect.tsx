import { Navigate } from "react-router";
import { useCurrentUser } from "../api/auth.js";
import { landingPathFor } from "./landing.js";

/** `/` has no screen of its own: each user goes to their home screen. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={landingPathFor(user)} replace />;
}
