/**
 * Builds the server for production (`npm start`, the benchmark): every TypeScript file the server
 * runs (server/, common/, scripts/, bench/server.ts; no tests) transpiled one by one to JavaScript
 * in dist/app, keeping the folder tree, so the process runs on plain Node. Running the sources
 * through tsx in production cost ~70 MB of RSS more (its loader and the compiler it keeps loaded,
 * in the main thread and again in the certificate renderer's thread). Type checking stays with
 * `npm run typecheck`; this only strips types.
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { projectRoot } from "../server/project-root.js";

const OUT = path.join(projectRoot, "dist", "app");

/** The files to build, relative to the project: sources only, no tests nor test helpers. */
function serverSources(root: string): string[] {
  const files = ["bench/server.ts"];
  for (const folder of ["server", "common", "scripts"]) {
    for (const entry of fs.readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name));
      if (file.startsWith(path.join("server", "test") + path.sep)) continue;
      files.push(file);
    }
  }
  return files.sort();
}

async function main() {
  const started = performance.now();
  const files = serverSources(projectRoot);
  fs.rmSync(OUT, { recursive: true, force: true });
  await build({
    absWorkingDir: projectRoot,
    entryPoints: files,
    outdir: OUT,
    outbase: ".",
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  // Node reads dist/app's files as ES modules through the project's package.json ("type": "module").
  console.log(
    `Server built: ${files.length} files in ${path.relative(projectRoot, OUT)} (${Math.round(performance.now() - started)} ms)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
