CREATE TABLE "clinician_patient_views" (
	"user_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"check_ins_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinician_patient_views_user_id_patient_id_pk" PRIMARY KEY("user_id","patient_id")
);
--> statement-breakpoint
CREATE TABLE "patient_question_resolutions" (
	"comment_id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"how" text NOT NULL,
	"answer_id" uuid,
	"resolved_by" uuid NOT NULL,
	"resolved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reported_side_effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"intervention_id" text NOT NULL,
	"check_in_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"text" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "side_effect_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "care_plan_comments" ADD COLUMN "reply_to_id" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "acknowledge_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clinician_patient_views" ADD CONSTRAINT "clinician_patient_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinician_patient_views" ADD CONSTRAINT "clinician_patient_views_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_question_resolutions" ADD CONSTRAINT "patient_question_resolutions_comment_id_care_plan_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."care_plan_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_question_resolutions" ADD CONSTRAINT "patient_question_resolutions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_question_resolutions" ADD CONSTRAINT "patient_question_resolutions_answer_id_care_plan_comments_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."care_plan_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_question_resolutions" ADD CONSTRAINT "patient_question_resolutions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_side_effects" ADD CONSTRAINT "reported_side_effects_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_side_effects" ADD CONSTRAINT "reported_side_effects_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "side_effect_reviews" ADD CONSTRAINT "side_effect_reviews_report_id_reported_side_effects_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reported_side_effects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "side_effect_reviews" ADD CONSTRAINT "side_effect_reviews_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "side_effect_reviews" ADD CONSTRAINT "side_effect_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reported_side_effects_once_key" ON "reported_side_effects" USING btree ("check_in_id","intervention_id","text");--> statement-breakpoint
CREATE INDEX "reported_side_effects_item_idx" ON "reported_side_effects" USING btree ("patient_id","intervention_id","reported_on");--> statement-breakpoint
CREATE INDEX "side_effect_reviews_report_idx" ON "side_effect_reviews" USING btree ("report_id","reviewed_at");--> statement-breakpoint
-- Patient-reported side effects, their reviews and question resolutions are clinical records: never
-- rewritten, never removed.
CREATE TRIGGER reported_side_effects_append_only
  BEFORE UPDATE OR DELETE ON reported_side_effects
  FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER side_effect_reviews_append_only
  BEFORE UPDATE OR DELETE ON side_effect_reviews
  FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER patient_question_resolutions_append_only
  BEFORE UPDATE OR DELETE ON patient_question_resolutions
  FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
-- The alert trigger also freezes the new columns (source and acknowledge-by time).
CREATE OR REPLACE FUNCTION concord_alert_acknowledge_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'alerts cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.acknowledged_at IS NOT NULL
     OR NEW.acknowledged_at IS NULL OR NEW.acknowledged_by IS NULL
     OR (NEW.id, NEW.patient_id, NEW.rule_id, NEW.severity, NEW.title, NEW.logic, NEW.consider, NEW.message, NEW.evidence, NEW.notify, NEW.dedupe_key, NEW.created_at, NEW.source_kind, NEW.source_id, NEW.acknowledge_by)
        IS DISTINCT FROM
        (OLD.id, OLD.patient_id, OLD.rule_id, OLD.severity, OLD.title, OLD.logic, OLD.consider, OLD.message, OLD.evidence, OLD.notify, OLD.dedupe_key, OLD.created_at, OLD.source_kind, OLD.source_id, OLD.acknowledge_by)
  THEN
    RAISE EXCEPTION 'alerts can only be acknowledged, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
