CREATE TABLE "emergency_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"clinician_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text
);
--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_accesses_actor_idx" ON "emergency_accesses" USING btree ("clinician_id","patient_id","expires_at");--> statement-breakpoint
CREATE INDEX "emergency_accesses_patient_idx" ON "emergency_accesses" USING btree ("patient_id","opened_at");--> statement-breakpoint
CREATE INDEX "emergency_accesses_waiting_idx" ON "emergency_accesses" USING btree ("opened_at","id") WHERE "emergency_accesses"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "emergency_accesses_reviewed_idx" ON "emergency_accesses" USING btree ("reviewed_at","id") WHERE "emergency_accesses"."reviewed_at" is not null;--> statement-breakpoint
-- An emergency access is kept as it was opened: it may be ended early (expires_at moved back to now)
-- and, once ended, reviewed once (all three review columns together); nothing else changes, and no
-- row is deleted.
CREATE OR REPLACE FUNCTION concord_emergency_access_review_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'emergency_accesses is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF OLD.reviewed_at IS NOT NULL THEN
    RAISE EXCEPTION 'this emergency access has already been reviewed' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.id <> OLD.id OR NEW.patient_id <> OLD.patient_id OR NEW.clinician_id <> OLD.clinician_id OR NEW.reason <> OLD.reason
     OR NEW.opened_at <> OLD.opened_at OR NEW.expires_at > OLD.expires_at THEN
    RAISE EXCEPTION 'an emergency access cannot be changed, only ended early or reviewed' USING ERRCODE = 'P0001';
  END IF;
  -- Ending early (the clinician is done): expires_at moves back to now, no sooner, nothing else changes.
  IF NEW.expires_at < OLD.expires_at THEN
    IF NEW.expires_at < now() - interval '1 minute' OR NEW.reviewed_at IS NOT NULL OR NEW.reviewed_by IS NOT NULL OR NEW.review_note IS NOT NULL THEN
      RAISE EXCEPTION 'an emergency access can be ended now, not in the past, and not in the same change as its review' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.expires_at > now() THEN
    RAISE EXCEPTION 'an emergency access is reviewed once it has ended' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.reviewed_at IS NULL OR NEW.reviewed_by IS NULL OR NEW.review_note IS NULL THEN
    RAISE EXCEPTION 'a review sets reviewed_at, reviewed_by and review_note together' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER emergency_accesses_review_only BEFORE UPDATE OR DELETE ON emergency_accesses
  FOR EACH ROW EXECUTE FUNCTION concord_emergency_access_review_only();
--> statement-breakpoint
CREATE TRIGGER emergency_accesses_no_truncate BEFORE TRUNCATE ON emergency_accesses
  FOR EACH STATEMENT EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
-- "Who has looked at my record" reads a patient's audit rows by time, and the compliance search
-- filters by date: both by index rather than a scan of the whole trail.
CREATE INDEX IF NOT EXISTS audit_patient_at_idx ON audit_events USING btree (patient_id, at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS audit_at_idx ON audit_events USING btree (at);
