import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LocalizedConfigProvider } from "./LocalizedConfigProvider.js";

export interface AppProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
}

/** Everything a screen needs around it: server state, theme and locale. Shared by the app and the tests. */
export function AppProviders({ queryClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedConfigProvider>{children}</LocalizedConfigProvider>
    </QueryClientProvider>
  );
}
