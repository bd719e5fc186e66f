-- A deep page of the tutoring center finds its sort bucket by summing a course's buckets (2,603 rows
-- for the 100,000-learner course of seed:big). Read from the table, those rows lay on 1,846 pages (a
-- course's buckets are created over its life, among every other course's): 8.5 ms a page. With the
-- counts in the primary key's index (INCLUDE), the sum is an index-only scan: 1.8 ms (issue #8).
-- Bucket updates are no longer HOT (they touch an indexed column); the table is small.
ALTER TABLE "course_sort_buckets"
  DROP CONSTRAINT "course_sort_buckets_course_id_type_progress_pct_prefix_pk",
  ADD CONSTRAINT "course_sort_buckets_course_id_type_progress_pct_prefix_pk"
    PRIMARY KEY ("course_id", "type", "progress_pct", "prefix") INCLUDE ("learners");
