import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerFactory, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import { authRoutes } from "./modules/auth/routes.js";
import { SessionCache } from "./modules/auth/sessionCache.js";
import { catalogueAdminRoutes } from "./modules/catalogue-admin/routes.js";
import { certificatesRoutes } from "./modules/certificates/routes.js";
import { classesRoutes } from "./modules/classes/routes.js";
import { coursesRoutes } from "./modules/courses/routes.js";
import { healthRoutes } from "./modules/health/routes.js";
import { importsRoutes } from "./modules/imports/routes.js";
import { learnerRoutes } from "./modules/learner/routes.js";
import { lessonsRoutes } from "./modules/lessons/routes.js";
import { LiveHub } from "./modules/live/hub.js";
import { liveRoutes } from "./modules/live/routes.js";
import { messagesRoutes } from "./modules/mail/routes.js";
import { missionsRoutes } from "./modules/missions/routes.js";
import { observationsRoutes } from "./modules/observations/routes.js";
import { peopleRoutes } from "./modules/people/routes.js";
import { playerRoutes } from "./modules/player/routes.js";
import { quizRoutes } from "./modules/quiz/routes.js";
import { remindersRoutes } from "./modules/reminders/routes.js";
import { reportsRoutes } from "./modules/reports/routes.js";
import { reviewsRoutes } from "./modules/reviews/routes.js";
import { scormRoutes } from "./modules/scorm/routes.js";
import { statisticsRoutes } from "./modules/statistics/routes.js";
import { tokensRoutes } from "./modules/tokens/routes.js";
import { tutoringRoutes } from "./modules/tutoring/routes.js";
import { accessPlugin } from "./plugins/access.js";
import { authPlugin } from "./plugins/auth.js";
import { errorsPlugin } from "./plugins/errors.js";
import { inputPlugin } from "./plugins/input.js";
import { inlineJobs, type Jobs } from "./plugins/jobs.js";
import { securityHeadersPlugin } from "./plugins/securityHeaders.js";
import { projectRoot } from "./project-root.js";

declare module "fastify" {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    /** This instance's copies of the sessions that reads and the SCORM player use (auth/sessionCache.ts). */
    sessionCache: SessionCache;
  }
}

export interface AppDeps {
  db: Db;
  config: Config;
  /** Where the built web app is; not served when absent (API tests). */
  webDir?: string;
  serverFactory?: FastifyServerFactory;
  /** Background workers (mail delivery); none in API tests unless given. */
  jobs?: Jobs;
  logger?: boolean;
}

export const defaultWebDir = path.join(projectRoot, "dist", "web");

/** Builds the HTTP app: plugins first, then one plugin per module. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db, config } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    // One line per request only when debugging; errors are always logged with their request id.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace",
    }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    ...(deps.serverFactory ? { serverFactory: deps.serverFactory } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON bodies only: a cross-site HTML form can't send one (CSRF), and nothing else is parsed.
  app.removeContentTypeParser(["text/plain"]);

  // Every route the app serves, so the access-matrix test can demand an entry for each.
  const routeTable: { method: string; url: string }[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routeTable.push({ method, url: route.url });
  });
  await app.register(errorsPlugin);
  await app.register(cookie);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  // Uploads (SCORM packages, mission files, thumbnails, CSV imports): each route reads its parts
  // with its own size limit (`request.file({ limits })`); these are only the defaults.
  await app.register(multipart, {
    limits: { files: 10, fields: 20, fieldSize: 64 * 1024, fileSize: 20 * 1024 * 1024 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: "Tutora API", version: "0.1.0", description: "Tutoring center of a corporate learning platform" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tutora_session" },
          // Personal API tokens (S3), created by an admin: `Authorization: Bearer tut_…`; scope `read`
          // allows GET, `write` allows mutations; no CSRF header is needed with a token.
          bearer: { type: "http", scheme: "bearer", description: "Personal API token (scopes: read, write)" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Served under the app's own CSP (helmet), which allows its static scripts and inline styles.
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: false });
  const sessions = new SessionCache();
  app.decorate("sessionCache", sessions);
  await app.register(authPlugin, { db, config, sessions });
  await app.register(accessPlugin);
  await app.register(inputPlugin);

  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { db, config, sessions });
  await app.register(coursesRoutes, { db, config });
  await app.register(tutoringRoutes, { db });
  await app.register(reportsRoutes, { db });
  await app.register(learnerRoutes, { db, config });
  await app.register(lessonsRoutes, { db });
  await app.register(reviewsRoutes, { db });
  await app.register(missionsRoutes, { db, config });
  await app.register(observationsRoutes, { db });
  await app.register(quizRoutes, { db });
  await app.register(statisticsRoutes, { db });
  await app.register(scormRoutes, { db, config });
  await app.register(playerRoutes, { db });
  await app.register(catalogueAdminRoutes, { db, config });
  await app.register(peopleRoutes, { db });
  await app.register(importsRoutes, { db });
  await app.register(tokensRoutes, { db });
  const jobs = deps.jobs ?? inlineJobs(db, config);
  await app.register(remindersRoutes, { db, config, jobs });
  await app.register(certificatesRoutes, { db, config, jobs });
  await app.register(classesRoutes, { db, config, jobs });
  await app.register(messagesRoutes, { db, config, jobs });
  const hub = new LiveHub(db.$client.options, sessions);
  await hub.start();
  app.addHook("onClose", () => hub.stop());
  await app.register(liveRoutes, { db, hub });

  const webDir = deps.webDir;
  if (webDir && fs.existsSync(path.join(webDir, "index.html"))) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: "/",
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset (web/vite.config.ts): sent with
      // content-encoding and `vary: accept-encoding` to clients that accept them.
      preCompressed: true,
      // Not routes of their own: reached through the uncompressed file's URL only.
      globIgnore: ["**/*.br", "**/*.gz"],
      setHeaders: (reply, filePath) => {
        // Files under assets/ carry a content hash in their name: a new build gives new names.
        const hashed = path.relative(webDir, filePath).split(path.sep)[0] === "assets";
        reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    // Built files are routed by @fastify/static; every other non-API path is the single-page app.
    app.get("/*", { schema: { hide: true } }, async (request, reply) => {
      const file = request.url.split("?")[0] ?? "/";
      if (file.startsWith("/api/")) {
        return reply.status(404).send({ error: { code: "not_found", message: `No route GET ${file}` } });
      }
      return reply.sendFile("index.html");
    });
  }
  return app;
}
