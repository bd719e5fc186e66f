import { useEffect } from "react";
import { ApiError } from "../../api/client.js";
import { sheetSessions } from "../../api/learner.js";

/**
 * Counts reading time while a practical sheet is shown: a session opens when the page is visible,
 * a heartbeat extends it, and it is closed by a beacon as soon as the tab is hidden or the page
 * goes away (a hidden tab never counts). A heartbeat refused as stale (409: the computer slept)
 * starts a new session.
 */
export function useReadingSession(courseId: string, lessonId: string, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let sessionId: number | null = null;
    let timer: number | undefined;
    let opening = false;
    let disposed = false;

    function stop() {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
      if (sessionId !== null) sheetSessions.close(courseId, lessonId, sessionId);
      sessionId = null;
    }

    async function beat() {
      if (sessionId === null) return;
      try {
        await sheetSessions.beat(courseId, lessonId, sessionId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          if (timer !== undefined) window.clearInterval(timer);
          timer = undefined;
          sessionId = null;
          void open();
        }
      }
    }

    async function open() {
      if (opening || sessionId !== null || disposed) return;
      opening = true;
      try {
        const session = await sheetSessions.open(courseId, lessonId);
        if (disposed || document.visibilityState === "hidden") {
          sheetSessions.close(courseId, lessonId, session.sessionId);
          return;
        }
        sessionId = session.sessionId;
        timer = window.setInterval(() => void beat(), session.heartbeatSeconds * 1000);
      } catch {
        // Reading time is best effort: the page stays usable if the server can't be reached.
      } finally {
        opening = false;
      }
    }

    function handleVisibility() {
      if (document.visibilityState === "hidden") stop();
      else void open();
    }

    if (document.visibilityState !== "hidden") void open();
    document.addEventListener("visibilitychange", handleVisibility);
    window.addEventListener("pagehide", stop);
    return () => {
      disposed = true;
      document.removeEventListener("visibilitychange", handleVisibility);
      window.removeEventListener("pagehide", stop);
      stop();
    };
  }, [courseId, lessonId, enabled]);
}
