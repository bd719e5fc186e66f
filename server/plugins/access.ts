import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Role } from "../../common/enums.js";
import { forbidden, unauthorized } from "../errors.js";

export type Access = "public" | "user" | Role[];

/**
 * Who may call which route, by URL prefix: checked before validation and before any handler,
 * so an unauthorised caller learns nothing about a route's parameters. The handlers still ask
 * for the role they need and the services apply each object's scope (404 outside it).
 * A route no rule covers is refused: a new route must be given its rule here.
 */
export const ACCESS_RULES: [prefix: string, access: Access][] = [
  ["/api/health", "public"],
  ["/api/auth/sign-in", "public"],
  ["/api/docs", "public"],
  ["/api/verify/", "public"],
  ["/verify/", "public"],
  ["/api/auth/", "user"],
  ["/api/learner/", "user"],
  // Learners launch what they are enrolled in; the preview checks the tutor or admin role itself.
  ["/api/player/", "user"],
  ["/api/quiz/", "user"],
  ["/api/catalogue/", "user"],
  ["/api/courses/", "user"],
  ["/api/tutoring/", ["tutor", "admin"]],
  ["/api/mail-templates", ["tutor", "admin"]],
  ["/api/admin/", ["admin"]],
];

/** The rule of a route pattern, or undefined when none covers it. */
export function accessOf(url: string): Access | undefined {
  return ACCESS_RULES.find(([prefix]) => url === prefix || url.startsWith(prefix))?.[1];
}

export const accessPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("onRequest", async (request) => {
    const pattern = request.routeOptions.url;
    // The web app's files and pages are public; the API 404 answers for unknown routes.
    if (!pattern || (!pattern.startsWith("/api/") && !pattern.startsWith("/verify/"))) return;
    const access = accessOf(pattern);
    if (access === "public") return;
    if (!request.auth) throw unauthorized();
    if (access === "user") return;
    if (!access || !request.auth.user.roles.some((role) => access.includes(role))) {
      throw forbidden("Your role does not give access to this page");
    }
  });
});
