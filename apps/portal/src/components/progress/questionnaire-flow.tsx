"use client";
import { type FormEvent, type ReactNode, useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Actions } from "~/components/layout";
import type { Refusal } from "~/components/refusal";
import { submitGad7, submitPhq9, submitPsfs } from "~/app/me/check-in/actions";
import { CrisisResources, type CrisisResourcesData } from "./crisis-resources";
import { usePatientToday } from "./local-date";

/*
 * The questionnaires' interactive part, and all of their script: sending (a server action) and the result.
 * The questions are rendered on the server (questionnaire-forms.tsx) and passed in.
 */

/** A failed send's message, focused so it is read out and seen. */
function RefusalAlert({ refusal }: { refusal: Refusal }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert ref={ref} tabIndex={-1} variant="danger" role="alert">
      {refusal.message}
    </Alert>
  );
}

/** The answers of a PHQ-9 or GAD-7 form: one radio group per item, named `${kind}-${index}`. */
function answersOf(form: HTMLFormElement, kind: string, count: number): (number | null)[] {
  const f = new FormData(form);
  return Array.from({ length: count }, (_, i) => (f.get(`${kind}-${i}`) === null ? null : Number(f.get(`${kind}-${i}`))));
}

/** PHQ-9 or GAD-7, filled in by the patient (or by a team member with them). */
export function FrequencyFlow({
  patientId,
  kind,
  label,
  itemCount,
  takenOn,
  children,
}: { patientId: string; kind: "phq9" | "gad7"; label: string; itemCount: number; takenOn?: string | undefined; children: ReactNode }) {
  const today = usePatientToday();
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<{ total: number; bandLabel: string; crisis: CrisisResourcesData | null } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { patientId, takenOn: takenOn ?? today, answers: answersOf(event.currentTarget, kind, itemCount) };
    setRefusal(null);
    startTransition(async () => {
      const r = kind === "phq9" ? await submitPhq9(input) : await submitGad7(input);
      if (!r.ok) return setRefusal(r);
      setDone({ total: r.value.result.total, bandLabel: r.value.result.bandLabel, crisis: "crisisResources" in r.value ? r.value.crisisResources : null });
      window.scrollTo({ top: 0 });
    });
  }

  if (done) {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        {done.crisis ? <CrisisResources resources={done.crisis} announce /> : null}
        <Alert variant="success" role="status">
          Thank you — your {label} answers are saved. Score {done.total} ({done.bandLabel.toLowerCase()}). Your care team will see them.
        </Alert>
      </div>
    );
  }
  return (
    <form className="flex max-w-2xl flex-col gap-4" onSubmit={onSubmit} aria-label={`${label} questionnaire`}>
      {refusal ? <RefusalAlert key={refusal.message} refusal={refusal} /> : null}
      {children}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        Send answers
      </Button>
    </form>
  );
}

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
      {refusal ? <RefusalAlert key={refusal.message} refusal={refusal} /> : null}
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
