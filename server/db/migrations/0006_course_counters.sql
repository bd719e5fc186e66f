CREATE TABLE "course_counters" (
	"course_id" uuid NOT NULL,
	"type" "enrollment_type" NOT NULL,
	"status" "enrollment_status" NOT NULL,
	"learners" integer DEFAULT 0 NOT NULL,
	"missions_to_correct" integer DEFAULT 0 NOT NULL,
	"observations_to_do" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "course_counters_course_id_type_status_pk" PRIMARY KEY("course_id","type","status")
);
--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "missions_to_correct" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "observations_pending" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "course_counters" ADD CONSTRAINT "course_counters_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
UPDATE "enrollments" e SET "missions_to_correct" = x.n
FROM (
  SELECT ms.enrollment_id, count(*)::int AS n FROM "mission_submissions" ms
  WHERE NOT EXISTS (SELECT 1 FROM "mission_corrections" mc WHERE mc.submission_id = ms.id)
  GROUP BY ms.enrollment_id
) x
WHERE e.id = x.enrollment_id;--> statement-breakpoint
UPDATE "enrollments" e SET "observations_pending" = x.n
FROM (
  SELECT ls.enrollment_id, count(*)::int AS n FROM "lesson_stats" ls JOIN "lessons" l ON l.id = ls.lesson_id
  WHERE l.type = 'observation' AND ls.status <> 'passed'
  GROUP BY ls.enrollment_id
) x
WHERE e.id = x.enrollment_id;--> statement-breakpoint
INSERT INTO "course_counters" (course_id, type, status, learners, missions_to_correct, observations_to_do)
SELECT course_id, type, status, count(*)::int, sum(missions_to_correct)::int, (count(*) FILTER (WHERE observations_pending > 0))::int
FROM "enrollments" GROUP BY course_id, type, status;--> statement-breakpoint
-- Applies a statement's changes of enrollments to course_counters: the rows it added count +1, the
-- rows it removed -1 (an update is both). Grouped and upserted in key order, so two transactions
-- counting in the same course take the counter rows' locks in the same order (no deadlock), and a
-- statement that changes no counted column (most of them: a learner's commit moves progress and
-- time) writes nothing.
CREATE FUNCTION "course_counters_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO course_counters AS cc (course_id, type, status, learners, missions_to_correct, observations_to_do)
    SELECT course_id, type, status, count(*)::int, sum(missions_to_correct)::int,
      (count(*) FILTER (WHERE observations_pending > 0))::int
    FROM new_rows GROUP BY course_id, type, status ORDER BY course_id, type, status
    ON CONFLICT (course_id, type, status) DO UPDATE SET
      learners = cc.learners + excluded.learners,
      missions_to_correct = cc.missions_to_correct + excluded.missions_to_correct,
      observations_to_do = cc.observations_to_do + excluded.observations_to_do;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE course_counters cc SET
      learners = cc.learners - d.learners,
      missions_to_correct = cc.missions_to_correct - d.missions,
      observations_to_do = cc.observations_to_do - d.observations
    FROM (
      SELECT course_id, type, status, count(*)::int AS learners, sum(missions_to_correct)::int AS missions,
        (count(*) FILTER (WHERE observations_pending > 0))::int AS observations
      FROM old_rows GROUP BY course_id, type, status
    ) d
    WHERE cc.course_id = d.course_id AND cc.type = d.type AND cc.status = d.status;
  ELSE
    INSERT INTO course_counters AS cc (course_id, type, status, learners, missions_to_correct, observations_to_do)
    SELECT course_id, type, status, sum(n)::int, sum(m)::int, sum(o)::int
    FROM (
      SELECT n.course_id, n.type, n.status, 1 AS n, n.missions_to_correct AS m, (n.observations_pending > 0)::int AS o
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.course_id, n.type, n.status, n.missions_to_correct, n.observations_pending > 0)
        IS DISTINCT FROM (o.course_id, o.type, o.status, o.missions_to_correct, o.observations_pending > 0)
      UNION ALL
      SELECT o.course_id, o.type, o.status, -1, -o.missions_to_correct, -((o.observations_pending > 0)::int)
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (n.course_id, n.type, n.status, n.missions_to_correct, n.observations_pending > 0)
        IS DISTINCT FROM (o.course_id, o.type, o.status, o.missions_to_correct, o.observations_pending > 0)
    ) d
    GROUP BY course_id, type, status
    HAVING sum(n) <> 0 OR sum(m) <> 0 OR sum(o) <> 0
    ORDER BY course_id, type, status
    ON CONFLICT (course_id, type, status) DO UPDATE SET
      learners = cc.learners + excluded.learners,
      missions_to_correct = cc.missions_to_correct + excluded.missions_to_correct,
      observations_to_do = cc.observations_to_do + excluded.observations_to_do;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "enrollments_counters_insert" AFTER INSERT ON "enrollments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "course_counters_apply"();--> statement-breakpoint
CREATE TRIGGER "enrollments_counters_update" AFTER UPDATE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "course_counters_apply"();--> statement-breakpoint
CREATE TRIGGER "enrollments_counters_delete" AFTER DELETE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "course_counters_apply"();
