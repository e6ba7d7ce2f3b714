CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"logic" text NOT NULL,
	"consider" text NOT NULL,
	"message" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"notify" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledgement_note" text
);
--> statement-breakpoint
CREATE TABLE "check_in_revisions" (
	"check_in_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"patient_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "check_in_revisions_check_in_id_version_pk" PRIMARY KEY("check_in_id","version")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"date" date NOT NULL,
	"version" integer NOT NULL,
	"pain_now" smallint NOT NULL,
	"pain_average" smallint NOT NULL,
	"pain_worst" smallint NOT NULL,
	"sleep_hours" double precision NOT NULL,
	"mood" smallint NOT NULL,
	"adherence_percent" double precision,
	"sudden_swelling" boolean NOT NULL,
	"signs_of_infection" boolean NOT NULL,
	"new_limb_affected" boolean NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"taken_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_role" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"score" double precision,
	"result" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_revisions" ADD CONSTRAINT "check_in_revisions_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_revisions" ADD CONSTRAINT "check_in_revisions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_revisions" ADD CONSTRAINT "check_in_revisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_patient_dedupe_key" ON "alerts" USING btree ("patient_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "alerts_patient_rule_idx" ON "alerts" USING btree ("patient_id","rule_id","created_at");--> statement-breakpoint
CREATE INDEX "alerts_open_idx" ON "alerts" USING btree ("patient_id","created_at") WHERE "alerts"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "check_in_revisions_patient_idx" ON "check_in_revisions" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_patient_date_key" ON "check_ins" USING btree ("patient_id","date");--> statement-breakpoint
CREATE INDEX "measures_patient_kind_idx" ON "measures" USING btree ("patient_id","kind","taken_on");--> statement-breakpoint
CREATE INDEX "measures_patient_recorded_idx" ON "measures" USING btree ("patient_id","recorded_at","id");--> statement-breakpoint
-- Check-in history and measures are clinical records: never rewritten, never removed.
CREATE TRIGGER check_in_revisions_append_only
  BEFORE UPDATE OR DELETE ON check_in_revisions
  FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER measures_append_only
  BEFORE UPDATE OR DELETE ON measures
  FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
-- An alert may change exactly once: from open to acknowledged (by someone, with a time). What fired,
-- and who acknowledged it, can never be rewritten afterwards; alerts are never deleted.
CREATE OR REPLACE FUNCTION concord_alert_acknowledge_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'alerts cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.acknowledged_at IS NOT NULL
     OR NEW.acknowledged_at IS NULL OR NEW.acknowledged_by IS NULL
     OR (NEW.id, NEW.patient_id, NEW.rule_id, NEW.severity, NEW.title, NEW.logic, NEW.consider, NEW.message, NEW.evidence, NEW.notify, NEW.dedupe_key, NEW.created_at)
        IS DISTINCT FROM
        (OLD.id, OLD.patient_id, OLD.rule_id, OLD.severity, OLD.title, OLD.logic, OLD.consider, OLD.message, OLD.evidence, OLD.notify, OLD.dedupe_key, OLD.created_at)
  THEN
    RAISE EXCEPTION 'alerts can only be acknowledged, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER alerts_acknowledge_only
  BEFORE UPDATE OR DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION concord_alert_acknowledge_only();
--> statement-breakpoint
CREATE TRIGGER check_in_revisions_no_truncate BEFORE TRUNCATE ON check_in_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER measures_no_truncate BEFORE TRUNCATE ON measures
  FOR EACH STATEMENT EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER alerts_no_truncate BEFORE TRUNCATE ON alerts
  FOR EACH STATEMENT EXECUTE FUNCTION concord_reject_audit_change();
