import { z } from "zod";

/** Path parameters of a lesson's SCORM package (admin). */
export const scormLessonParamsSchema = z.object({ lessonId: z.string().uuid() });

/** An uploaded SCORM package, as the admin page shows it. */
export const scormPackageSchema = z.object({
  id: z.string().uuid(),
  version: z.enum(["1.2", "2004"]),
  /** "1.2", "2004 2nd Edition", "2004 3rd Edition", "2004 4th Edition" or "2004" when the manifest doesn't say. */
  versionDetail: z.string(),
  title: z.string(),
  launchPath: z.string(),
  /** 1.2 masteryscore or 2004 minNormalizedMeasure × 100, in percent; null when the package has none. */
  masteryScore: z.number().nullable(),
  sizeBytes: z.number().int(),
  fileCount: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  active: z.boolean(),
});
export type ScormPackage = z.infer<typeof scormPackageSchema>;

/** The admin page of an e-learning lesson's package: the lesson, its current package and earlier ones. */
export const lessonScormSchema = z.object({
  lesson: z.object({
    id: z.string().uuid(),
    title: z.string(),
    type: z.string(),
    course: z.object({ id: z.string().uuid(), name: z.string() }),
  }),
  current: scormPackageSchema.nullable(),
  history: z.array(scormPackageSchema),
  /** The upload size limit in bytes (SCORM_MAX_BYTES). */
  maxBytes: z.number().int(),
});
export type LessonScorm = z.infer<typeof lessonScormSchema>;
