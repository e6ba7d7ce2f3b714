"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import {
  ADHERENCE_STATUSES,
  ADHERENCE_STATUS_LABELS,
  BODY_LIMBS,
  BODY_SITE_LABELS,
  CHECK_IN_RED_FLAGS,
  CHECK_IN_RED_FLAG_LABELS,
  CHECK_IN_SYMPTOMS,
  CHECK_IN_SYMPTOM_LABELS,
  type AdherenceStatus,
  formatCalendarDate,
} from "@concord/domain";
import type { RouterOutputs } from "@concord/api";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { When } from "~/components/viewer-clock";
import { usePatientToday } from "./local-date";
import styles from "./progress.module.css";

type Form = RouterOutputs["checkIns"]["form"];
type Existing = NonNullable<Form["existing"]>;

export function ScaleQuestion({ name, legend, hint, min = 0, max = 10, defaultValue }: { name: string; legend: string; hint?: string; min?: number; max?: number; defaultValue?: number | undefined }) {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset className={styles.question}>
      <legend>{legend}</legend>
      {hint ? <p className="muted" style={{ margin: "0 0 .4rem", fontSize: ".9rem" }}>{hint}</p> : null}
      <div className={styles.bigChoices} role="radiogroup" aria-label={legend}>
        {values.map((v) => (
          <label key={v}>
            <input type="radio" name={name} value={v} required defaultChecked={defaultValue === v} aria-label={`${legend}: ${v}`} />
            <span aria-hidden="true">{v}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function YesNo({ name, legend, defaultValue }: { name: string; legend: string; defaultValue?: boolean | undefined }) {
  return (
    <fieldset className={styles.question}>
      <legend>{legend}</legend>
      <div className={styles.bigChoices} style={{ gridTemplateColumns: "1fr 1fr" }}>
        <label><input type="radio" name={name} value="no" required defaultChecked={defaultValue === false} /><span>No</span></label>
        <label><input type="radio" name={name} value="yes" required defaultChecked={defaultValue === true} /><span>Yes</span></label>
      </div>
    </fieldset>
  );
}

type Saved = RouterOutputs["checkIns"]["submit"];

/** The daily check-in: one screen, big targets, about a minute. Editing the day's entry keeps its history. */
export function CheckInForm({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The patient's own day, from the server; kept for the life of the form so a save near midnight stays on its day.
  const today = usePatientToday();
  const [date] = useState(today);
  const form = useQuery(trpc.checkIns.form.queryOptions({ patientId, date }));
  const submit = useMutation(trpc.checkIns.submit.mutationOptions());
  const edit = useMutation(trpc.checkIns.edit.mutationOptions());
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);

  if (form.isPending) return <p role="status">Loading today’s check-in…</p>;
  if (form.isError) return <div className="alert error" role="alert">{errorMessage(form.error)}</div>;
  const existing: Existing | null = saved ? (saved.checkIn as Existing) : form.data.existing;

  if (saved && !editing) return <CheckInDone saved={saved} onEdit={() => setEditing(true)} />;
  if (existing && !editing) {
    return (
      <div className="card">
        <p className="alert success" role="status">You have already checked in today ({formatCalendarDate(date)}; last saved <When at={existing.updatedAt} />). Thank you.</p>
        <p>Pain now {existing.painNow}, average {existing.painAverage}, worst {existing.painWorst}.</p>
        <div className="inline">
          <button type="button" onClick={() => setEditing(true)}>Edit today’s check-in</button>
          <Link className="button secondary" href="/me/check-in/phq9">Mood questions (PHQ-9)</Link>
        </div>
      </div>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const num = (k: string) => (f.get(k) === null || f.get(k) === "" ? Number.NaN : Number(f.get(k)));
    const yes = (k: string) => f.get(k) === "yes";
    const other = String(f.get("otherSite") ?? "").trim();
    const checkIn = {
      date,
      painNow: num("painNow"),
      painAverage: num("painAverage"),
      painWorst: num("painWorst"),
      symptoms: Object.fromEntries(CHECK_IN_SYMPTOMS.map((s) => [s, f.get(`symptom-${s}`) === "on"])),
      chestPainOrBreathlessness: yes("chestPainOrBreathlessness"),
      suddenSwelling: yes("suddenSwelling"),
      coldPaleLimb: yes("coldPaleLimb"),
      signsOfInfection: yes("signsOfInfection"),
      ...(form.data?.asksAboutProcedure ? { neuroDeficitAfterProcedure: yes("neuroDeficitAfterProcedure") } : {}),
      newLimbAffected: yes("newLimbAffected"),
      bodyLocations: [
        ...BODY_LIMBS.filter((l) => f.get(`site-${l}`) === "on").map((site) => ({ site })),
        ...(other ? [{ site: "other" as const, detail: other }] : []),
      ],
      sleepHours: num("sleepHours"),
      sleepQuality: num("sleepQuality"),
      mood: num("mood"),
      adherence: (form.data?.adherenceItems ?? []).flatMap((item) => {
        const status = f.get(`adherence-${item.interventionId}`);
        if (!status) return [];
        const sideEffects = String(f.get(`side-${item.interventionId}`) ?? "").trim();
        return [{ interventionId: item.interventionId, status: status as AdherenceStatus, ...(sideEffects ? { sideEffects } : {}) }];
      }),
      note: String(f.get("note") ?? "").trim() || undefined,
    };
    setError(null);
    try {
      const result = existing
        ? await edit.mutateAsync({ patientId, checkIn, expectedVersion: existing.version })
        : await submit.mutateAsync({ patientId, checkIn });
      setSaved(result);
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: trpc.checkIns.form.queryKey() });
      window.scrollTo({ top: 0 });
    } catch (e) {
      setError(errorMessage(e));
      window.scrollTo({ top: 0 });
    }
  }

  const d = existing ?? undefined;
  const pending = submit.isPending || edit.isPending;
  return (
    <form className={styles.phoneForm} onSubmit={onSubmit} aria-label={existing ? "Edit today’s check-in" : "Today’s check-in"} key={existing?.version ?? 0}>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {existing ? <p className="alert warning">You are editing today’s check-in. Your earlier answers are kept in its history.</p> : null}
      <ScaleQuestion name="painNow" legend="Pain right now" hint="0 = no pain, 10 = worst imaginable" defaultValue={d?.painNow} />
      <ScaleQuestion name="painAverage" legend="Average pain today" defaultValue={d?.painAverage} />
      <ScaleQuestion name="painWorst" legend="Worst pain today" defaultValue={d?.painWorst} />
      <fieldset className={styles.question}>
        <legend>Symptoms today (tick any)</legend>
        {CHECK_IN_SYMPTOMS.map((s) => (
          <label key={s} className={styles.checkRow}>
            <input type="checkbox" name={`symptom-${s}`} defaultChecked={d?.symptoms[s] ?? false} /> {CHECK_IN_SYMPTOM_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.question}>
        <legend>Where does it hurt?</legend>
        {BODY_LIMBS.map((l) => (
          <label key={l} className={styles.checkRow}>
            <input type="checkbox" name={`site-${l}`} defaultChecked={d?.bodyLocations.some((b) => b.site === l) ?? false} /> {BODY_SITE_LABELS[l]}
          </label>
        ))}
        <label htmlFor="otherSite">Somewhere else (optional)</label>
        <input id="otherSite" name="otherSite" maxLength={200} defaultValue={d?.bodyLocations.find((b) => b.site === "other")?.detail ?? ""} />
      </fieldset>
      <fieldset className={styles.question}>
        <legend>Since your last check-in, have you had any of these?</legend>
        <p className="muted" style={{ margin: "0 0 .4rem", fontSize: ".9rem" }}>Your care team is alerted at once if you answer yes.</p>
        {CHECK_IN_RED_FLAGS.filter((flag) => flag !== "neuroDeficitAfterProcedure" || form.data.asksAboutProcedure).map((flag) => (
          <YesNo key={flag} name={flag} legend={CHECK_IN_RED_FLAG_LABELS[flag]} defaultValue={d?.[flag]} />
        ))}
      </fieldset>
      <div className={styles.question}>
        <label htmlFor="sleepHours">Hours of sleep last night</label>
        <input id="sleepHours" name="sleepHours" type="number" inputMode="decimal" min={0} max={24} step={0.5} required defaultValue={d?.sleepHours} />
      </div>
      <ScaleQuestion name="sleepQuality" legend="How well did you sleep?" hint="0 = very badly, 10 = very well" defaultValue={d?.sleepQuality} />
      <ScaleQuestion name="mood" legend="Your mood today" hint="0 = very low, 10 = very good" defaultValue={d?.mood} />
      {form.data.adherenceItems.length > 0 ? (
        <fieldset className={styles.question}>
          <legend>Your plan today</legend>
          {form.data.adherenceItems.map((item) => {
            const prior = d?.adherence.find((a) => a.interventionId === item.interventionId);
            return (
              <fieldset key={item.interventionId} className={styles.question}>
                <legend>{item.name}</legend>
                <div className={styles.bigChoices} style={{ gridTemplateColumns: "repeat(3, 1fr)" }}>
                  {ADHERENCE_STATUSES.map((s) => (
                    <label key={s}><input type="radio" name={`adherence-${item.interventionId}`} value={s} defaultChecked={prior?.status === s} /><span>{ADHERENCE_STATUS_LABELS[s]}</span></label>
                  ))}
                </div>
                <label htmlFor={`side-${item.interventionId}`} style={{ marginTop: ".5rem" }}>Side effects (optional)</label>
                <input id={`side-${item.interventionId}`} name={`side-${item.interventionId}`} maxLength={500} defaultValue={prior?.sideEffects ?? ""} />
              </fieldset>
            );
          })}
        </fieldset>
      ) : null}
      <div className={styles.question}>
        <label htmlFor="note">Anything else for your team? (optional)</label>
        <textarea id="note" name="note" maxLength={2000} defaultValue={d?.note ?? ""} />
      </div>
      <button type="submit" disabled={pending}>{existing ? "Save changes" : "Send check-in"}</button>
    </form>
  );
}

function CheckInDone({ saved, onEdit }: { saved: Saved; onEdit: () => void }) {
  return (
    <div className="card">
      <p className="alert success" role="status">Check-in saved for {formatCalendarDate(saved.checkIn.date)}{saved.checkIn.version > 1 ? " (edited)" : ""}. Thank you.</p>
      {saved.emergency ? (
        <div className="alert error" role="alert" data-testid="emergency-advice">
          <strong>Call emergency services now: <a href={saved.emergency.tel}>{saved.emergency.text}</a>.</strong> Chest pain, sudden
          breathlessness or a swollen, painful calf can be a blood clot and needs help straight away. Do not wait for your care team.
        </div>
      ) : null}
      {saved.redFlagAdvice && saved.teamNotified ? (
        <p className="alert warning" role="alert" data-testid="red-flag-advice">
          You reported a symptom your care team needs to know about quickly, and they have been alerted. If it is getting worse fast, or you feel
          very unwell, contact your doctor today or go to urgent care.
        </p>
      ) : null}
      {saved.redFlagAdvice && !saved.teamNotified ? (
        <p className="alert error" role="alert" data-testid="red-flag-advice">
          You reported a symptom that needs a clinician quickly, but no clinician could be alerted through Concord right now. Please phone your
          clinic today, or go to urgent care. If you feel very unwell, call emergency services.
        </p>
      ) : null}
      <h2>A few more questions?</h2>
      <p>These help your team see how you are doing beyond pain.</p>
      <div className="inline">
        <Link className="button" href="/me/check-in/phq9">Mood questions (PHQ-9)</Link>
        <Link className="button secondary" href="/me/check-in/gad7">Worry questions (GAD-7)</Link>
        <Link className="button secondary" href="/me/check-in/psfs">Everyday activities (PSFS)</Link>
        <button type="button" className="secondary" onClick={onEdit}>Edit today’s check-in</button>
      </div>
    </div>
  );
}
