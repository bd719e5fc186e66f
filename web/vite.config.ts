import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Writes a .br and a .gz beside every text asset of the build, at the highest levels: the server
 * serves them as they are (@fastify/static `preCompressed`), so no request pays for compressing.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "tutora-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After the public folder is copied too (favicon.svg); .vite/ (the manifest) is not served.
    async closeBundle() {
      const entries = await fs.readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && /\.(js|css|svg|html)$/.test(e.name))
        .map((e) => path.join(e.parentPath, e.name))
        .filter((full) => !path.relative(outDir, full).startsWith(".vite"));
      await Promise.all(
        files.map(async (full) => {
          const content = await fs.readFile(full);
          const [gz, br] = await Promise.all([
            gzip(content, { level: 9 }),
            brotli(content, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
          ]);
          await Promise.all([fs.writeFile(`${full}.gz`, gz), fs.writeFile(`${full}.br`, br)]);
        }),
      );
    },
  };
}

/** Builds the single-page app into dist/web, which the server serves in production. */
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: path.resolve(webRoot, "../dist/web"),
    emptyOutDir: true,
    // antd alone weighs more than Vite's default warning threshold once pages share it.
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
