CREATE TABLE "evaluation_targets" (
	"location" text NOT NULL,
	"year" integer NOT NULL,
	"indicator" text NOT NULL,
	"target" double precision NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" integer NOT NULL,
	CONSTRAINT "evaluation_targets_location_year_indicator_pk" PRIMARY KEY("location","year","indicator")
);
--> statement-breakpoint
ALTER TABLE "evaluation_targets" ADD CONSTRAINT "evaluation_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;