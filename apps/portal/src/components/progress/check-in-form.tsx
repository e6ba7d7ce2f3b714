"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
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
} from "@concord/domain/client";
import type { RouterOutputs } from "@concord/api";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { CheckboxField } from "@concord/ui/checkbox";
import { Field, Fieldset } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { SegmentedControl, scaleOptions } from "@concord/ui/segmented-control";
import { Textarea } from "@concord/ui/textarea";
import { errorMessage } from "~/components/error-message";
import { Actions } from "~/components/layout";
import { useTRPC } from "~/trpc/react";
import { When } from "~/components/viewer-clock";
import { CheckInSection } from "./check-in-section";
import { usePatientToday } from "./local-date";

type Form = RouterOutputs["checkIns"]["form"];
type Existing = NonNullable<Form["existing"]>;

/** One question of the form, framed so the long form reads as a list of separate questions. */
export const questionFrame = "rounded-xl border bg-card p-4";

export function ScaleQuestion({
  name,
  legend,
  hint,
  min = 0,
  max = 10,
  defaultValue,
  framed = true,
  row = false,
}: { name: string; legend: string; hint?: string; min?: number; max?: number; defaultValue?: number | undefined; framed?: boolean; row?: boolean }) {
  return (
    <SegmentedControl
      className={framed ? questionFrame : undefined}
      row={row}
      name={name}
      legend={legend}
      hint={hint}
      required
      options={scaleOptions(min, max, (v) => `${legend}: ${v}`)}
      defaultValue={defaultValue === undefined ? undefined : String(defaultValue)}
    />
  );
}

const YES_NO = [
  { value: "no", label: "No" },
  { value: "yes", label: "Yes" },
];

function YesNo({ name, legend, defaultValue }: { name: string; legend: string; defaultValue?: boolean | undefined }) {
  return (
    <SegmentedControl
      variant="choices"
      name={name}
      legend={legend}
      legendClassName="font-medium"
      required
      options={YES_NO}
      defaultValue={defaultValue === undefined ? undefined : defaultValue ? "yes" : "no"}
    />
  );
}

type Saved = RouterOutputs["checkIns"]["submit"];

/** The questions every check-in answers, asked first and on one phone screen. */
const CORE_FIELDS = ["painNow", "painAverage", "painWorst", "sleepHours", "sleepQuality", "mood"] as const;

type OptionalSection = "symptoms" | "sites" | "plan" | "note";

interface Progress {
  core: number;
  safety: number;
  sections: Record<OptionalSection, boolean>;
}

/** What the form holds now: read from the form itself, so the count cannot drift from what is sent. */
function progressOf(form: HTMLFormElement, redFlags: readonly string[]): Progress {
  const f = new FormData(form);
  const has = (name: string) => {
    const value = f.get(name);
    return value !== null && String(value).trim() !== "";
  };
  const names = [...f.keys()];
  return {
    core: CORE_FIELDS.filter(has).length,
    safety: redFlags.filter(has).length,
    sections: {
      symptoms: names.some((n) => n.startsWith("symptom-")),
      sites: names.some((n) => n.startsWith("site-")) || has("otherSite"),
      plan: names.some((n) => (n.startsWith("adherence-") || n.startsWith("side-")) && has(n)),
      note: has("note"),
    },
  };
}

/** "Core done · Safety questions 5 of 5 · 2 of 4 optional sections". */
function progressText(progress: Progress, redFlagCount: number, sections: readonly OptionalSection[]): string {
  const core = progress.core === CORE_FIELDS.length ? "Core done" : `Core ${progress.core} of ${CORE_FIELDS.length}`;
  const safety = progress.safety === redFlagCount ? "Safety questions done" : `Safety questions ${progress.safety} of ${redFlagCount}`;
  const optional = sections.filter((s) => progress.sections[s]).length;
  return `${core} · ${safety} · ${optional} of ${sections.length} optional sections`;
}

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
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const redFlags = CHECK_IN_RED_FLAGS.filter((flag) => flag !== "neuroDeficitAfterProcedure" || form.data?.asksAboutProcedure);
  const recount = useCallback(() => {
    if (formRef.current) setProgress(progressOf(formRef.current, redFlags));
  }, [redFlags]);
  // The saved answers of an edit count from the start.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recount once the form is on the page (data loaded, or editing begun)
  useEffect(recount, [form.data, editing]);
  // A failed send: focus the message, so it is read out and seen.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (form.isPending) return <p role="status">Loading today’s check-in…</p>;
  if (form.isError)
    return (
      <Alert variant="danger" role="alert">
        {errorMessage(form.error)}
      </Alert>
    );
  const existing: Existing | null = saved ? (saved.checkIn as Existing) : form.data.existing;

  if (saved && !editing) return <CheckInDone saved={saved} onEdit={() => setEditing(true)} />;
  if (existing && !editing) {
    return (
      <Card className="max-w-2xl">
        <Alert variant="success" role="status">
          {/* One paragraph: the Alert lays its children out as a grid, which would put the time on its own line. */}
          <p>
            You have already checked in today ({formatCalendarDate(date)}; last saved <When at={existing.updatedAt} />). Thank you.
          </p>
        </Alert>
        <p>
          Pain now {existing.painNow}, average {existing.painAverage}, worst {existing.painWorst}.
        </p>
        <Actions>
          <Button onClick={() => setEditing(true)}>Edit today’s check-in</Button>
          <Button asChild variant="secondary">
            <Link href="/me/check-in/phq9">Mood questions (PHQ-9)</Link>
          </Button>
        </Actions>
      </Card>
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
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const d = existing ?? undefined;
  const pending = submit.isPending || edit.isPending;
  const hasPlan = form.data.adherenceItems.length > 0;
  const sections: OptionalSection[] = hasPlan ? ["symptoms", "sites", "plan", "note"] : ["symptoms", "sites", "note"];
  const answered = (s: OptionalSection) => progress?.sections[s] ?? false;
  return (
    <form
      ref={formRef}
      className="flex max-w-2xl flex-col gap-4"
      onSubmit={onSubmit}
      onChange={recount}
      onInput={recount}
      aria-label={existing ? "Edit today’s check-in" : "Today’s check-in"}
      key={existing?.version ?? 0}
    >
      {error ? (
        <Alert ref={errorRef} tabIndex={-1} variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {existing ? <Alert variant="warning">You are editing today’s check-in. Your earlier answers are kept in its history.</Alert> : null}
      {/* The core: six questions, each scale on one row, no frames, so it fits one phone screen. */}
      <section aria-labelledby="check-in-core" className="grid gap-2">
        <h2 id="check-in-core" className="sr-only">
          Pain, sleep and mood
        </h2>
        <ScaleQuestion name="painNow" legend="Pain right now" hint="0 = no pain, 10 = worst imaginable" defaultValue={d?.painNow} framed={false} row />
        <ScaleQuestion name="painAverage" legend="Average pain today" defaultValue={d?.painAverage} framed={false} row />
        <ScaleQuestion name="painWorst" legend="Worst pain today" defaultValue={d?.painWorst} framed={false} row />
        <Field id="sleepHours" label="Hours of sleep last night" className="grid-cols-[1fr_auto] items-center gap-x-3">
          <Input name="sleepHours" type="number" inputMode="decimal" min={0} max={24} step={0.5} required defaultValue={d?.sleepHours} className="w-28" />
        </Field>
        <ScaleQuestion name="sleepQuality" legend="How well did you sleep?" hint="0 = very badly, 10 = very well" defaultValue={d?.sleepQuality} framed={false} row />
        <ScaleQuestion name="mood" legend="Your mood today" hint="0 = very low, 10 = very good" defaultValue={d?.mood} framed={false} row />
      </section>
      {/* Asked every time and required (the domain's schema wants an answer to each): never folded away. */}
      <Fieldset legend="Since your last check-in, have you had any of these?" className={`${questionFrame} gap-4`}>
        <p className="-mt-2 text-sm text-muted-foreground">Your care team is alerted at once if you answer yes.</p>
        {redFlags.map((flag) => (
          <YesNo key={flag} name={flag} legend={CHECK_IN_RED_FLAG_LABELS[flag]} defaultValue={d?.[flag]} />
        ))}
      </Fieldset>
      <p data-testid="check-in-progress" className="text-sm font-medium text-muted-foreground">
        {progressText(progress ?? { core: 0, safety: 0, sections: { symptoms: false, sites: false, plan: false, note: false } }, redFlags.length, sections)}
      </p>
      <CheckInSection title="Symptoms today" answered={answered("symptoms")} testId="section-symptoms">
        <Fieldset legend="Tick any you have today" legendClassName="font-medium" className="gap-0">
          {CHECK_IN_SYMPTOMS.map((s) => (
            <CheckboxField key={s} id={`symptom-${s}`} name={`symptom-${s}`} label={CHECK_IN_SYMPTOM_LABELS[s]} defaultChecked={d?.symptoms[s] ?? false} />
          ))}
        </Fieldset>
      </CheckInSection>
      <CheckInSection title="Where it hurts" answered={answered("sites")} testId="section-sites">
        <Fieldset legend="Where does it hurt?" legendClassName="font-medium" className="gap-0">
          {BODY_LIMBS.map((l) => (
            <CheckboxField key={l} id={`site-${l}`} name={`site-${l}`} label={BODY_SITE_LABELS[l]} defaultChecked={d?.bodyLocations.some((b) => b.site === l) ?? false} />
          ))}
          <Field id="otherSite" label="Somewhere else (optional)" className="mt-2">
            <Input name="otherSite" maxLength={200} defaultValue={d?.bodyLocations.find((b) => b.site === "other")?.detail ?? ""} />
          </Field>
        </Fieldset>
      </CheckInSection>
      {hasPlan ? (
        <CheckInSection title="Your plan today: exercises done and side effects" answered={answered("plan")} testId="section-plan">
          {form.data.adherenceItems.map((item) => {
            const prior = d?.adherence.find((a) => a.interventionId === item.interventionId);
            return (
              <div key={item.interventionId} className="grid gap-3 border-t pt-4 first-of-type:border-t-0 first-of-type:pt-0">
                <SegmentedControl
                  variant="choices"
                  name={`adherence-${item.interventionId}`}
                  legend={item.name}
                  options={ADHERENCE_STATUSES.map((s) => ({ value: s, label: ADHERENCE_STATUS_LABELS[s] }))}
                  defaultValue={prior?.status}
                >
                  <Field id={`side-${item.interventionId}`} label="Side effects (optional)" labelClassName="font-medium" className="mt-1">
                    <Input name={`side-${item.interventionId}`} maxLength={500} defaultValue={prior?.sideEffects ?? ""} />
                  </Field>
                </SegmentedControl>
              </div>
            );
          })}
        </CheckInSection>
      ) : null}
      <CheckInSection title="A note for your team" answered={answered("note")} testId="section-note">
        <Field id="note" label="Anything else for your team? (optional)">
          <Textarea name="note" maxLength={2000} defaultValue={d?.note ?? ""} />
        </Field>
      </CheckInSection>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {existing ? "Save changes" : "Send check-in"}
      </Button>
    </form>
  );
}

function CheckInDone({ saved, onEdit }: { saved: Saved; onEdit: () => void }) {
  // After sending, focus moves to the result (an emergency advice, if any, is inside it and read next).
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    result.current?.focus();
    result.current?.scrollIntoView({ block: "start" });
  }, []);
  return (
    <Card ref={result} tabIndex={-1} aria-label="Check-in result" data-testid="check-in-result" className="max-w-2xl outline-none focus-visible:outline-3 focus-visible:outline-ring">
      <Alert variant="success" role="status">
        Check-in saved for {formatCalendarDate(saved.checkIn.date)}
        {saved.checkIn.version > 1 ? " (edited)" : ""}. Thank you.
      </Alert>
      {saved.emergency ? (
        <Alert variant="urgent" role="alert" data-testid="emergency-advice">
          <p>
          <strong>Call emergency services now: <a href={saved.emergency.tel}>{saved.emergency.text}</a>.</strong> Chest pain, sudden
          breathlessness or a swollen, painful calf can be a blood clot and needs help straight away. Do not wait for your care team.
          </p>
        </Alert>
      ) : null}
      {saved.redFlagAdvice && saved.teamNotified ? (
        <Alert variant="warning" role="alert" data-testid="red-flag-advice">
          You reported a symptom your care team needs to know about quickly, and they have been alerted. If it is getting worse fast, or you feel
          very unwell, contact your doctor today or go to urgent care.
        </Alert>
      ) : null}
      {saved.redFlagAdvice && !saved.teamNotified ? (
        <Alert variant="danger" role="alert" data-testid="red-flag-advice">
          You reported a symptom that needs a clinician quickly, but no clinician could be alerted through Concord right now. Please phone your
          clinic today, or go to urgent care. If you feel very unwell, call emergency services.
        </Alert>
      ) : null}
      <h2>A few more questions?</h2>
      <p>These help your team see how you are doing beyond pain.</p>
      <Actions>
        <Button asChild>
          <Link href="/me/check-in/phq9">Mood questions (PHQ-9)</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/me/check-in/gad7">Worry questions (GAD-7)</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/me/check-in/psfs">Everyday activities (PSFS)</Link>
        </Button>
        <Button variant="secondary" onClick={onEdit}>
          Edit today’s check-in
        </Button>
      </Actions>
    </Card>
  );
}
