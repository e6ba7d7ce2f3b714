"use client";
import { type FormEvent, type ReactNode, useState, useTransition } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import type { Refusal } from "~/components/refusal";
import { submitGad7, submitPhq9 } from "~/app/me/check-in/actions";
import { CrisisResources, type CrisisResourcesData } from "./crisis-resources";
import { usePatientToday } from "./local-date";
import { RefusalAlert } from "./refusal-alert";

/*
 * PHQ-9 and GAD-7: the interactive part, and all of their script: sending (a server action) and the result
 * (with the crisis resources when the PHQ-9 calls for them). The questions are rendered on the server
 * (questionnaire-forms.tsx) and passed in.
 */

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
      {refusal ? <RefusalAlert refusal={refusal} /> : null}
      {children}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        Send answers
      </Button>
    </form>
  );
}
