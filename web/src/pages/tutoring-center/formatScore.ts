/** A score in percent as shown to the user: `80 %`, `87,5 %` in French, `87.5 %` in English. */
export function formatScore(value: number, locale: string): string {
  return `${new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 1 }).format(value)} %`;
}
