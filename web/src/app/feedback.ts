import type { App } from "antd";
import appContextModule from "antd/es/app/context.js";
import { type Context, useContext } from "react";

/** What antd's `App.useApp()` gives: toasts (`message`), notifications and confirmation dialogs (`modal`). */
export type Feedback = ReturnType<typeof App.useApp>;

// antd's own context, so `App.useApp()` keeps working under FeedbackRoot. The deep import is ESM in the
// build and (through the test config's alias) CommonJS in the unit tests: accept both shapes, as antdLocales does.
const antdAppContext = ((appContextModule as unknown as { default?: Context<Feedback> }).default ??
  appContextModule) as unknown as Context<Feedback>;

export { antdAppContext };

/**
 * Holds the real APIs once the chunk that renders antd's message, notification and modal holders has
 * loaded (after the first paint: ~20 kB gzip the first screen does not need). Calls made before that
 * wait for it, so none is lost.
 */
export class FeedbackStore {
  private api: Feedback | null = null;
  private waiting: ((api: Feedback) => void)[] = [];
  /** Called when a call arrives before the holders are there, to load them now. */
  onDemand: () => void = () => {};

  set(api: Feedback | null) {
    this.api = api;
    if (!api) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve(api);
  }

  private ready(): Promise<Feedback> {
    this.onDemand();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Forwards `feedback[part][method](...args)` now, or as soon as the holders are there. */
  call(part: keyof Feedback, method: string, args: unknown[]): unknown {
    const run = (api: Feedback) =>
      (api[part] as unknown as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
    return this.api ? run(this.api) : this.ready().then(run);
  }
}

const messageMethods = ["open", "success", "error", "info", "warning", "loading", "destroy"] as const;
const notificationMethods = ["open", "success", "error", "info", "warning", "destroy"] as const;
const modalMethods = ["confirm", "info", "success", "error", "warning"] as const;

function forward(store: FeedbackStore, part: keyof Feedback, methods: readonly string[]) {
  return Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => store.call(part, m, args)]));
}

/** The APIs handed to screens: each call goes to the real one, loaded on demand if it is not there yet. */
export function feedbackFor(store: FeedbackStore): Feedback {
  return {
    message: forward(store, "message", messageMethods),
    notification: forward(store, "notification", notificationMethods),
    modal: forward(store, "modal", modalMethods),
  } as unknown as Feedback;
}

/** Toasts and confirmation dialogs, as `App.useApp()` without loading their code with the screen. */
export function useFeedback(): Feedback {
  return useContext(antdAppContext);
}
