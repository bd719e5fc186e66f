import { render, screen } from "@testing-library/react";
import { Component, type ReactNode, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { DialogLoadBoundary, lazyDialog } from "./LazyDialog.js";

function Dialog({ title }: { title: string }) {
  return <div role="dialog">{title}</div>;
}

function Broken(_props: { title: string }): ReactNode {
  throw new Error("a bug in the dialog");
}

class RouteBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p>Route error screen</p> : this.props.children;
  }
}

/** A page with a button that shows the dialog, as LearnerActions does. */
function Page({
  dialog,
  onLoadFailed,
}: {
  dialog: ReturnType<typeof lazyDialog<{ title: string }>>;
  onLoadFailed: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <RouteBoundary>
      <button type="button" onClick={() => setOpen(true)}>
        Ouvrir
      </button>
      {open ? (
        <DialogLoadBoundary
          onLoadFailed={() => {
            setOpen(false);
            onLoadFailed();
          }}
        >
          <dialog.Component title="Relancer" />
        </DialogLoadBoundary>
      ) : null}
    </RouteBoundary>
  );
}

describe("lazily loaded dialogs", () => {
  it("keep the page when their code fails to download, and download it again when asked again", async () => {
    const load = vi
      .fn<() => Promise<typeof Dialog>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValue(Dialog);
    const onLoadFailed = vi.fn();
    // React reports the caught error on the console; that is expected here.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    render(<Page dialog={lazyDialog(load)} onLoadFailed={onLoadFailed} />);

    screen.getByRole("button", { name: "Ouvrir" }).click();
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.queryByText("Route error screen")).toBeNull();
    expect(screen.getByRole("button", { name: "Ouvrir" })).toBeTruthy();

    screen.getByRole("button", { name: "Ouvrir" }).click();
    expect((await screen.findByRole("dialog")).textContent).toBe("Relancer");
    expect(load).toHaveBeenCalledTimes(2);
    expect(onLoadFailed).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it("download again after a failure nobody saw (the dialog was closed while it loaded)", async () => {
    let fail!: (error: Error) => void;
    const load = vi
      .fn<() => Promise<typeof Dialog>>()
      .mockImplementationOnce(
        () =>
          new Promise((_resolve, reject) => {
            fail = reject;
          }),
      )
      .mockResolvedValue(Dialog);
    const dialog = lazyDialog(load);
    const onLoadFailed = vi.fn();
    const first = render(<Page dialog={dialog} onLoadFailed={onLoadFailed} />);
    screen.getByRole("button", { name: "Ouvrir" }).click();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    const failed = dialog.Component;
    first.unmount();
    fail(new TypeError("Failed to fetch dynamically imported module"));
    await vi.waitFor(() => expect(dialog.Component).not.toBe(failed));

    render(<Page dialog={dialog} onLoadFailed={onLoadFailed} />);
    screen.getByRole("button", { name: "Ouvrir" }).click();
    expect((await screen.findByRole("dialog")).textContent).toBe("Relancer");
    expect(load).toHaveBeenCalledTimes(2);
    expect(onLoadFailed).not.toHaveBeenCalled();
  });

  it("let any other error reach the route's error screen", async () => {
    const onLoadFailed = vi.fn();
    // React reports the caught error on the console; that is expected here.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    render(<Page dialog={lazyDialog(() => Promise.resolve(Broken))} onLoadFailed={onLoadFailed} />);
    screen.getByRole("button", { name: "Ouvrir" }).click();
    expect(await screen.findByText("Route error screen")).toBeTruthy();
    expect(onLoadFailed).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
