DROP INDEX "lesson_stats_lesson_status_idx";--> statement-breakpoint
CREATE INDEX "enrollments_course_type_progress_idx" ON "enrollments" USING btree ("course_id","type","progress_pct","learner_sort_name","id");--> statement-breakpoint
CREATE INDEX "lesson_stats_lesson_status_idx" ON "lesson_stats" USING btree ("lesson_id","status","enrollment_id");