-- The triggers of 0007 name case_counts, which 0013 rebuilds with a new key; SQLite refuses to
-- rename a table while a trigger names a missing one, so they are dropped first and 0014
-- creates their successors.
DROP TRIGGER IF EXISTS `cases_count_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `cases_count_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `cases_count_delete`;
