CREATE TABLE "care_plan_items" (
	"patient_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"therapy_id" text,
	"agent_id" text,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"owner_discipline" text NOT NULL,
	"responsible_clinician_id" text,
	"name" text NOT NULL,
	"dose" double precision,
	"dose_unit" text,
	"next_review_date" date,
	"goal_ids" text[] NOT NULL,
	"plan_version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "care_plan_items_patient_id_item_id_pk" PRIMARY KEY("patient_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "care_plan_revisions" ADD COLUMN "document" jsonb;--> statement-breakpoint
ALTER TABLE "care_plan_items" ADD CONSTRAINT "care_plan_items_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_items" ADD CONSTRAINT "care_plan_items_plan_id_care_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_items" ADD CONSTRAINT "care_plan_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_plan_items_therapy_idx" ON "care_plan_items" USING btree ("therapy_id","status","patient_id");--> statement-breakpoint
CREATE INDEX "care_plan_items_patient_review_idx" ON "care_plan_items" USING btree ("patient_id","next_review_date");--> statement-breakpoint
CREATE INDEX "care_plan_items_responsible_idx" ON "care_plan_items" USING btree ("responsible_clinician_id","next_review_date","patient_id","item_id");--> statement-breakpoint
-- Hand-written. Each revision now keeps the plan it produced. Older revisions cannot be rebuilt in
-- SQL (a revision holds its command and diff, and replaying a command needs the domain and the ids
-- it generated), so only the latest revision of each plan, whose result is the plan itself, is
-- backfilled; earlier versions stay without a document and the history says so. The append-only
-- guard is lifted for this one statement only.
ALTER TABLE "care_plan_revisions" DISABLE TRIGGER care_plan_revisions_append_only;--> statement-breakpoint
UPDATE "care_plan_revisions" r SET "document" = p."document"
  FROM "care_plans" p
  WHERE r."plan_id" = p."id" AND r."version" = p."version" AND r."document" IS NULL;--> statement-breakpoint
ALTER TABLE "care_plan_revisions" ENABLE TRIGGER care_plan_revisions_append_only;--> statement-breakpoint
-- The projection from the documents as stored. It is the SQL reading of each item; the exact one
-- (legacy medications upgraded, malformed plans reported) is `pnpm --filter @concord/db plans:rebuild-items`.
INSERT INTO "care_plan_items" ("patient_id", "plan_id", "item_id", "therapy_id", "agent_id", "category", "status", "owner_discipline",
    "responsible_clinician_id", "name", "dose", "dose_unit", "next_review_date", "goal_ids", "plan_version", "updated_at", "updated_by")
  SELECT p."patient_id", p."id", i->>'id', i->>'therapyId', i->'details'->>'agentId', i->>'category', i->>'status', i->>'ownerDiscipline',
    i->>'responsibleClinicianId',
    coalesce(i->>'customName', i->'details'->>'agentId', i->>'therapyId', 'Plan item'),
    CASE WHEN i->'details'->>'kind' = 'medication' AND jsonb_typeof(i->'details'->'dose') = 'number' THEN (i->'details'->>'dose')::double precision END,
    CASE WHEN i->'details'->>'kind' = 'medication' THEN i->'details'->>'unit' END,
    CASE WHEN (i->>'nextReviewDate') ~ '^\d{4}-\d{2}-\d{2}$' THEN (i->>'nextReviewDate')::date END,
    CASE WHEN jsonb_typeof(i->'goalIds') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(i->'goalIds')) ELSE '{}'::text[] END,
    p."version", p."updated_at", p."updated_by"
  FROM "care_plans" p
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p."document"->'interventions') = 'array' THEN p."document"->'interventions' ELSE '[]'::jsonb END) AS i
  WHERE jsonb_typeof(i) = 'object' AND i->>'id' IS NOT NULL AND i->>'category' IS NOT NULL AND i->>'status' IS NOT NULL AND i->>'ownerDiscipline' IS NOT NULL
  ON CONFLICT DO NOTHING;
