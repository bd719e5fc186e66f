/** A size in bytes for people (1,5 Mo / 1.5 MB), with the units and number format of the current language. */
export function formatBytes(
  bytes: number,
  units: [string, string, string, string] = ["B", "kB", "MB", "GB"],
  locale = "en",
): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}
