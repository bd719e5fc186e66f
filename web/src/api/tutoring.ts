import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { z } from "zod";
import type { CourseDetail, TutoredCoursesPage } from "../../../common/api/courses.js";
import type {
  CorrectionRequest,
  correctionSchema,
  MissionDetail,
  MissionQueueQuery,
  missionQueueSchema,
} from "../../../common/api/missions.js";
import type {
  Grid,
  ObservationRequest,
  ObservationResult,
  observationsQuerySchema,
  observationTodosSchema,
} from "../../../common/api/observations.js";
import type {
  Indicators,
  IndicatorsQuery,
  LearnerReport,
  Selection,
  SelectionResponse,
  TutoredLearnersPage,
  TutoredLearnersQuery,
} from "../../../common/api/tutoring.js";
import { ApiError, apiRequest, getCsrfToken } from "./client.js";

export type MissionQueue = z.infer<typeof missionQueueSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type ObservationTodos = z.infer<typeof observationTodosSchema>;
export type ObservationsQuery = z.infer<typeof observationsQuerySchema>;
export type ExportFormat = "pdf" | "xlsx";

/**
 * Query keys of one course's tutoring center. Everything under `centerKey(courseId)` depends on the
 * learners' progress, so a live event or a correction refreshes it in one call.
 */
export const centerKey = (courseId: string) => ["tutoring", "center", courseId] as const;
const missionsKey = ["tutoring", "missions"] as const;

const coursePath = (courseId: string) => `/api/tutoring/courses/${encodeURIComponent(courseId)}`;

/** A tutored course's detail (its name for the header and the breadcrumb), as the tutoring screens and the tutoring center's preload ask for it. */
export function tutoringCourseQuery(courseId: string) {
  return queryOptions({
    queryKey: ["tutoring", "course", courseId],
    queryFn: ({ signal }) => apiRequest<CourseDetail>("GET", coursePath(courseId), { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useTutoringCourse(courseId: string) {
  return useQuery(tutoringCourseQuery(courseId));
}

/** The tutor's courses whose name matches `search`, for the course switcher. */
export function useCourseSwitcherOptions(search: string) {
  return useQuery({
    queryKey: ["tutoring", "courses", { switcher: search }],
    queryFn: ({ signal }) =>
      apiRequest<TutoredCoursesPage>("GET", "/api/tutoring/courses", {
        query: { page: 1, pageSize: 50, sort: "name", order: "asc", q: search },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** `APPRENANTS`, `MISSIONS À CORRIGER`, `OBSERVATIONS À FAIRE` and the status counts of the pie chart (T2, T3). */
export function useCenterIndicators(courseId: string, query: IndicatorsQuery) {
  return useQuery({
    queryKey: [...centerKey(courseId), "indicators", query],
    queryFn: ({ signal }) =>
      apiRequest<Indicators>("GET", `${coursePath(courseId)}/indicators`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One page of `UTILISATEURS TUTORÉS`, filtered, sorted and paged by the server (T4, B1). */
export function useTutoredLearners(courseId: string, query: TutoredLearnersQuery) {
  return useQuery({ ...tutoredLearnersQuery(courseId, query), placeholderData: keepPreviousData });
}

/** One page of learners, as the table and the tutoring center's preload (started with the route) ask for it. */
export function tutoredLearnersQuery(courseId: string, query: TutoredLearnersQuery) {
  return queryOptions({
    queryKey: [...centerKey(courseId), "learners", query],
    queryFn: ({ signal }) =>
      apiRequest<TutoredLearnersPage>("GET", `${coursePath(courseId)}/learners`, { query: { ...query }, signal }),
  });
}

/** How many learners a selection holds, as the server resolves it within the tutor's scope (T5). */
export function useSelectionSummary(courseId: string, selection: Selection | null) {
  return useQuery({
    queryKey: [...centerKey(courseId), "selection", selection],
    queryFn: ({ signal }) =>
      apiRequest<SelectionResponse>("POST", `${coursePath(courseId)}/selection`, { body: selection, signal }),
    enabled: selection !== null,
    placeholderData: keepPreviousData,
  });
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      return fallback;
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** Hands a file the app received to the browser's downloads. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give the browser a moment before releasing the memory.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export interface ExportReportsInput {
  selection: Selection;
  format: ExportFormat;
  lang: "fr" | "en";
}

/** Downloads the selected learners' reports as one zip of PDF or XLSX files (B3). */
export function useExportReports(courseId: string) {
  return useMutation({
    mutationFn: async ({ selection, format, lang }: ExportReportsInput) => {
      const headers: Record<string, string> = { "content-type": "application/json", accept: "application/zip" };
      const csrf = getCsrfToken();
      if (csrf) headers["x-csrf-token"] = csrf;
      let response: Response;
      try {
        response = await fetch(`${coursePath(courseId)}/exports`, {
          method: "POST",
          headers,
          body: JSON.stringify({ selection, format, lang }),
          credentials: "same-origin",
        });
      } catch (error) {
        throw new ApiError(0, "network_error", error instanceof Error ? error.message : "Network error");
      }
      if (!response.ok) {
        const payload = (await response.json().catch(() => null)) as {
          error?: { code?: string; message?: string };
        } | null;
        throw new ApiError(
          response.status,
          payload?.error?.code ?? `http_${response.status}`,
          payload?.error?.message ?? response.statusText,
        );
      }
      const blob = await response.blob();
      const fileName = fileNameFrom(response.headers.get("content-disposition"), `reports-${format}.zip`);
      saveBlob(blob, fileName);
      return { fileName, size: blob.size };
    },
  });
}

export type LiveState = "connecting" | "live" | "offline";

/**
 * B5: listens to the course's server-sent events and refreshes the tutoring center's data when a
 * learner's progress changes. The browser reconnects by itself after a network cut.
 */
export function useCenterLiveUpdates(courseId: string): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setState("offline");
      return;
    }
    setState("connecting");
    const source = new EventSource(`${coursePath(courseId)}/events`, { withCredentials: true });
    let connectedBefore = false;
    const handleReady = () => {
      setState("live");
      // After a reconnection, events may have been missed while the stream was down: catch up once.
      if (connectedBefore) void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
      connectedBefore = true;
    };
    const handleProgress = () => {
      setState("live");
      void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
    };
    const handleError = () => setState(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    source.addEventListener("ready", handleReady);
    source.addEventListener("progress", handleProgress);
    source.addEventListener("error", handleError);
    return () => {
      source.removeEventListener("ready", handleReady);
      source.removeEventListener("progress", handleProgress);
      source.removeEventListener("error", handleError);
      source.close();
    };
  }, [courseId, queryClient]);
  return state;
}

// ---- Missions à corriger (T7) ----

/** A course's mission submissions (pending: oldest first). */
export function useCourseMissions(courseId: string, query: MissionQueueQuery) {
  return useQuery({
    queryKey: [...centerKey(courseId), "missions", query],
    queryFn: ({ signal }) =>
      apiRequest<MissionQueue>("GET", `${coursePath(courseId)}/missions`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Submissions to correct across all the tutor's courses. */
export function useAllMissions(query: MissionQueueQuery) {
  return useQuery({
    queryKey: [...missionsKey, query],
    queryFn: ({ signal }) => apiRequest<MissionQueue>("GET", "/api/tutoring/missions", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A submission with its files, the learner's earlier submissions and the lesson's instructions. */
export function useMission(courseId: string, submissionId: string) {
  return useQuery({
    queryKey: [...centerKey(courseId), "mission", submissionId],
    queryFn: ({ signal }) =>
      apiRequest<MissionDetail>("GET", `${coursePath(courseId)}/missions/${encodeURIComponent(submissionId)}`, {
        signal,
      }),
  });
}

/** Where a submitted file downloads from. */
export function missionFileUrl(courseId: string, submissionId: string, fileId: string): string {
  return `${coursePath(courseId)}/missions/${encodeURIComponent(submissionId)}/files/${encodeURIComponent(fileId)}`;
}

/** Saves a correction; a 409 `already_corrected` means another tutor saved first. */
export function useCorrectMission(courseId: string, submissionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CorrectionRequest) =>
      apiRequest<Correction>(
        "POST",
        `${coursePath(courseId)}/missions/${encodeURIComponent(submissionId)}/correction`,
        { body: input },
      ),
    onSettled: () => {
      // Saved or refused, what the tutor sees must now be the server's truth.
      void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: missionsKey });
      void queryClient.invalidateQueries({ queryKey: ["tutoring", "report"] });
    },
  });
}

// ---- Observations à faire (T8) ----

/** Learners whose observation is not passed yet. */
export function useObservationTodos(courseId: string, query: ObservationsQuery) {
  return useQuery({
    queryKey: [...centerKey(courseId), "observations", query],
    queryFn: ({ signal }) =>
      apiRequest<ObservationTodos>("GET", `${coursePath(courseId)}/observations`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** An observation lesson's grid: levels, criteria with weights and eliminating ones. */
export function useObservationGrid(courseId: string, lessonId: string) {
  return useQuery({
    queryKey: ["tutoring", "grid", courseId, lessonId],
    queryFn: ({ signal }) =>
      apiRequest<Grid>("GET", `${coursePath(courseId)}/lessons/${encodeURIComponent(lessonId)}/grid`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The learner as the report shows them (name, and their lessons' statuses), for the observation form. */
export function useObservedLearner(courseId: string, learnerId: string) {
  return useQuery({
    queryKey: [...centerKey(courseId), "observed-learner", learnerId],
    queryFn: ({ signal }) =>
      apiRequest<LearnerReport>("GET", `${coursePath(courseId)}/learners/${encodeURIComponent(learnerId)}/report`, {
        query: { sessionsPage: 1, sessionsPageSize: 1 },
        signal,
      }),
  });
}

/** Records a filled grid; the server scores it. */
export function useRecordObservation(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ObservationRequest) =>
      apiRequest<ObservationResult>("POST", `${coursePath(courseId)}/observations`, { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: ["tutoring", "report"] });
    },
  });
}
