import { useTranslation } from "react-i18next";

export interface BrandMarkProps {
  /** White text, for dark backgrounds. */
  inverted?: boolean;
  size?: "default" | "large";
}

/** The Tutora logo: a square mark and the product name. */
export function BrandMark({ inverted = false, size = "default" }: BrandMarkProps) {
  const { t } = useTranslation();
  const box = size === "large" ? 40 : 30;
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 10 }}>
      <svg width={box} height={box} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill={inverted ? "#3b82f6" : "#1d4ed8"} />
        <path d="M9 10h14v3h-5.5v11h-3V13H9z" fill="#fff" />
      </svg>
      <span
        style={{
          color: inverted ? "#ffffff" : "#0f1f3d",
          fontWeight: 650,
          fontSize: size === "large" ? 26 : 19,
          letterSpacing: 0.2,
          lineHeight: 1,
        }}
      >
        {t("app.name")}
      </span>
    </span>
  );
}
