import { useState } from "react";
// RouterProvider from "react-router" itself: the "react-router/dom" entry only adds flushSync support,
// which the app does not use, and under Node it loads a second copy of the router context.
import { createBrowserRouter, RouterProvider } from "react-router";
import { createQueryClient } from "../api/queryClient.js";
import { AppProviders } from "./AppProviders.js";
import { createAppRouter } from "./routes.js";

/** The whole single-page app. */
export function App() {
  // Created once per mount (not at import time) so tests and hot reloads get fresh state.
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient, (routes) => createBrowserRouter(routes)));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
