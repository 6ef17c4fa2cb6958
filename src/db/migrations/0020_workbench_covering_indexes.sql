-- The workbench finds a page's ids in an index alone, then reads only the rows it shows
-- (src/domain/workbench/list-workbench.ts). The old indexes held the sort key and id only, so a
-- walk read the table row of every case it passed to check its programme or state (the amount
-- sort passed 40,000 rows of other programmes: ~200 ms), and a seek read every row of a stage
-- before sorting. One covering index per access path replaces seven narrower ones: no query
-- used cases_province, and the stage indexes of 0004 and the schema are now cases_queue.
DROP INDEX `cases_programme_state_updated`;--> statement-breakpoint
DROP INDEX `cases_updated`;--> statement-breakpoint
DROP INDEX `cases_province`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_wb_stage_submitted`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_wb_submitted`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_wb_state_since`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_wb_amount`;--> statement-breakpoint
CREATE INDEX `cases_queue` ON `cases` (`programme_code`,`state`,`province`,`industry`,`submitted_at`,`updated_at`,`state_since`,`amount`);--> statement-breakpoint
CREATE INDEX `cases_walk_updated` ON `cases` (`updated_at`,`id`,`programme_code`,`state`,`submitted_at`,`province`,`industry`,`amount`);--> statement-breakpoint
CREATE INDEX `cases_walk_submitted` ON `cases` (`submitted_at`,`id`,`programme_code`,`state`,`province`,`industry`,`amount`);--> statement-breakpoint
CREATE INDEX `cases_walk_since` ON `cases` (`state_since`,`id`,`programme_code`,`state`,`submitted_at`,`province`,`industry`,`amount`);--> statement-breakpoint
CREATE INDEX `cases_walk_amount` ON `cases` (coalesce(`amount`, 0),`id`,`programme_code`,`state`,`submitted_at`,`province`,`industry`,`amount`);
