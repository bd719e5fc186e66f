import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi } from "../test/mockApi.js";
import { ApiError, apiRequest, buildUrl, setCsrfToken } from "./client.js";

describe("apiRequest", () => {
  afterEach(() => setCsrfToken(null));

  it("sends JSON, an empty body when there is none, and the CSRF token on mutations", async () => {
    const { requests } = mockApi([{ method: "POST", path: "/api/auth/sign-out", reply: { status: 204 } }]);
    setCsrfToken("token-1");
    await expect(apiRequest("POST", "/api/auth/sign-out")).resolves.toBeUndefined();
    expect(requests[0]?.headers["content-type"]).toBe("application/json");
    expect(requests[0]?.headers["x-csrf-token"]).toBe("token-1");
    expect(requests[0]?.body).toEqual({});
  });

  it("sends neither body nor CSRF token on reads, and drops empty query values", async () => {
    const { requests } = mockApi([{ path: "/api/tutoring/courses", reply: { body: { items: [] } } }]);
    setCsrfToken("token-1");
    await apiRequest("GET", "/api/tutoring/courses", { query: { page: 2, q: "", list: undefined } });
    expect(requests[0]?.url.search).toBe("?page=2");
    expect(requests[0]?.headers["x-csrf-token"]).toBeUndefined();
    expect(requests[0]?.body).toBeUndefined();
  });

  it("turns the server's error body into an ApiError with its code, fields and Retry-After", async () => {
    mockApi([
      {
        method: "POST",
        path: "/api/auth/sign-in",
        reply: {
          status: 429,
          headers: { "retry-after": "900" },
          body: { error: { code: "rate_limited", message: "Too many", fields: [] } },
        },
      },
    ]);
    const error = await apiRequest("POST", "/api/auth/sign-in", { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 900 });
  });

  it("reports an unreachable server as a network error", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const error = await apiRequest("GET", "/api/auth/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNetworkError).toBe(true);
    expect((error as ApiError).code).toBe("network_error");
  });

  it("falls back to the status when the error body is not JSON", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response("<html>Bad gateway</html>", { status: 502 })));
    const error = await apiRequest("GET", "/api/auth/me").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "http_502" });
  });
});

describe("buildUrl", () => {
  it("encodes values", () => {
    expect(buildUrl("/api/x", { q: "l'avant vente", page: 1 })).toBe("/api/x?q=l%27avant+vente&page=1");
    expect(buildUrl("/api/x", {})).toBe("/api/x");
  });
});
