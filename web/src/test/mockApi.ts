import { vi } from "vitest";

export interface MockReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MockRoute {
  method?: string;
  /** Path without the query string, e.g. "/api/tutoring/courses". */
  path: string;
  reply: MockReply | ((request: RecordedRequest) => MockReply | Promise<MockReply>);
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

/** Replaces fetch with an in-memory API; returns the requests it received, for assertions. */
export function mockApi(routes: MockRoute[]) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init.method ?? "GET").toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const request: RecordedRequest = {
      method,
      url,
      headers,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes.find((r) => r.path === url.pathname && (r.method ?? "GET") === method);
    const reply = route
      ? typeof route.reply === "function"
        ? await route.reply(request)
        : route.reply
      : { status: 404, body: { error: { code: "not_found", message: `No mock for ${method} ${url.pathname}` } } };
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, fetchMock };
}

/** A session as GET /api/auth/me returns it. */
export function sessionOf(roles: ("admin" | "tutor" | "learner")[], overrides: { locale?: "fr" | "en" } = {}) {
  return {
    user: {
      id: "00000000-0000-4000-8000-000000000001",
      email: "tuteur@demo.local",
      firstName: "Claire",
      lastName: "Martin",
      roles,
      locale: overrides.locale ?? "fr",
      timeZone: "Europe/Paris",
      organisation: "South",
    },
    csrfToken: "csrf-123",
  };
}

export const unauthorized: MockReply = {
  status: 401,
  body: { error: { code: "unauthorized", message: "Sign in first" } },
};
