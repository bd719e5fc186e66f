import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { PageSizeSelect } from "./PageSizeSelect.js";

/** The picker as TablePager shows it: named by the visible `Taille de la page:` label. */
function renderPicker(value = 25) {
  const onChange = vi.fn();
  render(
    <div>
      <span id="size-label">Taille de la page:</span>{" "}
      <PageSizeSelect labelledBy="size-label" value={value} options={[10, 25, 50, 100]} onChange={onChange} />
      <p>Ailleurs</p>
    </div>,
  );
  const combobox = screen.getByRole("combobox", { name: "Taille de la page:" });
  return { combobox, onChange };
}

function activeOptionText(combobox: HTMLElement) {
  const id = combobox.getAttribute("aria-activedescendant");
  return id ? document.getElementById(id)?.textContent : undefined;
}

describe("PageSizeSelect", () => {
  it("shows only the current size while closed", () => {
    const { combobox } = renderPicker();
    expect(combobox.tagName).toBe("BUTTON");
    expect(combobox).toHaveProperty("type", "button");
    expect(combobox.getAttribute("aria-haspopup")).toBe("listbox");
    expect(combobox.getAttribute("aria-expanded")).toBe("false");
    expect(combobox.hasAttribute("aria-activedescendant")).toBe(false);
    expect(combobox.textContent).toBe("25");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(screen.queryAllByRole("option")).toHaveLength(0);
  });

  it("opens on a click with the sizes, the current one selected and active, and closes on a second click", () => {
    const { combobox } = renderPicker();
    fireEvent.click(combobox);
    const listbox = screen.getByRole("listbox");
    expect(combobox.getAttribute("aria-expanded")).toBe("true");
    expect(combobox.getAttribute("aria-controls")).toBe(listbox.id);
    const options = within(listbox).getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["10", "25", "50", "100"]);
    expect(options.map((option) => option.getAttribute("aria-selected"))).toEqual(["false", "true", "false", "false"]);
    expect(screen.getByRole("option", { name: "25", selected: true }).title).toBe("25");
    expect(activeOptionText(combobox)).toBe("25");

    fireEvent.click(combobox);
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(combobox.getAttribute("aria-expanded")).toBe("false");
  });

  it("chooses a clicked option and closes", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.click(combobox);
    fireEvent.click(screen.getByRole("option", { name: "10" }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(10);
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(combobox.getAttribute("aria-expanded")).toBe("false");
  });

  it("works from the keyboard: ArrowDown opens, moves the active option, Enter chooses it", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    expect(screen.getByRole("listbox")).toBeTruthy();
    expect(activeOptionText(combobox)).toBe("25");
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    expect(activeOptionText(combobox)).toBe("50");
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(combobox, { key: "Enter" });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(50);
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(combobox.hasAttribute("aria-activedescendant")).toBe(false);
  });

  it("keeps the active option within the list; Home and End go to its ends; Space chooses", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.keyDown(combobox, { key: "Enter" });
    fireEvent.keyDown(combobox, { key: "ArrowUp" });
    fireEvent.keyDown(combobox, { key: "ArrowUp" });
    expect(activeOptionText(combobox)).toBe("10");
    fireEvent.keyDown(combobox, { key: "End" });
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    expect(activeOptionText(combobox)).toBe("100");
    fireEvent.keyDown(combobox, { key: "Home" });
    expect(activeOptionText(combobox)).toBe("10");
    fireEvent.keyDown(combobox, { key: "End" });
    fireEvent.keyDown(combobox, { key: " " });
    expect(onChange).toHaveBeenCalledWith(100);
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("closes on Escape without choosing", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.click(combobox);
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    fireEvent.keyDown(combobox, { key: "Escape" });
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(combobox.getAttribute("aria-expanded")).toBe("false");
    expect(onChange).not.toHaveBeenCalled();
  });

  it("closes on a press outside, not on a press in the list", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.click(combobox);
    fireEvent.mouseDown(screen.getByRole("option", { name: "50" }));
    expect(screen.getByRole("listbox")).toBeTruthy();
    fireEvent.mouseDown(screen.getByText("Ailleurs"));
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(combobox.getAttribute("aria-expanded")).toBe("false");
    expect(onChange).not.toHaveBeenCalled();
  });

  it("chooses the active size on Tab, without keeping the focus", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    const tab = fireEvent.keyDown(combobox, { key: "Tab" });
    expect(tab).toBe(true); // not prevented: the browser moves the focus on
    expect(onChange).toHaveBeenCalledWith(50);
    expect(screen.queryByRole("listbox")).toBeNull();
    // Closed, Tab only moves on.
    fireEvent.keyDown(combobox, { key: "Tab" });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("goes to the size a typed digit starts, cycling through the sizes that start with it", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.keyDown(combobox, { key: "1" });
    expect(combobox.getAttribute("aria-expanded")).toBe("true");
    expect(activeOptionText(combobox)).toBe("100");
    fireEvent.keyDown(combobox, { key: "1" });
    expect(activeOptionText(combobox)).toBe("10");
    fireEvent.keyDown(combobox, { key: "5" });
    expect(activeOptionText(combobox)).toBe("50");
    // No size starts with 7: nothing moves.
    fireEvent.keyDown(combobox, { key: "7" });
    expect(activeOptionText(combobox)).toBe("50");
    fireEvent.keyDown(combobox, { key: "Enter" });
    expect(onChange).toHaveBeenCalledWith(50);
  });

  it("only closes when the current size is chosen again", () => {
    const { combobox, onChange } = renderPicker();
    fireEvent.click(combobox);
    fireEvent.click(screen.getByRole("option", { name: "25" }));
    expect(screen.queryByRole("listbox")).toBeNull();
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    fireEvent.keyDown(combobox, { key: "Enter" });
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });
});
