import { act, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { useCenterView } from "./centerView.js";

function TwoFilters() {
  const [, updateView] = useCenterView();
  const location = useLocation();
  function handleClick() {
    // What two debounced fields do when both commit before the next render.
    updateView({ timeMin: null });
    updateView({ timeMax: 0 });
  }
  return (
    <>
      <button type="button" onClick={handleClick}>
        two
      </button>
      <output>{location.search}</output>
    </>
  );
}

describe("useCenterView", () => {
  it("keeps both of two changes made before the next render, while the route's loader delays the address", async () => {
    let release = () => {};
    const router = createMemoryRouter(
      [
        {
          path: "/centre",
          element: <TwoFilters />,
          // Like the tutoring center's loader: the new address waits for it.
          loader: () => new Promise<null>((resolve) => (release = () => resolve(null))),
          shouldRevalidate: () => true,
        },
      ],
      { initialEntries: ["/centre?timeMin=7200"], hydrationData: { loaderData: { 0: null } } },
    );
    render(<RouterProvider router={router} />);
    await act(async () => screen.getByRole("button", { name: "two" }).click());
    await act(async () => release());
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("?timeMax=0"));
  });
});
