"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { EMERGENCY_REVIEW_NOTE_MAX } from "@concord/domain";
import { refusalOf } from "~/app/admin/field-errors";
import { When } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";
import styles from "./compliance.module.css";

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
  const errorId = `review-error-${accessId}`;

  if (reviewed) {
    return (
      <p className="alert success" role="status">
        Reviewed by {reviewerName} on <When at={reviewed.at} />: “{reviewed.note}”. It is now listed under{" "}
        <Link href="/compliance/emergency-access?status=reviewed">Reviewed</Link>.
      </p>
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
    <form className={styles.reviewForm} onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={noteId}>Review note</label>
      <textarea
        id={noteId}
        name="note"
        maxLength={EMERGENCY_REVIEW_NOTE_MAX}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <p id={errorId} className="alert error" role="alert">
          {error.message}
        </p>
      ) : null}
      <button type="submit" disabled={review.isPending}>
        Mark reviewed
      </button>
    </form>
  );
}
