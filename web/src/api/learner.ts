import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  EvaluationRequest,
  LearnerComment,
  LearnerComments,
  LearnerCourse,
  LearnerLesson,
  MyCourses,
  ReviewRequest,
  SheetSession,
} from "../../../common/api/learner.js";
import type { ErrorResponse } from "../../../common/errors.js";
import { ApiError, apiRequest, getCsrfToken } from "./client.js";

export type { MyCourses };

const courseUrl = (courseId: string) => `/api/learner/courses/${encodeURIComponent(courseId)}`;
const lessonUrl = (courseId: string, lessonId: string) =>
  `${courseUrl(courseId)}/lessons/${encodeURIComponent(lessonId)}`;

/** The signed-in learner's courses and the catalogue courses open to them (`Mes formations`). */
export function useMyCourses() {
  return useQuery({
    queryKey: ["learner", "courses"],
    queryFn: ({ signal }) => apiRequest<MyCourses>("GET", "/api/learner/courses", { signal }),
  });
}

/** Everything the learner's pages show changes after one of their writes: refetch it all. */
function useInvalidateLearner() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["learner"] });
}

/** Self-enrollment in an open catalogue course. */
export function useEnroll() {
  const invalidate = useInvalidateLearner();
  return useMutation({
    mutationFn: (courseId: string) =>
      apiRequest<{ courseId: string; enrolledAt: string }>("POST", `${courseUrl(courseId)}/enrollment`),
    onSuccess: invalidate,
  });
}

/** The learner's course page. */
export function useLearnerCourse(courseId: string) {
  return useQuery({
    queryKey: ["learner", "course", courseId],
    queryFn: ({ signal }) => apiRequest<LearnerCourse>("GET", courseUrl(courseId), { signal }),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** One lesson as the learner sees it. */
export function useLearnerLesson(courseId: string, lessonId: string) {
  return useQuery({
    queryKey: ["learner", "lesson", courseId, lessonId],
    queryFn: ({ signal }) => apiRequest<LearnerLesson>("GET", lessonUrl(courseId, lessonId), { signal }),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useSaveReview(courseId: string) {
  const invalidate = useInvalidateLearner();
  return useMutation({
    mutationFn: (body: ReviewRequest) =>
      apiRequest<{ rating: number; comment: string; updatedAt: string }>("PUT", `${courseUrl(courseId)}/review`, {
        body,
      }),
    onSuccess: invalidate,
  });
}

export function useAnswerEvaluation(courseId: string) {
  const invalidate = useInvalidateLearner();
  return useMutation({
    mutationFn: (body: EvaluationRequest) =>
      apiRequest<{ submittedAt: string }>("POST", `${courseUrl(courseId)}/evaluation`, { body }),
    onSuccess: invalidate,
  });
}

export function useMarkRead(courseId: string, lessonId: string) {
  const invalidate = useInvalidateLearner();
  return useMutation({
    mutationFn: () => apiRequest<{ status: string }>("POST", `${lessonUrl(courseId, lessonId)}/read`),
    onSuccess: invalidate,
  });
}

/** Reading sessions of a practical sheet: open, heartbeat, and the closing beacon. */
export const sheetSessions = {
  open: (courseId: string, lessonId: string) =>
    apiRequest<SheetSession>("POST", `${lessonUrl(courseId, lessonId)}/sessions`),
  beat: (courseId: string, lessonId: string, sessionId: number) =>
    apiRequest<{ durationSeconds: number }>("POST", `${lessonUrl(courseId, lessonId)}/sessions/${sessionId}/heartbeat`),
  /**
   * Closes the session as the page goes away: sendBeacon survives the unload but can't send
   * headers, so its text/plain JSON body carries the CSRF token.
   */
  close: (courseId: string, lessonId: string, sessionId: number) => {
    const url = `${lessonUrl(courseId, lessonId)}/sessions/${sessionId}/close`;
    const body = JSON.stringify({ csrfToken: getCsrfToken() ?? "" });
    if (typeof navigator.sendBeacon === "function") {
      navigator.sendBeacon(url, new Blob([body], { type: "text/plain;charset=UTF-8" }));
      return;
    }
    void fetch(url, {
      method: "POST",
      body,
      keepalive: true,
      credentials: "same-origin",
      headers: { "content-type": "text/plain;charset=UTF-8" },
    }).catch(() => undefined);
  },
};

export interface MissionSubmissionInput {
  text: string;
  declaredMinutes: number;
  files: File[];
}

/** Sends a mission submission as multipart/form-data (the only non-JSON body of the app besides uploads). */
async function postSubmission(courseId: string, lessonId: string, input: MissionSubmissionInput) {
  const form = new FormData();
  form.append("text", input.text);
  form.append("declaredMinutes", String(input.declaredMinutes));
  for (const file of input.files) form.append("files", file, file.name);
  const csrf = getCsrfToken();
  let response: Response;
  try {
    response = await fetch(`${lessonUrl(courseId, lessonId)}/submissions`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { accept: "application/json", ...(csrf ? { "x-csrf-token": csrf } : {}) },
    });
  } catch {
    throw new ApiError(0, "network_error", "The server could not be reached");
  }
  if (!response.ok) {
    let payload: Partial<ErrorResponse> | null = null;
    try {
      payload = (await response.json()) as Partial<ErrorResponse>;
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.fields ?? [],
    );
  }
  return (await response.json()) as { id: string; attemptNumber: number; submittedAt: string };
}

export function useSubmitMission(courseId: string, lessonId: string) {
  const invalidate = useInvalidateLearner();
  return useMutation({
    mutationFn: (input: MissionSubmissionInput) => postSubmission(courseId, lessonId, input),
    onSuccess: invalidate,
  });
}

export function useLessonComments(courseId: string, lessonId: string, page: number) {
  return useQuery({
    queryKey: ["learner", "comments", courseId, lessonId, page],
    queryFn: ({ signal }) =>
      apiRequest<LearnerComments>("GET", `${lessonUrl(courseId, lessonId)}/comments`, {
        signal,
        query: { page, pageSize: 10 },
      }),
    placeholderData: (previous) => previous,
  });
}

export function useAddComment(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiRequest<LearnerComment>("POST", `${lessonUrl(courseId, lessonId)}/comments`, { body: { body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["learner", "comments", courseId, lessonId] }),
  });
}

/** In-app paths of the learner space. */
export const learnerPaths = {
  courses: "/mes-formations",
  course: (courseId: string) => `/mes-formations/${encodeURIComponent(courseId)}`,
  lesson: (courseId: string, lessonId: string) =>
    `/mes-formations/${encodeURIComponent(courseId)}/lecons/${encodeURIComponent(lessonId)}`,
  player: (courseId: string, lessonId: string) =>
    `/mes-formations/${encodeURIComponent(courseId)}/lecons/${encodeURIComponent(lessonId)}/lecteur`,
  quiz: (courseId: string, lessonId: string) =>
    `/mes-formations/${encodeURIComponent(courseId)}/lecons/${encodeURIComponent(lessonId)}/quiz`,
  document: (courseId: string, lessonId: string, download = false) =>
    `${lessonUrl(courseId, lessonId)}/document${download ? "?download=1" : ""}`,
  missionFile: (courseId: string, lessonId: string, submissionId: string, fileId: string) =>
    `${lessonUrl(courseId, lessonId)}/submissions/${encodeURIComponent(submissionId)}/files/${encodeURIComponent(fileId)}`,
};
