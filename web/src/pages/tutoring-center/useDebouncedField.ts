import { useEffect, useRef, useState } from "react";

// Long enough not to query on every keystroke, short enough to feel live.
export const filterDelayMs = 400;

export interface DebouncedField {
  text: string;
  setText: (text: string) => void;
  /** The text cannot be read as a value (it is not sent until corrected). */
  invalid: boolean;
  /** Sends the current text now (Enter). */
  commit: () => void;
}

/**
 * A filter field typed freely and sent to the URL once the tutor pauses. It follows the URL when the
 * value changes from elsewhere (back button, a cleared filter). `parse` returns undefined for unreadable text.
 */
export function useDebouncedField<T extends string | number | null>(
  value: T,
  parse: (text: string) => T | undefined,
  format: (value: T) => string,
  onCommit: (value: T) => void,
): DebouncedField {
  const [text, setText] = useState(() => format(value));
  // The last value this field sent, to tell our own URL updates from navigation.
  const committed = useRef(value);
  const latest = useRef({ parse, format, onCommit });
  latest.current = { parse, format, onCommit };

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setText(latest.current.format(value));
  }, [value]);

  const parsed = parse(text);
  const invalid = parsed === undefined;

  useEffect(() => {
    if (parsed === undefined || parsed === committed.current) return;
    const timer = window.setTimeout(() => {
      committed.current = parsed;
      latest.current.onCommit(parsed);
    }, filterDelayMs);
    return () => window.clearTimeout(timer);
  }, [parsed]);

  function commit() {
    if (parsed === undefined || parsed === committed.current) return;
    committed.current = parsed;
    onCommit(parsed);
  }

  return { text, setText, invalid, commit };
}
