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

const isBrightId = "\0tutora-antd-is-bright";

/**
 * antd's Button and Tag styles take one helper (`isBright`) from the color picker's presets panel,
 * whose module also imports antd's Collapse: Collapse and rc-collapse (~3 kB gzip) came with every
 * screen. Give those two style modules the helper alone, its text taken from antd's file as it is
 * (the build fails if that file no longer defines it the same way).
 */
function isBrightAlone(): Plugin {
  return {
    name: "tutora-antd-is-bright",
    apply: "build",
    enforce: "pre",
    resolveId(source, importer) {
      if (source !== "../../color-picker/components/ColorPresets" || !importer) return null;
      const from = importer.replace(/\\/g, "/");
      return from.endsWith("/antd/es/button/style/token.js") || from.endsWith("/antd/es/tag/style/index.js")
        ? isBrightId
        : null;
    },
    async load(id) {
      if (id !== isBrightId) return null;
      const presets = await this.resolve("antd/es/color-picker/components/ColorPresets.js");
      if (!presets) throw new Error("antd/es/color-picker/components/ColorPresets.js not found");
      const code = await fs.readFile(presets.id, "utf8");
      const helper = /\nexport const isBright = \(value, bgColorToken\) => \{\n[\s\S]*?\n\};\n/.exec(code)?.[0];
      if (!helper || !code.includes("import { ColorBlock, Color as RcColor } from '@rc-component/color-picker';")) {
        throw new Error("antd's ColorPresets.js changed: isBrightAlone needs a look");
      }
      const color = await this.resolve("@rc-component/color-picker", presets.id);
      if (!color) throw new Error("@rc-component/color-picker not found");
      return `import { Color as RcColor } from ${JSON.stringify(color.id)};${helper}`;
    },
  };
}

const lazySelectId = "\0tutora-antd-pagination-lazy-select";

/**
 * antd's Pagination imports Select for its page-size changer, and antd's Table imports Pagination, so
 * every table brought rc-select (~13 kB gzip) even though no screen shows that changer: our pager
 * (TablePager) has its own page-size picker and every other pagination passes showSizeChanger false.
 * Pagination gets a Select that loads antd's on first render instead, so should a screen ever show
 * antd's changer it still works, a moment later.
 */
function lazyPaginationSelect(): Plugin {
  let redirected = false;
  return {
    name: "tutora-lazy-pagination-select",
    apply: "build",
    enforce: "pre",
    buildStart() {
      redirected = false;
    },
    resolveId(source, importer) {
      if (source === "../select" && importer?.replace(/\\/g, "/").endsWith("/antd/es/pagination/Pagination.js")) {
        redirected = true;
        return lazySelectId;
      }
      return null;
    },
    buildEnd(error) {
      const pagination = [...this.getModuleIds()].some((id) =>
        id.replace(/\\/g, "/").endsWith("/antd/es/pagination/Pagination.js"),
      );
      if (!error && pagination && !redirected) {
        throw new Error("antd's Pagination.js no longer imports '../select': lazyPaginationSelect needs a look");
      }
    },
    load(id) {
      if (id !== lazySelectId) return null;
      return [
        'import { createElement, lazy, Suspense } from "react";',
        'const Select = lazy(() => import("antd/es/select/index.js"));',
        "export default function LazySelect(props) {",
        "  return createElement(Suspense, { fallback: null }, createElement(Select, props));",
        "}",
      ].join("\n");
    },
  };
}

const barrelImport = /import\s*\{([^}]*)\}\s*from\s*["'](antd|@ant-design\/icons)["'];?/g;

/**
 * `import { Table, Button } from "antd"` becomes one import per component file (and the same for
 * @ant-design/icons). The bundle is the same (tree-shaking dropped the rest already); the module
 * graph then says which component each screen imports, which shellChunks reads, instead of every
 * screen importing all of antd through its index.
 */
function directComponentImports(): Plugin {
  const antdFolders = new Map<string, string>();
  return {
    name: "tutora-direct-component-imports",
    apply: "build",
    async buildStart() {
      const index = await fs.readFile(path.resolve(webRoot, "../node_modules/antd/es/index.js"), "utf8");
      for (const m of index.matchAll(/export \{ default as (\w+) \} from '\.\/([\w-]+)';/g)) {
        antdFolders.set(m[1] as string, m[2] as string);
      }
    },
    transform: {
      filter: { id: /[\\/]web[\\/]src[\\/].*\.tsx?$/ },
      handler(code, id) {
        if (!code.includes('from "antd"') && !code.includes('from "@ant-design/icons"')) return null;
        const out = code.replace(barrelImport, (_all, names: string, from: string) =>
          names
            .split(",")
            .map((n) => n.trim())
            .filter((n) => n !== "" && !n.startsWith("type "))
            .map((n) => {
              const [name, alias = name] = n.split(/\s+as\s+/) as [string, string?];
              const file =
                from === "antd"
                  ? antdFolders.get(name) && `antd/es/${antdFolders.get(name)}/index.js`
                  : `@ant-design/icons/es/icons/${name}`;
              if (!file) throw new Error(`${id}: no antd component named ${name}`);
              return `import ${alias} from "${file}";`;
            })
            .join("\n"),
        );
        return { code: out, map: null };
      },
    },
  };
}

type ChunkName = "boot" | "common" | "shell" | "first";

/**
 * The code every signed-in screen needs, in four chunks instead of some eighty: `boot` (what
 * main.tsx imports: React, the router, i18next, the query client, antd's core), `common` (what the
 * sign-in page shares with the layout and the first screen: Button, Input…), `shell` (the rest of
 * the layout's: the menus) and `first` (the rest of the first screen's libraries: antd's Table,
 * Pagination, Tree…; its own code stays in its page chunk). Left to automatic splitting, each set
 * of screens sharing a module got a chunk of its own: the first screen fetched 77 files (the
 * tutoring center 96), and gzip could not share a dictionary across them. The sets are the static
 * import closures of those modules, read from the module graph once it is built (antd's and the
 * icons' indexes are bypassed by directComponentImports, so a closure holds the components a screen
 * imports, not all of antd). The sign-in page's other modules and other screens keep automatic chunks.
 */
function shellChunks(): {
  plugin: Plugin;
  groups: { name: ChunkName; test: (id: string) => boolean; priority: number }[];
} {
  const src = (file: string) => path.join(webRoot, "src", file);
  const firstOwn = src("pages/tutored-courses") + path.sep;
  const sets: Record<ChunkName, Set<string>> = {
    boot: new Set(),
    common: new Set(),
    shell: new Set(),
    first: new Set(),
  };
  const plugin: Plugin = {
    name: "tutora-shell-chunks",
    apply: "build",
    buildEnd(error) {
      if (error) return;
      for (const set of Object.values(sets)) set.clear();
      const closure = (root: string) => {
        if (!this.getModuleInfo(root)) throw new Error(`shellChunks: ${root} is not in the build`);
        const seen = new Set<string>();
        const stack = [root];
        while (stack.length > 0) {
          const id = stack.pop() as string;
          if (seen.has(id)) continue;
          seen.add(id);
          const info = this.getModuleInfo(id);
          const lazy = new Set(info?.dynamicallyImportedIds ?? []);
          stack.push(...(info?.importedIds ?? []).filter((d) => !lazy.has(d)));
        }
        return seen;
      };
      const boot = closure(src("main.tsx"));
      const layout = closure(src("app/AppLayout.tsx"));
      const first = closure(src("pages/tutored-courses/TutoredCoursesPage.tsx"));
      const signIn = closure(src("pages/sign-in/SignInPage.tsx"));
      for (const id of boot) sets.boot.add(id);
      for (const id of signIn) if (!boot.has(id) && (layout.has(id) || first.has(id))) sets.common.add(id);
      for (const id of layout) if (!boot.has(id) && !sets.common.has(id)) sets.shell.add(id);
      for (const id of first) {
        if (!boot.has(id) && !sets.common.has(id) && !layout.has(id) && !id.startsWith(firstOwn)) sets.first.add(id);
      }
    },
  };
  const groups = (["boot", "common", "shell", "first"] as const).map((name, i) => ({
    name,
    test: (id: string) => sets[name].has(id),
    priority: 4 - i,
  }));
  return { plugin, groups };
}

const shell = shellChunks();

/** Builds the single-page app into dist/web, which the server serves in production. */
export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    directComponentImports(),
    rcFormParts(),
    isBrightAlone(),
    lazyPaginationSelect(),
    shell.plugin,
    precompress(),
  ],
  build: {
    outDir: path.resolve(webRoot, "../dist/web"),
    emptyOutDir: true,
    // antd alone weighs more than Vite's default warning threshold once pages share it.
    chunkSizeWarningLimit: 900,
    rolldownOptions: { output: { codeSplitting: { groups: shell.groups } } },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
