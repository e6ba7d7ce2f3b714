ALTER TABLE "alerts" ADD COLUMN "source" text;--> statement-breakpoint
CREATE OR REPLACE FUNCTION concord_alert_acknowledge_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'alerts cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.acknowledged_at IS NOT NULL
     OR NEW.acknowledged_at IS NULL OR NEW.acknowledged_by IS NULL
     OR (NEW.id, NEW.patient_id, NEW.rule_id, NEW.severity, NEW.title, NEW.logic, NEW.consider, NEW.message, NEW.evidence, NEW.source, NEW.notify, NEW.dedupe_key, NEW.created_at, NEW.source_kind, NEW.source_id, NEW.acknowledge_by)
        IS DISTINCT FROM
        (OLD.id, OLD.patient_id, OLD.rule_id, OLD.severity, OLD.title, OLD.logic, OLD.consider, OLD.message, OLD.evidence, OLD.source, OLD.notify, OLD.dedupe_key, OLD.created_at, OLD.source_kind, OLD.source_id, OLD.acknowledge_by)
  THEN
    RAISE EXCEPTION 'alerts can only be acknowledged, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
