import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addMembersRequestSchema,
  addMembersResponseSchema,
  adminEnrollmentSchema,
  adminEnrollmentsPageSchema,
  adminEnrollmentsQuerySchema,
  adminListSchema,
  adminListsPageSchema,
  adminListsQuerySchema,
  adminTutorAssignmentSchema,
  adminTutorAssignmentsPageSchema,
  adminTutorAssignmentsQuerySchema,
  adminUserSchema,
  adminUsersPageSchema,
  adminUsersQuerySchema,
  assignmentIdParamsSchema,
  createEnrollmentRequestSchema,
  createTutorAssignmentRequestSchema,
  createUserRequestSchema,
  enrollmentIdParamsSchema,
  listIdParamsSchema,
  listMemberParamsSchema,
  listMembersPageSchema,
  listRequestSchema,
  organisationsSchema,
  updateEnrollmentRequestSchema,
  updateTutorAssignmentRequestSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
} from "../../../common/api/people.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const tags = ["admin: people"];

/** Admin screens of S3: users, learner lists, enrollments and tutor assignments. */
export const peopleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const admin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, "admin");

  // ---- Users ----
  app.get(
    "/api/admin/users",
    {
      schema: {
        tags,
        summary: "Users, sorted by name; search on name or email, filter on role and active",
        querystring: adminUsersQuerySchema,
        response: { 200: adminUsersPageSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.listUsers(db, request.query);
    },
  );
  app.get(
    "/api/admin/users/:userId",
    { schema: { tags, summary: "A user", params: userIdParamsSchema, response: { 200: adminUserSchema, ...errors } } },
    async (request) => {
      admin(request);
      return service.getUser(db, request.params.userId);
    },
  );
  app.post(
    "/api/admin/users",
    {
      schema: {
        tags,
        summary: "Create a user (a new organisation name creates the organisation); 409 when the email is taken",
        body: createUserRequestSchema,
        response: { 201: adminUserSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(db, admin(request), request.body)),
  );
  app.patch(
    "/api/admin/users/:userId",
    {
      schema: {
        tags,
        summary: "Change a user; `active: false` deactivates the account and ends its sessions",
        params: userIdParamsSchema,
        body: updateUserRequestSchema,
        response: { 200: adminUserSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request) => service.updateUser(db, admin(request), request.params.userId, request.body),
  );
  app.get(
    "/api/admin/organisations",
    { schema: { tags, summary: "Organisations, by name", response: { 200: organisationsSchema, ...errors } } },
    async (request) => {
      admin(request);
      return service.organisations(db);
    },
  );

  // ---- Learner lists ----
  app.get(
    "/api/admin/lists",
    {
      schema: {
        tags,
        summary: "Learner lists with their member counts",
        querystring: adminListsQuerySchema,
        response: { 200: adminListsPageSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.listLists(db, request.query);
    },
  );
  app.post(
    "/api/admin/lists",
    {
      schema: {
        tags,
        summary: "Create a learner list",
        body: listRequestSchema,
        response: { 201: adminListSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createList(db, admin(request), request.body)),
  );
  app.patch(
    "/api/admin/lists/:listId",
    {
      schema: {
        tags,
        summary: "Rename a learner list",
        params: listIdParamsSchema,
        body: listRequestSchema,
        response: { 200: adminListSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request) => service.renameList(db, admin(request), request.params.listId, request.body),
  );
  app.delete(
    "/api/admin/lists/:listId",
    {
      schema: {
        tags,
        summary: "Delete a learner list",
        params: listIdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteList(db, admin(request), request.params.listId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/admin/lists/:listId/members",
    {
      schema: {
        tags,
        summary: "Members of a learner list",
        params: listIdParamsSchema,
        querystring: adminListsQuerySchema,
        response: { 200: listMembersPageSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.listMembers(db, request.params.listId, request.query);
    },
  );
  app.post(
    "/api/admin/lists/:listId/members",
    {
      schema: {
        tags,
        summary: "Add users to a learner list (already members are left as they are)",
        params: listIdParamsSchema,
        body: addMembersRequestSchema,
        response: { 200: addMembersResponseSchema, ...errors },
      },
    },
    async (request) => service.addMembers(db, admin(request), request.params.listId, request.body),
  );
  app.delete(
    "/api/admin/lists/:listId/members/:userId",
    {
      schema: {
        tags,
        summary: "Remove a user from a learner list",
        params: listMemberParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.removeMember(db, admin(request), request.params.listId, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  // ---- Enrollments ----
  app.get(
    "/api/admin/enrollments",
    {
      schema: {
        tags,
        summary: "Enrollments, by course then learner; filter on course or user, search on the learner",
        querystring: adminEnrollmentsQuerySchema,
        response: { 200: adminEnrollmentsPageSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.listEnrollments(db, request.query);
    },
  );
  app.post(
    "/api/admin/enrollments",
    {
      schema: {
        tags,
        summary: "Enrol a user in a course with a type and dates (start ≤ objective ≤ end)",
        body: createEnrollmentRequestSchema,
        response: { 201: adminEnrollmentSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createEnrollment(db, admin(request), request.body)),
  );
  app.put(
    "/api/admin/enrollments/:enrollmentId",
    {
      schema: {
        tags,
        summary: "Change an enrollment's type and dates",
        params: enrollmentIdParamsSchema,
        body: updateEnrollmentRequestSchema,
        response: { 200: adminEnrollmentSchema, ...errors },
      },
    },
    async (request) => service.updateEnrollment(db, admin(request), request.params.enrollmentId, request.body),
  );
  app.delete(
    "/api/admin/enrollments/:enrollmentId",
    {
      schema: {
        tags,
        summary: "Remove an enrollment without activity (409 `has_activity` otherwise)",
        params: enrollmentIdParamsSchema,
        response: { 204: z.null(), 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteEnrollment(db, admin(request), request.params.enrollmentId);
      return reply.status(204).send(null);
    },
  );

  // ---- Tutor assignments ----
  app.get(
    "/api/admin/tutor-assignments",
    {
      schema: {
        tags,
        summary: "Tutors assigned to courses, with the learner lists they are restricted to",
        querystring: adminTutorAssignmentsQuerySchema,
        response: { 200: adminTutorAssignmentsPageSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.listAssignments(db, request.query);
    },
  );
  app.post(
    "/api/admin/tutor-assignments",
    {
      schema: {
        tags,
        summary: "Assign a tutor to a course, optionally restricted to learner lists",
        body: createTutorAssignmentRequestSchema,
        response: { 201: adminTutorAssignmentSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createAssignment(db, admin(request), request.body)),
  );
  app.put(
    "/api/admin/tutor-assignments/:assignmentId",
    {
      schema: {
        tags,
        summary: "Change the learner lists a tutor is restricted to (none: every learner of the course)",
        params: assignmentIdParamsSchema,
        body: updateTutorAssignmentRequestSchema,
        response: { 200: adminTutorAssignmentSchema, ...errors },
      },
    },
    async (request) => service.updateAssignment(db, admin(request), request.params.assignmentId, request.body),
  );
  app.delete(
    "/api/admin/tutor-assignments/:assignmentId",
    {
      schema: {
        tags,
        summary: "Unassign a tutor from a course",
        params: assignmentIdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteAssignment(db, admin(request), request.params.assignmentId);
      return reply.status(204).send(null);
    },
  );
};
