CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL,
	"revoked_at" text,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" integer,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"version" integer,
	"comment" text,
	"data" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_counts" (
	"programme_code" text NOT NULL,
	"state" text NOT NULL,
	"province" text NOT NULL,
	"industry" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "case_counts_province_industry_programme_code_state_pk" PRIMARY KEY("province","industry","programme_code","state")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"programme_code" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"state" text NOT NULL,
	"snapshot" text NOT NULL,
	"machine_version" integer NOT NULL,
	"version" integer NOT NULL,
	"form" text NOT NULL,
	"figures" text,
	"amount" double precision,
	"province" text NOT NULL,
	"industry" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"submitted_at" text,
	"state_since" text NOT NULL,
	"due_at" text,
	"is_final" boolean DEFAULT false NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"reasons" text NOT NULL,
	"amount" double precision,
	"conditions" text,
	"proposed_by" integer NOT NULL,
	"proposed_at" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"closed_by" integer,
	"closed_at" text,
	"result_id" integer
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"number" text NOT NULL,
	"institution_code" text NOT NULL,
	"outcome" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"amount" double precision,
	"conditions" text,
	"reasons" text,
	"section" text NOT NULL,
	"issued_by" integer NOT NULL,
	"signer_role" text NOT NULL,
	"prepared_by" integer,
	"issuer_zh" text,
	"issuer_en" text,
	"remedies" text,
	"issued_at" text NOT NULL,
	"verification_code" text NOT NULL,
	"replaces_id" integer,
	"pdf" "bytea",
	"pdf_sha256" text,
	"render_attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "decisions_number_unique" UNIQUE("number"),
	CONSTRAINT "decisions_verification_code_unique" UNIQUE("verification_code")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"stored_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" text NOT NULL,
	"replaced_at" text,
	CONSTRAINT "documents_stored_name_unique" UNIQUE("stored_name")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"province" text NOT NULL,
	"city" text,
	"industry" text NOT NULL,
	"customs_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "enterprises_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "evaluation_weights" (
	"indicator" text PRIMARY KEY NOT NULL,
	"weight" double precision NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_conflicts" (
	"expert_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"note" text,
	"created_at" text NOT NULL,
	CONSTRAINT "expert_conflicts_expert_id_enterprise_id_pk" PRIMARY KEY("expert_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "expert_declarations" (
	"case_id" integer NOT NULL,
	"expert_id" integer NOT NULL,
	"conflict" boolean NOT NULL,
	"note" text,
	"declared_at" text NOT NULL,
	CONSTRAINT "expert_declarations_case_id_expert_id_pk" PRIMARY KEY("case_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" integer NOT NULL,
	"key" text NOT NULL,
	"case_id" integer NOT NULL,
	"status" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issuing_authorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_code" text NOT NULL,
	"province" text NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"review_body_zh" text,
	"review_body_en" text,
	"court_zh" text,
	"court_en" text,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"text" text NOT NULL,
	"address" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"case_id" integer,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	"created_at" text NOT NULL,
	"read_at" text
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"code" text PRIMARY KEY NOT NULL,
	"institution_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"machine_version" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" text NOT NULL,
	"last_seen_at" text NOT NULL,
	"expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"institution_code" text,
	"enterprise_id" integer,
	"locale" text DEFAULT 'zh' NOT NULL,
	"disabled_at" text,
	"created_at" text NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"endpoint_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"type" text NOT NULL,
	"body" text NOT NULL,
	"created_at" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" text NOT NULL,
	"retry_until" text NOT NULL,
	"last_attempt_at" text,
	"last_status" integer,
	"last_error" text,
	"delivered_at" text,
	CONSTRAINT "webhook_deliveries_delivery_id_unique" UNIQUE("delivery_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_code" text NOT NULL,
	"url" text NOT NULL,
	"events" text NOT NULL,
	"secret" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" text NOT NULL,
	"failing_since" text,
	"removed_at" text
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_corrections" ADD CONSTRAINT "decision_corrections_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_corrections" ADD CONSTRAINT "decision_corrections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_corrections" ADD CONSTRAINT "decision_corrections_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_corrections" ADD CONSTRAINT "decision_corrections_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_corrections" ADD CONSTRAINT "decision_corrections_result_id_decisions_id_fk" FOREIGN KEY ("result_id") REFERENCES "decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_institution_code_institutions_code_fk" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_weights" ADD CONSTRAINT "evaluation_weights_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_declarations" ADD CONSTRAINT "expert_declarations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_declarations" ADD CONSTRAINT "expert_declarations_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuing_authorities" ADD CONSTRAINT "issuing_authorities_institution_code_institutions_code_fk" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_institution_code_institutions_code_fk" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_institution_code_institutions_code_fk" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_institution_code_institutions_code_fk" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_case" ON "audit_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "case_comments_case" ON "case_comments" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "cases_programme_state_updated" ON "cases" USING btree ("programme_code","state","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_enterprise_updated" ON "cases" USING btree ("enterprise_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_updated" ON "cases" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_due" ON "cases" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "cases_credit_code" ON "cases" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "cases_province" ON "cases" USING btree ("province","programme_code");--> statement-breakpoint
CREATE INDEX "cases_wb_stage_submitted" ON "cases" USING btree ("programme_code","state","submitted_at");--> statement-breakpoint
CREATE INDEX "cases_wb_submitted" ON "cases" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "cases_wb_state_since" ON "cases" USING btree ("state_since","id");--> statement-breakpoint
CREATE INDEX "cases_wb_amount" ON "cases" USING btree (coalesce("amount", 0),"id");--> statement-breakpoint
CREATE INDEX "cases_stats" ON "cases" USING btree ("submitted_at","programme_code","industry","province","enterprise_id","state","figures") WHERE "cases"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "decision_corrections_decision" ON "decision_corrections" USING btree ("decision_id","status");--> statement-breakpoint
CREATE INDEX "decisions_case" ON "decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "decisions_unrendered" ON "decisions" USING btree ("pdf_sha256");--> statement-breakpoint
CREATE INDEX "documents_case" ON "documents" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "enterprises_province" ON "enterprises" USING btree ("province");--> statement-breakpoint
CREATE INDEX "enterprises_name" ON "enterprises" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_user_key" ON "idempotency_keys" USING btree ("user_id","key");--> statement-breakpoint
CREATE INDEX "issuing_authorities_place" ON "issuing_authorities" USING btree ("institution_code","province","city");--> statement-breakpoint
CREATE INDEX "login_attempts_email_at" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "notice_objections_case" ON "notice_objections" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "notice_objections_address" ON "notice_objections" USING btree ("address","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_unread" ON "notifications" USING btree ("user_id","read_at","id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_enterprise" ON "users" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "users_role" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_order" ON "webhook_deliveries" USING btree ("endpoint_id","case_id","status","id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_institution" ON "webhook_endpoints" USING btree ("institution_code");