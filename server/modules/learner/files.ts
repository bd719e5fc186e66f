import { LEARNER_LIMITS, MISSION_FILE_EXTENSIONS } from "../../../common/api/learner.js";
import { badRequest } from "../../errors.js";

type Extension = (typeof MISSION_FILE_EXTENSIONS)[number];

const MIME: Record<Extension, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  txt: "text/plain",
};

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** Office Open XML: a zip whose entries include `[Content_Types].xml` and the application's folder. */
function isOoxml(data: Buffer, folder: string): boolean {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return false;
  return data.includes("[Content_Types].xml") && data.includes(folder);
}

/** Plain text: valid UTF-8 without NUL bytes (a binary renamed .txt fails). */
function isText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

const CHECKS: Record<Extension, (data: Buffer) => boolean> = {
  pdf: (d) => startsWith(d, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  png: (d) => startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  jpeg: (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  docx: (d) => isOoxml(d, "word/"),
  xlsx: (d) => isOoxml(d, "xl/"),
  pptx: (d) => isOoxml(d, "ppt/"),
  txt: isText,
};

/**
 * A file name safe to store and to show: no folders, no control or reserved characters, no
 * leading dots, at most LEARNER_LIMITS.missionFileNameMax characters with its extension kept.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim();
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? cleaned.slice(dot) : "";
  const stem = dot > 0 ? cleaned.slice(0, dot) : cleaned;
  const max = LEARNER_LIMITS.missionFileNameMax;
  const shortStem = stem.slice(0, Math.max(1, max - ext.length)) || "fichier";
  return `${shortStem}${ext}`.slice(0, max);
}

/**
 * Checks one uploaded mission file: non-empty, within the size limit, an allowed extension whose
 * first bytes match it. Returns the sanitized name and the MIME type to store, or a 400 naming
 * the field (`files.<index>`) and the rule.
 */
export function checkMissionFile(index: number, rawName: string, data: Buffer, truncated: boolean) {
  const field = `files.${index}`;
  const fileName = sanitizeFileName(rawName);
  if (truncated || data.length > LEARNER_LIMITS.missionFileBytes) {
    throw badRequest(
      field,
      "max_size",
      `${fileName} is larger than ${LEARNER_LIMITS.missionFileBytes / 1024 / 1024} MB`,
    );
  }
  if (data.length === 0) throw badRequest(field, "empty", `${fileName} is empty`);
  const ext = fileName.includes(".") ? fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase() : "";
  if (!(MISSION_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw badRequest(field, "file_type", `${fileName}: only ${MISSION_FILE_EXTENSIONS.join(", ")} files are accepted`);
  }
  const extension = ext as Extension;
  if (!CHECKS[extension](data)) {
    throw badRequest(field, "file_content", `${fileName} is not a real .${extension} file`);
  }
  return { fileName, mimeType: MIME[extension] };
}
