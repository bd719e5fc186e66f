import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { setCsrfToken } from "../api/client.js";
import { loadAllTexts, setupI18n } from "../app/i18n.js";

// jsdom lacks the layout APIs antd calls (responsive observers, media queries).
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// Media queries answer as on a 1280 px wide desktop screen, so antd's breakpoints pick the desktop layout.
const screenWidth = 1280;
function matchesWidth(query: string): boolean {
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+)(?:\.\d+)?px/.exec(query);
  if (!min && !max) return false;
  return (!min || screenWidth >= Number(min[1])) && (!max || screenWidth <= Number(max[1]));
}

if (!window.matchMedia) {
  Object.defineProperty(window, "matchMedia", {
    writable: true,
    value: (query: string) => ({
      matches: matchesWidth(query),
      media: query,
      onchange: null,
      addListener: vi.fn(),
      removeListener: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      dispatchEvent: vi.fn(),
    }),
  });
}

// jsdom does not implement pseudo-element styles and says so on every call antd makes.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);

const i18n = setupI18n("fr");
// Tests render screens directly, not through lazyPages, which loads the texts of the screens beyond the first.
await loadAllTexts();

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setCsrfToken(null);
  await i18n.changeLanguage("fr");
});

// The first render of a file also loads the lazy page chunks through Vite, which takes longer than 1 s,
// and up to 10 s on a loaded two-core machine (a query only waits as long as it needs).
// Role queries skip the visibility check: jsdom computes it from antd's large CSS-in-JS sheets,
// which takes seconds per query. The browser tests check what is visible.
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });
