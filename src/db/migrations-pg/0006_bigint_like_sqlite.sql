-- SQLite's integers have 64 bits; so have these columns and the sequences of the ids (src/db/schema-pg.ts).
ALTER TABLE "api_tokens" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "user_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "actor_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "version" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "case_comments" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "case_comments" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "case_comments" ALTER COLUMN "author_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "case_counts" ALTER COLUMN "n" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "enterprise_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "created_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "machine_version" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "version" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "counters" ALTER COLUMN "value" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_corrections" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_corrections" ALTER COLUMN "decision_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_corrections" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_corrections" ALTER COLUMN "proposed_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_corrections" ALTER COLUMN "closed_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decision_corrections" ALTER COLUMN "result_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decisions" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decisions" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decisions" ALTER COLUMN "issued_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decisions" ALTER COLUMN "prepared_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decisions" ALTER COLUMN "replaces_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "decisions" ALTER COLUMN "render_attempts" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "designated_locations" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "designated_locations" ALTER COLUMN "created_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "designated_locations" ALTER COLUMN "ended_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "size" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "uploaded_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "enterprises" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "evaluation_targets" ALTER COLUMN "year" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "evaluation_targets" ALTER COLUMN "updated_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "evaluation_weights" ALTER COLUMN "updated_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ALTER COLUMN "expert_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ALTER COLUMN "enterprise_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "expert_declarations" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "expert_declarations" ALTER COLUMN "expert_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "user_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "status" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "issuing_authorities" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "login_attempts" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "notice_objections" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "notice_objections" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "user_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "programmes" ALTER COLUMN "machine_version" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "user_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "enterprise_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "endpoint_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "case_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "attempts" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "last_status" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ALTER COLUMN "created_by" SET DATA TYPE bigint;--> statement-breakpoint
ALTER SEQUENCE "api_tokens_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "case_comments_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "cases_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "decision_corrections_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "decisions_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "designated_locations_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "documents_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "enterprises_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "issuing_authorities_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "login_attempts_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "notice_objections_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "notifications_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "users_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "webhook_deliveries_id_seq" AS bigint;--> statement-breakpoint
ALTER SEQUENCE "webhook_endpoints_id_seq" AS bigint;
