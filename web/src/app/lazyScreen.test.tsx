import { act, render, screen } from "@testing-library/react";
import { Suspense } from "react";
import { describe, expect, it, vi } from "vitest";
import { lazyScreen } from "./lazyScreen.js";

const Screen = () => <h1>Écran</h1>;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

describe("lazyScreen", () => {
  it("renders a preloaded screen in the first pass, without its Suspense fallback", async () => {
    const load = vi.fn(() => Promise.resolve({ default: Screen }));
    const Lazy = lazyScreen(load);
    await Lazy.preload();
    render(
      <Suspense fallback={<p>Chargement</p>}>
        <Lazy />
      </Suspense>,
    );
    // No await: the screen is there in the same render, the fallback never shown.
    expect(screen.getByRole("heading", { name: "Écran" })).toBeTruthy();
    expect(screen.queryByText("Chargement")).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("suspends on a screen whose code has not come, and loads it once", async () => {
    const code = deferred<{ default: typeof Screen }>();
    const load = vi.fn(() => code.promise);
    const Lazy = lazyScreen(load);
    void Lazy.preload();
    render(
      <Suspense fallback={<p>Chargement</p>}>
        <Lazy />
      </Suspense>,
    );
    expect(screen.getByText("Chargement")).toBeTruthy();
    await act(async () => code.resolve({ default: Screen }));
    expect(await screen.findByRole("heading", { name: "Écran" })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("tries a failed download again on the next preload", async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof Screen }>>()
      .mockRejectedValueOnce(new Error("chunk gone"))
      .mockResolvedValueOnce({ default: Screen });
    const Lazy = lazyScreen(load);
    await expect(Lazy.preload()).rejects.toThrow("chunk gone");
    await expect(Lazy.preload()).resolves.toEqual({ default: Screen });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
