CREATE TABLE "enrollment_names" (
	"enrollment_id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrollment_names" ADD CONSTRAINT "enrollment_names_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Both are trusted extensions shipped with PostgreSQL (contrib): a database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
INSERT INTO "enrollment_names" (enrollment_id, course_id, name)
SELECT id, course_id, learner_sort_name FROM "enrollments";--> statement-breakpoint
CREATE INDEX "enrollment_names_search_idx" ON "enrollment_names" USING gin ("course_id", "name" gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION "enrollment_names_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO enrollment_names (enrollment_id, course_id, name) SELECT id, course_id, learner_sort_name FROM new_rows;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "enrollment_names_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollment_names SET course_id = NEW.course_id, name = NEW.learner_sort_name WHERE enrollment_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "enrollments_names_insert" AFTER INSERT ON "enrollments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "enrollment_names_insert"();--> statement-breakpoint
-- Per row, and only when the name or the course changes (a renamed learner): a learner's commit,
-- which rewrites the enrollment's summary, doesn't call it.
CREATE TRIGGER "enrollments_names_update" AFTER UPDATE ON "enrollments" FOR EACH ROW
  WHEN (OLD.learner_sort_name IS DISTINCT FROM NEW.learner_sort_name OR OLD.course_id IS DISTINCT FROM NEW.course_id)
  EXECUTE FUNCTION "enrollment_names_update"();
