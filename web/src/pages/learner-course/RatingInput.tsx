import { Rate } from "antd";
import { cloneElement, type ReactElement } from "react";
import { useTranslation } from "react-i18next";

export interface RatingInputProps {
  /** Names the group of stars for assistive technologies (the question or "Note"). */
  label: string;
  value?: number;
  onChange?: (value: number) => void;
}

/** One to five stars to choose, each star (a radio) named "4 étoiles sur 5" so screen readers can pick it. */
export function RatingInput({ label, value, onChange }: RatingInputProps) {
  const { t } = useTranslation();
  return (
    <Rate
      aria-label={label}
      value={value}
      onChange={onChange}
      characterRender={(node: ReactElement, { index = 0 }: { index?: number }) => {
        // The star is an <li> around the element with role="radio": that element gets the name.
        const star = node as ReactElement<{ children?: ReactElement }>;
        const radio = star.props.children as ReactElement<{ "aria-label"?: string }>;
        return cloneElement(star, {
          children: cloneElement(radio, { "aria-label": t("learner.stars", { count: index + 1 }) }),
        });
      }}
    />
  );
}
