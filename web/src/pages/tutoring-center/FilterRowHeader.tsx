import { createContext, type HTMLAttributes, type ReactNode, useContext } from "react";

/** The filter row to draw under the table's column titles. */
export const FilterRowContext = createContext<ReactNode>(null);

/**
 * antd's table header (`components.header.wrapper`) with the filter row added under the titles. It reads the
 * row from context so its identity never changes: a new component each render would remount the inputs.
 */
export function FilterRowHeader({ children, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  const filterRow = useContext(FilterRowContext);
  return (
    <thead {...props}>
      {children}
      {filterRow}
    </thead>
  );
}
