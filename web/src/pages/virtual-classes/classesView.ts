import { useCallback } from "react";
import { useSearchParams } from "react-router";
import type { ClassesWhen } from "../../api/actions.js";

/** Which classes the screen lists and which one is open; kept in the URL (bookmarks, reload, back button). */
export interface ClassesView {
  when: ClassesWhen;
  classId: string | null;
}

// French words in the URL, as elsewhere in the app (`/tutorat/formations`).
const whenParam: Record<ClassesWhen, string> = { upcoming: "a-venir", past: "passees", all: "toutes" };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the view from the query string; anything unknown falls back to the upcoming classes. */
export function parseClassesView(params: URLSearchParams): ClassesView {
  const period = params.get("periode");
  const when = (Object.keys(whenParam) as ClassesWhen[]).find((key) => whenParam[key] === period) ?? "upcoming";
  const classId = params.get("classe");
  return { when, classId: classId && uuidPattern.test(classId) ? classId : null };
}

/** Writes the view as a query string, defaults left out. */
export function classesViewToParams(view: ClassesView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.when !== "upcoming") params.set("periode", whenParam[view.when]);
  if (view.classId) params.set("classe", view.classId);
  return params;
}

/** The view and a function to change part of it. */
export function useClassesView(): [ClassesView, (changes: Partial<ClassesView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = parseClassesView(params);
  const update = useCallback(
    (changes: Partial<ClassesView>) => {
      setParams((current) => classesViewToParams({ ...parseClassesView(current), ...changes }));
    },
    [setParams],
  );
  return [view, update];
}
