import { courseCenterPath } from "../../app/navigation.js";

const id = encodeURIComponent;

/** Where a learner's certificate downloads from. */
export function certificatePath(courseId: string, learnerId: string, certificateId: string): string {
  return `/api/tutoring/courses/${id(courseId)}/learners/${id(learnerId)}/certificates/${id(certificateId)}`;
}

/** `… > Centre de tutorat > Missions à corriger` (T7). */
export function courseMissionsPath(courseId: string): string {
  return `${courseCenterPath(courseId)}/missions`;
}

/** One submission to read and correct. */
export function missionPath(courseId: string, submissionId: string): string {
  return `${courseMissionsPath(courseId)}/${id(submissionId)}`;
}

/** `… > Centre de tutorat > Observations à faire` (T8). */
export function observationsPath(courseId: string): string {
  return `${courseCenterPath(courseId)}/observations`;
}

/** The observation grid to fill for a learner. */
export function observationFormPath(courseId: string, lessonId: string, learnerId: string): string {
  return `${observationsPath(courseId)}/${id(lessonId)}/apprenants/${id(learnerId)}`;
}
