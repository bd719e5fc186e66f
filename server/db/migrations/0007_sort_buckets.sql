CREATE TABLE "course_sort_buckets" (
	"course_id" uuid NOT NULL,
	"type" "enrollment_type" NOT NULL,
	"progress_pct" smallint NOT NULL,
	"prefix" text NOT NULL,
	"learners" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "course_sort_buckets_course_id_type_progress_pct_prefix_pk" PRIMARY KEY("course_id","type","progress_pct","prefix")
);
--> statement-breakpoint
ALTER TABLE "course_sort_buckets" ADD CONSTRAINT "course_sort_buckets_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Names compare code point by code point everywhere (as under the embedded and CI databases' C
-- locales), whatever the server's default: a name prefix then sorts before every name it starts,
-- which the sort buckets rely on. learner_sort_name is normalised (lower case, no accents), so the
-- order a tutor sees does not change.
ALTER TABLE "enrollments" ALTER COLUMN "learner_sort_name" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "course_sort_buckets" ALTER COLUMN "prefix" TYPE text COLLATE "C";--> statement-breakpoint
INSERT INTO "course_sort_buckets" (course_id, type, progress_pct, prefix, learners)
SELECT course_id, type, progress_pct, left(learner_sort_name, 3), count(*)::int
FROM "enrollments" GROUP BY 1, 2, 3, 4;--> statement-breakpoint
-- A statement's changes of enrollments applied to the buckets: the rows it added +1, the rows it
-- removed -1 (an update is both), grouped and upserted in key order (no deadlock between writers of
-- one course); a statement that moves no learner to another bucket (most: progress changes only when
-- a lesson is completed) writes nothing.
CREATE FUNCTION "course_sort_buckets_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO course_sort_buckets AS b (course_id, type, progress_pct, prefix, learners)
    SELECT course_id, type, progress_pct, left(learner_sort_name, 3), count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (course_id, type, progress_pct, prefix) DO UPDATE SET learners = b.learners + excluded.learners;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE course_sort_buckets b SET learners = b.learners - d.learners
    FROM (
      SELECT course_id, type, progress_pct, left(learner_sort_name, 3) AS prefix, count(*)::int AS learners
      FROM old_rows GROUP BY 1, 2, 3, 4
    ) d
    WHERE b.course_id = d.course_id AND b.type = d.type AND b.progress_pct = d.progress_pct AND b.prefix = d.prefix;
  ELSE
    INSERT INTO course_sort_buckets AS b (course_id, type, progress_pct, prefix, learners)
    SELECT course_id, type, progress_pct, prefix, sum(n)::int
    FROM (
      SELECT n.course_id, n.type, n.progress_pct, left(n.learner_sort_name, 3) AS prefix, 1 AS n
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.course_id, n.type, n.progress_pct, left(n.learner_sort_name, 3))
        IS DISTINCT FROM (o.course_id, o.type, o.progress_pct, left(o.learner_sort_name, 3))
      UNION ALL
      SELECT o.course_id, o.type, o.progress_pct, left(o.learner_sort_name, 3), -1
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (n.course_id, n.type, n.progress_pct, left(n.learner_sort_name, 3))
        IS DISTINCT FROM (o.course_id, o.type, o.progress_pct, left(o.learner_sort_name, 3))
    ) d
    GROUP BY 1, 2, 3, 4
    HAVING sum(n) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (course_id, type, progress_pct, prefix) DO UPDATE SET learners = b.learners + excluded.learners;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "enrollments_buckets_insert" AFTER INSERT ON "enrollments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "course_sort_buckets_apply"();--> statement-breakpoint
CREATE TRIGGER "enrollments_buckets_update" AFTER UPDATE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "course_sort_buckets_apply"();--> statement-breakpoint
CREATE TRIGGER "enrollments_buckets_delete" AFTER DELETE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "course_sort_buckets_apply"();
