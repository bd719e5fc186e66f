import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createTestDatabase, type TestDatabase } from "./test/db.js";

/**
 * The built web app as the server sends it: a build folder like Vite's (web/vite.config.ts writes
 * a .br and a .gz beside each asset). Each compressed file holds its own text, so the bytes say
 * which file was sent: the precompressed one, never the plain file compressed on the fly.
 */
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "tutora-static-"));
const asset = "assets/app-Bx12cd34.js";
const plain = {
  [asset]: "console.log('plain');\n",
  "index.html": "<!doctype html><html><body><div id=root></div></body></html>\n",
};

function writeBuild() {
  fs.mkdirSync(path.join(webDir, "assets"));
  fs.mkdirSync(path.join(webDir, ".vite"));
  fs.writeFileSync(path.join(webDir, ".vite", "manifest.json"), "{}");
  for (const [file, text] of Object.entries(plain)) {
    const full = path.join(webDir, file);
    fs.writeFileSync(full, text);
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(`gzip of ${file}`));
    fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(`brotli of ${file}`));
  }
}

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  writeBuild();
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
  app = await buildApp({ db: database.db, config, webDir, logger: false });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const fetch = (url: string, acceptEncoding?: string) =>
  app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

const IMMUTABLE = "public, max-age=31536000, immutable";

describe("web app files", () => {
  it("sends a hashed asset's brotli file to a browser that accepts br, cached for a year", async () => {
    const response = await fetch(`/${asset}`, "gzip, deflate, br");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers["cache-control"]).toBe(IMMUTABLE);
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(`brotli of ${asset}`);
  });

  it("sends the gzip file to a client that accepts only gzip", async () => {
    const response = await fetch(`/${asset}`, "gzip");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers["cache-control"]).toBe(IMMUTABLE);
    expect(zlib.gunzipSync(response.rawPayload).toString()).toBe(`gzip of ${asset}`);
  });

  it("sends the plain file, still varying on accept-encoding, to a client that accepts no encoding", async () => {
    for (const acceptEncoding of [undefined, "identity"]) {
      const response = await fetch(`/${asset}`, acceptEncoding);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-encoding"]).toBeUndefined();
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers["cache-control"]).toBe(IMMUTABLE);
      expect(response.body).toBe(plain[asset]);
    }
  });

  it("serves the single-page app's index.html, compressed, for any screen's URL, never cached without revalidation", async () => {
    for (const url of ["/", "/tutorat/formations", "/tutorat/formations/abc/centre?page=2"]) {
      const br = await fetch(url, "br, gzip");
      expect(br.statusCode).toBe(200);
      expect(br.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers["cache-control"]).toBe("no-cache");
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe("brotli of index.html");

      const identity = await fetch(url);
      expect(identity.statusCode).toBe(200);
      expect(identity.headers["content-encoding"]).toBeUndefined();
      expect(identity.headers["cache-control"]).toBe("no-cache");
      expect(identity.body).toBe(plain["index.html"]);
    }
  });

  it("does not expose the compressed files or the build manifest as URLs of their own", async () => {
    for (const url of [`/${asset}.br`, `/${asset}.gz`, "/.vite/manifest.json"]) {
      const response = await fetch(url);
      // The single-page app's fallback, not the file.
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toBe(plain["index.html"]);
    }
  });

  it("answers an unknown API route with a JSON 404, not the app", async () => {
    const response = await fetch("/api/nothing-here", "br");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
