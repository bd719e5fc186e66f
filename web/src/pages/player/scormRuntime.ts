import { Scorm12API, Scorm2004API } from "scorm-again";
import type { CommitCmi, CommitResult, LaunchCmi } from "../../../../common/api/player.js";
import {
  SCORM12_LESSON_STATUSES,
  SCORM2004_COMPLETION_STATUSES,
  SCORM2004_SUCCESS_STATUSES,
} from "../../../../common/scorm-status.js";

type Json = Record<string, unknown>;
export type ScormApi = InstanceType<typeof Scorm12API> | InstanceType<typeof Scorm2004API>;

const str = (value: unknown) =>
  typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
const obj = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});
const num = (value: unknown): number | null => {
  const text = str(value).trim();
  if (text === "") return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
};
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  (values as readonly string[]).includes(str(value)) ? (str(value) as T) : null;
/** scorm-again renders SCORM collections as `{ "0": {...}, "1": {...} }`. */
const collection = (value: unknown): Json[] =>
  Object.entries(obj(value))
    .filter(([key]) => /^\d+$/.test(key))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, item]) => obj(item));

/** The runtime's data model (scorm-again's JSON) as the commit the server validates. */
export function toCommitCmi(version: "1.2" | "2004", rendered: unknown): CommitCmi {
  const cmi = obj(obj(rendered).cmi);
  if (version === "1.2") {
    const core = obj(cmi.core);
    const score = obj(core.score);
    return {
      lessonStatus: oneOf(["", ...SCORM12_LESSON_STATUSES], core.lesson_status),
      completionStatus: null,
      successStatus: null,
      score: { raw: num(score.raw), min: num(score.min), max: num(score.max), scaled: null },
      progressMeasure: null,
      sessionTime: str(core.session_time).slice(0, 64),
      location: str(core.lesson_location),
      suspendData: str(cmi.suspend_data),
      exit: str(core.exit).slice(0, 32),
      interactions: collection(cmi.interactions),
      objectives: collection(cmi.objectives),
    };
  }
  const score = obj(cmi.score);
  const scaled = num(score.scaled);
  const progress = num(cmi.progress_measure);
  return {
    lessonStatus: null,
    completionStatus: oneOf(SCORM2004_COMPLETION_STATUSES, cmi.completion_status),
    successStatus: oneOf(SCORM2004_SUCCESS_STATUSES, cmi.success_status),
    score: {
      raw: num(score.raw),
      min: num(score.min),
      max: num(score.max),
      scaled: scaled === null ? null : Math.min(1, Math.max(-1, scaled)),
    },
    progressMeasure: progress === null ? null : Math.min(1, Math.max(0, progress)),
    sessionTime: str(cmi.session_time).slice(0, 64),
    location: str(cmi.location),
    suspendData: str(cmi.suspend_data),
    exit: str(cmi.exit).slice(0, 32),
    interactions: collection(cmi.interactions),
    objectives: collection(cmi.objectives),
  };
}

/** What the runtime starts with (scorm-again's loadFromJSON shape), per version. */
export function startingJson(version: "1.2" | "2004", cmi: LaunchCmi): Json {
  if (version === "1.2") {
    return {
      core: {
        student_id: cmi.learnerId,
        student_name: cmi.learnerName,
        lesson_location: cmi.location,
        entry: cmi.entry,
        credit: cmi.credit,
        lesson_mode: cmi.mode,
      },
      suspend_data: cmi.suspendData,
      student_data: { mastery_score: cmi.masteryScore === null ? "" : String(cmi.masteryScore) },
    };
  }
  return {
    learner_id: cmi.learnerId,
    learner_name: cmi.learnerName,
    location: cmi.location,
    entry: cmi.entry,
    credit: cmi.credit,
    mode: cmi.mode,
    suspend_data: cmi.suspendData,
    ...(cmi.masteryScore === null ? {} : { scaled_passing_score: String(cmi.masteryScore / 100) }),
  };
}

export interface RecordingTarget {
  attemptId: number;
  sessionId: number;
  csrfToken: string | null;
  onCommitted: (result: CommitResult) => void;
  /** "network", "session" (signed out), "finished" (attempt ended) or the server's message. */
  onFailed: (message: string) => void;
}

function errorMessage(responseText: string, status: number): string {
  try {
    const parsed = JSON.parse(responseText) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // Not JSON: fall back to the status.
  }
  return `HTTP ${status}`;
}

/** Sends the terminating commit with sendBeacon (it survives the page closing); the body carries the CSRF token. */
export function sendTerminateBeacon(target: RecordingTarget, cmi: CommitCmi): boolean {
  const body = JSON.stringify({ sessionId: target.sessionId, csrfToken: target.csrfToken ?? "", cmi });
  return navigator.sendBeacon(
    `/api/player/attempts/${target.attemptId}/terminate`,
    new Blob([body], { type: "text/plain;charset=UTF-8" }),
  );
}

/**
 * The runtime a SCO finds as `window.API` (1.2) or `window.API_1484_11` (2004). With a recording
 * target, each commit is a synchronous XHR (SCORM's Commit must report its outcome to the SCO) and
 * Terminate a sendBeacon; without one (a tutor's preview) everything stays in the browser.
 */
export function createRuntime(version: "1.2" | "2004", cmi: LaunchCmi, target: RecordingTarget | null): ScormApi {
  const httpService = target
    ? {
        processHttpRequest(_url: string, params: unknown, immediate: boolean) {
          const commit = toCommitCmi(version, params);
          if (immediate) {
            const sent = sendTerminateBeacon(target, commit);
            return { result: sent ? "true" : "false", errorCode: sent ? 0 : 101 };
          }
          const xhr = new XMLHttpRequest();
          xhr.open("POST", `/api/player/attempts/${target.attemptId}/commit`, false);
          xhr.setRequestHeader("content-type", "application/json");
          if (target.csrfToken) xhr.setRequestHeader("x-csrf-token", target.csrfToken);
          try {
            xhr.send(JSON.stringify({ sessionId: target.sessionId, cmi: commit }));
          } catch {
            target.onFailed("network");
            return { result: "false", errorCode: 101 };
          }
          if (xhr.status === 200) {
            target.onCommitted(JSON.parse(xhr.responseText) as CommitResult);
            return { result: "true", errorCode: 0 };
          }
          // The page words the usual cases itself: a session that expired, an attempt already ended.
          target.onFailed(
            xhr.status === 401
              ? "session"
              : xhr.status === 409
                ? "finished"
                : errorMessage(xhr.responseText, xhr.status),
          );
          return { result: "false", errorCode: 101 };
        },
        updateSettings() {},
      }
    : null;
  const settings = {
    // A string URL makes scorm-again hand every commit to the service; false keeps them in memory.
    lmsCommitUrl: target ? `/api/player/attempts/${target.attemptId}/commit` : false,
    autocommit: false,
    logLevel: 5 as const,
    ...(httpService ? { httpService } : {}),
  };
  const api = version === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromJSON(startingJson(version, cmi), "");
  return api;
}

/** The runtime's current data as a commit (for a close without the SCO's own Terminate). */
export function currentCommit(version: "1.2" | "2004", api: ScormApi): CommitCmi {
  return toCommitCmi(version, api.renderCommitCMI(true));
}

declare global {
  interface Window {
    API?: unknown;
    API_1484_11?: unknown;
  }
}

/** Exposes the runtime where the SCO frame looks for it; returns the cleanup. */
export function installRuntime(version: "1.2" | "2004", api: ScormApi): () => void {
  if (version === "1.2") window.API = api;
  else window.API_1484_11 = api;
  return () => {
    if (version === "1.2" && window.API === api) delete window.API;
    if (version === "2004" && window.API_1484_11 === api) delete window.API_1484_11;
  };
}
