export interface SheetPreviewProps {
  paragraphs: string[];
}

/** A practical sheet in preview: its text, paragraph by paragraph. */
export function SheetPreview({ paragraphs }: SheetPreviewProps) {
  return (
    <article
      style={{
        padding: "16px 20px",
        border: "1px solid #e5e7eb",
        borderRadius: 8,
        background: "#fcfcfd",
        lineHeight: 1.6,
      }}
    >
      {paragraphs.map((paragraph, index) => (
        // Paragraphs have no id and never reorder.
        // biome-ignore lint/suspicious/noArrayIndexKey: static text
        <p key={index} style={{ margin: index === 0 ? 0 : "12px 0 0", whiteSpace: "pre-line" }}>
          {paragraph}
        </p>
      ))}
    </article>
  );
}
