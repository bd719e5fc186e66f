import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CurrentUser, SessionResponse, SignInRequest } from "../../../common/api/auth.js";
import type { Locale } from "../../../common/enums.js";
import { ApiError, apiRequest, setCsrfToken } from "./client.js";
import { sessionQueryKey } from "./sessionQueryKey.js";

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest<SessionResponse>("GET", "/api/auth/me");
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session (null when signed out); loaded once and kept. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** The session query, shared by useSession and the routes that ask for it before the first render. */
export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: Number.POSITIVE_INFINITY,
});

/** The signed-in user; only call below RequireAuth, which guarantees there is one. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser needs a signed-in session (render it below RequireAuth)");
  return data.user;
}

/** Signs in and stores the new session. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInRequest) => apiRequest<SessionResponse>("POST", "/api/auth/sign-in", { body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Another user may have been signed in on this tab: drop whatever they loaded.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

/** Ends the session on the server. */
export function useSignOut() {
  return useMutation({
    mutationFn: () => apiRequest<void>("POST", "/api/auth/sign-out"),
    onSettled: () => setCsrfToken(null),
  });
}

/** Ends every session of the user, on every device (this one included). */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: () => apiRequest<void>("POST", "/api/auth/sign-out-everywhere"),
    onSettled: () => setCsrfToken(null),
  });
}

/** Saves the user's language; the session then carries it. */
export function useSetLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) =>
      apiRequest<SessionResponse>("PATCH", "/api/auth/me/preferences", { body: { locale } }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
