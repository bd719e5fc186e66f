import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The headers helmet sets with these options, computed once. None of them depends on the request
 * (a CSP given as plain strings, no nonces), and helmet's middleware is synchronous; it is run here
 * on a stand-in response that records what it sets and removes.
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): [name: string, value: string][] {
  const headers = new Map<string, [string, string]>();
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), [name, Array.isArray(value) ? value.join(", ") : String(value)]);
      return response;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error("helmet's middleware did not finish synchronously");
  return [...headers.values()];
}

/**
 * helmet's security headers on every response, as @fastify/helmet set them (on the raw response,
 * so the live updates' hijacked stream has them too; a route's own header still wins). That plugin
 * built helmet's middlewares, parsing the CSP, for every request: 5 % of the server's CPU under the
 * SCORM commits load (issue #8). Here they are built once.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, options: Readonly<HelmetOptions>) => {
  const headers = helmetHeaders(options);
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
});
