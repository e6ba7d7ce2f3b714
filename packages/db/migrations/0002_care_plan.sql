CREATE TABLE "care_plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"intervention_id" text,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_revisions" (
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary" text NOT NULL,
	"diff" jsonb NOT NULL,
	"command" jsonb NOT NULL,
	CONSTRAINT "care_plan_revisions_plan_id_version_pk" PRIMARY KEY("plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "care_plan_views" (
	"patient_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_seen_version" integer NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_plan_views_patient_id_user_id_pk" PRIMARY KEY("patient_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"review_due_at" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "care_plan_comments" ADD CONSTRAINT "care_plan_comments_plan_id_care_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_comments" ADD CONSTRAINT "care_plan_comments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_comments" ADD CONSTRAINT "care_plan_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_revisions" ADD CONSTRAINT "care_plan_revisions_plan_id_care_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_revisions" ADD CONSTRAINT "care_plan_revisions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_revisions" ADD CONSTRAINT "care_plan_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_views" ADD CONSTRAINT "care_plan_views_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_views" ADD CONSTRAINT "care_plan_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_plan_comments_plan_idx" ON "care_plan_comments" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "care_plan_revisions_patient_idx" ON "care_plan_revisions" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plans_patient_key" ON "care_plans" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "care_plans_review_idx" ON "care_plans" USING btree ("review_due_at");--> statement-breakpoint
-- One guard for every append-only table; the message names the table.
CREATE OR REPLACE FUNCTION concord_reject_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Revisions are history: never rewritten, never removed.
CREATE TRIGGER care_plan_revisions_append_only
  BEFORE UPDATE OR DELETE ON care_plan_revisions
  FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER care_plan_comments_append_only
  BEFORE UPDATE OR DELETE ON care_plan_comments
  FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
