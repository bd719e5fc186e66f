import { useEffect, useRef, useState } from "react";
import type { LaunchCmi } from "../../../../common/api/player.js";
import {
  createRuntime,
  currentCommit,
  installRuntime,
  type RecordingTarget,
  type ScormApi,
  sendTerminateBeacon,
} from "./scormRuntime.js";

export interface ScormPlayerProps {
  version: "1.2" | "2004";
  contentUrl: string;
  cmi: LaunchCmi;
  /** Where commits go; null in a tutor's preview (nothing recorded). Keep it stable between renders. */
  target: RecordingTarget | null;
  title: string;
  /** Called once the content has terminated (the SCO's Terminate / LMSFinish). */
  onTerminated?: () => void;
  height?: number | string;
}

interface Runtime {
  key: string;
  api: ScormApi;
  closed: boolean;
  closeTimer: number | undefined;
}

/** Ends the attempt if the content didn't: its own Terminate when it started, else a beacon with what we have. */
function closeRuntime(runtime: Runtime, version: "1.2" | "2004", target: RecordingTarget | null) {
  if (runtime.closed) return;
  runtime.closed = true;
  const { api } = runtime;
  if (api.isTerminated()) return;
  if (api.isInitialized()) {
    if (version === "1.2") (api as { LMSFinish(v: string): string }).LMSFinish("");
    else (api as { Terminate(v: string): string }).Terminate("");
  } else if (target) {
    sendTerminateBeacon(target, currentCommit(version, api));
  }
}

/**
 * The SCORM player: exposes the runtime to the content frame (same origin, so the SCO finds
 * `window.API` / `window.API_1484_11` in its parent), then frames the content. Leaving the page,
 * closing the tab or unmounting ends the attempt if the content didn't.
 */
export function ScormPlayer({ version, contentUrl, cmi, target, title, onTerminated, height }: ScormPlayerProps) {
  const [installed, setInstalled] = useState(false);
  const runtimeRef = useRef<Runtime | null>(null);
  const terminatedRef = useRef(onTerminated);
  terminatedRef.current = onTerminated;

  useEffect(() => {
    const key = `${version}|${contentUrl}|${target?.attemptId ?? "preview"}`;
    let runtime = runtimeRef.current;
    // React's strict mode unmounts and remounts at once: keep the same runtime across that.
    if (!runtime || runtime.key !== key || runtime.closed) {
      runtime = { key, api: createRuntime(version, cmi, target), closed: false, closeTimer: undefined };
      runtimeRef.current = runtime;
    }
    window.clearTimeout(runtime.closeTimer);
    const current = runtime;
    const uninstall = installRuntime(version, current.api);
    const handleTerminate = () => terminatedRef.current?.();
    current.api.on(version === "1.2" ? "LMSFinish" : "Terminate", handleTerminate);
    const handlePageHide = () => closeRuntime(current, version, target);
    window.addEventListener("pagehide", handlePageHide);
    setInstalled(true);
    return () => {
      window.removeEventListener("pagehide", handlePageHide);
      current.api.off(version === "1.2" ? "LMSFinish" : "Terminate", handleTerminate);
      uninstall();
      current.closeTimer = window.setTimeout(() => closeRuntime(current, version, target), 0);
    };
  }, [version, contentUrl, cmi, target]);

  if (!installed) return null;
  return (
    <iframe
      // A new attempt reloads the content, which then finds the new runtime.
      key={`${contentUrl}#${target?.attemptId ?? "preview"}`}
      title={title}
      src={contentUrl}
      // Same origin is what SCORM's API discovery needs; without allow-top-navigation the content
      // can't navigate the app away. Packages come from admins only (see README, SCORM).
      sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads"
      allow="fullscreen; autoplay"
      style={{
        width: "100%",
        height: height ?? "calc(100vh - 260px)",
        minHeight: 420,
        border: "1px solid #d9d9d9",
        borderRadius: 8,
        background: "#fff",
        display: "block",
      }}
    />
  );
}
