import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { LessonScorm, ScormPackage } from "../../../../common/api/scorm.js";
import type { ErrorResponse } from "../../../../common/errors.js";
import { ApiError, apiRequest, getCsrfToken } from "../../api/client.js";

const packageUrl = (lessonId: string) => `/api/admin/lessons/${encodeURIComponent(lessonId)}/scorm-package`;

/** The lesson's current SCORM package and the ones it replaced. */
export function useLessonScorm(lessonId: string) {
  return useQuery({
    queryKey: ["admin", "scorm", lessonId],
    queryFn: ({ signal }) => apiRequest<LessonScorm>("GET", packageUrl(lessonId), { signal }),
  });
}

/** Uploads a package (multipart, the CSRF token in its header); the server's 400 names the file and the rule. */
export function useUploadPackage(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      const token = getCsrfToken();
      let response: Response;
      try {
        response = await fetch(packageUrl(lessonId), {
          method: "POST",
          body: form,
          credentials: "same-origin",
          headers: token ? { "x-csrf-token": token } : {},
        });
      } catch {
        throw new ApiError(0, "network", "network");
      }
      if (!response.ok) {
        const payload = (await response.json().catch(() => null)) as ErrorResponse | null;
        throw new ApiError(
          response.status,
          payload?.error.code ?? `http_${response.status}`,
          payload?.error.message ?? response.statusText,
          payload?.error.fields ?? [],
        );
      }
      return (await response.json()) as ScormPackage;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "scorm", lessonId] }),
  });
}
