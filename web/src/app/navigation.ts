/**
 * Leaves the single-page app for `path` with a full page load. Used after sign-out so nothing the
 * previous user loaded (query cache, component state) survives in memory.
 */
export function hardNavigate(path: string): void {
  window.location.assign(path);
}
