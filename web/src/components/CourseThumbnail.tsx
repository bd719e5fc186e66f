import { useState } from "react";

// Dark enough for white initials at WCAG AA contrast.
const palette = ["#1d4ed8", "#0f766e", "#7c3aed", "#b45309", "#be123c", "#4d7c0f", "#0e7490", "#9d174d"];
// Short words that would make poor initials ("Valider son embauche" gives "VE", not "VS").
const skipped = new Set([
  "le",
  "la",
  "les",
  "de",
  "des",
  "du",
  "au",
  "aux",
  "et",
  "en",
  "son",
  "sa",
  "ses",
  "un",
  "une",
  "pour",
  "sur",
  "the",
  "of",
  "and",
  "a",
  "an",
  "to",
]);

/** Two letters standing for a course name ("Cours 1 : L'avant-vente" gives "CA"). */
export function courseInitials(name: string): string {
  const words = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => /^[A-Za-z]/.test(word) && word.length > 1 && !skipped.has(word.toLowerCase()));
  const letters = words.slice(0, 2).map((word) => word[0] ?? "");
  return (letters.join("") || name.trim().slice(0, 1) || "?").toUpperCase();
}

function colourOf(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? "#1d4ed8";
}

export interface CourseThumbnailProps {
  courseId: string;
  name: string;
  /** The uploaded image; null shows a placeholder with the course initials. */
  url: string | null;
  /** Corner radius; the thumbnail keeps a 16:9 ratio and fills its container's width. */
  radius?: number;
  /** Font size of the placeholder's initials: 44 px suits a card, smaller cells want less. */
  initialsSize?: number;
}

/** A course's thumbnail, or a generated placeholder with its initials. Decorative: the name is always shown beside it. */
export function CourseThumbnail({ courseId, name, url, radius = 8, initialsSize = 44 }: CourseThumbnailProps) {
  const [failed, setFailed] = useState(false);
  const frame = { width: "100%", aspectRatio: "16 / 9", borderRadius: radius, overflow: "hidden" } as const;
  if (url && !failed) {
    return (
      <div style={frame}>
        <img
          src={url}
          alt=""
          onError={() => setFailed(true)}
          style={{ width: "100%", height: "100%", objectFit: "cover", display: "block" }}
        />
      </div>
    );
  }
  const colour = colourOf(courseId);
  return (
    <div
      aria-hidden="true"
      style={{
        ...frame,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        color: "#ffffff",
        background: `linear-gradient(135deg, ${colour} 0%, ${colour}cc 100%)`,
        fontSize: initialsSize,
        fontWeight: 650,
        letterSpacing: initialsSize / 22,
        userSelect: "none",
      }}
    >
      {courseInitials(name)}
    </div>
  );
}
