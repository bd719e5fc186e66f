import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Checks at start that DATA_DIR can take files (uploads, certificates, the embedded database):
 * creates it when missing, then writes, syncs and removes a probe file. A read-only folder or
 * file system, a full disk, or a path that isn't a folder stop the start with one clear line,
 * before anything is written (issue #9), rather than failing later in the middle of an upload.
 */
export async function ensureWritableDataDir(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.write-check-${crypto.randomUUID()}`);
  try {
    await fs.mkdir(dataDir, { recursive: true });
    const handle = await fs.open(probe, "wx");
    try {
      await handle.writeFile("tutora");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rm(probe);
  } catch (error) {
    await fs.rm(probe, { force: true }).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    const why =
      code === "ENOSPC"
        ? "the disk is full"
        : code === "EROFS"
          ? "the file system is read-only"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : code === "ENOTDIR" || code === "EEXIST"
              ? "it is not a folder"
              : code;
    throw new Error(`DATA_DIR ${dataDir} is not writable (${why}): set DATA_DIR to a writable folder`);
  }
}
