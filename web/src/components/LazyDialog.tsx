import { Component, type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from "react";

/** A dialog's code could not be downloaded (network down, or a new version deployed meanwhile). */
export class DialogLoadError extends Error {
  constructor(cause: unknown) {
    super("The dialog's code could not be loaded", { cause });
    this.name = "DialogLoadError";
  }
}

export interface LazyDialog<P> {
  /** The component to render: a new one after a failed download. */
  readonly Component: LazyExoticComponent<ComponentType<P>>;
}

/**
 * A dialog whose code loads when it is first shown, and loads again the next time after a failed
 * download (React.lazy keeps a failure for good), even one nobody saw (the dialog closed meanwhile).
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>): LazyDialog<P> {
  const make = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(() =>
      load().then(
        (loaded) => ({ default: loaded }),
        (error: unknown) => {
          component = make();
          throw new DialogLoadError(error);
        },
      ),
    );
  let component = make();
  return {
    get Component() {
      return component;
    },
  };
}

export interface DialogLoadBoundaryProps {
  /** The dialog's code failed to download: nothing is shown; tell the user and close. */
  onLoadFailed: () => void;
  children: ReactNode;
}

interface DialogLoadBoundaryState {
  error: Error | null;
}

/**
 * Shows a lazily loaded dialog, and nothing while its code downloads. If the download fails, the
 * page stays as it is (without this, the route's error screen replaced the whole page) and
 * `onLoadFailed` is called. Any other error goes on to the route's error screen.
 */
export class DialogLoadBoundary extends Component<DialogLoadBoundaryProps, DialogLoadBoundaryState> {
  override state: DialogLoadBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): DialogLoadBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error) {
    if (error instanceof DialogLoadError) this.props.onLoadFailed();
  }

  override render() {
    const { error } = this.state;
    if (error && !(error instanceof DialogLoadError)) throw error;
    if (error) return null;
    return <Suspense fallback={null}>{this.props.children}</Suspense>;
  }
}
