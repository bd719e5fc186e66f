import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { LessonScorm, ScormPackage } from "../../../common/api/scorm.js";
import type { Db } from "../../db/client.js";
import { badRequest, notFound } from "../../errors.js";
import { writeAudit } from "../audit/audit.js";
import { MANIFEST, type ManifestInfo, parseManifest } from "./manifest.js";
import * as q from "./queries.js";
import {
  DEFAULT_ZIP_LIMITS,
  extractEntries,
  looksLikeZip,
  packageError,
  readCentralDirectory,
  readEntry,
  type ZipEntry,
} from "./zip.js";

/** Where packages live and how big they may be. */
export interface ScormStorage {
  dataDir: string;
  maxBytes: number;
}

/** Packages are unpacked under DATA_DIR/scorm/<package id>/. */
export const SCORM_DIR = "scorm";

/** A package's files once uncompressed may weigh this many times the zip limit (zip-bomb guard). */
export const UNCOMPRESSED_FACTOR = 4;

export interface InspectedPackage {
  entries: ZipEntry[];
  manifest: ManifestInfo;
}

/**
 * Checks a package before anything is stored: size, zip type (magic bytes), every entry's path,
 * links and zip-bomb limits, then imsmanifest.xml at the root, well-formed, with a launchable SCO
 * whose file is in the package. Throws a 400 naming the file and the rule.
 */
export function inspectPackage(bytes: Uint8Array, fileName: string, maxBytes: number): InspectedPackage {
  if (bytes.length > maxBytes) {
    throw packageError(fileName, "max_size", `${bytes.length} bytes, the limit is ${maxBytes} bytes`);
  }
  if (!looksLikeZip(bytes)) throw packageError(fileName, "zip_type", "not a zip archive (wrong file signature)");
  const entries = readCentralDirectory(bytes, fileName, {
    ...DEFAULT_ZIP_LIMITS,
    maxUncompressedBytes: maxBytes * UNCOMPRESSED_FACTOR,
  });
  const manifestEntry = entries.find((e) => e.name === MANIFEST);
  if (!manifestEntry) {
    const nested = entries.find((e) => e.name.endsWith(`/${MANIFEST}`));
    throw packageError(
      MANIFEST,
      "manifest_required",
      nested ? `must be at the root of the zip, found "${nested.name}" instead` : "missing at the root of the package",
    );
  }
  const xml = new TextDecoder().decode(readEntry(bytes, manifestEntry));
  const files = new Set(entries.filter((e) => !e.directory).map((e) => e.name));
  const manifest = parseManifest(xml, (file) => files.has(file));
  return { entries, manifest };
}

function present(row: q.PackageRow): ScormPackage {
  return {
    id: row.id,
    version: row.version,
    versionDetail: row.versionDetail ?? row.version,
    title: row.manifest.title ?? "",
    launchPath: row.launchPath,
    masteryScore: row.masteryScore,
    sizeBytes: row.sizeBytes,
    fileCount: row.manifest.fileCount ?? 0,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
    uploadedBy: row.uploaderId
      ? { id: row.uploaderId, firstName: row.uploaderFirstName ?? "", lastName: row.uploaderLastName ?? "" }
      : null,
    active: row.active,
  };
}

/** The admin page's data: the lesson, its current package and the replaced ones. */
export async function lessonScorm(db: Db, storage: ScormStorage, lessonId: string): Promise<LessonScorm> {
  const lesson = await q.findLesson(db, lessonId);
  if (!lesson) throw notFound("Lesson");
  const packages = (await q.lessonPackages(db, lessonId)).map(present);
  return {
    lesson: {
      id: lesson.id,
      title: lesson.title,
      type: lesson.type,
      course: { id: lesson.courseId, name: lesson.courseName },
    },
    current: packages.find((p) => p.active) ?? null,
    history: packages.filter((p) => !p.active),
    maxBytes: storage.maxBytes,
  };
}

/**
 * Stores a package for an e-learning lesson: inspects it, unpacks it into a temporary folder,
 * renames that folder into place, then records it (the previous package kept, inactive) with its
 * audit entry in one transaction. Any failure removes what was written: nothing is half-stored.
 */
export async function storePackage(
  db: Db,
  storage: ScormStorage,
  input: { lessonId: string; fileName: string; bytes: Uint8Array; userId: string | null },
): Promise<ScormPackage> {
  const lesson = await q.findLesson(db, input.lessonId);
  if (!lesson) throw notFound("Lesson");
  if (lesson.type !== "elearning") {
    throw badRequest("lessonId", "elearning_only", "SCORM packages belong to e-learning lessons only");
  }
  const { entries, manifest } = inspectPackage(input.bytes, input.fileName, storage.maxBytes);

  const id = crypto.randomUUID();
  const root = path.resolve(storage.dataDir, SCORM_DIR);
  const temporary = path.join(root, `.tmp-${id}`);
  const final = path.join(root, id);
  await fs.mkdir(temporary, { recursive: true });
  try {
    for (const entry of entries.filter((e) => e.directory)) {
      await fs.mkdir(path.join(temporary, entry.name), { recursive: true });
    }
    await extractEntries(input.bytes, entries, async (entry, content) => {
      const target = path.resolve(temporary, entry.name);
      // readCentralDirectory refused unsafe paths; this is the last line of defence.
      if (!target.startsWith(temporary + path.sep))
        throw packageError(entry.name, "no_parent_paths", "outside the package");
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, content, { flag: "wx" });
    });
    await fs.rename(temporary, final);
  } catch (error) {
    await fs.rm(temporary, { recursive: true, force: true });
    throw error;
  }
  try {
    await db.transaction(async (tx) => {
      const locked = await q.findLesson(tx, input.lessonId, true);
      if (!locked) throw notFound("Lesson");
      await q.deactivatePackages(tx, input.lessonId);
      const record = {
        id,
        lessonId: input.lessonId,
        version: manifest.version,
        versionDetail: manifest.versionDetail,
        launchPath: manifest.launchPath,
        storagePath: `${SCORM_DIR}/${id}`,
        masteryScore: manifest.masteryScore,
        manifest: {
          title: manifest.title,
          identifier: manifest.identifier,
          organization: manifest.organization,
          sco: manifest.scoIdentifier,
          resource: manifest.resourceIdentifier,
          fileName: input.fileName,
          fileCount: entries.filter((e) => !e.directory).length,
          uncompressedBytes: entries.reduce((sum, e) => sum + e.size, 0),
        },
        sizeBytes: input.bytes.length,
        uploadedBy: input.userId,
      };
      await q.insertPackage(tx, record);
      await writeAudit(tx, {
        actorId: input.userId,
        action: "scorm.upload",
        entityType: "scorm_package",
        entityId: id,
        courseId: lesson.courseId,
        lessonId: input.lessonId,
        after: { version: manifest.versionDetail, launchPath: manifest.launchPath, fileName: input.fileName },
      });
    });
  } catch (error) {
    await fs.rm(final, { recursive: true, force: true });
    throw error;
  }
  const stored = (await q.lessonPackages(db, input.lessonId)).find((p) => p.id === id);
  if (!stored) throw notFound("Package");
  return present(stored);
}

/** The package's folder on disk when the user may see its lesson; null otherwise (answered 404). */
export async function readableFolder(db: Db, storage: ScormStorage, user: CurrentUser, packageId: string) {
  const found = await q.readablePackage(db, packageId, user.id, user.roles.includes("admin"));
  if (!found) return null;
  return path.resolve(storage.dataDir, found.storagePath);
}
