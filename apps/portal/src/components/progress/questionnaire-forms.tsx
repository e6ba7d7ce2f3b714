"use client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  FREQUENCY_OPTIONS,
  GAD7_ITEMS,
  GAD7_STEM,
  PHQ9_ITEMS,
  PHQ9_STEM,
  PSFS_MAX_ACTIVITIES,
  PSFS_MIN_ACTIVITIES,
} from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { SegmentedControl } from "@concord/ui/segmented-control";
import { errorMessage } from "~/components/error-message";
import { Actions } from "~/components/layout";
import { useTRPC } from "~/trpc/react";
import { CrisisResources, type CrisisResourcesData } from "./crisis-resources";
import { ScaleQuestion, questionFrame } from "./check-in-form";
import { usePatientToday } from "./local-date";

function FrequencyItem({ name, index, text }: { name: string; index: number; text: string }) {
  return (
    <SegmentedControl
      variant="choices"
      className={questionFrame}
      name={`${name}-${index}`}
      legend={`${index + 1}. ${text}`}
      required
      options={FREQUENCY_OPTIONS.map((o) => ({ value: String(o.value), label: o.label, ariaLabel: `${text}: ${o.label}` }))}
    />
  );
}

/** PHQ-9 or GAD-7, filled in by the patient (or by a team member with them). */
export function FrequencyQuestionnaire({ patientId, kind, takenOn }: { patientId: string; kind: "phq9" | "gad7"; takenOn?: string }) {
  const trpc = useTRPC();
  const today = usePatientToday();
  const phq9 = useMutation(trpc.measures.submitPhq9.mutationOptions());
  const gad7 = useMutation(trpc.measures.submitGad7.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ total: number; bandLabel: string; crisis: CrisisResourcesData | null } | null>(null);
  const items = kind === "phq9" ? PHQ9_ITEMS : GAD7_ITEMS;
  const stem = kind === "phq9" ? PHQ9_STEM : GAD7_STEM;
  const label = kind === "phq9" ? "PHQ-9" : "GAD-7";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const answers = items.map((_, i) => (f.get(`${kind}-${i}`) === null ? null : Number(f.get(`${kind}-${i}`))));
    const input = { patientId, takenOn: takenOn ?? today, answers };
    setError(null);
    try {
      if (kind === "phq9") {
        const r = await phq9.mutateAsync(input);
        setDone({ total: r.result.total, bandLabel: r.result.bandLabel, crisis: r.crisisResources });
      } else {
        const r = await gad7.mutateAsync(input);
        setDone({ total: r.result.total, bandLabel: r.result.bandLabel, crisis: null });
      }
      window.scrollTo({ top: 0 });
    } catch (e) {
      setError(errorMessage(e));
    }
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
      {error ? (
        <Alert variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <p>
        <strong>{stem}</strong>
      </p>
      {items.map((text, i) => (
        <FrequencyItem key={text} name={kind} index={i} text={text} />
      ))}
      <Button type="submit" size="lg" className="w-full" disabled={phq9.isPending || gad7.isPending}>
        Send answers
      </Button>
    </form>
  );
}

/** Patient-Specific Functional Scale: 3–5 activities chosen with the PT or OT, each 0–10. */
export function PsfsForm({ patientId, takenOn }: { patientId: string; takenOn?: string }) {
  const trpc = useTRPC();
  const today = usePatientToday();
  const submit = useMutation(trpc.measures.submitPsfs.mutationOptions());
  const [count, setCount] = useState(PSFS_MIN_ACTIVITIES);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const activities = Array.from({ length: count }, (_, i) => ({
      activity: String(f.get(`activity-${i}`) ?? ""),
      score: f.get(`psfs-score-${i}`) === null ? null : Number(f.get(`psfs-score-${i}`)),
    }));
    setError(null);
    try {
      const r = await submit.mutateAsync({ patientId, takenOn: takenOn ?? today, activities });
      setDone(r.result.score);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  if (done !== null)
    return (
      <Alert variant="success" role="status" className="max-w-2xl">
        Saved. Your functional scale score is {done} out of 10.
      </Alert>
    );
  return (
    <form className="flex max-w-2xl flex-col gap-4" onSubmit={onSubmit} aria-label="Patient-Specific Functional Scale">
      {error ? (
        <Alert variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <p>Name {PSFS_MIN_ACTIVITIES} to {PSFS_MAX_ACTIVITIES} everyday activities you find hard (agreed with your physical or occupational therapist), and rate how well you can do each one today: 0 = unable, 10 = as well as before.</p>
      {Array.from({ length: count }, (_, i) => `activity-${i}`).map((field, i) => (
        // Slots are only ever added at the end, so the field name is the slot's identity.
        <div key={field} className={`${questionFrame} grid gap-3`}>
          <Field id={field} label={`Activity ${i + 1}`}>
            <Input name={field} required maxLength={200} />
          </Field>
          <ScaleQuestion name={`psfs-score-${i}`} legend={`How well can you do activity ${i + 1}?`} framed={false} />
        </div>
      ))}
      <Actions>
        {count < PSFS_MAX_ACTIVITIES ? (
          <Button variant="secondary" onClick={() => setCount(count + 1)}>
            Add an activity
          </Button>
        ) : null}
        {count > PSFS_MIN_ACTIVITIES ? (
          <Button variant="secondary" onClick={() => setCount(count - 1)}>
            Remove the last activity
          </Button>
        ) : null}
      </Actions>
      <Button type="submit" size="lg" className="w-full" disabled={submit.isPending}>
        Send
      </Button>
    </form>
  );
}
