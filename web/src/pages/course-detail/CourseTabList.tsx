import { InfoCircleOutlined, StarOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type CourseTab, courseTabs } from "./courseTab.js";

export interface CourseTabListProps {
  value: CourseTab;
  onChange: (tab: CourseTab) => void;
  /** Id of the panel the tabs control. */
  panelId: string;
  /** Builds each tab's id, which the panel uses as its label. */
  tabId: (tab: CourseTab) => string;
}

const icons: Record<CourseTab, ReactNode> = {
  infos: <InfoCircleOutlined />,
  lecons: <UnorderedListOutlined />,
  avis: <StarOutlined />,
};

/** The left panel's three tabs (`Informations générales`, `Leçons`, `Avis`): a vertical ARIA tab list. */
export function CourseTabList({ value, onChange, panelId, tabId }: CourseTabListProps) {
  const { t } = useTranslation();
  const refs = useRef(new Map<CourseTab, HTMLButtonElement>());

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = courseTabs.indexOf(value);
    let next: CourseTab | undefined;
    if (event.key === "ArrowDown" || event.key === "ArrowRight") next = courseTabs[(index + 1) % courseTabs.length];
    else if (event.key === "ArrowUp" || event.key === "ArrowLeft")
      next = courseTabs[(index - 1 + courseTabs.length) % courseTabs.length];
    else if (event.key === "Home") next = courseTabs[0];
    else if (event.key === "End") next = courseTabs[courseTabs.length - 1];
    if (!next) return;
    event.preventDefault();
    onChange(next);
    refs.current.get(next)?.focus();
  }

  return (
    <div
      role="tablist"
      aria-orientation="vertical"
      aria-label={t("courseDetail.tabsLabel")}
      style={{ display: "flex", flexDirection: "column", gap: 2 }}
    >
      {courseTabs.map((tab) => {
        const selected = tab === value;
        return (
          <button
            key={tab}
            ref={(element) => {
              if (element) refs.current.set(tab, element);
              else refs.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
            onKeyDown={handleKeyDown}
            className="course-tab"
          >
            <span aria-hidden="true" style={{ display: "inline-flex" }}>
              {icons[tab]}
            </span>
            {t(`courseDetail.tabs.${tab}`)}
          </button>
        );
      })}
    </div>
  );
}
