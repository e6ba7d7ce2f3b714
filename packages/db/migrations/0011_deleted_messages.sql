CREATE TABLE "deleted_message_archive" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" bigint NOT NULL,
	"thread_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"deleted_by" uuid,
	"body" text NOT NULL,
	"reference" jsonb,
	"versions" jsonb NOT NULL,
	"message_created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deleted_message_archive_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "message_edits" ALTER COLUMN "previous_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "deleted_message_archive" ADD CONSTRAINT "deleted_message_archive_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleted_message_archive" ADD CONSTRAINT "deleted_message_archive_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleted_message_archive" ADD CONSTRAINT "deleted_message_archive_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleted_message_archive" ADD CONSTRAINT "deleted_message_archive_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleted_message_archive" ADD CONSTRAINT "deleted_message_archive_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deleted_message_archive_patient_idx" ON "deleted_message_archive" USING btree ("patient_id","id");--> statement-breakpoint
-- Deleted means deleted. The words of a deleted message (and of its earlier edits) leave every table the
-- application reads and live only in deleted_message_archive, which no procedure reads (the compliance
-- role of a later issue will). The archive is append-only like the audit trail.
CREATE TRIGGER deleted_message_archive_no_update_delete BEFORE UPDATE OR DELETE ON deleted_message_archive FOR EACH ROW EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER deleted_message_archive_no_truncate BEFORE TRUNCATE ON deleted_message_archive FOR EACH STATEMENT EXECUTE FUNCTION concord_reject_audit_change();
--> statement-breakpoint
-- message_edits stays append-only except for exactly one change: an earlier body set to null, nothing
-- else on the row touched, and only once that message's words are in the archive (so the archive is
-- then the only copy, never no copy). DELETE and TRUNCATE are still refused.
CREATE OR REPLACE FUNCTION concord_message_edits_redact_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.previous_body IS NOT NULL AND NEW.previous_body IS NULL
       AND NEW.id = OLD.id AND NEW.message_id = OLD.message_id AND NEW.patient_id = OLD.patient_id
       AND NEW.editor_id = OLD.editor_id AND NEW.action = OLD.action
       AND NEW.previous_version = OLD.previous_version AND NEW.at = OLD.at
       AND EXISTS (SELECT 1 FROM deleted_message_archive a WHERE a.message_id = OLD.message_id) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'message_edits is append-only: % is not allowed (only the words of an archived deleted message may be cleared)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER message_edits_no_update_delete ON message_edits;
--> statement-breakpoint
CREATE TRIGGER message_edits_redact_only BEFORE UPDATE OR DELETE ON message_edits FOR EACH ROW EXECUTE FUNCTION concord_message_edits_redact_only();
--> statement-breakpoint
-- Messages deleted before this migration still hold their words: archive them the same way a deletion
-- now does (earlier bodies oldest first), then clear them, and record that in the audit trail.
INSERT INTO deleted_message_archive (message_id, thread_id, patient_id, author_id, deleted_by, body, reference, versions, message_created_at, deleted_at)
SELECT m.id, m.thread_id, m.patient_id, m.author_id,
       (SELECT d.editor_id FROM message_edits d WHERE d.message_id = m.id AND d.action = 'delete' ORDER BY d.id DESC LIMIT 1),
       m.body, m.reference,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('version', e.previous_version, 'body', e.previous_body, 'replacedAt', e.at, 'replacedBy', e.editor_id) ORDER BY e.id)
                 FROM message_edits e WHERE e.message_id = m.id AND e.action = 'edit' AND e.previous_body IS NOT NULL), '[]'::jsonb),
       m.created_at, m.deleted_at
FROM messages m
WHERE m.deleted_at IS NOT NULL AND m.body IS NOT NULL;
--> statement-breakpoint
INSERT INTO audit_events (actor_id, actor_role, action, patient_id, outcome, detail)
SELECT NULL, NULL, 'message.archivedOnDelete', a.patient_id, 'allowed',
       jsonb_build_object('messageId', a.message_id, 'threadId', a.thread_id, 'by', 'migration 0011')
FROM deleted_message_archive a;
--> statement-breakpoint
UPDATE message_edits SET previous_body = NULL
WHERE previous_body IS NOT NULL AND message_id IN (SELECT message_id FROM deleted_message_archive);
--> statement-breakpoint
UPDATE messages SET body = NULL, reference = NULL WHERE deleted_at IS NOT NULL;
--> statement-breakpoint
-- From now on the database itself refuses a deleted message with words, a live message without them,
-- and a deletion record that copies the text.
ALTER TABLE messages ADD CONSTRAINT messages_text_until_deleted CHECK (
  (deleted_at IS NULL AND body IS NOT NULL) OR (deleted_at IS NOT NULL AND body IS NULL AND reference IS NULL)
);
--> statement-breakpoint
ALTER TABLE message_edits ADD CONSTRAINT message_edits_delete_without_text CHECK (action <> 'delete' OR previous_body IS NULL);
