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

const rcUseFormId = "\0tutora-rc-form-use-form";
const radioNamePathId = "\0tutora-antd-radio-name-path";

/**
 * antd's Input, Select, Radio, Drawer, Dropdown… import a context or a helper from its form folder,
 * which takes them from @rc-component/form's index; that index attaches Field, List and useForm to the
 * Form as side effects, so the whole form library (~12 kB gzip with its validator) came with every
 * screen, forms or not. For the two modules that need one part, import that part from the file that
 * defines it: the same code, without the rest. antd's Form itself still imports the index.
 */
function rcFormParts(): Plugin {
  return {
    name: "tutora-rc-form-parts",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer) return null;
      const from = importer.replace(/\\/g, "/");
      // Radio.Group takes one 3-line helper (`toNamePathStr`) from antd's Form hooks, which holds the
      // form store: give it that helper alone (the build fails if Radio.Group ever needs more from there).
      if (source === "../form/hooks/useForm" && from.endsWith("/antd/es/radio/group.js")) return radioNamePathId;
      if (source !== "@rc-component/form") return null;
      // `import { FormProvider } from "@rc-component/form"`
      if (from.endsWith("/antd/es/form/context.js")) {
        return this.resolve("@rc-component/form/es/FormContext.js", importer, { skipSelf: true });
      }
      // `import { useForm as useRcForm } from "@rc-component/form"`
      if (from.endsWith("/antd/es/form/hooks/useForm.js")) return rcUseFormId;
      return null;
    },
    async load(id) {
      if (id === rcUseFormId) return 'export { default as useForm } from "@rc-component/form/es/hooks/useForm.js";';
      if (id !== radioNamePathId) return null;
      const util = await this.resolve("antd/es/form/util.js");
      if (!util) throw new Error("antd/es/form/util.js not found");
      // antd/es/form/hooks/useForm.js's toNamePathStr, as it is.
      return `import { toArray } from ${JSON.stringify(util.id)};\nexport function toNamePathStr(name) { return toArray(name).join("_"); }`;
    },
  };
}

/** Builds the single-page app into dist/web, which the server serves in production. */
export default defineConfig({
  root: webRoot,
  plugins: [react(), rcFormParts(), precompress()],
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
