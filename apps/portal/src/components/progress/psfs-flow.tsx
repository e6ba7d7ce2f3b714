"use client";
import { type FormEvent, type ReactNode, useState, useTransition } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Actions } from "~/components/layout";
import type { Refusal } from "~/components/refusal";
import { submitPsfs } from "~/app/me/check-in/actions";
import { usePatientToday } from "./local-date";
import { RefusalAlert } from "./refusal-alert";

/*
 * The PSFS's interactive part, and all of its script: how many activities, sending (a server action) and the
 * result. The activities' questions are rendered on the server (questionnaire-forms.tsx) and passed in.
 */

/** Patient-Specific Functional Scale: `min` to `max` activities (server-rendered slots, in order), each 0–10. */
export function PsfsFlow({
  patientId,
  takenOn,
  min,
  intro,
  slots,
}: { patientId: string; takenOn?: string | undefined; min: number; intro: ReactNode; slots: readonly ReactNode[] }) {
  const today = usePatientToday();
  const [pending, startTransition] = useTransition();
  const [count, setCount] = useState(min);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<number | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const activities = Array.from({ length: count }, (_, i) => ({
      activity: String(f.get(`activity-${i}`) ?? ""),
      score: f.get(`psfs-score-${i}`) === null ? null : Number(f.get(`psfs-score-${i}`)),
    }));
    setRefusal(null);
    startTransition(async () => {
      const r = await submitPsfs({ patientId, takenOn: takenOn ?? today, activities });
      if (!r.ok) return setRefusal(r);
      setDone(r.value.result.score);
    });
  }
  if (done !== null)
    return (
      <Alert variant="success" role="status" className="max-w-2xl">
        Saved. Your functional scale score is {done} out of 10.
      </Alert>
    );
  return (
    <form className="flex max-w-2xl flex-col gap-4" onSubmit={onSubmit} aria-label="Patient-Specific Functional Scale">
      {refusal ? <RefusalAlert refusal={refusal} /> : null}
      {intro}
      {/* Slots are only ever added at the end, so the first `count` are shown. */}
      {slots.slice(0, count)}
      <Actions>
        {count < slots.length ? (
          <Button variant="secondary" onClick={() => setCount(count + 1)}>
            Add an activity
          </Button>
        ) : null}
        {count > min ? (
          <Button variant="secondary" onClick={() => setCount(count - 1)}>
            Remove the last activity
          </Button>
        ) : null}
      </Actions>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        Send
      </Button>
    </form>
  );
}
