import { ErrorResultPage } from "../../components/ErrorResultPage.js";

/** 403: the signed-in user's roles do not open this screen. */
export function ForbiddenPage() {
  return <ErrorResultPage status="403" />;
}
