import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  adminCategoriesSchema,
  adminCategorySchema,
  adminCompetencySchema,
  adminCourseSchema,
  adminCoursesPageSchema,
  adminCoursesQuerySchema,
  adminFolderSchema,
  adminFoldersSchema,
  adminFrameworkSchema,
  adminFrameworksSchema,
  adminLessonSchema,
  adminLessonsSchema,
  categoryIdParamsSchema,
  categoryInputSchema,
  competencyCreateSchema,
  competencyFieldsSchema,
  competencyIdParamsSchema,
  courseFormOptionsSchema,
  courseInputSchema,
  folderCreateSchema,
  folderIdParamsSchema,
  folderUpdateSchema,
  frameworkIdParamsSchema,
  frameworkInputSchema,
  lessonCreateSchema,
  lessonIdParamsSchema,
  lessonOrderSchema,
  lessonUpdateSchema,
  SHEET_DOCUMENT_MAX_BYTES,
  THUMBNAIL_MAX_BYTES,
  thumbnailResponseSchema,
} from "../../../common/api/catalogue-admin.js";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import { readUpload } from "./files.js";
import * as service from "./service.js";

const tags = ["admin: catalogue"];
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const writeErrors = { ...errors, 409: errorResponseSchema };
const noContent = { 204: z.null().describe("Done") };

/** Admin screens' API for folders, categories, competencies, courses and lessons (S3). */
export const catalogueAdminRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const admin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, "admin");

  // ---- Folders ----
  app.get(
    "/api/admin/folders",
    { schema: { tags, summary: "The folder tree (répertoires)", response: { 200: adminFoldersSchema, ...errors } } },
    async (request) => {
      admin(request);
      return service.folders(db);
    },
  );
  app.post(
    "/api/admin/folders",
    {
      schema: {
        tags,
        summary: "Create a folder (at the root when parentId is null)",
        body: folderCreateSchema,
        response: { 201: adminFolderSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createFolder(db, admin(request), request.body)),
  );
  app.patch(
    "/api/admin/folders/:folderId",
    {
      schema: {
        tags,
        summary: "Rename and/or move a folder with its sub-folders (never into itself: 400 no_cycle)",
        params: folderIdParamsSchema,
        body: folderUpdateSchema,
        response: { 200: adminFolderSchema, ...writeErrors },
      },
    },
    async (request) => service.updateFolder(db, admin(request), request.params.folderId, request.body),
  );
  app.delete(
    "/api/admin/folders/:folderId",
    {
      schema: {
        tags,
        summary: "Delete an empty folder (409 folder_not_empty when it holds courses or sub-folders)",
        params: folderIdParamsSchema,
        response: { ...noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.deleteFolder(db, admin(request), request.params.folderId);
      return reply.status(204).send(null);
    },
  );

  // ---- Categories ----
  app.get(
    "/api/admin/categories",
    { schema: { tags, summary: "Course categories", response: { 200: adminCategoriesSchema, ...errors } } },
    async (request) => {
      admin(request);
      return service.categories(db);
    },
  );
  app.post(
    "/api/admin/categories",
    {
      schema: {
        tags,
        summary: "Create a category (names are unique, case-insensitive: 409)",
        body: categoryInputSchema,
        response: { 201: adminCategorySchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCategory(db, admin(request), request.body)),
  );
  app.put(
    "/api/admin/categories/:categoryId",
    {
      schema: {
        tags,
        summary: "Rename a category",
        params: categoryIdParamsSchema,
        body: categoryInputSchema,
        response: { 200: adminCategorySchema, ...writeErrors },
      },
    },
    async (request) => service.updateCategory(db, admin(request), request.params.categoryId, request.body),
  );
  app.delete(
    "/api/admin/categories/:categoryId",
    {
      schema: {
        tags,
        summary: "Delete a category (its courses lose it)",
        params: categoryIdParamsSchema,
        response: { ...noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.deleteCategory(db, admin(request), request.params.categoryId);
      return reply.status(204).send(null);
    },
  );

  // ---- Competencies ----
  app.get(
    "/api/admin/competencies",
    {
      schema: {
        tags,
        summary: "Competency frameworks with their competencies",
        response: { 200: adminFrameworksSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.frameworks(db);
    },
  );
  app.post(
    "/api/admin/competencies/frameworks",
    {
      schema: {
        tags,
        summary: "Create a competency framework",
        body: frameworkInputSchema,
        response: { 201: adminFrameworkSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createFramework(db, admin(request), request.body)),
  );
  app.put(
    "/api/admin/competencies/frameworks/:frameworkId",
    {
      schema: {
        tags,
        summary: "Rename or describe a competency framework",
        params: frameworkIdParamsSchema,
        body: frameworkInputSchema,
        response: { 200: adminFrameworkSchema, ...writeErrors },
      },
    },
    async (request) => service.updateFramework(db, admin(request), request.params.frameworkId, request.body),
  );
  app.delete(
    "/api/admin/competencies/frameworks/:frameworkId",
    {
      schema: {
        tags,
        summary: "Delete a framework and its competencies (courses lose them)",
        params: frameworkIdParamsSchema,
        response: { ...noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.deleteFramework(db, admin(request), request.params.frameworkId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/admin/competencies",
    {
      schema: {
        tags,
        summary: "Create a competency (code unique within its framework: 409)",
        body: competencyCreateSchema,
        response: { 201: adminCompetencySchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCompetency(db, admin(request), request.body)),
  );
  app.put(
    "/api/admin/competencies/:competencyId",
    {
      schema: {
        tags,
        summary: "Edit a competency's code, label and description",
        params: competencyIdParamsSchema,
        body: competencyFieldsSchema,
        response: { 200: adminCompetencySchema, ...writeErrors },
      },
    },
    async (request) => service.updateCompetency(db, admin(request), request.params.competencyId, request.body),
  );
  app.delete(
    "/api/admin/competencies/:competencyId",
    {
      schema: {
        tags,
        summary: "Delete a competency (courses lose it)",
        params: competencyIdParamsSchema,
        response: { ...noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.deleteCompetency(db, admin(request), request.params.competencyId);
      return reply.status(204).send(null);
    },
  );

  // ---- Courses ----
  app.get(
    "/api/admin/courses",
    {
      schema: {
        tags,
        summary:
          "Every course, paged and searched (name or code, accent-insensitive), optionally in a folder's subtree",
        querystring: adminCoursesQuerySchema,
        response: { 200: adminCoursesPageSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.listCourses(db, request.query);
    },
  );
  app.get(
    "/api/admin/courses/form-options",
    {
      schema: {
        tags,
        summary: "What the course form offers: folders, categories, competencies, learner lists",
        response: { 200: courseFormOptionsSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.formOptions(db);
    },
  );
  app.post(
    "/api/admin/courses",
    {
      schema: {
        tags,
        summary: "Create a course (code unique: 409 naming code)",
        body: courseInputSchema,
        response: { 201: adminCourseSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCourse(db, admin(request), request.body)),
  );
  app.get(
    "/api/admin/courses/:courseId",
    {
      schema: {
        tags,
        summary: "A course as the editor shows it",
        params: courseIdParamsSchema,
        response: { 200: adminCourseSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.getCourse(db, request.params.courseId);
    },
  );
  app.put(
    "/api/admin/courses/:courseId",
    {
      schema: {
        tags,
        summary: "Save a course's fields, audience, categories and competencies",
        params: courseIdParamsSchema,
        body: courseInputSchema,
        response: { 200: adminCourseSchema, ...writeErrors },
      },
    },
    async (request) => service.updateCourse(db, admin(request), request.params.courseId, request.body),
  );
  app.put(
    "/api/admin/courses/:courseId/thumbnail",
    {
      schema: {
        tags,
        summary: "Upload the course's thumbnail (multipart `file`: PNG, JPEG or WebP by content, ≤ 2 MB; SVG refused)",
        params: courseIdParamsSchema,
        consumes: ["multipart/form-data"],
        response: { 200: thumbnailResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      const user = admin(request);
      await service.ensureCourse(db, request.params.courseId);
      const upload = await readUpload(request, THUMBNAIL_MAX_BYTES);
      return service.setThumbnail(db, config, user, request.params.courseId, upload);
    },
  );
  app.delete(
    "/api/admin/courses/:courseId/thumbnail",
    {
      schema: {
        tags,
        summary: "Remove the course's thumbnail (the initials placeholder shows again)",
        params: courseIdParamsSchema,
        response: { ...noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.removeThumbnail(db, config, admin(request), request.params.courseId);
      return reply.status(204).send(null);
    },
  );

  // ---- Lessons ----
  app.get(
    "/api/admin/courses/:courseId/lessons",
    {
      schema: {
        tags,
        summary: "A course's lessons in order, with the learners who worked on each",
        params: courseIdParamsSchema,
        response: { 200: adminLessonsSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.courseLessons(db, request.params.courseId);
    },
  );
  app.post(
    "/api/admin/courses/:courseId/lessons",
    {
      schema: {
        tags,
        summary: "Add a lesson at the end of the course (every enrollment's progress is recomputed)",
        params: courseIdParamsSchema,
        body: lessonCreateSchema,
        response: { 201: adminLessonSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createLesson(db, admin(request), request.params.courseId, request.body)),
  );
  app.put(
    "/api/admin/courses/:courseId/lessons/order",
    {
      schema: {
        tags,
        summary: "Reorder the course's lessons (every lesson id exactly once)",
        params: courseIdParamsSchema,
        body: lessonOrderSchema,
        response: { 200: adminLessonsSchema, ...writeErrors },
      },
    },
    async (request) => service.reorderLessons(db, admin(request), request.params.courseId, request.body),
  );
  app.get(
    "/api/admin/lessons/:lessonId",
    {
      schema: {
        tags,
        summary: "A lesson with its type's settings",
        params: lessonIdParamsSchema,
        response: { 200: adminLessonSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.getLesson(db, request.params.lessonId);
    },
  );
  app.put(
    "/api/admin/lessons/:lessonId",
    {
      schema: {
        tags,
        summary: "Save a lesson's fields and settings (its type is fixed)",
        params: lessonIdParamsSchema,
        body: lessonUpdateSchema,
        response: { 200: adminLessonSchema, ...writeErrors },
      },
    },
    async (request) => service.updateLesson(db, admin(request), request.params.lessonId, request.body),
  );
  app.delete(
    "/api/admin/lessons/:lessonId",
    {
      schema: {
        tags,
        summary: "Delete a lesson no learner worked on (409 lesson_has_activity otherwise)",
        params: lessonIdParamsSchema,
        response: { ...noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.deleteLesson(db, config, admin(request), request.params.lessonId);
      return reply.status(204).send(null);
    },
  );
  app.put(
    "/api/admin/lessons/:lessonId/document",
    {
      schema: {
        tags,
        summary: "Upload a practical sheet's PDF (multipart `file`: PDF by content, ≤ 20 MB)",
        params: lessonIdParamsSchema,
        consumes: ["multipart/form-data"],
        response: { 200: adminLessonSchema, ...writeErrors },
      },
    },
    async (request) => {
      const user = admin(request);
      await service.ensureSheet(db, request.params.lessonId);
      const upload = await readUpload(request, SHEET_DOCUMENT_MAX_BYTES);
      return service.setSheetDocument(db, config, user, request.params.lessonId, upload);
    },
  );
  app.delete(
    "/api/admin/lessons/:lessonId/document",
    {
      schema: {
        tags,
        summary: "Remove a practical sheet's PDF",
        params: lessonIdParamsSchema,
        response: { ...noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.removeSheetDocument(db, config, admin(request), request.params.lessonId);
      return reply.status(204).send(null);
    },
  );
};
