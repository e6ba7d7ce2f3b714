"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { COMMENT_MAX } from "@concord/domain";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import styles from "./patient-questions.module.css";

/**
 * "Answer" (a reply the patient reads) and "Mark handled" (settled without a written answer) for
 * one open patient question. The server refuses a second resolution with who settled it first.
 */
export function QuestionActions({ patientId, commentId, asker }: { patientId: string; commentId: string; asker: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const answer = useMutation(trpc.carePlan.answerQuestion.mutationOptions());
  const markHandled = useMutation(trpc.carePlan.markQuestionHandled.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const busy = answer.isPending || markHandled.isPending;
  const fieldId = `answer-${commentId}`;

  async function onAnswer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    setError(null);
    try {
      await answer.mutateAsync({ patientId, commentId, body });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function onMarkHandled() {
    setError(null);
    try {
      await markHandled.mutateAsync({ patientId, commentId });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className={`${styles.actions} no-print`}>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <form className="stack" onSubmit={onAnswer} aria-label={`Answer ${asker}'s question`}>
        <div>
          <label htmlFor={fieldId}>Your answer ({asker} will see it)</label>
          <textarea id={fieldId} name="body" maxLength={COMMENT_MAX} required />
        </div>
        <div className="inline">
          <button type="submit" disabled={busy}>
            Answer
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={onMarkHandled}>
            Mark handled
          </button>
        </div>
      </form>
    </div>
  );
}
