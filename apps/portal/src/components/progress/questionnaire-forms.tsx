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
} from "@concord/domain";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { CrisisResources, type CrisisResourcesData } from "./crisis-resources";
import { ScaleQuestion } from "./check-in-form";
import { usePatientToday } from "./local-date";
import styles from "./progress.module.css";

function FrequencyItem({ name, index, text }: { name: string; index: number; text: string }) {
  return (
    <fieldset className={styles.question}>
      <legend>{index + 1}. {text}</legend>
      <div className={styles.bigChoices} style={{ gridTemplateColumns: "repeat(auto-fit, minmax(8rem, 1fr))" }}>
        {FREQUENCY_OPTIONS.map((o) => (
          <label key={o.value}>
            <input type="radio" name={`${name}-${index}`} value={o.value} required aria-label={`${text}: ${o.label}`} />
            <span aria-hidden="true">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
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
      <div>
        {done.crisis ? <CrisisResources resources={done.crisis} announce /> : null}
        <p className="alert success" role="status">
          Thank you — your {label} answers are saved. Score {done.total} ({done.bandLabel.toLowerCase()}). Your care team will see them.
        </p>
      </div>
    );
  }
  return (
    <form className={styles.phoneForm} onSubmit={onSubmit} aria-label={`${label} questionnaire`}>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <p><strong>{stem}</strong></p>
      {items.map((text, i) => (
        <FrequencyItem key={text} name={kind} index={i} text={text} />
      ))}
      <button type="submit" disabled={phq9.isPending || gad7.isPending}>Send answers</button>
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
  if (done !== null) return <p className="alert success" role="status">Saved. Your functional scale score is {done} out of 10.</p>;
  return (
    <form className={styles.phoneForm} onSubmit={onSubmit} aria-label="Patient-Specific Functional Scale">
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <p>Name {PSFS_MIN_ACTIVITIES} to {PSFS_MAX_ACTIVITIES} everyday activities you find hard (agreed with your physical or occupational therapist), and rate how well you can do each one today: 0 = unable, 10 = as well as before.</p>
      {Array.from({ length: count }, (_, i) => `activity-${i}`).map((field, i) => (
        // Slots are only ever added at the end, so the field name is the slot's identity.
        <div key={field} className={styles.question}>
          <label htmlFor={field}>Activity {i + 1}</label>
          <input id={field} name={field} required maxLength={200} />
          <ScaleQuestion name={`psfs-score-${i}`} legend={`How well can you do activity ${i + 1}?`} />
        </div>
      ))}
      <div className="inline" style={{ marginBottom: ".75rem" }}>
        {count < PSFS_MAX_ACTIVITIES ? <button type="button" className="secondary" onClick={() => setCount(count + 1)}>Add an activity</button> : null}
        {count > PSFS_MIN_ACTIVITIES ? <button type="button" className="secondary" onClick={() => setCount(count - 1)}>Remove the last activity</button> : null}
      </div>
      <button type="submit" disabled={submit.isPending}>Send</button>
    </form>
  );
}
