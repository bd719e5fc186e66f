import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "../../errors.js";

/** An uploaded file read whole into memory, within its route's size limit. */
export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/**
 * Reads the single `file` part of a multipart request. Over `maxBytes` → 400 naming `file` and
 * `max_size` (the part is read to its limit, never whole); no part or not multipart → 400.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest("file", "multipart", "Send the file as multipart/form-data");
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
  if (!part) throw badRequest("file", "required", "No file was sent");
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  if (part.file.truncated) {
    throw badRequest("file", "max_size", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length === 0) throw badRequest("file", "required", "The file is empty");
  return { fileName: path.basename(part.filename || "file"), bytes };
}

export type ImageKind = { ext: ".png" | ".jpg" | ".webp"; mimeType: string };

// Markup that a browser could run if it ever sniffed the file as HTML or SVG (polyglots).
const MARKUP = /<\s*(script|svg|html|body|iframe|object|embed|!doctype|\?xml)\b/i;

/** True when a PNG's chunks are well formed and end exactly with IEND (nothing appended). */
function wellFormedPng(bytes: Buffer): boolean {
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const next = offset + 12 + length;
    if (next > bytes.length) return false;
    if (type === "IEND") return next === bytes.length;
    offset = next;
  }
  return false;
}

/**
 * Tells a thumbnail's type from its first bytes (PNG, JPEG, WebP), whatever its name or declared
 * type says. SVG and anything else → 400 `file`/`image_type`; an image carrying markup or data after
 * its end (a polyglot) → 400 `file`/`polyglot`.
 */
export function checkImage(bytes: Buffer): ImageKind {
  let kind: ImageKind | null = null;
  let intact = false;
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    kind = { ext: ".png", mimeType: "image/png" };
    intact = wellFormedPng(bytes);
  } else if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    kind = { ext: ".jpg", mimeType: "image/jpeg" };
    // Some encoders pad after the end marker with zeros; anything else after it is refused.
    let end = bytes.length;
    while (end > 2 && bytes[end - 1] === 0) end--;
    intact = bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
  } else if (
    bytes.length > 12 &&
    bytes.toString("latin1", 0, 4) === "RIFF" &&
    bytes.toString("latin1", 8, 12) === "WEBP"
  ) {
    kind = { ext: ".webp", mimeType: "image/webp" };
    intact = bytes.readUInt32LE(4) + 8 === bytes.length;
  }
  if (!kind) throw badRequest("file", "image_type", "The thumbnail must be a PNG, JPEG or WebP image (SVG is refused)");
  if (!intact || MARKUP.test(bytes.toString("latin1"))) {
    throw badRequest("file", "polyglot", "The image is damaged or carries other content; export it again");
  }
  return kind;
}

/** A PDF by its first bytes (`%PDF-`) with its end marker; anything else → 400 `file`/`pdf_type`. */
export function checkPdf(bytes: Buffer): void {
  const tail = bytes.toString("latin1", Math.max(0, bytes.length - 1024));
  if (bytes.toString("latin1", 0, 5) !== "%PDF-" || !tail.includes("%%EOF")) {
    throw badRequest("file", "pdf_type", "The document must be a PDF file");
  }
}

/** Writes `bytes` at `relative` under `root`, refusing any path that would leave it. Returns the absolute path. */
export async function storeFile(root: string, relative: string, bytes: Buffer): Promise<string> {
  const base = path.resolve(root);
  const absolute = path.resolve(base, relative);
  if (!absolute.startsWith(base + path.sep)) throw new AppError(500, "bad_path", "Refused storage path");
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  await fs.writeFile(absolute, bytes, { flag: "wx" });
  return absolute;
}

/** Removes a stored file if it is under `root`; a missing file is fine (already gone). */
export async function removeFile(root: string, relative: string | null | undefined): Promise<void> {
  if (!relative) return;
  const base = path.resolve(root);
  const absolute = path.resolve(base, relative);
  if (!absolute.startsWith(base + path.sep)) return;
  await fs.rm(absolute, { force: true });
}
