CREATE TABLE "calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"programme_code" text NOT NULL,
	"year" bigint NOT NULL,
	"batch" bigint NOT NULL,
	"deadline" text NOT NULL,
	"budget" bigint NOT NULL,
	"committed" bigint DEFAULT 0 NOT NULL,
	"categories" text NOT NULL,
	"status" text NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" text NOT NULL,
	"opened_by" bigint,
	"opened_at" text,
	"closed_by" bigint,
	"closed_at" text
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "call_id" bigint;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_programme_status" ON "calls" USING btree ("programme_code","status");