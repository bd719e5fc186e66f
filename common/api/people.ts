import { z } from "zod";
import { enrollmentStatusSchema, enrollmentTypeSchema, localeSchema, roleSchema } from "../enums.js";
import { pageOf } from "./paging.js";

const uuid = z.string().uuid();
/** A date-time (ISO 8601) or a calendar date `YYYY-MM-DD` (midnight UTC). */
const dateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, "Expected an ISO date")
  .refine((value) => !Number.isNaN(Date.parse(value)), "Not a real date");

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Accent- and case-insensitive search (names, email). */
  q: z.string().trim().max(320).optional(),
});

// ---- Users ----

export const adminUsersQuerySchema = listQuery.extend({
  role: roleSchema.optional(),
  active: z.enum(["true", "false"]).optional(),
});
export type AdminUsersQuery = z.infer<typeof adminUsersQuerySchema>;

export const adminUserSchema = z.object({
  id: uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  organisation: z.string().nullable(),
  roles: z.array(roleSchema),
  locale: localeSchema,
  active: z.boolean(),
  hasPassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUsersPageSchema = pageOf(adminUserSchema);

export const userIdParamsSchema = z.object({ userId: uuid });

const personFields = {
  email: z.string().trim().toLowerCase().min(1).max(320).email(),
  firstName: z.string().trim().min(1).max(200),
  lastName: z.string().trim().min(1).max(200),
  /** The organisation's name; a new name creates the organisation. Null: none. */
  organisation: z.string().trim().max(200).nullable(),
  roles: z.array(roleSchema).min(1).max(3),
  locale: localeSchema,
  active: z.boolean(),
};

export const createUserRequestSchema = z.object({
  ...personFields,
  organisation: personFields.organisation.default(null),
  roles: personFields.roles.default(["learner"]),
  locale: personFields.locale.default("fr"),
  active: personFields.active.default(true),
  /** Optional first password (at least 8 characters); without one the account can't sign in with a password. */
  password: z.string().min(8).max(1000).optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.object({ ...personFields, password: z.string().min(8).max(1000) }).partial();
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const organisationsSchema = z.object({ items: z.array(z.object({ id: uuid, name: z.string() })) });

// ---- Learner lists ----

export const adminListSchema = z.object({
  id: uuid,
  name: z.string(),
  members: z.number().int(),
  createdAt: z.string(),
});
export type AdminList = z.infer<typeof adminListSchema>;
export const adminListsQuerySchema = listQuery;
export const adminListsPageSchema = pageOf(adminListSchema);
export const listIdParamsSchema = z.object({ listId: uuid });
export const listMemberParamsSchema = z.object({ listId: uuid, userId: uuid });
export const listRequestSchema = z.object({ name: z.string().trim().min(1).max(200) });
export type ListRequest = z.infer<typeof listRequestSchema>;
export const addMembersRequestSchema = z.object({ userIds: z.array(uuid).min(1).max(1000) });
export type AddMembersRequest = z.infer<typeof addMembersRequestSchema>;
export const addMembersResponseSchema = z.object({ added: z.number().int() });

export const listMemberSchema = z.object({
  id: uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  organisation: z.string().nullable(),
  active: z.boolean(),
});
export type ListMember = z.infer<typeof listMemberSchema>;
export const listMembersPageSchema = pageOf(listMemberSchema);

// ---- Enrollments ----

const courseRef = z.object({ id: uuid, code: z.string(), name: z.string() });
const userRef = z.object({ id: uuid, email: z.string(), firstName: z.string(), lastName: z.string() });

export const adminEnrollmentsQuerySchema = listQuery.extend({
  courseId: uuid.optional(),
  userId: uuid.optional(),
});
export type AdminEnrollmentsQuery = z.infer<typeof adminEnrollmentsQuerySchema>;

export const adminEnrollmentSchema = z.object({
  id: uuid,
  course: courseRef,
  user: userRef,
  type: enrollmentTypeSchema,
  enrolledAt: z.string(),
  startAt: z.string().nullable(),
  objectiveAt: z.string().nullable(),
  endAt: z.string().nullable(),
  status: enrollmentStatusSchema,
  progressPct: z.number().int(),
  /** Attempts or sessions exist: removing the enrollment would delete the learner's evidence, so it is refused. */
  hasActivity: z.boolean(),
});
export type AdminEnrollment = z.infer<typeof adminEnrollmentSchema>;
export const adminEnrollmentsPageSchema = pageOf(adminEnrollmentSchema);
export const enrollmentIdParamsSchema = z.object({ enrollmentId: uuid });

const enrollmentDates = {
  startAt: dateTime.nullable().default(null),
  objectiveAt: dateTime.nullable().default(null),
  endAt: dateTime.nullable().default(null),
};

export const createEnrollmentRequestSchema = z.object({
  courseId: uuid,
  userId: uuid,
  type: enrollmentTypeSchema.default("mandatory"),
  ...enrollmentDates,
});
export type CreateEnrollmentRequest = z.infer<typeof createEnrollmentRequestSchema>;

export const updateEnrollmentRequestSchema = z.object({
  type: enrollmentTypeSchema,
  ...enrollmentDates,
});
export type UpdateEnrollmentRequest = z.infer<typeof updateEnrollmentRequestSchema>;

// ---- Tutor assignments ----

export const adminTutorAssignmentsQuerySchema = listQuery.extend({
  courseId: uuid.optional(),
  tutorId: uuid.optional(),
});
export type AdminTutorAssignmentsQuery = z.infer<typeof adminTutorAssignmentsQuerySchema>;

export const adminTutorAssignmentSchema = z.object({
  id: uuid,
  tutor: userRef,
  course: courseRef,
  /** Empty: the tutor follows every learner of the course; otherwise only the members of these lists. */
  lists: z.array(z.object({ id: uuid, name: z.string() })),
  createdAt: z.string(),
});
export type AdminTutorAssignment = z.infer<typeof adminTutorAssignmentSchema>;
export const adminTutorAssignmentsPageSchema = pageOf(adminTutorAssignmentSchema);
export const assignmentIdParamsSchema = z.object({ assignmentId: uuid });

export const createTutorAssignmentRequestSchema = z.object({
  tutorId: uuid,
  courseId: uuid,
  listIds: z.array(uuid).max(100).default([]),
});
export type CreateTutorAssignmentRequest = z.infer<typeof createTutorAssignmentRequestSchema>;
export const updateTutorAssignmentRequestSchema = z.object({ listIds: z.array(uuid).max(100) });
export type UpdateTutorAssignmentRequest = z.infer<typeof updateTutorAssignmentRequestSchema>;
