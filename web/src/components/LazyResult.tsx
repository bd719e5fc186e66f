import type { ResultProps } from "antd";
import { lazy, Suspense } from "react";
import { ResultLoadBoundary } from "./ResultLoadBoundary.js";

const Result = lazy(() => import("./AntdResult.js").then((m) => ({ default: m.Result })));

/**
 * antd's Result, loaded when an error is first shown: its illustrations (~10 kB gzip) are not worth
 * putting in every screen's JS for a page that usually never fails.
 */
export function LazyResult(props: ResultProps) {
  return (
    <ResultLoadBoundary result={props}>
      <Suspense fallback={null}>
        <Result {...props} />
      </Suspense>
    </ResultLoadBoundary>
  );
}
