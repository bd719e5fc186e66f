import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { courses } from "./catalog.js";
import { learnerLists, users } from "./people.js";

/**
 * A tutor assigned to a course. With no rows in tutor_assignment_lists the tutor follows every
 * learner of the course; otherwise only the members of those lists.
 */
export const tutorAssignments = pgTable(
  "tutor_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tutorId: uuid("tutor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    restricted: boolean("restricted").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The course's search_name (COLLATE "C"), kept by triggers (migration 0010), so a tutor's courses
     * are paged by name from one index, without reading and sorting all of them.
     */
    courseSortName: text("course_sort_name").notNull().default(""),
  },
  (t) => [
    uniqueIndex("tutor_assignments_tutor_course_key").on(t.tutorId, t.courseId),
    index("tutor_assignments_course_idx").on(t.courseId),
    index("tutor_assignments_tutor_sort_idx").on(t.tutorId, t.courseSortName, t.courseId),
  ],
);

export const tutorAssignmentLists = pgTable(
  "tutor_assignment_lists",
  {
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => tutorAssignments.id, { onDelete: "cascade" }),
    listId: uuid("list_id")
      .notNull()
      .references(() => learnerLists.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.listId] })],
);
