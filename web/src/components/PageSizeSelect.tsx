import { DownOutlined } from "@ant-design/icons";
import { theme } from "antd";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

export interface PageSizeSelectProps {
  /** Id of the visible label that names the picker (`Taille de la page:`). */
  labelledBy: string;
  value: number;
  options: readonly number[];
  /** A size other than the current one was chosen. */
  onChange: (size: number) => void;
}

/**
 * The pager's page-size picker: a select-only combobox (WAI-ARIA pattern) drawn like antd's small Select,
 * without rc-select. Focus stays on the button; the active option is given by `aria-activedescendant`.
 */
export function PageSizeSelect({ labelledBy, value, options, onChange }: PageSizeSelectProps) {
  const { token } = theme.useToken();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const wrapperRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const [hovered, setHovered] = useState(false);
  const [focusVisible, setFocusVisible] = useState(false);
  const last = options.length - 1;

  function openAt(index: number) {
    setActiveIndex(index);
    setOpen(true);
  }

  function openList() {
    openAt(Math.max(0, options.indexOf(value)));
  }

  function choose(index: number) {
    setOpen(false);
    const size = options[index];
    if (size !== undefined && size !== value) onChange(size);
  }

  // A press anywhere outside closes the list; the listener only exists while it is open.
  useEffect(() => {
    if (!open) return;
    function handleMouseDown(event: MouseEvent) {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("mousedown", handleMouseDown);
    return () => document.removeEventListener("mousedown", handleMouseDown);
  }, [open]);

  /** Type-ahead: the next size after the active one that starts with the typed digit, wrapping around. */
  function matchAfter(index: number, character: string) {
    for (let step = 1; step <= options.length; step++) {
      const candidate = (index + step) % options.length;
      if (String(options[candidate]).startsWith(character)) return candidate;
    }
    return -1;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    setFocusVisible(true);
    const key = event.key;
    if (key.length === 1 && key !== " " && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // A printable key opens the list on the next size it starts (the APG's type-ahead).
      const from = open ? activeIndex : Math.max(0, options.indexOf(value));
      const match = matchAfter(from, key);
      if (match >= 0) {
        event.preventDefault();
        openAt(match);
      }
      return;
    }
    if (!open) {
      if (key === "ArrowDown" || key === "ArrowUp" || key === "Enter" || key === " ") {
        // Enter and Space would also click the button, which toggles.
        event.preventDefault();
        openList();
      } else if (key === "Home" || key === "End") {
        event.preventDefault();
        openAt(key === "Home" ? 0 : last);
      }
      return;
    }
    switch (key) {
      case "ArrowDown":
        event.preventDefault();
        setActiveIndex((index) => Math.min(index + 1, last));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (event.altKey) choose(activeIndex);
        else setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case "Home":
        event.preventDefault();
        setActiveIndex(0);
        break;
      case "End":
        event.preventDefault();
        setActiveIndex(last);
        break;
      case "Enter":
      case " ":
        event.preventDefault();
        choose(activeIndex);
        break;
      case "Escape":
        // Only the list closes, not a dialog around the table.
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        break;
      case "Tab":
        // Chooses the active size, as a native select does, and lets the focus move on.
        choose(activeIndex);
        break;
    }
  }

  const borderColor = open || focusVisible ? token.colorPrimary : hovered ? token.colorPrimaryHover : token.colorBorder;
  const transition = `border-color ${token.motionDurationMid}, box-shadow ${token.motionDurationMid}`;

  return (
    <span ref={wrapperRef} style={{ position: "relative", display: "inline-block" }}>
      <button
        type="button"
        role="combobox"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-labelledby={labelledBy}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        onClick={() => (open ? setOpen(false) : openList())}
        onKeyDown={handleKeyDown}
        // Firefox clicks a button on the Space key's release even when its press was handled.
        onKeyUp={(event) => {
          if (event.key === " ") event.preventDefault();
        }}
        onFocus={(event) => setFocusVisible(matchesFocusVisible(event.currentTarget))}
        onBlur={() => {
          setFocusVisible(false);
          setOpen(false);
        }}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
        style={{
          boxSizing: "border-box",
          display: "inline-flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 4,
          height: 24,
          minWidth: 72,
          margin: 0,
          padding: "0 7px",
          border: `1px solid ${borderColor}`,
          borderRadius: token.borderRadiusSM,
          background: token.colorBgContainer,
          boxShadow: open || focusVisible ? `0 0 0 2px ${token.controlOutline}` : "none",
          color: token.colorText,
          fontFamily: "inherit",
          fontSize: token.fontSize,
          lineHeight: "22px",
          cursor: "pointer",
          transition,
        }}
      >
        {value}
        <DownOutlined aria-hidden style={{ fontSize: 10, color: token.colorTextQuaternary }} />
      </button>
      {open ? (
        <ul
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the listbox of a select-only combobox.
          role="listbox"
          id={listboxId}
          aria-labelledby={labelledBy}
          // Keeps the focus on the button when an option is pressed.
          onMouseDown={(event) => event.preventDefault()}
          style={{
            position: "absolute",
            top: "100%",
            left: 0,
            zIndex: 1050,
            boxSizing: "border-box",
            minWidth: "100%",
            margin: "4px 0 0",
            padding: 4,
            listStyle: "none",
            background: token.colorBgElevated,
            boxShadow: token.boxShadowSecondary,
            borderRadius: token.borderRadiusLG,
            fontSize: token.fontSize,
            color: token.colorText,
          }}
        >
          {options.map((size, index) => {
            const selected = size === value;
            return (
              // The options are reached with the combobox's keys and aria-activedescendant, not by focus.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works on the combobox, which keeps the focus.
              // biome-ignore lint/a11y/useFocusableInteractive: the focus stays on the combobox.
              <li
                key={size}
                id={optionId(index)}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the options of that listbox.
                role="option"
                aria-selected={selected}
                title={String(size)}
                onClick={() => choose(index)}
                onMouseEnter={() => setActiveIndex(index)}
                style={{
                  padding: "5px 12px",
                  lineHeight: "22px",
                  borderRadius: token.borderRadiusSM,
                  cursor: "pointer",
                  whiteSpace: "nowrap",
                  fontWeight: selected ? 600 : undefined,
                  background: selected
                    ? token.controlItemBgActive
                    : index === activeIndex
                      ? token.controlItemBgHover
                      : undefined,
                }}
              >
                {size}
              </li>
            );
          })}
        </ul>
      ) : null}
    </span>
  );
}

/** Whether the focus came from the keyboard (the browser's own heuristic); false where unsupported. */
function matchesFocusVisible(element: Element): boolean {
  try {
    return element.matches(":focus-visible");
  } catch {
    return false;
  }
}
