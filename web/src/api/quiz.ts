import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  QuizAttempt,
  QuizEditor,
  QuizEditorSettingsRequest,
  QuizOverview,
  QuizQuestionInput,
  QuizResult,
  QuizSubmitRequest,
} from "../../../common/api/quiz.js";
import { apiRequest } from "./client.js";

const quizKey = (lessonId: string) => ["quiz", lessonId] as const;
const editorKey = (lessonId: string) => ["admin", "quiz", lessonId] as const;
const learnerPath = (lessonId: string) => `/api/quiz/lessons/${encodeURIComponent(lessonId)}`;
const editorPath = (lessonId: string) => `/api/admin/quiz/lessons/${encodeURIComponent(lessonId)}`;

/** The learner's quiz: rules, attempts used and left, an attempt to resume, the last result. */
export function useQuizOverview(lessonId: string) {
  return useQuery({
    queryKey: quizKey(lessonId),
    queryFn: ({ signal }) => apiRequest<QuizOverview>("GET", learnerPath(lessonId), { signal }),
  });
}

/** Starts an attempt (or gets back the open one). */
export function useStartQuiz(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<QuizAttempt>("POST", `${learnerPath(lessonId)}/attempts`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: quizKey(lessonId) }),
  });
}

/** Submits an attempt's answers; the learner's course pages are refreshed with the new status. */
export function useSubmitQuiz(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ attemptId, answers }: { attemptId: number } & QuizSubmitRequest) =>
      apiRequest<QuizResult>("POST", `${learnerPath(lessonId)}/attempts/${attemptId}/submit`, { body: { answers } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: quizKey(lessonId) });
      void queryClient.invalidateQueries({ queryKey: ["learner"] });
    },
  });
}

/** The admin's quiz editor. */
export function useQuizEditor(lessonId: string) {
  return useQuery({
    queryKey: editorKey(lessonId),
    queryFn: ({ signal }) => apiRequest<QuizEditor>("GET", editorPath(lessonId), { signal }),
  });
}

/** Every editor mutation answers with the whole editor, which replaces the cached one. */
function useEditorMutation<Input>(lessonId: string, request: (input: Input) => Promise<QuizEditor>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (editor) => queryClient.setQueryData(editorKey(lessonId), editor),
    onError: () => queryClient.invalidateQueries({ queryKey: editorKey(lessonId) }),
  });
}

export function useSaveQuizSettings(lessonId: string) {
  return useEditorMutation(lessonId, (input: QuizEditorSettingsRequest) =>
    apiRequest<QuizEditor>("PUT", `${editorPath(lessonId)}/settings`, { body: input }),
  );
}

/** Adds a question (no id) or rewrites one (with its id). */
export function useSaveQuestion(lessonId: string) {
  return useEditorMutation(lessonId, ({ id, ...input }: QuizQuestionInput & { id: string | null }) =>
    id
      ? apiRequest<QuizEditor>("PUT", `${editorPath(lessonId)}/questions/${encodeURIComponent(id)}`, { body: input })
      : apiRequest<QuizEditor>("POST", `${editorPath(lessonId)}/questions`, { body: input }),
  );
}

export function useDeleteQuestion(lessonId: string) {
  return useEditorMutation(lessonId, (id: string) =>
    apiRequest<QuizEditor>("DELETE", `${editorPath(lessonId)}/questions/${encodeURIComponent(id)}`),
  );
}

export function useMoveQuestion(lessonId: string) {
  return useEditorMutation(lessonId, ({ id, direction }: { id: string; direction: "up" | "down" }) =>
    apiRequest<QuizEditor>("POST", `${editorPath(lessonId)}/questions/${encodeURIComponent(id)}/move`, {
      body: { direction },
    }),
  );
}
