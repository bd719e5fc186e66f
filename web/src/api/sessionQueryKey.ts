/** Query key of the signed-in session (GET /api/auth/me); `null` data means signed out. */
export const sessionQueryKey = ["auth", "session"] as const;
