import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import Fastify from "fastify";
import helmet from "helmet";
import { describe, expect, it } from "vitest";
import { helmetHeaders, securityHeadersPlugin } from "./securityHeaders.js";

const options = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'self'"] } },
  referrerPolicy: { policy: "same-origin" as const },
  crossOriginEmbedderPolicy: false,
};

describe("security headers computed once", () => {
  it("are the headers helmet's middleware sets on a real response", () => {
    const response = new ServerResponse(new IncomingMessage(new Socket()));
    response.setHeader("X-Powered-By", "something");
    helmet(options)(response.req, response, () => {});
    const expected = Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]);
    const computed = helmetHeaders(options).map(([name, value]) => [name.toLowerCase(), value]);
    expect(Object.fromEntries(computed)).toEqual(Object.fromEntries(expected));
    expect(computed.length).toBeGreaterThan(8);
  });

  it("are on every response, a route's own header winning, and on a hijacked stream", async () => {
    const app = Fastify();
    await app.register(securityHeadersPlugin, options);
    app.get("/plain", async () => ({ ok: true }));
    app.get("/own", async (_request, reply) => reply.header("content-security-policy", "default-src 'none'").send("x"));
    app.get("/raw", (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { "content-type": "text/plain" });
      reply.raw.end("raw");
    });
    const plain = await app.inject({ url: "/plain" });
    const csp = String(plain.headers["content-security-policy"]);
    expect(csp).toMatch(/^default-src 'self';/);
    expect(csp).toContain(";frame-ancestors 'self';");
    expect(plain.headers["referrer-policy"]).toBe("same-origin");
    expect(plain.headers["x-content-type-options"]).toBe("nosniff");
    expect(plain.headers["cross-origin-embedder-policy"]).toBeUndefined();
    expect((await app.inject({ url: "/own" })).headers["content-security-policy"]).toBe("default-src 'none'");
    expect((await app.inject({ url: "/raw" })).headers["x-frame-options"]).toBe("SAMEORIGIN");
    await app.close();
  });
});
