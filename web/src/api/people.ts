import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ImportKind, ImportMode, ImportPreview, ImportResult } from "../../../common/api/imports.js";
import type {
  AddMembersRequest,
  AdminEnrollment,
  AdminList,
  AdminTutorAssignment,
  AdminUser,
  adminEnrollmentsPageSchema,
  adminListsPageSchema,
  adminTutorAssignmentsPageSchema,
  adminUsersPageSchema,
  CreateEnrollmentRequest,
  CreateTutorAssignmentRequest,
  CreateUserRequest,
  ListRequest,
  listMembersPageSchema,
  organisationsSchema,
  UpdateEnrollmentRequest,
  UpdateUserRequest,
} from "../../../common/api/people.js";
import type {
  ApiToken,
  apiTokensPageSchema,
  CreateApiTokenRequest,
  CreatedApiToken,
} from "../../../common/api/tokens.js";
import type { ErrorResponse } from "../../../common/errors.js";
import { ApiError, apiRequest, getCsrfToken } from "./client.js";

export type AdminUsersPage = z.infer<typeof adminUsersPageSchema>;
export type AdminListsPage = z.infer<typeof adminListsPageSchema>;
export type ListMembersPage = z.infer<typeof listMembersPageSchema>;
export type AdminEnrollmentsPage = z.infer<typeof adminEnrollmentsPageSchema>;
export type AdminTutorAssignmentsPage = z.infer<typeof adminTutorAssignmentsPageSchema>;
export type ApiTokensPage = z.infer<typeof apiTokensPageSchema>;
export type Organisations = z.infer<typeof organisationsSchema>;

export interface PageQuery {
  page: number;
  pageSize: number;
  q?: string;
}

const id = encodeURIComponent;
const usersKey = ["admin", "users"] as const;
const listsKey = ["admin", "lists"] as const;
const enrollmentsKey = ["admin", "enrollments"] as const;
const assignmentsKey = ["admin", "tutor-assignments"] as const;
const tokensKey = ["admin", "api-tokens"] as const;
// What people writes change elsewhere: the audit trail, and the tutoring screens (learners, courses).
const auditKey = ["admin", "audit"] as const;
const tutoringKey = ["tutoring"] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: (readonly string[])[]) => {
    for (const key of [...keys, auditKey]) void queryClient.invalidateQueries({ queryKey: key });
  };
}

// ---- Users ----

export function useAdminUsers(query: PageQuery & { role?: "admin" | "tutor" | "learner"; active?: "true" | "false" }) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => apiRequest<AdminUsersPage>("GET", "/api/admin/users", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ["admin", "organisations"],
    queryFn: ({ signal }) => apiRequest<Organisations>("GET", "/api/admin/organisations", { signal }),
    staleTime: 60_000,
  });
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateUserRequest) => apiRequest<AdminUser>("POST", "/api/admin/users", { body: input }),
    onSuccess: () => invalidate(usersKey, ["admin", "organisations"]),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: UpdateUserRequest }) =>
      apiRequest<AdminUser>("PATCH", `/api/admin/users/${id(userId)}`, { body: input }),
    onSuccess: () => invalidate(usersKey, ["admin", "organisations"], enrollmentsKey, assignmentsKey, tutoringKey),
  });
}

// ---- Learner lists ----

export function useAdminLists(query: PageQuery) {
  return useQuery({
    queryKey: [...listsKey, query],
    queryFn: ({ signal }) => apiRequest<AdminListsPage>("GET", "/api/admin/lists", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useListMembers(listId: string | null, query: PageQuery) {
  return useQuery({
    queryKey: [...listsKey, listId, "members", query],
    queryFn: ({ signal }) =>
      apiRequest<ListMembersPage>("GET", `/api/admin/lists/${id(listId ?? "")}/members`, {
        query: { ...query },
        signal,
      }),
    enabled: listId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useSaveList() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ listId, input }: { listId: string | null; input: ListRequest }) =>
      listId
        ? apiRequest<AdminList>("PATCH", `/api/admin/lists/${id(listId)}`, { body: input })
        : apiRequest<AdminList>("POST", "/api/admin/lists", { body: input }),
    onSuccess: () => invalidate(listsKey, assignmentsKey),
  });
}

export function useDeleteList() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (listId: string) => apiRequest<void>("DELETE", `/api/admin/lists/${id(listId)}`),
    onSuccess: () => invalidate(listsKey, assignmentsKey, tutoringKey),
  });
}

export function useAddMembers() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ listId, input }: { listId: string; input: AddMembersRequest }) =>
      apiRequest<{ added: number }>("POST", `/api/admin/lists/${id(listId)}/members`, { body: input }),
    onSuccess: () => invalidate(listsKey, tutoringKey),
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ listId, userId }: { listId: string; userId: string }) =>
      apiRequest<void>("DELETE", `/api/admin/lists/${id(listId)}/members/${id(userId)}`),
    onSuccess: () => invalidate(listsKey, tutoringKey),
  });
}

// ---- Enrollments ----

export function useAdminEnrollments(query: PageQuery & { courseId?: string }) {
  return useQuery({
    queryKey: [...enrollmentsKey, query],
    queryFn: ({ signal }) =>
      apiRequest<AdminEnrollmentsPage>("GET", "/api/admin/enrollments", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateEnrollment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateEnrollmentRequest) =>
      apiRequest<AdminEnrollment>("POST", "/api/admin/enrollments", { body: input }),
    onSuccess: () => invalidate(enrollmentsKey, tutoringKey),
  });
}

export function useUpdateEnrollment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ enrollmentId, input }: { enrollmentId: string; input: UpdateEnrollmentRequest }) =>
      apiRequest<AdminEnrollment>("PUT", `/api/admin/enrollments/${id(enrollmentId)}`, { body: input }),
    onSuccess: () => invalidate(enrollmentsKey, tutoringKey),
  });
}

export function useDeleteEnrollment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (enrollmentId: string) => apiRequest<void>("DELETE", `/api/admin/enrollments/${id(enrollmentId)}`),
    onSuccess: () => invalidate(enrollmentsKey, tutoringKey),
  });
}

// ---- Tutor assignments ----

export function useTutorAssignments(query: PageQuery & { courseId?: string }) {
  return useQuery({
    queryKey: [...assignmentsKey, query],
    queryFn: ({ signal }) =>
      apiRequest<AdminTutorAssignmentsPage>("GET", "/api/admin/tutor-assignments", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveAssignment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ assignmentId, input }: { assignmentId: string | null; input: CreateTutorAssignmentRequest }) =>
      assignmentId
        ? apiRequest<AdminTutorAssignment>("PUT", `/api/admin/tutor-assignments/${id(assignmentId)}`, {
            body: { listIds: input.listIds },
          })
        : apiRequest<AdminTutorAssignment>("POST", "/api/admin/tutor-assignments", { body: input }),
    onSuccess: () => invalidate(assignmentsKey, tutoringKey),
  });
}

export function useDeleteAssignment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (assignmentId: string) =>
      apiRequest<void>("DELETE", `/api/admin/tutor-assignments/${id(assignmentId)}`),
    onSuccess: () => invalidate(assignmentsKey, tutoringKey),
  });
}

// ---- CSV imports ----

/** Sends a CSV file as multipart/form-data (the JSON client can't), with the session's CSRF token. */
async function uploadCsv<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  const headers: Record<string, string> = { accept: "application/json" };
  const csrf = getCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body: form, headers, credentials: "same-origin" });
  } catch (error) {
    throw new ApiError(0, "network_error", error instanceof Error ? error.message : "Network error");
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.fields ?? [],
    );
  }
  return (await response.json()) as T;
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      uploadCsv<ImportPreview>(`/api/admin/imports/${id(kind)}/preview`, file),
  });
}

export function useRunImport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ kind, file, mode }: { kind: ImportKind; file: File; mode: ImportMode }) =>
      uploadCsv<ImportResult>(`/api/admin/imports/${id(kind)}?mode=${id(mode)}`, file),
    onSuccess: () =>
      invalidate(usersKey, listsKey, enrollmentsKey, assignmentsKey, tutoringKey, ["admin", "organisations"]),
  });
}

// ---- API tokens ----

export function useApiTokens(query: PageQuery) {
  return useQuery({
    queryKey: [...tokensKey, query],
    queryFn: ({ signal }) => apiRequest<ApiTokensPage>("GET", "/api/admin/api-tokens", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiToken() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateApiTokenRequest) =>
      apiRequest<CreatedApiToken>("POST", "/api/admin/api-tokens", { body: input }),
    onSuccess: () => invalidate(tokensKey),
  });
}

export function useRevokeApiToken() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (tokenId: string) => apiRequest<ApiToken>("POST", `/api/admin/api-tokens/${id(tokenId)}/revoke`),
    onSuccess: () => invalidate(tokensKey),
  });
}
