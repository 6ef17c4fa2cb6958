-- See the SQLite migration 0020: covering indexes for the workbench replace seven narrower ones.
DROP INDEX "cases_programme_state_updated";--> statement-breakpoint
DROP INDEX "cases_updated";--> statement-breakpoint
DROP INDEX "cases_province";--> statement-breakpoint
DROP INDEX "cases_wb_stage_submitted";--> statement-breakpoint
DROP INDEX "cases_wb_submitted";--> statement-breakpoint
DROP INDEX "cases_wb_state_since";--> statement-breakpoint
DROP INDEX "cases_wb_amount";--> statement-breakpoint
CREATE INDEX "cases_queue" ON "cases" USING btree ("programme_code","state","province","industry","submitted_at","updated_at","state_since","amount");--> statement-breakpoint
CREATE INDEX "cases_walk_updated" ON "cases" USING btree ("updated_at","id","programme_code","state","submitted_at","province","industry","amount");--> statement-breakpoint
CREATE INDEX "cases_walk_submitted" ON "cases" USING btree ("submitted_at","id","programme_code","state","province","industry","amount");--> statement-breakpoint
CREATE INDEX "cases_walk_since" ON "cases" USING btree ("state_since","id","programme_code","state","submitted_at","province","industry","amount");--> statement-breakpoint
CREATE INDEX "cases_walk_amount" ON "cases" USING btree (coalesce("amount", 0),"id","programme_code","state","submitted_at","province","industry","amount");