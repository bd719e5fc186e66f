import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdminCategory,
  AdminCompetency,
  AdminCourse,
  AdminCoursesPage,
  AdminCoursesQuery,
  AdminFolder,
  AdminFramework,
  AdminLesson,
  CategoryInput,
  CompetencyCreate,
  CompetencyFields,
  CourseFormOptions,
  CourseInput,
  FolderCreate,
  FolderUpdate,
  FrameworkInput,
  LessonCreate,
  LessonUpdate,
} from "../../../common/api/catalogue-admin.js";
import type { ErrorResponse } from "../../../common/errors.js";
import { ApiError, apiRequest, getCsrfToken } from "./client.js";

const id = encodeURIComponent;
const adminKey = ["admin", "catalogue"] as const;
const foldersKey = [...adminKey, "folders"] as const;
const categoriesKey = [...adminKey, "categories"] as const;
const competenciesKey = [...adminKey, "competencies"] as const;
const coursesKey = [...adminKey, "courses"] as const;
const optionsKey = [...adminKey, "form-options"] as const;
const courseKey = (courseId: string) => [...adminKey, "course", courseId] as const;
const lessonsKey = (courseId: string) => [...adminKey, "lessons", courseId] as const;
// Tutor and catalogue screens show what these screens change (names, thumbnails, lessons, folders).
const readerKeys = [["tutoring"], ["catalogue"], ["learner"]] as const;

/** Sends one file as multipart/form-data (`file` part) with the session's CSRF header; throws ApiError. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  const token = getCsrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method: "PUT",
      body: form,
      credentials: "same-origin",
      headers: { accept: "application/json", ...(token ? { "x-csrf-token": token } : {}) },
    });
  } catch (error) {
    throw new ApiError(0, "network_error", error instanceof Error ? error.message : "Network error");
  }
  const text = await response.text();
  const payload = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (payload as Partial<ErrorResponse> | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.fields ?? [],
    );
  }
  return payload as T;
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: readonly (readonly unknown[])[]) => {
    for (const key of [...keys, ...readerKeys]) void queryClient.invalidateQueries({ queryKey: key });
  };
}

// ---- Folders ----

export function useAdminFolders() {
  return useQuery({
    queryKey: foldersKey,
    queryFn: ({ signal }) => apiRequest<{ items: AdminFolder[] }>("GET", "/api/admin/folders", { signal }),
  });
}

export function useCreateFolder() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: FolderCreate) => apiRequest<AdminFolder>("POST", "/api/admin/folders", { body: input }),
    onSuccess: () => invalidate(foldersKey, optionsKey),
  });
}

export function useUpdateFolder() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ folderId, ...input }: FolderUpdate & { folderId: string }) =>
      apiRequest<AdminFolder>("PATCH", `/api/admin/folders/${id(folderId)}`, { body: input }),
    onSuccess: () => invalidate(foldersKey, optionsKey, coursesKey),
  });
}

export function useDeleteFolder() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (folderId: string) => apiRequest<void>("DELETE", `/api/admin/folders/${id(folderId)}`),
    onSuccess: () => invalidate(foldersKey, optionsKey),
  });
}

// ---- Categories ----

export function useAdminCategories() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: ({ signal }) => apiRequest<{ items: AdminCategory[] }>("GET", "/api/admin/categories", { signal }),
  });
}

export function useSaveCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ categoryId, ...input }: CategoryInput & { categoryId?: string }) =>
      categoryId
        ? apiRequest<AdminCategory>("PUT", `/api/admin/categories/${id(categoryId)}`, { body: input })
        : apiRequest<AdminCategory>("POST", "/api/admin/categories", { body: input }),
    onSuccess: () => invalidate(categoriesKey, optionsKey),
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (categoryId: string) => apiRequest<void>("DELETE", `/api/admin/categories/${id(categoryId)}`),
    onSuccess: () => invalidate(categoriesKey, optionsKey),
  });
}

// ---- Competencies ----

export function useAdminFrameworks() {
  return useQuery({
    queryKey: competenciesKey,
    queryFn: ({ signal }) => apiRequest<{ items: AdminFramework[] }>("GET", "/api/admin/competencies", { signal }),
  });
}

export function useSaveFramework() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ frameworkId, ...input }: FrameworkInput & { frameworkId?: string }) =>
      frameworkId
        ? apiRequest<AdminFramework>("PUT", `/api/admin/competencies/frameworks/${id(frameworkId)}`, { body: input })
        : apiRequest<AdminFramework>("POST", "/api/admin/competencies/frameworks", { body: input }),
    onSuccess: () => invalidate(competenciesKey, optionsKey),
  });
}

export function useDeleteFramework() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (frameworkId: string) =>
      apiRequest<void>("DELETE", `/api/admin/competencies/frameworks/${id(frameworkId)}`),
    onSuccess: () => invalidate(competenciesKey, optionsKey),
  });
}

export function useSaveCompetency() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ competencyId, ...input }: CompetencyCreate & { competencyId?: string }) => {
      if (!competencyId) return apiRequest<AdminCompetency>("POST", "/api/admin/competencies", { body: input });
      const fields: CompetencyFields = { code: input.code, label: input.label, description: input.description };
      return apiRequest<AdminCompetency>("PUT", `/api/admin/competencies/${id(competencyId)}`, { body: fields });
    },
    onSuccess: () => invalidate(competenciesKey, optionsKey),
  });
}

export function useDeleteCompetency() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (competencyId: string) => apiRequest<void>("DELETE", `/api/admin/competencies/${id(competencyId)}`),
    onSuccess: () => invalidate(competenciesKey, optionsKey),
  });
}

// ---- Courses ----

export function useAdminCourses(query: Partial<AdminCoursesQuery>) {
  return useQuery({
    queryKey: [...coursesKey, query],
    queryFn: ({ signal }) =>
      apiRequest<AdminCoursesPage>("GET", "/api/admin/courses", {
        signal,
        query: { page: query.page, pageSize: query.pageSize, q: query.q, folderId: query.folderId },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCourseFormOptions() {
  return useQuery({
    queryKey: optionsKey,
    queryFn: ({ signal }) => apiRequest<CourseFormOptions>("GET", "/api/admin/courses/form-options", { signal }),
  });
}

export function useAdminCourse(courseId: string) {
  return useQuery({
    queryKey: courseKey(courseId),
    queryFn: ({ signal }) => apiRequest<AdminCourse>("GET", `/api/admin/courses/${id(courseId)}`, { signal }),
  });
}

export function useCreateCourse() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CourseInput) => apiRequest<AdminCourse>("POST", "/api/admin/courses", { body: input }),
    onSuccess: () => invalidate(coursesKey, foldersKey, categoriesKey, competenciesKey),
  });
}

export function useUpdateCourse(courseId: string) {
  const invalidate = useInvalidate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CourseInput) =>
      apiRequest<AdminCourse>("PUT", `/api/admin/courses/${id(courseId)}`, { body: input }),
    onSuccess: (course) => {
      queryClient.setQueryData(courseKey(courseId), course);
      invalidate(coursesKey, foldersKey, categoriesKey, competenciesKey);
    },
  });
}

export function useUploadThumbnail(courseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<{ thumbnailUrl: string | null }>(`/api/admin/courses/${id(courseId)}/thumbnail`, file),
    onSuccess: () => invalidate(courseKey(courseId), coursesKey),
  });
}

export function useRemoveThumbnail(courseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => apiRequest<void>("DELETE", `/api/admin/courses/${id(courseId)}/thumbnail`),
    onSuccess: () => invalidate(courseKey(courseId), coursesKey),
  });
}

// ---- Lessons ----

export function useAdminLessons(courseId: string) {
  return useQuery({
    queryKey: lessonsKey(courseId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: AdminLesson[] }>("GET", `/api/admin/courses/${id(courseId)}/lessons`, { signal }),
  });
}

export function useCreateLesson(courseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: LessonCreate) =>
      apiRequest<AdminLesson>("POST", `/api/admin/courses/${id(courseId)}/lessons`, { body: input }),
    onSuccess: () => invalidate(lessonsKey(courseId), coursesKey),
  });
}

export function useUpdateLesson(courseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ lessonId, ...input }: LessonUpdate & { lessonId: string }) =>
      apiRequest<AdminLesson>("PUT", `/api/admin/lessons/${id(lessonId)}`, { body: input }),
    onSuccess: () => invalidate(lessonsKey(courseId)),
  });
}

export function useDeleteLesson(courseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (lessonId: string) => apiRequest<void>("DELETE", `/api/admin/lessons/${id(lessonId)}`),
    onSuccess: () => invalidate(lessonsKey(courseId), coursesKey),
  });
}

/** Saves a new order; the list shows it at once and goes back to the server's order if the save fails. */
export function useReorderLessons(courseId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (lessonIds: string[]) =>
      apiRequest<{ items: AdminLesson[] }>("PUT", `/api/admin/courses/${id(courseId)}/lessons/order`, {
        body: { lessonIds },
      }),
    onMutate: async (lessonIds) => {
      await queryClient.cancelQueries({ queryKey: lessonsKey(courseId) });
      const previous = queryClient.getQueryData<{ items: AdminLesson[] }>(lessonsKey(courseId));
      if (previous) {
        const byId = new Map(previous.items.map((l) => [l.id, l]));
        const items = lessonIds
          .map((lessonId, index) => {
            const lesson = byId.get(lessonId);
            return lesson ? { ...lesson, position: index + 1 } : null;
          })
          .filter((l): l is AdminLesson => l !== null);
        queryClient.setQueryData(lessonsKey(courseId), { items });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(lessonsKey(courseId), context.previous);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(lessonsKey(courseId), data);
      invalidate();
    },
  });
}

export function useUploadSheetDocument(courseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ lessonId, file }: { lessonId: string; file: File }) =>
      uploadFile<AdminLesson>(`/api/admin/lessons/${id(lessonId)}/document`, file),
    onSuccess: () => invalidate(lessonsKey(courseId)),
  });
}

export function useRemoveSheetDocument(courseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (lessonId: string) => apiRequest<void>("DELETE", `/api/admin/lessons/${id(lessonId)}/document`),
    onSuccess: () => invalidate(lessonsKey(courseId)),
  });
}
