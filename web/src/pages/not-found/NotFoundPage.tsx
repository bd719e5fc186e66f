import { ErrorResultPage } from "../../components/ErrorResultPage.js";

/** 404 for an unknown in-app address. */
export function NotFoundPage() {
  return <ErrorResultPage status="404" />;
}
