import { type ComponentType, type LazyExoticComponent, lazy } from "react";

type Loaded<P> = { default: ComponentType<P> };

/** A screen whose code loads on demand: `preload()` starts it (once), rendering waits for it. */
export type LazyScreen<P = object> = LazyExoticComponent<ComponentType<P>> & {
  /**
   * Loads the screen's code, once; a failed load is tried again on the next call, and by the first
   * render. Once a render has seen it fail, React.lazy keeps the failure: the route's error screen
   * then offers to reload the page.
   */
  preload(): Promise<Loaded<P>>;
};

/**
 * React.lazy, but once the code has come (a route's loader preloaded it), the first render of the
 * screen does not suspend: React.lazy suspends on the promise it is given unless its `then` calls
 * back at once, which this one does. Suspending costs more than a render pass: a Suspense boundary
 * that shows its fallback holds the content back for 300 ms after that (React's throttle of
 * revealed content), so a screen whose code was already here waited for nothing.
 */
export function lazyScreen<P = object>(load: () => Promise<Loaded<P>>): LazyScreen<P> {
  let loaded: Loaded<P> | undefined;
  let loading: Promise<Loaded<P>> | undefined;
  function preload(): Promise<Loaded<P>> {
    loading ??= load().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }
  const component = lazy(() => {
    if (!loaded) return preload();
    const module = loaded;
    // A thenable that is already settled: React reads the module in the same render.
    // biome-ignore lint/suspicious/noThenProperty: a thenable is what React.lazy takes; this one calls back at once.
    return { then: (resolve: (value: Loaded<P>) => void) => resolve(module) } as unknown as Promise<Loaded<P>>;
  });
  return Object.assign(component, { preload });
}
