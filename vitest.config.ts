import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/** Two projects: the server's tests against a real PostgreSQL, the web's component tests in jsdom. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "server",
          environment: "node",
          include: ["server/**/*.test.ts", "common/**/*.test.ts", "scripts/**/*.test.ts"],
          globalSetup: ["./server/test/global-setup.ts"],
          // The tests share one database; running files in parallel would make them step on each other.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        // Under Node "antd" resolves to its CommonJS build (lib/); a deep import of its ES build (es/) would
        // load a second copy, with React contexts of its own (the app's root provides antd's App context).
        resolve: { alias: [{ find: /^antd\/es\//, replacement: "antd/lib/" }] },
        test: {
          name: "web",
          environment: "jsdom",
          include: ["web/src/**/*.test.tsx", "web/src/**/*.test.ts"],
          setupFiles: ["./web/src/test/setup.ts"],
          // antd renders large trees; the first test of a file also pays for loading it.
          testTimeout: 40_000,
        },
      },
    ],
  },
});
