import { useState } from "react";
// RouterProvider from "react-router" itself: the "react-router/dom" entry only adds flushSync support,
// which the app does not use, and under Node it loads a second copy of the router context.
import { createBrowserRouter, RouterProvider } from "react-router";
import { createQueryClient } from "../api/queryClient.js";
import { AppProviders } from "./AppProviders.js";
import { createRoutes } from "./routes.js";

/** The whole single-page app. */
export function App() {
  // Created once per mount (not at import time) so tests and hot reloads get fresh state.
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => {
    // The loaders run as the router is created, before `created` is set: that is the first load too.
    let created: ReturnType<typeof createBrowserRouter> | undefined;
    created = createBrowserRouter(createRoutes(queryClient, () => created?.state.initialized !== true));
    return created;
  });
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
