import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  answerResponseSchema,
  CatalogueCourse,
  CourseDetail,
  CourseStats,
  commentsPageSchema,
  courseLessonsSchema,
  Evaluation,
  FolderTree,
  LessonPreview,
  ReviewsPage,
} from "../../../common/api/courses.js";
import { apiRequest } from "./client.js";

export type CourseLessons = z.infer<typeof courseLessonsSchema>;
export type CommentsPage = z.infer<typeof commentsPageSchema>;
export type CommentAnswer = z.infer<typeof answerResponseSchema>;

const coursePath = (courseId: string) => `/api/tutoring/courses/${encodeURIComponent(courseId)}`;
const lessonPath = (courseId: string, lessonId: string) =>
  `${coursePath(courseId)}/lessons/${encodeURIComponent(lessonId)}`;

/** The folder tree of the tutored courses (C1), with recursive counts and the total for "all". */
export function useFolderTree() {
  return useQuery({
    queryKey: ["tutoring", "folders"],
    queryFn: ({ signal }) => apiRequest<FolderTree>("GET", "/api/tutoring/folders", { signal }),
  });
}

/** A tutored course's general information (C7). */
export function useCourseDetail(courseId: string) {
  return useQuery({
    queryKey: ["tutoring", "course", courseId],
    queryFn: ({ signal }) => apiRequest<CourseDetail>("GET", coursePath(courseId), { signal }),
  });
}

/** A tutored course's `Stats rapides` over the tutor's learners (C6). */
export function useCourseStats(courseId: string) {
  return useQuery({
    queryKey: ["tutoring", "course", courseId, "stats"],
    queryFn: ({ signal }) => apiRequest<CourseStats>("GET", `${coursePath(courseId)}/stats`, { signal }),
  });
}

/** The `Leçons` tab (C8): lessons with completion, comments and pending corrections over the tutor's learners. */
export function useCourseLessons(courseId: string) {
  return useQuery({
    queryKey: ["tutoring", "course", courseId, "lessons"],
    queryFn: ({ signal }) => apiRequest<CourseLessons>("GET", `${coursePath(courseId)}/lessons`, { signal }),
  });
}

/** `Lancer le contenu`: a lesson's content in preview (nothing is recorded). Loads only when `lessonId` is set. */
export function useLessonPreview(courseId: string, lessonId: string | null) {
  return useQuery({
    queryKey: ["tutoring", "course", courseId, "lessons", lessonId, "preview"],
    queryFn: ({ signal }) =>
      apiRequest<LessonPreview>("GET", `${lessonPath(courseId, lessonId ?? "")}/preview`, { signal }),
    enabled: lessonId !== null,
  });
}

/** `Voir les commentaires`: one page of the learners' comments on a lesson, newest first, with their answers. */
export function useLessonComments(courseId: string, lessonId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["tutoring", "course", courseId, "lessons", lessonId, "comments", { page, pageSize }],
    queryFn: ({ signal }) =>
      apiRequest<CommentsPage>("GET", `${lessonPath(courseId, lessonId ?? "")}/comments`, {
        query: { page, pageSize },
        signal,
      }),
    enabled: lessonId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Answers a learner's comment; the comments are then reloaded so the answer shows under it. */
export function useAnswerComment(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) =>
      apiRequest<CommentAnswer>(
        "POST",
        `${lessonPath(courseId, lessonId)}/comments/${encodeURIComponent(commentId)}/answers`,
        {
          body: { body },
        },
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ["tutoring", "course", courseId, "lessons", lessonId, "comments"] }),
  });
}

/** The `Avis` tab (C9): one page of reviews, newest first, with the average and the distribution of stars. */
export function useCourseReviews(courseId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["tutoring", "course", courseId, "reviews", { page, pageSize }],
    queryFn: ({ signal }) =>
      apiRequest<ReviewsPage>("GET", `${coursePath(courseId)}/reviews`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `Évaluation formation` (C10): results of the satisfaction evaluation, free-text answers paged. */
export function useCourseEvaluation(courseId: string, textPage: number, textPageSize: number) {
  return useQuery({
    queryKey: ["tutoring", "course", courseId, "evaluation", { textPage, textPageSize }],
    queryFn: ({ signal }) =>
      apiRequest<Evaluation>("GET", `${coursePath(courseId)}/evaluation`, {
        query: { textPage, textPageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A course's catalogue page, as learners see it (`Vers la fiche catalogue`). */
export function useCatalogueCourse(courseId: string) {
  return useQuery({
    queryKey: ["catalogue", "course", courseId],
    queryFn: ({ signal }) =>
      apiRequest<CatalogueCourse>("GET", `/api/catalogue/courses/${encodeURIComponent(courseId)}`, { signal }),
  });
}
