import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  auditPageSchema,
  editResultSchema,
  LessonStatsEdit,
  LessonStatsForm,
} from "../../../common/api/statistics.js";
import type { LearnerReport, LearnerReportQuery, LessonAttemptsPage } from "../../../common/api/tutoring.js";
import { ApiError, apiRequest } from "./client.js";

export type AuditPage = z.infer<typeof auditPageSchema>;
export type EditResult = z.infer<typeof editResultSchema>;

/** Filters of the admin audit screen, as GET /api/admin/audit takes them. */
export interface AdminAuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  courseId?: string;
  learnerId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

const learnerPath = (courseId: string, learnerId: string) =>
  `/api/tutoring/courses/${encodeURIComponent(courseId)}/learners/${encodeURIComponent(learnerId)}`;

// Everything here starts with "tutoring", so one invalidation of that prefix after a change also refreshes the
// tutoring center (indicators, learners table) and the course screens, whatever their keys are below it.
export const reportKeys = {
  report: (courseId: string, learnerId: string, query?: LearnerReportQuery) =>
    query
      ? (["tutoring", "report", courseId, learnerId, query] as const)
      : (["tutoring", "report", courseId, learnerId] as const),
  audit: (courseId: string, learnerId: string, page?: { page: number; pageSize: number }) =>
    page
      ? (["tutoring", "learner-audit", courseId, learnerId, page] as const)
      : (["tutoring", "learner-audit", courseId, learnerId] as const),
  attempts: (courseId: string, learnerId: string, lessonId: string, page: { page: number; pageSize: number }) =>
    ["tutoring", "lesson-attempts", courseId, learnerId, lessonId, page] as const,
  stats: (courseId: string, learnerId: string, lessonId: string) =>
    ["tutoring", "lesson-stats", courseId, learnerId, lessonId] as const,
  adminAudit: (query?: AdminAuditQuery) =>
    query ? (["admin", "audit", query] as const) : (["admin", "audit"] as const),
};

/**
 * After a tutor changed a learner's data: the report, its `Modifications`, the tutoring center's figures and the
 * admin audit trail are all out of date.
 */
export async function invalidateLearnerData(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    // Not an open `Modifier les statistiques`: reloading it under the user's hands would wipe what they typed
    // (it offers its own reload when the data moved on).
    queryClient.invalidateQueries({
      queryKey: ["tutoring"],
      predicate: (query) => query.queryKey[1] !== "lesson-stats",
    }),
    queryClient.invalidateQueries({ queryKey: reportKeys.adminAudit() }),
  ]);
}

/** `Rapport de suivi d'un apprenant dans une formation` (R1–R5), with one page of the connection history. */
export function useLearnerReport(courseId: string, learnerId: string, query: LearnerReportQuery) {
  return useQuery({
    queryKey: reportKeys.report(courseId, learnerId, query),
    queryFn: ({ signal }) =>
      apiRequest<LearnerReport>("GET", `${learnerPath(courseId, learnerId)}/report`, { query: { ...query }, signal }),
    // Paging the connection history keeps the rest of the report on screen; another learner or course does not.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === courseId && previousQuery.queryKey[3] === learnerId ? previous : undefined,
  });
}

/**
 * One page of a learner's attempts on a lesson (R3b), for the pages after the first (the report brings the first).
 * Paging keeps the page shown until the next one is there.
 */
export function useLessonAttempts(
  courseId: string,
  learnerId: string,
  lessonId: string,
  page: { page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: reportKeys.attempts(courseId, learnerId, lessonId, page),
    queryFn: ({ signal }) =>
      apiRequest<LessonAttemptsPage>(
        "GET",
        `${learnerPath(courseId, learnerId)}/lessons/${encodeURIComponent(lessonId)}/attempts`,
        {
          query: { ...page },
          signal,
        },
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** What `Modifier les statistiques` opens with; always read fresh, since its version guards the save. */
export function useLessonStats(courseId: string, learnerId: string, lessonId: string | null) {
  return useQuery({
    queryKey: reportKeys.stats(courseId, learnerId, lessonId ?? ""),
    queryFn: ({ signal }) =>
      apiRequest<LessonStatsForm>("GET", `${learnerPath(courseId, learnerId)}/lessons/${lessonId}/stats`, { signal }),
    enabled: lessonId !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Saves `Modifier les statistiques` (R6); 409 `stale` when the learner's data changed after the form opened. */
export function useEditLessonStats(courseId: string, learnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, edit }: { lessonId: string; edit: LessonStatsEdit }) =>
      apiRequest<EditResult>("PUT", `${learnerPath(courseId, learnerId)}/lessons/${lessonId}/stats`, { body: edit }),
    onSettled: (_data, error) => {
      // A refused save changed nothing, unless it was refused because the data moved on: then show the new data.
      if (!error || (error instanceof ApiError && error.status === 409)) void invalidateLearnerData(queryClient);
    },
  });
}

/** Deletes one attempt of a lesson; the server recomputes and keeps it in the audit trail. */
export function useDeleteAttempt(courseId: string, learnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      lessonId,
      number,
      expectedVersion,
    }: {
      lessonId: string;
      number: number;
      expectedVersion: number;
    }) =>
      apiRequest<EditResult>("DELETE", `${learnerPath(courseId, learnerId)}/lessons/${lessonId}/attempts/${number}`, {
        query: { expectedVersion },
      }),
    onSettled: () => invalidateLearnerData(queryClient),
  });
}

/** The `Modifications` of a learner in a course (B4), newest first. */
export function useLearnerAudit(courseId: string, learnerId: string, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: reportKeys.audit(courseId, learnerId, page),
    queryFn: ({ signal }) =>
      apiRequest<AuditPage>("GET", `${learnerPath(courseId, learnerId)}/audit`, { query: { ...page }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Undoes a statistics edit; 409 `newer_data` or `already_undone` when it can't be. */
export function useUndoAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (auditId: number) => apiRequest<EditResult>("POST", `/api/tutoring/audit/${auditId}/undo`),
    onSettled: () => invalidateLearnerData(queryClient),
  });
}

/** Every audit entry, filtered (admins). */
export function useAdminAudit(query: AdminAuditQuery) {
  return useQuery({
    queryKey: reportKeys.adminAudit(query),
    queryFn: ({ signal }) => apiRequest<AuditPage>("GET", "/api/admin/audit", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A downloaded file: its bytes and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name of a `Content-Disposition` header (RFC 5987 `filename*` first), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}

/** Fetches the learner report as PDF or XLSX (B3) in the given language. */
export async function fetchReportDocument(
  courseId: string,
  learnerId: string,
  format: "pdf" | "xlsx",
  lang: "fr" | "en",
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(`${learnerPath(courseId, learnerId)}/report.${format}?lang=${lang}`, {
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError(0, "network_error", error instanceof Error ? error.message : "Network error");
  }
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, response.statusText);
  const blob = await response.blob();
  const fileName = fileNameFromDisposition(response.headers.get("content-disposition")) ?? `report.${format}`;
  return { blob, fileName };
}
