import { randomUUID } from "node:crypto";
import path from "node:path";
import type { CurrentUser } from "../../../common/api/auth.js";
import type {
  AdminCourse,
  AdminCoursesPage,
  AdminCoursesQuery,
  AdminLesson,
  CategoryInput,
  CompetencyCreate,
  CompetencyFields,
  CourseFormOptions,
  CourseInput,
  FolderCreate,
  FolderUpdate,
  FrameworkInput,
  LessonCreate,
  LessonOrder,
  LessonUpdate,
} from "../../../common/api/catalogue-admin.js";
import type { LessonType } from "../../../common/enums.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError, badRequest, notFound } from "../../errors.js";
import { writeAudit } from "../audit/audit.js";
import { recomputeCourse } from "../tracking/summaries.js";
import { checkImage, checkPdf, removeFile, storeFile, type Upload } from "./files.js";
import * as q from "./queries.js";

const iso = (value: string | Date) => new Date(value).toISOString();
const thumbnailUrl = (courseId: string, stored: string | null) =>
  stored
    ? `/api/courses/${courseId}/thumbnail?v=${encodeURIComponent(path.basename(stored, path.extname(stored)))}`
    : null;
const duplicate = (field: string, message: string) =>
  new AppError(409, "duplicate", message, [{ field, rule: "unique", message }]);

// ---- Folders ----

/** The whole folder tree in path order, with direct course and sub-folder counts. */
export async function folders(db: Db) {
  return { items: await q.listFolders(db) };
}

async function parentPath(tx: Tx, parentId: string | null) {
  if (!parentId) return "/";
  const parent = await q.findFolder(tx, parentId);
  if (!parent) throw badRequest("parentId", "unknown", "The parent folder does not exist");
  return parent.path;
}

/** Creates a folder at the end of its parent's children. */
export function createFolder(db: Db, user: CurrentUser, input: FolderCreate) {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const prefix = await parentPath(tx, input.parentId);
    const position = await q.nextFolderPosition(tx, input.parentId);
    await q.insertFolder(tx, { id, parentId: input.parentId, name: input.name, path: `${prefix}${id}/`, position });
    await writeAudit(tx, {
      actorId: user.id,
      action: "folder.create",
      entityType: "folder",
      entityId: id,
      after: { name: input.name, parentId: input.parentId },
    });
    return { id, parentId: input.parentId, name: input.name, position, courseCount: 0, childCount: 0 };
  });
}

/** Renames and/or moves a folder with its subtree; a move under itself or a descendant is a 400. */
export function updateFolder(db: Db, user: CurrentUser, folderId: string, input: FolderUpdate) {
  return db.transaction(async (tx) => {
    // Moves of one tree run one at a time, so two crossing moves can't build a cycle together.
    await q.lockFolderTree(tx);
    const folder = await q.findFolder(tx, folderId, true);
    if (!folder) throw notFound("Folder");
    const name = input.name ?? folder.name;
    if (name !== folder.name) await q.renameFolder(tx, folderId, name);
    let parentId = folder.parentId;
    if (input.parentId !== undefined && input.parentId !== folder.parentId) {
      parentId = input.parentId;
      const prefix = await parentPath(tx, parentId);
      if (parentId === folderId || prefix.startsWith(folder.path)) {
        throw badRequest("parentId", "no_cycle", "A folder can't be moved into itself or one of its sub-folders");
      }
      const position = await q.nextFolderPosition(tx, parentId);
      await q.moveFolder(tx, folderId, parentId, folder.path, `${prefix}${folderId}/`, position);
    }
    await writeAudit(tx, {
      actorId: user.id,
      action: "folder.update",
      entityType: "folder",
      entityId: folderId,
      before: { name: folder.name, parentId: folder.parentId },
      after: { name, parentId },
    });
    const updated = (await q.listFolders(tx)).find((f) => f.id === folderId);
    if (!updated) throw notFound("Folder");
    return updated;
  });
}

/** Deletes an empty folder; one holding courses or sub-folders is a 409 saying what it holds. */
export function deleteFolder(db: Db, user: CurrentUser, folderId: string) {
  return db.transaction(async (tx) => {
    const folder = await q.findFolder(tx, folderId, true);
    if (!folder) throw notFound("Folder");
    const contents = await q.folderContents(tx, folderId);
    if (contents.courses > 0 || contents.children > 0) {
      throw new AppError(
        409,
        "folder_not_empty",
        `The folder holds ${contents.courses} course(s) and ${contents.children} sub-folder(s): move or delete them first`,
      );
    }
    await q.deleteFolder(tx, folderId);
    await writeAudit(tx, {
      actorId: user.id,
      action: "folder.delete",
      entityType: "folder",
      entityId: folderId,
      before: { name: folder.name, parentId: folder.parentId },
    });
  });
}

// ---- Categories ----

export async function categories(db: Db) {
  return { items: await q.listCategories(db) };
}

export function createCategory(db: Db, user: CurrentUser, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const id = await q.insertCategory(tx, input.name);
    if (!id) throw duplicate("name", "A category already has this name");
    await writeAudit(tx, {
      actorId: user.id,
      action: "category.create",
      entityType: "category",
      entityId: id,
      after: input,
    });
    return { id, name: input.name, courseCount: 0 };
  });
}

export function updateCategory(db: Db, user: CurrentUser, categoryId: string, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const category = await q.findCategory(tx, categoryId);
    if (!category) throw notFound("Category");
    if (await q.categoryNameTaken(tx, input.name, categoryId))
      throw duplicate("name", "A category already has this name");
    await q.updateCategory(tx, categoryId, input.name);
    await writeAudit(tx, {
      actorId: user.id,
      action: "category.update",
      entityType: "category",
      entityId: categoryId,
      before: { name: category.name },
      after: input,
    });
    const updated = (await q.listCategories(tx)).find((c) => c.id === categoryId);
    if (!updated) throw notFound("Category");
    return updated;
  });
}

/** Deletes a category; the courses it was on simply lose it. */
export function deleteCategory(db: Db, user: CurrentUser, categoryId: string) {
  return db.transaction(async (tx) => {
    const category = await q.findCategory(tx, categoryId);
    if (!category) throw notFound("Category");
    await q.deleteCategory(tx, categoryId);
    await writeAudit(tx, {
      actorId: user.id,
      action: "category.delete",
      entityType: "category",
      entityId: categoryId,
      before: { name: category.name },
    });
  });
}

// ---- Competency frameworks and competencies ----

export async function frameworks(db: Db) {
  const { frameworks, competencies } = await q.listFrameworks(db);
  return {
    items: frameworks.map((f) => ({ ...f, competencies: competencies.filter((c) => c.frameworkId === f.id) })),
  };
}

export function createFramework(db: Db, user: CurrentUser, input: FrameworkInput) {
  return db.transaction(async (tx) => {
    if (await q.frameworkNameTaken(tx, input.name, null)) throw duplicate("name", "A framework already has this name");
    const id = await q.insertFramework(tx, input.name, input.description);
    if (!id) throw duplicate("name", "A framework already has this name");
    await writeAudit(tx, {
      actorId: user.id,
      action: "competency_framework.create",
      entityType: "competency_framework",
      entityId: id,
      after: input,
    });
    return { id, name: input.name, description: input.description, competencies: [] };
  });
}

export function updateFramework(db: Db, user: CurrentUser, frameworkId: string, input: FrameworkInput) {
  return db.transaction(async (tx) => {
    const framework = await q.findFramework(tx, frameworkId);
    if (!framework) throw notFound("Framework");
    if (await q.frameworkNameTaken(tx, input.name, frameworkId)) {
      throw duplicate("name", "A framework already has this name");
    }
    await q.updateFramework(tx, frameworkId, input.name, input.description);
    await writeAudit(tx, {
      actorId: user.id,
      action: "competency_framework.update",
      entityType: "competency_framework",
      entityId: frameworkId,
      before: { name: framework.name, description: framework.description },
      after: input,
    });
    const { competencies } = await q.listFrameworks(tx);
    return {
      id: frameworkId,
      name: input.name,
      description: input.description,
      competencies: competencies.filter((c) => c.frameworkId === frameworkId),
    };
  });
}

/** Deletes a framework with its competencies; courses lose those competencies. */
export function deleteFramework(db: Db, user: CurrentUser, frameworkId: string) {
  return db.transaction(async (tx) => {
    const framework = await q.findFramework(tx, frameworkId);
    if (!framework) throw notFound("Framework");
    await q.deleteFramework(tx, frameworkId);
    await writeAudit(tx, {
      actorId: user.id,
      action: "competency_framework.delete",
      entityType: "competency_framework",
      entityId: frameworkId,
      before: { name: framework.name, description: framework.description },
    });
  });
}

export function createCompetency(db: Db, user: CurrentUser, input: CompetencyCreate) {
  return db.transaction(async (tx) => {
    if (!(await q.findFramework(tx, input.frameworkId))) {
      throw badRequest("frameworkId", "unknown", "The competency framework does not exist");
    }
    if (await q.competencyCodeTaken(tx, input.frameworkId, input.code, null)) {
      throw duplicate("code", "This framework already has a competency with this code");
    }
    const id = await q.insertCompetency(tx, input);
    if (!id) throw duplicate("code", "This framework already has a competency with this code");
    await writeAudit(tx, {
      actorId: user.id,
      action: "competency.create",
      entityType: "competency",
      entityId: id,
      after: input,
    });
    return { id, ...input, courseCount: 0 };
  });
}

export function updateCompetency(db: Db, user: CurrentUser, competencyId: string, input: CompetencyFields) {
  return db.transaction(async (tx) => {
    const competency = await q.findCompetency(tx, competencyId);
    if (!competency) throw notFound("Competency");
    if (await q.competencyCodeTaken(tx, competency.frameworkId, input.code, competencyId)) {
      throw duplicate("code", "This framework already has a competency with this code");
    }
    await q.updateCompetency(tx, competencyId, input);
    await writeAudit(tx, {
      actorId: user.id,
      action: "competency.update",
      entityType: "competency",
      entityId: competencyId,
      before: { code: competency.code, label: competency.label, description: competency.description },
      after: input,
    });
    const { competencies } = await q.listFrameworks(tx);
    const updated = competencies.find((c) => c.id === competencyId);
    if (!updated) throw notFound("Competency");
    return updated;
  });
}

export function deleteCompetency(db: Db, user: CurrentUser, competencyId: string) {
  return db.transaction(async (tx) => {
    const competency = await q.findCompetency(tx, competencyId);
    if (!competency) throw notFound("Competency");
    await q.deleteCompetency(tx, competencyId);
    await writeAudit(tx, {
      actorId: user.id,
      action: "competency.delete",
      entityType: "competency",
      entityId: competencyId,
      before: { code: competency.code, label: competency.label, frameworkId: competency.frameworkId },
    });
  });
}

// ---- Courses ----

export async function listCourses(db: Db, query: AdminCoursesQuery): Promise<AdminCoursesPage> {
  const { rows, total } = await q.listCourses(db, query);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      folder: r.folderId ? { id: r.folderId, name: r.folderName ?? "" } : null,
      catalogueVisible: r.catalogueVisible,
      everyone: r.everyone,
      lessonCount: r.lessonCount,
      enrollmentCount: r.enrollmentCount,
      thumbnailUrl: thumbnailUrl(r.id, r.thumbnailPath),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The course form's choices: folders labelled with their path of names, categories, competencies, lists. */
export async function formOptions(db: Db): Promise<CourseFormOptions> {
  const options = await q.formOptions(db);
  const names = new Map(options.folders.map((f) => [f.id, f.name]));
  return {
    folders: options.folders.map((f) => ({
      id: f.id,
      label: f.path
        .split("/")
        .filter(Boolean)
        .map((id) => names.get(id) ?? "")
        .join(" / "),
    })),
    categories: options.categories,
    competencies: options.competencies,
    lists: options.lists,
  };
}

function presentCourse(row: q.CourseRow): AdminCourse {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    folderId: row.folderId,
    description: row.description,
    catalogueVisible: row.catalogueVisible,
    everyone: row.everyone,
    listIds: row.everyone ? [] : row.listIds,
    inactivityDays: row.inactivityDays,
    categoryIds: row.categoryIds,
    competencyIds: row.competencyIds,
    thumbnailUrl: thumbnailUrl(row.id, row.thumbnailPath),
    enrollmentCount: row.enrollmentCount,
    updatedAt: iso(row.updatedAt),
  };
}

export async function getCourse(db: Db, courseId: string): Promise<AdminCourse> {
  const row = await q.findCourse(db, courseId);
  if (!row) throw notFound("Course");
  return presentCourse(row);
}

/** Checks that every referenced folder, list, category and competency exists (400 naming the field otherwise). */
async function checkReferences(tx: Tx, input: CourseInput) {
  const unique = (ids: string[]) => [...new Set(ids)];
  if (input.folderId && (await q.countExisting(tx, "folders", [input.folderId])) !== 1) {
    throw badRequest("folderId", "unknown", "The folder does not exist");
  }
  const listIds = input.everyone ? [] : unique(input.listIds);
  const categoryIds = unique(input.categoryIds);
  const competencyIds = unique(input.competencyIds);
  if ((await q.countExisting(tx, "learner_lists", listIds)) !== listIds.length) {
    throw badRequest("listIds", "unknown", "A learner list does not exist");
  }
  if ((await q.countExisting(tx, "categories", categoryIds)) !== categoryIds.length) {
    throw badRequest("categoryIds", "unknown", "A category does not exist");
  }
  if ((await q.countExisting(tx, "competencies", competencyIds)) !== competencyIds.length) {
    throw badRequest("competencyIds", "unknown", "A competency does not exist");
  }
  return { listIds, categoryIds, competencyIds };
}

function courseColumns(input: CourseInput) {
  return {
    code: input.code,
    name: input.name,
    folderId: input.folderId,
    description: input.description,
    catalogueVisible: input.catalogueVisible,
    everyone: input.everyone,
    inactivityDays: input.inactivityDays,
  };
}

/** Creates a course with its audience, categories and competencies; a taken code is a 409 naming `code`. */
export function createCourse(db: Db, user: CurrentUser, input: CourseInput) {
  return db.transaction(async (tx) => {
    const links = await checkReferences(tx, input);
    if (await q.courseCodeTaken(tx, input.code, null)) throw duplicate("code", "Another course already has this code");
    const id = await q.insertCourse(tx, courseColumns(input));
    if (!id) throw duplicate("code", "Another course already has this code");
    await q.replaceCourseLinks(tx, id, links);
    await writeAudit(tx, {
      actorId: user.id,
      action: "course.create",
      entityType: "course",
      entityId: id,
      courseId: id,
      after: { ...input, ...links },
    });
    const row = await q.findCourse(tx, id);
    if (!row) throw notFound("Course");
    return presentCourse(row);
  });
}

/** Saves a course's fields and links; a new inactivity delay re-derives its learners' at-risk dates (B1). */
export function updateCourse(db: Db, user: CurrentUser, courseId: string, input: CourseInput) {
  return db.transaction(async (tx) => {
    const before = await q.findCourse(tx, courseId, true);
    if (!before) throw notFound("Course");
    const links = await checkReferences(tx, input);
    if (await q.courseCodeTaken(tx, input.code, courseId))
      throw duplicate("code", "Another course already has this code");
    await q.updateCourse(tx, courseId, courseColumns(input));
    await q.replaceCourseLinks(tx, courseId, links);
    if (before.inactivityDays !== input.inactivityDays) await recomputeCourse(tx, courseId);
    const { thumbnailPath: _t, updatedAt: _u, enrollmentCount: _e, ...previous } = before;
    await writeAudit(tx, {
      actorId: user.id,
      action: "course.update",
      entityType: "course",
      entityId: courseId,
      courseId,
      before: previous,
      after: { ...input, ...links },
    });
    const row = await q.findCourse(tx, courseId);
    if (!row) throw notFound("Course");
    return presentCourse(row);
  });
}

/** 404 unless the course exists (checked before reading an upload's bytes). */
export async function ensureCourse(db: Db, courseId: string) {
  if (!(await q.lockCourse(db, courseId))) throw notFound("Course");
}

const filesRoot = (config: Config) => path.join(config.dataDir, "files");

/**
 * Stores a checked thumbnail under `DATA_DIR/files/thumbnails/<course>/` (the path the thumbnail
 * route reads) and points the course at it; the previous file is removed once the change commits.
 */
export async function setThumbnail(db: Db, config: Config, user: CurrentUser, courseId: string, upload: Upload) {
  const kind = checkImage(upload.bytes);
  const relative = `thumbnails/${courseId}/${randomUUID()}${kind.ext}`;
  await storeFile(filesRoot(config), relative, upload.bytes);
  let previous: string | null = null;
  try {
    await db.transaction(async (tx) => {
      const course = await q.findCourse(tx, courseId, true);
      if (!course) throw notFound("Course");
      previous = course.thumbnailPath;
      await q.setThumbnail(tx, courseId, relative);
      await writeAudit(tx, {
        actorId: user.id,
        action: "course.thumbnail",
        entityType: "course",
        entityId: courseId,
        courseId,
        before: { thumbnail: previous },
        after: {
          thumbnail: relative,
          fileName: upload.fileName,
          mimeType: kind.mimeType,
          sizeBytes: upload.bytes.length,
        },
      });
    });
  } catch (error) {
    await removeFile(filesRoot(config), relative);
    throw error;
  }
  await removeFile(filesRoot(config), previous);
  return { thumbnailUrl: thumbnailUrl(courseId, relative) };
}

export async function removeThumbnail(db: Db, config: Config, user: CurrentUser, courseId: string) {
  const previous = await db.transaction(async (tx) => {
    const course = await q.findCourse(tx, courseId, true);
    if (!course) throw notFound("Course");
    await q.setThumbnail(tx, courseId, null);
    await writeAudit(tx, {
      actorId: user.id,
      action: "course.thumbnail",
      entityType: "course",
      entityId: courseId,
      courseId,
      before: { thumbnail: course.thumbnailPath },
      after: { thumbnail: null },
    });
    return course.thumbnailPath;
  });
  await removeFile(filesRoot(config), previous);
}

// ---- Lessons ----

type StoredDocument = { fileName: string; mimeType: string; sizeBytes: number; storagePath: string };

// The settings keys this editor owns, per type; other keys (quiz rules, SCORM data) are kept as they are.
const MANAGED_SETTINGS: Record<LessonType, string[]> = {
  sheet: ["body"],
  mission: [],
  elearning: [],
  quiz: [],
  webinar: [],
  observation: [],
};

function managedSettings(type: LessonType, settings: Record<string, unknown>) {
  return Object.fromEntries(
    MANAGED_SETTINGS[type].filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]]),
  );
}

function storedDocument(settings: Record<string, unknown>): StoredDocument | null {
  const document = settings.document as StoredDocument | undefined;
  return document && typeof document.storagePath === "string" ? document : null;
}

function presentLesson(row: q.LessonRow): AdminLesson {
  const s = row.settings;
  const document = storedDocument(s);
  return {
    id: row.id,
    courseId: row.courseId,
    position: row.position,
    type: row.type,
    title: row.title,
    description: row.description,
    points: row.points,
    passingScore: row.passingScore,
    minTimeSeconds: row.minTimeSeconds,
    durationSeconds: row.durationSeconds,
    settings: {
      ...(typeof s.body === "string" ? { body: s.body } : {}),
      ...(row.type === "sheet"
        ? {
            document: document
              ? { fileName: document.fileName, mimeType: document.mimeType, sizeBytes: document.sizeBytes }
              : null,
          }
        : {}),
    },
    learnersWithActivity: row.learnersWithActivity,
  };
}

export async function courseLessons(db: Db, courseId: string) {
  if (!(await q.findCourse(db, courseId))) throw notFound("Course");
  return { items: (await q.courseLessons(db, courseId)).map(presentLesson) };
}

export async function getLesson(db: Db, lessonId: string) {
  const row = await q.findLesson(db, lessonId);
  if (!row) throw notFound("Lesson");
  return presentLesson(row);
}

function lessonAudit(row: q.LessonRow) {
  return {
    type: row.type,
    position: row.position,
    title: row.title,
    description: row.description,
    points: row.points,
    passingScore: row.passingScore,
    minTimeSeconds: row.minTimeSeconds,
    durationSeconds: row.durationSeconds,
    settings: row.settings,
  };
}

/** Adds a lesson at the end of the course; every enrollment's progress is recomputed in the same transaction. */
export function createLesson(db: Db, user: CurrentUser, courseId: string, input: LessonCreate) {
  return db.transaction(async (tx) => {
    if (!(await q.lockCourse(tx, courseId))) throw notFound("Course");
    const id = await q.insertLesson(tx, {
      courseId,
      type: input.type,
      title: input.title,
      description: input.description,
      points: input.points,
      passingScore: input.passingScore,
      minTimeSeconds: input.minTimeSeconds,
      durationSeconds: input.durationSeconds,
      settings: managedSettings(input.type, input.settings),
    });
    await recomputeCourse(tx, courseId);
    const row = await q.findLesson(tx, id);
    if (!row) throw notFound("Lesson");
    await writeAudit(tx, {
      actorId: user.id,
      action: "lesson.create",
      entityType: "lesson",
      entityId: id,
      courseId,
      lessonId: id,
      after: lessonAudit(row),
    });
    return presentLesson(row);
  });
}

/** Saves a lesson's fields and the settings of its type (its type itself is fixed). */
export function updateLesson(db: Db, user: CurrentUser, lessonId: string, input: LessonUpdate) {
  return db.transaction(async (tx) => {
    const before = await q.findLesson(tx, lessonId);
    if (!before) throw notFound("Lesson");
    const kept = Object.fromEntries(
      Object.entries(before.settings).filter(([key]) => !MANAGED_SETTINGS[before.type].includes(key)),
    );
    await q.updateLesson(tx, lessonId, {
      title: input.title,
      description: input.description,
      points: input.points,
      passingScore: input.passingScore,
      minTimeSeconds: input.minTimeSeconds,
      durationSeconds: input.durationSeconds,
      settings: { ...kept, ...managedSettings(before.type, input.settings) },
    });
    const row = await q.findLesson(tx, lessonId);
    if (!row) throw notFound("Lesson");
    await writeAudit(tx, {
      actorId: user.id,
      action: "lesson.update",
      entityType: "lesson",
      entityId: lessonId,
      courseId: row.courseId,
      lessonId,
      before: lessonAudit(before),
      after: lessonAudit(row),
    });
    return presentLesson(row);
  });
}

/**
 * Deletes a lesson no learner has worked on, closes the gap in the positions and recomputes every
 * enrollment's progress. A lesson with learner activity is refused (409): its attempts, sessions
 * and statuses are evidence of training (reports, certificates) that deleting would erase.
 */
export async function deleteLesson(db: Db, config: Config, user: CurrentUser, lessonId: string) {
  const document = await db.transaction(async (tx) => {
    const found = await q.findLesson(tx, lessonId);
    if (!found) throw notFound("Lesson");
    await q.lockCourse(tx, found.courseId);
    const lesson = await q.findLesson(tx, lessonId);
    if (!lesson) throw notFound("Lesson");
    if (lesson.learnersWithActivity > 0) {
      throw new AppError(
        409,
        "lesson_has_activity",
        `${lesson.learnersWithActivity} learner(s) have worked on this lesson: their attempts and time are training evidence, so it can't be deleted`,
      );
    }
    await q.deleteLesson(tx, lessonId);
    await q.rewritePositions(tx, lesson.courseId, await q.lessonIdsInOrder(tx, lesson.courseId));
    await recomputeCourse(tx, lesson.courseId);
    await writeAudit(tx, {
      actorId: user.id,
      action: "lesson.delete",
      entityType: "lesson",
      entityId: lessonId,
      courseId: lesson.courseId,
      before: lessonAudit(lesson),
    });
    return storedDocument(lesson.settings);
  });
  await removeFile(config.dataDir, document?.storagePath);
}

/** Puts the course's lessons in the given order (every lesson exactly once), in one transaction. */
export function reorderLessons(db: Db, user: CurrentUser, courseId: string, input: LessonOrder) {
  return db.transaction(async (tx) => {
    if (!(await q.lockCourse(tx, courseId))) throw notFound("Course");
    const current = await q.lessonIdsInOrder(tx, courseId);
    const wanted = new Set(input.lessonIds);
    if (
      wanted.size !== input.lessonIds.length ||
      wanted.size !== current.length ||
      current.some((id) => !wanted.has(id))
    ) {
      throw badRequest("lessonIds", "same_lessons", "Give every lesson of the course exactly once");
    }
    await q.rewritePositions(tx, courseId, input.lessonIds);
    await writeAudit(tx, {
      actorId: user.id,
      action: "lesson.reorder",
      entityType: "course",
      entityId: courseId,
      courseId,
      before: { lessonIds: current },
      after: { lessonIds: input.lessonIds },
    });
    return { items: (await q.courseLessons(tx, courseId)).map(presentLesson) };
  });
}

/** 404 unless the lesson exists; 400 unless it is a practical sheet (checked before reading an upload). */
export async function ensureSheet(db: Db, lessonId: string) {
  const lesson = await q.findLesson(db, lessonId);
  if (!lesson) throw notFound("Lesson");
  if (lesson.type !== "sheet") throw badRequest("lessonId", "sheet_only", "Only a practical sheet has a document");
}

const safeFileName = (name: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  name.replace(/[\u0000-\u001f\u007f/\\]/g, "_").slice(-200) || "document.pdf";

/**
 * Stores a practical sheet's PDF under `DATA_DIR/files/lesson-documents/<lesson>/` and records it
 * as `settings.document` (storagePath relative to DATA_DIR); the previous PDF goes once it commits.
 */
export async function setSheetDocument(db: Db, config: Config, user: CurrentUser, lessonId: string, upload: Upload) {
  checkPdf(upload.bytes);
  const storagePath = `files/lesson-documents/${lessonId}/${randomUUID()}.pdf`;
  await storeFile(config.dataDir, storagePath, upload.bytes);
  let previous: StoredDocument | null = null;
  try {
    const lesson = await db.transaction(async (tx) => {
      const row = await q.findLesson(tx, lessonId);
      if (!row) throw notFound("Lesson");
      if (row.type !== "sheet") throw badRequest("lessonId", "sheet_only", "Only a practical sheet has a document");
      previous = storedDocument(row.settings);
      const document: StoredDocument = {
        fileName: safeFileName(upload.fileName),
        mimeType: "application/pdf",
        sizeBytes: upload.bytes.length,
        storagePath,
      };
      await q.setLessonSettings(tx, lessonId, { ...row.settings, document });
      await writeAudit(tx, {
        actorId: user.id,
        action: "lesson.document",
        entityType: "lesson",
        entityId: lessonId,
        courseId: row.courseId,
        lessonId,
        before: { document: previous },
        after: { document },
      });
      const updated = await q.findLesson(tx, lessonId);
      if (!updated) throw notFound("Lesson");
      return presentLesson(updated);
    });
    await removeFile(config.dataDir, (previous as StoredDocument | null)?.storagePath);
    return lesson;
  } catch (error) {
    await removeFile(config.dataDir, storagePath);
    throw error;
  }
}

export async function removeSheetDocument(db: Db, config: Config, user: CurrentUser, lessonId: string) {
  const previous = await db.transaction(async (tx) => {
    const row = await q.findLesson(tx, lessonId);
    if (!row) throw notFound("Lesson");
    const document = storedDocument(row.settings);
    if (!document) throw notFound("Document");
    const { document: _removed, ...rest } = row.settings;
    await q.setLessonSettings(tx, lessonId, rest);
    await writeAudit(tx, {
      actorId: user.id,
      action: "lesson.document",
      entityType: "lesson",
      entityId: lessonId,
      courseId: row.courseId,
      lessonId,
      before: { document },
      after: { document: null },
    });
    return document;
  });
  await removeFile(config.dataDir, previous.storagePath);
}
