import Link from "next/link";
import {
  ADHERENCE_STATUSES,
  ADHERENCE_STATUS_LABELS,
  BODY_LIMBS,
  BODY_SITE_LABELS,
  CHECK_IN_RED_FLAGS,
  CHECK_IN_RED_FLAG_LABELS,
  CHECK_IN_SYMPTOMS,
  CHECK_IN_SYMPTOM_LABELS,
  formatCalendarDate,
} from "@concord/domain/client";
import type { RouterOutputs } from "@concord/api";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { CheckboxField } from "@concord/ui/checkbox";
import { Field, Fieldset } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { SegmentedControl } from "@concord/ui/segmented-control";
import { Textarea } from "@concord/ui/textarea";
import { When } from "~/components/viewer-clock";
import { Actions } from "~/components/layout";
import { CheckInFlow, CheckInProgress, EditCheckInButton, type OptionalSection } from "./check-in-flow";
import { CheckInSection } from "./check-in-section";
import { ScaleQuestion, questionFrame } from "./scale-question";

/*
 * The daily check-in, rendered on the server: every question is plain HTML (native radios, checkboxes and
 * fields), so the page sends no script for them. CheckInFlow (check-in-flow.tsx) is the only client part.
 */

type Form = RouterOutputs["checkIns"]["form"];
type Existing = NonNullable<Form["existing"]>;

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

/** The check-in for the patient's day, from the form the server read (`checkIns.form`) for that day. */
export function CheckInForm({ patientId, form }: { patientId: string; form: Form }) {
  const existing: Existing | null = form.existing;
  const d = existing ?? undefined;
  const redFlags = CHECK_IN_RED_FLAGS.filter((flag) => flag !== "neuroDeficitAfterProcedure" || form.asksAboutProcedure);
  const hasPlan = form.adherenceItems.length > 0;
  const sections: OptionalSection[] = hasPlan ? ["symptoms", "sites", "plan", "note"] : ["symptoms", "sites", "note"];
  const fields = (
    <>
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
      <CheckInProgress />
      <CheckInSection title="Symptoms today" section="symptoms" testId="section-symptoms">
        <Fieldset legend="Tick any you have today" legendClassName="font-medium" className="gap-0">
          {CHECK_IN_SYMPTOMS.map((s) => (
            <CheckboxField key={s} id={`symptom-${s}`} name={`symptom-${s}`} label={CHECK_IN_SYMPTOM_LABELS[s]} defaultChecked={d?.symptoms[s] ?? false} />
          ))}
        </Fieldset>
      </CheckInSection>
      <CheckInSection title="Where it hurts" section="sites" testId="section-sites">
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
        <CheckInSection title="Your plan today: exercises done and side effects" section="plan" testId="section-plan">
          {form.adherenceItems.map((item) => {
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
      <CheckInSection title="A note for your team" section="note" testId="section-note">
        <Field id="note" label="Anything else for your team? (optional)">
          <Textarea name="note" maxLength={2000} defaultValue={d?.note ?? ""} />
        </Field>
      </CheckInSection>
    </>
  );
  const dayEntry = existing ? (
    <>
      <Alert variant="success" role="status">
        {/* One paragraph: the Alert lays its children out as a grid, which would put the time on its own line. */}
        <p>
          You have already checked in today ({formatCalendarDate(form.date)}; last saved <When at={existing.updatedAt} />). Thank you.
        </p>
      </Alert>
      <p>
        Pain now {existing.painNow}, average {existing.painAverage}, worst {existing.painWorst}.
      </p>
      <Actions>
        <EditCheckInButton />
        <Button asChild variant="secondary">
          <Link href="/me/check-in/phq9">Mood questions (PHQ-9)</Link>
        </Button>
      </Actions>
    </>
  ) : null;
  const advice = {
    emergency:
      "Chest pain, sudden breathlessness or a swollen, painful calf can be a blood clot and needs help straight away. Do not wait for your care team.",
    notified: (
      <Alert variant="warning" role="alert" data-testid="red-flag-advice">
        You reported a symptom your care team needs to know about quickly, and they have been alerted. If it is getting worse fast, or you feel
        very unwell, contact your doctor today or go to urgent care.
      </Alert>
    ),
    unrouted: (
      <Alert variant="danger" role="alert" data-testid="red-flag-advice">
        You reported a symptom that needs a clinician quickly, but no clinician could be alerted through Concord right now. Please phone your
        clinic today, or go to urgent care. If you feel very unwell, call emergency services.
      </Alert>
    ),
  };
  // Offered after sending.
  const more = (
    <>
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
        <EditCheckInButton variant="secondary" />
      </Actions>
    </>
  );
  return (
    <CheckInFlow
      patientId={patientId}
      date={form.date}
      dayLabel={formatCalendarDate(form.date)}
      existingVersion={existing?.version ?? null}
      asksAboutProcedure={form.asksAboutProcedure}
      redFlags={redFlags}
      symptoms={CHECK_IN_SYMPTOMS}
      limbs={BODY_LIMBS}
      adherenceIds={form.adherenceItems.map((item) => item.interventionId)}
      sections={sections}
      existing={dayEntry}
      fields={fields}
      advice={advice}
      more={more}
    />
  );
}
