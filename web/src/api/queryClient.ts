import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, setCsrfToken } from "./client.js";
import { sessionQueryKey } from "./sessionQueryKey.js";

// The session query itself turns a 401 into null data, so it never lands here.
function isExpiredSession(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== "invalid_credentials";
}

/** The app's query client: a 401 anywhere means the session ended, which sends the user to the sign-in page. */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isExpiredSession(error)) handleExpired();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isExpiredSession(error)) handleExpired();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not heal by retrying; network hiccups and 5xx may.
        retry:
          options.retry === false
            ? false
            : (failureCount, error) =>
                failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
  function handleExpired() {
    setCsrfToken(null);
    client.setQueryData(sessionQueryKey, null);
  }
  return client;
}
