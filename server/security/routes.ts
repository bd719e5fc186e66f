import crypto from "node:crypto";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";

/**
 * The app's routes as the security tests see them: the route table (every route, hidden or not)
 * joined with the OpenAPI document generated from the zod schemas that validate each request.
 * The access matrix and the fuzzer are both generated from this, so a route another module adds
 * is covered without editing them (at most a sample value for a new path parameter).
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  nullable?: boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** Fastify's pattern: `/api/tutoring/courses/:courseId`. */
  url: string;
  pathParams: Parameter[];
  query: Parameter[];
  body?: JsonSchema;
  /** Content types the route documents for its body (multipart routes aren't fuzzed as JSON). */
  bodyTypes: string[];
  documented: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** Every API route of the app with what its schemas say about its parameters and body. */
export async function operations(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const documented = new Map<string, OpenApiOperation>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    const url = path.replace(/\{([^}]+)\}/g, ":$1");
    for (const [method, op] of Object.entries(methods)) documented.set(`${method.toUpperCase()} ${url}`, op);
  }
  const seen = new Set<string>();
  const result: Operation[] = [];
  for (const route of app.routeTable) {
    if (!route.url.startsWith("/api/") && !route.url.startsWith("/verify/")) continue;
    if (route.url.startsWith("/api/docs")) continue;
    const key = `${route.method} ${route.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const op = documented.get(key);
    const params = op?.parameters ?? [];
    const content = op?.requestBody?.content ?? {};
    const pathNames = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
    result.push({
      method: route.method,
      url: route.url,
      pathParams: pathNames.map((name) => {
        const p = params.find((x) => x.in === "path" && x.name === name);
        return { name, required: true, schema: p?.schema ?? { type: "string" } };
      }),
      query: params
        .filter((p) => p.in === "query")
        .map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema })),
      body: content["application/json"]?.schema,
      bodyTypes: Object.keys(content),
      documented: Boolean(op),
    });
  }
  return result;
}

export const routeKey = (op: { method: string; url: string }) => `${op.method} ${op.url}`;

function typeOf(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== "null");
  return t;
}

/**
 * A valid value for a schema, as plain as possible: the sample of a field named like a known
 * parameter (`learnerId` → the scene's learner), the first enum value, the minimum, a short text.
 */
export function validSample(schema: JsonSchema, samples: Record<string, string>, name = ""): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches?.length) return validSample(branches[0] as JsonSchema, samples, name);
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((s) => validSample(s, samples, name) as object));
  }
  const singular = name.endsWith("Ids") ? `${name.slice(0, -3)}Id` : name;
  switch (typeOf(schema)) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || samples[key] !== undefined) out[key] = validSample(sub, samples, key);
      }
      return out;
    }
    case "array": {
      const n = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: n }, () => validSample(schema.items ?? {}, samples, singular));
    }
    case "integer":
    case "number": {
      const sample = samples[name];
      if (sample !== undefined && /^\d+$/.test(sample)) return Number(sample);
      if (schema.minimum !== undefined) return Math.max(schema.minimum, Math.min(schema.maximum ?? 1, 1));
      return Math.min(schema.maximum ?? 1, 1);
    }
    case "boolean":
      return false;
    case "null":
      return null;
    case "string": {
      const sample = samples[singular];
      if (sample !== undefined) return sample;
      if (schema.format === "uuid") return crypto.randomUUID();
      if (schema.format === "date-time") return new Date(Date.now() + 7 * 86_400_000).toISOString();
      if (schema.format === "date") return new Date().toISOString().slice(0, 10);
      if (schema.format === "email") return "someone@example.com";
      if (schema.format === "uri" || schema.format === "url") return "https://example.com/";
      const text = "Sample text";
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 1000;
      return text.padEnd(min, "x").slice(0, Math.max(min, Math.min(max, text.length)));
    }
    default:
      return samples[name] ?? null;
  }
}

/** The hostile strings every text field and filter is also tried with. */
export const HOSTILE_STRINGS = [
  "'",
  "\"'`;--",
  "' OR '1'='1",
  "'; drop table users; --",
  "1 union select password_hash from users --",
  "%",
  "_",
  "\\",
  "%' and 1=1 --",
  "$1",
  "\u0000",
  "😀".repeat(3),
  "\u202e\u0301",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "a".repeat(5000),
  "name desc, (select 1)",
  "NaN",
  "-1",
  "1e309",
  "2024-02-30T25:61:00Z",
];

/** Values that are valid or close to valid for a schema, mixed with hostile ones, for fast-check. */
export function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(null, true, -1, 0, 2 ** 53, -(2 ** 53), 1.5, [], {}, ["x"], { $gt: "" }),
  );
  const valid = (): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const branches = schema.oneOf ?? schema.anyOf;
    if (branches?.length) return fc.oneof(...branches.map((b) => arbitraryFor(b, depth + 1)));
    switch (typeOf(schema)) {
      case "object": {
        if (depth > 4) return fc.constant({});
        const props = Object.entries(schema.properties ?? {});
        const required = new Set(schema.required ?? []);
        return fc.record(Object.fromEntries(props.map(([k, s]) => [k, arbitraryFor(s, depth + 1)])), {
          requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
        });
      }
      case "array":
        return fc.array(arbitraryFor(schema.items ?? {}, depth + 1), { maxLength: depth > 2 ? 2 : 5 });
      case "integer":
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31) }),
          fc.integer(),
          fc.constantFrom(0, -1, 2 ** 31, 2 ** 53),
        );
      case "number":
        return fc.oneof(fc.double({ noNaN: true }), fc.double(), fc.integer());
      case "boolean":
        return fc.boolean();
      case "string":
        if (schema.format === "uuid") return fc.oneof(fc.uuid(), fc.constant("00000000-0000-0000-0000-000000000000"));
        if (schema.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        if (schema.format === "email") return fc.emailAddress();
        return fc.string({ maxLength: Math.min(schema.maxLength ?? 200, 200), unit: "binary" });
      default:
        return fc.anything({ maxDepth: 2 });
    }
  };
  return fc.oneof({ arbitrary: valid(), weight: 4 }, { arbitrary: hostile, weight: 1 });
}

/** A query string of values (arrays repeat the key). */
export function toQueryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      search.append(key, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The URL of a pattern with its path parameters (encoded). */
export function fillPath(url: string, values: Record<string, unknown>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(String(values[name] ?? "")));
}
