import { z } from "zod";
import { selectionSchema } from "./tutoring.js";

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), "must be an http(s) URL");
const timeZone = z
  .string()
  .max(100)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Europe/Paris");

export const classFieldsSchema = z.object({
  title: z.string().trim().min(1).max(300),
  startsAt: z.string().datetime({ offset: true }),
  durationMinutes: z.number().int().min(5).max(1440),
  timeZone: timeZone.default("Europe/Paris"),
  joinUrl: httpUrl,
  description: z.string().max(5000).default(""),
});
export const classCreateSchema = classFieldsSchema.extend({
  selection: selectionSchema,
  /** The webinar lesson credited with attendance; the course's first webinar lesson by default. */
  lessonId: z.string().uuid().optional(),
});
export type ClassCreate = z.infer<typeof classCreateSchema>;
export type ClassFields = z.infer<typeof classFieldsSchema>;

export const virtualClassSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  joinUrl: z.string(),
  description: z.string(),
  lesson: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
  cancelled: z.boolean(),
  invitees: z.number().int(),
  present: z.number().int(),
  attendanceRecorded: z.boolean(),
});
export type VirtualClass = z.infer<typeof virtualClassSchema>;
export const classesQuerySchema = z.object({ when: z.enum(["upcoming", "past", "all"]).default("all") });
export const classesSchema = z.object({ items: z.array(virtualClassSchema) });
export const classParamsSchema = z.object({ courseId: z.string().uuid(), classId: z.string().uuid() });
export const classDetailSchema = virtualClassSchema.extend({
  attendees: z.array(
    z.object({
      learnerId: z.string().uuid(),
      firstName: z.string(),
      lastName: z.string(),
      present: z.boolean().nullable(),
      minutes: z.number().int().nullable(),
    }),
  ),
});
export type ClassDetail = z.infer<typeof classDetailSchema>;
export const attendanceSchema = z.object({
  entries: z
    .array(z.object({ learnerId: z.string().uuid(), present: z.boolean(), minutes: z.number().int().min(0).max(1440) }))
    .min(1)
    .max(10_000),
});
