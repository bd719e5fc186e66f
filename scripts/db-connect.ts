import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../server/config.js";
import { startEmbeddedPostgres } from "../server/db/embedded.js";

/**
 * The database an operations script (backup, restore, consistency check) works on: DATABASE_URL,
 * or the embedded PostgreSQL under DATA_DIR — the running one when the app is up (its port is in
 * postmaster.pid), otherwise started for the script and stopped after it.
 */
export async function connectTarget(options: { mustBeStopped?: boolean } = {}) {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, dataDir: config.dataDir, stop: async () => {} };
  const pidFile = path.join(config.dataDir, "pg", "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const lines = fs.readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) {
      if (options.mustBeStopped) {
        throw new Error(`The app's embedded database in ${config.dataDir} is running (pid ${pid}): stop the app first`);
      }
      return {
        url: `postgres://postgres:tutora@127.0.0.1:${Number(lines[3])}/tutora`,
        dataDir: config.dataDir,
        stop: async () => {},
      };
    }
  }
  const embedded = await startEmbeddedPostgres(config.dataDir);
  return { url: embedded.url, dataDir: config.dataDir, stop: embedded.stop };
}
