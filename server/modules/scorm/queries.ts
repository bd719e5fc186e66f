import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

export type LessonRow = {
  id: string;
  title: string;
  type: string;
  courseId: string;
  courseName: string;
  passingScore: number | null;
};

/** A lesson with its course; `lock` holds the lesson row until the transaction ends (one upload at a time). */
export async function findLesson(tx: Tx, lessonId: string, lock = false) {
  const result = await tx.execute<LessonRow>(sql`
    select l.id, l.title, l.type, l.course_id as "courseId", c.name as "courseName",
      l.passing_score::float8 as "passingScore"
    from lessons l join courses c on c.id = l.course_id
    where l.id = ${lessonId}
    ${lock ? sql`for update of l` : sql``}`);
  return result.rows[0];
}

export type PackageRow = {
  id: string;
  lessonId: string;
  version: "1.2" | "2004";
  versionDetail: string | null;
  launchPath: string;
  storagePath: string;
  masteryScore: number | null;
  manifest: { title?: string; fileCount?: number };
  sizeBytes: number;
  uploadedAt: string;
  active: boolean;
  uploaderId: string | null;
  uploaderFirstName: string | null;
  uploaderLastName: string | null;
};

const packageColumns = sql`
  p.id, p.lesson_id as "lessonId", p.version, p.version_detail as "versionDetail", p.launch_path as "launchPath",
  p.storage_path as "storagePath", p.mastery_score::float8 as "masteryScore", p.manifest, p.size_bytes as "sizeBytes",
  p.uploaded_at as "uploadedAt", p.active, u.id as "uploaderId", u.first_name as "uploaderFirstName",
  u.last_name as "uploaderLastName"`;

/** Every package of a lesson, newest first. */
export async function lessonPackages(tx: Tx, lessonId: string) {
  const result = await tx.execute<PackageRow>(sql`
    select ${packageColumns}
    from scorm_packages p left join users u on u.id = p.uploaded_by
    where p.lesson_id = ${lessonId}
    order by p.active desc, p.uploaded_at desc, p.id`);
  return result.rows;
}

/** The package a lesson launches. */
export async function activePackage(tx: Tx, lessonId: string) {
  const result = await tx.execute<PackageRow>(sql`
    select ${packageColumns}
    from scorm_packages p left join users u on u.id = p.uploaded_by
    where p.lesson_id = ${lessonId} and p.active
    order by p.uploaded_at desc limit 1`);
  return result.rows[0];
}

export async function deactivatePackages(tx: Tx, lessonId: string) {
  await tx.execute(sql`update scorm_packages set active = false where lesson_id = ${lessonId} and active`);
}

export async function insertPackage(
  tx: Tx,
  row: {
    id: string;
    lessonId: string;
    version: "1.2" | "2004";
    versionDetail: string;
    launchPath: string;
    storagePath: string;
    masteryScore: number | null;
    manifest: Record<string, unknown>;
    sizeBytes: number;
    uploadedBy: string | null;
  },
) {
  await tx.execute(sql`
    insert into scorm_packages (id, lesson_id, version, version_detail, launch_path, storage_path, mastery_score,
      manifest, size_bytes, uploaded_by, active)
    values (${row.id}, ${row.lessonId}, ${row.version}, ${row.versionDetail}, ${row.launchPath}, ${row.storagePath},
      ${row.masteryScore}, ${JSON.stringify(row.manifest)}::jsonb, ${row.sizeBytes}, ${row.uploadedBy}, true)`);
}

/**
 * The package's folder when the user may see its lesson: an admin, a tutor assigned to the course,
 * or a learner enrolled in it.
 */
export async function readablePackage(tx: Tx, packageId: string, userId: string, admin: boolean) {
  const result = await tx.execute<{ storagePath: string }>(sql`
    select p.storage_path as "storagePath"
    from scorm_packages p join lessons l on l.id = p.lesson_id
    where p.id = ${packageId} and (
      ${admin}
      or exists (select 1 from tutor_assignments ta where ta.course_id = l.course_id and ta.tutor_id = ${userId})
      or exists (select 1 from enrollments e where e.course_id = l.course_id and e.user_id = ${userId}))`);
  return result.rows[0];
}
