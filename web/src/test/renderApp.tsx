import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { createQueryClient } from "../api/queryClient.js";
import { AppProviders } from "../app/AppProviders.js";
import { createAppRouter } from "../app/routes.js";

/** Renders the whole app (real routes, providers and lazy pages) at `path`, against the mocked fetch. */
export function renderApp(path: string) {
  const queryClient = createQueryClient({ retry: false });
  // As App does, so the first load's loaders wait for the screen's code (routes.tsx).
  const router = createAppRouter(queryClient, (routes) => createMemoryRouter(routes, { initialEntries: [path] }));
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}
