import { useMutation } from "@tanstack/react-query";
import type { Launch, PreviewLaunch } from "../../../../common/api/player.js";
import { apiRequest } from "../../api/client.js";

/** Launches an e-learning lesson: a new attempt and session (resuming the unfinished one's data). */
export function useLaunchLesson() {
  return useMutation({
    mutationFn: (lessonId: string) =>
      apiRequest<Launch>("POST", `/api/player/lessons/${encodeURIComponent(lessonId)}/launch`),
  });
}

/** A tutor's or admin's preview of the lesson's content: nothing is recorded. */
export function usePreviewLesson() {
  return useMutation({
    mutationFn: (lessonId: string) =>
      apiRequest<PreviewLaunch>("POST", `/api/player/lessons/${encodeURIComponent(lessonId)}/preview`),
  });
}
