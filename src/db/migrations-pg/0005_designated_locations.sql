CREATE TABLE "designated_locations" (
	"id" serial PRIMARY KEY NOT NULL,
	"province" text NOT NULL,
	"city" text NOT NULL,
	"designated_on" text NOT NULL,
	"ends_on" text,
	"created_at" text NOT NULL,
	"created_by" integer,
	"end_recorded_at" text,
	"ended_by" integer
);
--> statement-breakpoint
ALTER TABLE "designated_locations" ADD CONSTRAINT "designated_locations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designated_locations" ADD CONSTRAINT "designated_locations_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "designated_locations_place" ON "designated_locations" USING btree ("province","city");