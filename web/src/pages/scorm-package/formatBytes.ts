/** A size in bytes for people: 1,5 Mo / 1.5 MB style, with the unit of the current language. */
export function formatBytes(bytes: number, units: [string, string, string, string] = ["B", "kB", "MB", "GB"]): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${rounded} ${units[unit]}`;
}
