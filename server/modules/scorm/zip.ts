import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { badRequest } from "../../errors.js";

/** One file of a zip, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  directory: boolean;
  compressedSize: number;
  size: number;
  crc: number;
}

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of one entry above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS = {
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 20_000,
} as const;

/** A 400 naming the file at fault and the rule it breaks. */
export function packageError(file: string, rule: string, explanation: string) {
  return badRequest("file", rule, `${file}: ${explanation} (rule: ${rule})`);
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** True when the bytes start like a zip (a local file header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The problem with an entry's path, or null: absolute, drive-letter, parent (`..`) paths and NUL characters. */
export function unsafePathReason(name: string): { rule: string; explanation: string } | null {
  const normalised = name.replace(/\\/g, "/");
  if (normalised.includes("\0")) return { rule: "no_control_characters", explanation: "its name has a NUL character" };
  if (normalised.startsWith("/") || /^[A-Za-z]:/.test(normalised)) {
    return { rule: "no_absolute_paths", explanation: "absolute paths are not allowed in a package" };
  }
  if (normalised.split("/").some((segment) => segment === "..")) {
    return { rule: "no_parent_paths", explanation: "'..' would write outside the package" };
  }
  return null;
}

/**
 * Reads the zip's central directory and checks every entry before anything is decompressed:
 * safe relative paths, no symbolic links (Unix mode in the external attributes), no encryption,
 * stored or deflated only, no duplicate names, and the zip-bomb limits (per-entry ratio, total size).
 */
export function readCentralDirectory(bytes: Uint8Array, fileName: string, limits: ZipLimits): ZipEntry[] {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(bytes, at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw packageError(fileName, "zip_type", "not a readable zip archive (no central directory)");
  const count = u16(bytes, eocd + 10);
  const directorySize = u32(bytes, eocd + 12);
  const directoryOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw packageError(fileName, "no_zip64", "ZIP64 archives are not supported");
  }
  if (directoryOffset + directorySize > eocd) {
    throw packageError(fileName, "zip_type", "not a readable zip archive (truncated central directory)");
  }
  if (count > limits.maxEntries) {
    throw packageError(fileName, "max_entries", `${count} files, at most ${limits.maxEntries} are allowed`);
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== CENTRAL) {
      throw packageError(fileName, "zip_type", "not a readable zip archive (corrupt central directory)");
    }
    const madeBy = u16(bytes, at + 4);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const attributes = u32(bytes, at + 38);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    const unsafe = unsafePathReason(name);
    if (unsafe) throw packageError(name, unsafe.rule, unsafe.explanation);
    if (madeBy >> 8 === UNIX_HOST && ((attributes >>> 16) & S_IFMT) === S_IFLNK) {
      throw packageError(name, "no_symlinks", "symbolic links are not allowed in a package");
    }
    if (flags & 1) throw packageError(name, "no_encryption", "encrypted files are not supported");
    if (method !== 0 && method !== 8) {
      throw packageError(
        name,
        "compression_method",
        `compression method ${method} is not supported (stored or deflate)`,
      );
    }
    if (compressedSize === 0xffffffff || size === 0xffffffff) {
      throw packageError(name, "no_zip64", "ZIP64 entries are not supported");
    }
    const normalised = name.replace(/\\/g, "/");
    if (seen.has(normalised)) throw packageError(name, "no_duplicates", "the archive holds this path twice");
    seen.add(normalised);
    if (size > limits.ratioFloorBytes && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      throw packageError(
        name,
        "zip_bomb_ratio",
        `expands ${Math.round(size / Math.max(compressedSize, 1))} times (at most ${limits.maxRatio} for files over ${limits.ratioFloorBytes} bytes)`,
      );
    }
    total += size;
    if (total > limits.maxUncompressedBytes) {
      throw packageError(
        fileName,
        "max_uncompressed_size",
        `its files add up to more than ${limits.maxUncompressedBytes} bytes once uncompressed`,
      );
    }
    entries.push({ name: normalised, directory: normalised.endsWith("/"), compressedSize, size, crc });
  }
  return entries;
}

/**
 * Decompresses the files, a batch at a time so memory stays bounded, and hands each to `write`.
 * A file whose content doesn't match its declared size and CRC (a lying header) stops everything.
 */
export async function extractEntries(
  bytes: Uint8Array,
  entries: ZipEntry[],
  write: (entry: ZipEntry, content: Uint8Array) => Promise<void>,
  batchBytes = 64 * 1024 * 1024,
): Promise<void> {
  const files = entries.filter((e) => !e.directory);
  let start = 0;
  while (start < files.length) {
    let end = start;
    let size = 0;
    while (end < files.length && (end === start || size + (files[end]?.size ?? 0) <= batchBytes)) {
      size += files[end]?.size ?? 0;
      end++;
    }
    const batch = files.slice(start, end);
    const wanted = new Set(batch.map((e) => e.name));
    let unzipped: Record<string, Uint8Array>;
    try {
      unzipped = unzipSync(bytes, { filter: (file) => wanted.has(file.name.replace(/\\/g, "/")) });
    } catch (error) {
      throw packageError(
        batch[0]?.name ?? "package",
        "zip_type",
        `could not be decompressed (${(error as Error).message})`,
      );
    }
    const byName = new Map(Object.entries(unzipped).map(([name, content]) => [name.replace(/\\/g, "/"), content]));
    for (const entry of batch) {
      const content = byName.get(entry.name);
      if (!content || content.length !== entry.size || crc32(content) !== entry.crc) {
        throw packageError(entry.name, "zip_integrity", "its content does not match its declared size and checksum");
      }
      await write(entry, content);
    }
    start = end;
  }
}

/** One file's bytes (e.g. imsmanifest.xml), checked like every other. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  let found: Uint8Array | undefined;
  try {
    found = Object.values(unzipSync(bytes, { filter: (file) => file.name.replace(/\\/g, "/") === entry.name }))[0];
  } catch (error) {
    throw packageError(entry.name, "zip_type", `could not be decompressed (${(error as Error).message})`);
  }
  if (!found || found.length !== entry.size || crc32(found) !== entry.crc) {
    throw packageError(entry.name, "zip_integrity", "its content does not match its declared size and checksum");
  }
  return found;
}
