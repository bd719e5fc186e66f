/** Formatters shared by server (exports, mails) and web. No Node or DOM imports. */

/** Seconds as HH:MM:SS (hours may exceed 24), as the source shows times spent. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
}

/** Parses HH:MM:SS (or H:MM:SS) to seconds; null when it is not such a time. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,4}):([0-5]\d):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** A date as dd/MM/yyyy HH:mm in the given time zone (the source's format). */
// One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting
// (it was a fifth of a certificate's rendering, and 5,000 sessions make an evidence export).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("fr-FR", {
      timeZone,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

export function formatDateTime(iso: string | Date | null | undefined, timeZone = "Europe/Paris"): string {
  if (!iso) return "";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  const parts = dateTimeFormat(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

/** Percent as the source shows it ("83 %" in tables, "94%" in the report): rounded to a whole number. */
export function roundPercent(value: number): number {
  return Math.round(value);
}

/** Lower case, no accents, punctuation folded to spaces: how names are searched ("avant vente" finds "L'avant-vente"). */
export function normalizeForSearch(text: string): string {
  return (
    text
      .toLowerCase()
      // Letters that don't decompose into a base letter and an accent.
      .replace(/[ßæœøłđþ]/g, (c) => ({ ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", þ: "th" })[c] ?? c)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
  );
}

/** The sort key of a person: "last first", normalized. */
export function personSortName(lastName: string, firstName: string): string {
  return normalizeForSearch(`${lastName} ${firstName}`);
}
