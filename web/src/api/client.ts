import type { ErrorField, ErrorResponse } from "../../../common/errors.js";

/** A failed API call: the HTTP status (0 when the server could not be reached) and the server's stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ErrorField[];
  /** Seconds to wait before retrying, from the Retry-After header (429, 503). */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: ErrorField[] = [],
    retryAfterSeconds = null as number | null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** True when the server could not be reached at all. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// The session cookie is httpOnly, so the CSRF token the server hands out with the session is kept
// here and echoed on every mutation.
let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null once signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token that mutations will send. */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Builds `/path?a=1&b=2`, leaving out empty values so URLs stay short and cacheable. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  let payload: Partial<ErrorResponse> | null = null;
  try {
    payload = (await response.json()) as Partial<ErrorResponse>;
  } catch {
    // A proxy or a crash may answer with HTML or nothing: fall back to the status.
  }
  const error = payload?.error;
  if (error && typeof error.code === "string") {
    return new ApiError(
      response.status,
      error.code,
      error.message ?? response.statusText,
      error.fields ?? [],
      retryAfter,
    );
  }
  return new ApiError(
    response.status,
    `http_${response.status}`,
    response.statusText || "Request failed",
    [],
    retryAfter,
  );
}

/** Calls the Tutora API with JSON in and out; throws ApiError on any failure. */
export async function apiRequest<T>(method: HttpMethod, path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (method !== "GET") {
    // The server only parses JSON bodies (a cross-site form cannot send one), so every mutation sends one.
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body ?? {});
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", error instanceof Error ? error.message : "Network error");
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
