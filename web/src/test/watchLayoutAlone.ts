import { onTestFinished } from "vitest";

/** Records whether the layout was ever on screen without the screen in it (a loading screen in its place). */
export function watchLayoutAlone() {
  const seen = { layoutAlone: false };
  const check = () => {
    const main = document.getElementById("main-content");
    if (main && !main.querySelector("h1")) seen.layoutAlone = true;
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true });
  onTestFinished(() => observer.disconnect());
  return seen;
}
