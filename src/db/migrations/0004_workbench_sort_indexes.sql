-- The staff workbench sorts and counts 100,000 cases by these keys (src/domain/workbench).
-- Custom SQL because the cases table's drizzle definition belongs to the case engine: these
-- indexes only add access paths and never change what a query returns.
CREATE INDEX `cases_wb_stage_submitted` ON `cases` (`programme_code`, `state`, `submitted_at`);--> statement-breakpoint
CREATE INDEX `cases_wb_submitted` ON `cases` (`submitted_at`, `id`);--> statement-breakpoint
CREATE INDEX `cases_wb_state_since` ON `cases` (`state_since`, `id`);--> statement-breakpoint
CREATE INDEX `cases_wb_amount` ON `cases` (coalesce(`amount`, 0), `id`);
