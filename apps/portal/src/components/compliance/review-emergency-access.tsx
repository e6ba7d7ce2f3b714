"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { EMERGENCY_REVIEW_NOTE_MAX } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Textarea } from "@concord/ui/textarea";
import { refusalOf } from "~/components/field-errors";
import { When } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";

/**
 * The review of one emergency access: a note and "Mark reviewed", once. The server checks the note
 * and refuses a second review (CONFLICT); either message is shown here, next to the note.
 */
export function ReviewEmergencyAccessForm({ accessId, reviewerName }: { accessId: string; reviewerName: string }) {
  const trpc = useTRPC();
  const review = useMutation(trpc.compliance.reviewEmergencyAccess.mutationOptions());
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [reviewed, setReviewed] = useState<{ at: Date; note: string } | null>(null);
  const noteId = `review-note-${accessId}`;

  if (reviewed) {
    return (
      <Alert variant="success" role="status">
        <p>
          Reviewed by {reviewerName} on <When at={reviewed.at} />: “{reviewed.note}”. It is now listed under{" "}
          <Link href="/compliance/emergency-access?status=reviewed">Reviewed</Link>.
        </p>
      </Alert>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    setError(null);
    try {
      const done = await review.mutateAsync({ id: accessId, note });
      setReviewed({ at: done.reviewedAt, note: note.trim() });
    } catch (e) {
      setError(refusalOf(e));
    }
  }

  return (
    <form className="grid max-w-xl gap-3" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={noteId} label="Review note" error={error?.message} errorRole="alert">
        <Textarea name="note" maxLength={EMERGENCY_REVIEW_NOTE_MAX} />
      </Field>
      <Button type="submit" className="w-fit" disabled={review.isPending}>
        Mark reviewed
      </Button>
    </form>
  );
}
