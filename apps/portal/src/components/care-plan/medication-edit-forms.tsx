"use client";
import { useState } from "react";
import {
  type CustomTherapy,
  DOSE_UNITS,
  type DoseUnit,
  MAX_DOSES_PER_DAY,
  MEDICATION_ROUTES,
  PLAN_TEXT_LIMITS,
  type MedicationAgent,
  type MedicationField,
  PRESCRIBABLE_UNITS,
  ROUTE_LABELS,
  type TherapyRef,
  type TitrationStep,
  agentsOf,
  describeDoseBounds,
  doseBounds,
  formatCalendarDate,
  formatDose,
  frequencyText,
  getAgent,
  getTherapy,
  interventionName,
  medicationInput,
  medicationProblem,
  timesADay,
} from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Input } from "@concord/ui/input";
import { NativeSelect } from "@concord/ui/native-select";
import { RowList } from "~/components/layout";
import { useEditor } from "./editor-context";
import { Field, type FieldErrors, type Fields, FormError, num, optional, useCommandForm, planFormClassName } from "./form-kit";
import type { MedicationItem, } from "./medication-text";

export { agentOf, describePrescription, isMedicationItem } from "./medication-text";

function therapyRefOf(item: MedicationItem): TherapyRef {
  if (!item.custom && item.therapyId) return item.therapyId;
  return { custom: true, name: interventionName(item), category: item.category, ownerDiscipline: item.ownerDiscipline };
}

/**
 * The domain's pure medication checks (the agent, its route and unit, doses per day, per-dose and
 * daily bounds, each titration step) on details about to be sent. The schema check stays on the
 * server (zod is kept out of the browser bundle); its field errors reach the same fields.
 */
export function checkMedicationRules(ref: TherapyRef, details: Record<string, unknown>): { ok: true } | { ok: false; message: string; field: MedicationField | null } {
  const therapy = typeof ref === "string" ? getTherapy(ref) : ref;
  if (!therapy) return { ok: true };
  const prepared = medicationInput(therapy, details);
  if ("problem" in prepared) return { ok: false, ...prepared.problem };
  // The schema's defaults for what a form may leave out (no agent, no maximum, no steps).
  const candidate = { agentId: null, maxDailyDose: null, titrationSteps: [], ...prepared.input };
  if (!isCheckable(candidate)) return { ok: true };
  const subject = "custom" in therapy ? { custom: true as const, name: therapy.name } : { custom: false as const, therapyName: therapy.name, therapyId: therapy.id };
  const problem = medicationProblem(subject, candidate);
  return problem ? { ok: false, ...problem } : { ok: true };
}

type CheckableMedication = Parameters<typeof medicationProblem>[1];
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Whether the details hold every value the rules read, well formed; anything else is the server's to refuse. */
function isCheckable(d: Record<string, unknown>): d is Record<string, unknown> & CheckableMedication {
  const steps = d.titrationSteps;
  return (
    isNumber(d.dose) &&
    (d.dosesPerDay === null || isNumber(d.dosesPerDay)) &&
    (d.maxDailyDose === null || isNumber(d.maxDailyDose)) &&
    (d.agentId === null || typeof d.agentId === "string") &&
    (DOSE_UNITS as readonly unknown[]).includes(d.unit) &&
    (MEDICATION_ROUTES as readonly unknown[]).includes(d.route) &&
    Array.isArray(steps) &&
    steps.every((step: { dose?: unknown; startsOn?: unknown }) => isNumber(step?.dose) && typeof step?.startsOn === "string")
  );
}

/**
 * Asks the domain whether these details break a medication rule, and puts its message next to the
 * control it is about. `fieldToControl` maps a details field to the control that edits it on this form.
 */
function checkMedication(ref: TherapyRef, details: Record<string, unknown>, fieldToControl: Partial<Record<MedicationField, string>> = {}): FieldErrors | null {
  const result = checkMedicationRules(ref, details);
  if (result.ok) return null;
  const control = result.field ? (fieldToControl[result.field] ?? result.field) : "form";
  return { [control]: result.message };
}

/** What the clinician reads about an agent's limits, from the domain: never restated numbers. */
export function agentBoundsHint(agent: MedicationAgent): string {
  const course = agent.typicalCourse ? ` Typical course: ${agent.typicalCourse}.` : "";
  const note = agent.note ? ` ${agent.note}` : "";
  return `${agent.name} (${ROUTE_LABELS[agent.route]}, in ${agent.unit}): ${describeDoseBounds(agent)}.${course}${note}`;
}

function DosesPerDayField({ id, agent, defaultValue, error }: { id: string; agent: MedicationAgent | undefined; defaultValue?: number | null; error?: string | undefined }) {
  const bounds = agent ? doseBounds(agent) : null;
  if (agent && bounds?.fixedDosesPerDay) {
    return (
      <div>
        <input type="hidden" name="dosesPerDay" value={bounds.fixedDosesPerDay} />
        <p className="text-muted-foreground">How often: {frequencyText({ agentId: agent.id, dosesPerDay: 1 }, "clinician")}.</p>
      </div>
    );
  }
  const max = bounds?.maxDosesPerDay ?? MAX_DOSES_PER_DAY;
  return (
    <Field id={id} label="Doses per day" error={error}>
      <NativeSelect id={id} name="dosesPerDay" defaultValue={defaultValue ?? ""}>
        <option value="" disabled>Choose</option>
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>{`${n} (${timesADay(n)})`}</option>
        ))}
      </NativeSelect>
    </Field>
  );
}

const MAX_DAILY_HINT = "A custom medication has no catalogue bound: enter the most the patient may take in a day.";

/** The medication part of "Add an intervention": the agent, its bounds, the dose and doses per day. */
export function NewMedicationFields({
  therapyId,
  custom,
  errors,
  agentId,
  onAgent,
}: {
  therapyId: string | null;
  custom: boolean;
  errors: FieldErrors;
  agentId: string;
  onAgent: (id: string) => void;
}) {
  const agents = custom || !therapyId ? [] : agentsOf(therapyId);
  const agent = agents.find((a) => a.id === agentId);
  const className = therapyId ? getTherapy(therapyId)?.name : undefined;
  const unit: DoseUnit | null = agent?.unit ?? null;
  return (
    <>
      {agents.length > 1 ? (
        <Field id="iv-agent" label={`Medicine (${className ?? "class"})`} error={errors.agentId}>
          <NativeSelect id="iv-agent" name="agentId" value={agentId} onChange={(e) => onAgent(e.target.value)}>
            <option value="">Choose the medicine</option>
            {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </NativeSelect>
        </Field>
      ) : null}
      {agent ? <p className="text-sm text-muted-foreground" id="iv-agent-bounds" aria-live="polite">{agentBoundsHint(agent)}</p> : null}
      <Field id="iv-dose" label={unit ? `Dose (${unit})` : "Dose"} error={errors.dose}>
        <Input id="iv-dose" name="dose" type="number" step="any" min={0} />
      </Field>
      {custom ? (
        <>
          <Field id="iv-unit" label="Unit" error={errors.unit}>
            <NativeSelect id="iv-unit" name="unit">
              {PRESCRIBABLE_UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
            </NativeSelect>
          </Field>
          <Field id="iv-route" label="Route" error={errors.route}>
            <NativeSelect id="iv-route" name="route">
              {MEDICATION_ROUTES.map((r) => <option key={r} value={r}>{ROUTE_LABELS[r]}</option>)}
            </NativeSelect>
          </Field>
        </>
      ) : null}
      <DosesPerDayField key={agent?.id ?? "none"} id="iv-doses-per-day" agent={agent} error={errors.dosesPerDay} />
      {custom ? (
        <Field id="iv-max-daily" label="Maximum daily dose (same unit as the dose)" hint={MAX_DAILY_HINT} error={errors.maxDailyDose}>
          <Input id="iv-max-daily" name="maxDailyDose" type="number" step="any" min={0} />
        </Field>
      ) : null}
      <Field id="iv-schedule" label="Timing note (optional)" error={errors.schedule}>
        <Input id="iv-schedule" name="schedule" maxLength={PLAN_TEXT_LIMITS.timingNote} placeholder="e.g. with food, at night" />
      </Field>
      <FormError error={errors.form} />
    </>
  );
}

/** The medication details the add form sends: the agent decides route and unit unless custom. */
export function newMedicationDetails(get: Fields, custom: boolean, agentId: string): Record<string, unknown> {
  const maxDailyDose = optional(get("maxDailyDose"));
  return {
    ...(custom ? { unit: get("unit"), route: get("route"), maxDailyDose: maxDailyDose === undefined ? null : num(maxDailyDose) } : { agentId: agentId || null }),
    dose: num(get("dose")),
    dosesPerDay: num(get("dosesPerDay")),
    schedule: get("schedule").trim(),
  };
}

/** The domain's verdict on the add form's medication, next to the field. */
export function checkNewMedication(ref: TherapyRef | CustomTherapy, details: Record<string, unknown>): FieldErrors | null {
  return checkMedication(ref, details, { titrationSteps: "dose" });
}

/**
 * Doses per day, the timing note, and for a custom medication its route and maximum daily dose.
 * The agent, its route and unit are fixed once saved (a different medicine is a new item); an entry
 * from before agents that awaits review can gain its agent and re-enter its dose here.
 */
export function MedicationScheduleForm({ item }: { item: MedicationItem }) {
  const { data } = useEditor();
  const name = interventionName(item);
  const d = item.details;
  const id = (field: string) => `${item.id}-med-${field}`;
  const review = d.reviewNeeded.length > 0;
  const classAgents = !item.custom && item.therapyId ? agentsOf(item.therapyId) : [];
  const [agentId, setAgentId] = useState(d.agentId ?? "");
  const agent = getAgent(agentId);
  const patch = (get: Fields): Record<string, unknown> => {
    const next: Record<string, unknown> = {};
    const dosesPerDay = num(get("dosesPerDay"));
    if (dosesPerDay !== d.dosesPerDay) next.dosesPerDay = dosesPerDay;
    const schedule = get("schedule").trim();
    if (schedule !== d.schedule) next.schedule = schedule;
    if (review && d.agentId === null && !item.custom) next.agentId = agentId || null;
    if (review && !item.custom && agent) {
      // A migrated entry may hold another unit (a lidocaine "5%"): the agent's unit and route apply now.
      if (d.unit !== agent.unit) next.unit = agent.unit;
      if (d.route !== agent.route) next.route = agent.route;
    }
    if (review && optional(get("dose")) !== undefined && num(get("dose")) !== d.dose) next.dose = num(get("dose"));
    if (item.custom) {
      const route = get("route");
      if (route && route !== d.route) next.route = route;
      const max = optional(get("maxDailyDose"));
      const maxDailyDose = max === undefined ? null : num(max);
      if (maxDailyDose !== d.maxDailyDose) next.maxDailyDose = maxDailyDose;
    }
    return next;
  };
  const form = useCommandForm((get) => ({ type: "updateIntervention", interventionId: item.id, details: patch(get) }), {
    check: (get) => checkMedication(therapyRefOf(item), { ...d, ...patch(get) }, { titrationSteps: "dosesPerDay", unit: "dose" }),
  });
  const e = form.errors;
  return (
    <form key={data.version} className={planFormClassName} onSubmit={form.onSubmit} aria-label={`Edit the doses per day and timing of ${name}`}>
      <h4 className="font-semibold">Doses per day and timing</h4>
      {review ? (
        <Alert variant="warning">
          <p>This entry was saved before medicines were recorded by name. Please check:</p>
          <ul className="list-disc pl-5">{d.reviewNeeded.map((r) => <li key={r}>{r}</li>)}</ul>
        </Alert>
      ) : null}
      {review && d.agentId === null && classAgents.length > 1 ? (
        <Field id={id("agent")} label="Medicine" error={e.agentId}>
          <NativeSelect id={id("agent")} name="agentId" value={agentId} onChange={(ev) => setAgentId(ev.target.value)}>
            <option value="">Choose the medicine</option>
            {classAgents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </NativeSelect>
        </Field>
      ) : null}
      {agent ? <p className="text-sm text-muted-foreground">{agentBoundsHint(agent)}</p> : null}
      {review ? (
        <Field id={id("dose")} label={`Dose (${agent?.unit ?? d.unit})`} error={e.dose}>
          <Input id={id("dose")} name="dose" type="number" step="any" min={0} defaultValue={agent && agent.unit !== d.unit ? "" : d.dose} />
        </Field>
      ) : null}
      <DosesPerDayField key={agent?.id ?? "none"} id={id("doses-per-day")} agent={agent} defaultValue={d.dosesPerDay} error={e.dosesPerDay} />
      {item.custom ? (
        <>
          <Field id={id("route")} label="Route" error={e.route}>
            <NativeSelect id={id("route")} name="route" defaultValue={d.route}>
              {MEDICATION_ROUTES.map((r) => <option key={r} value={r}>{ROUTE_LABELS[r]}</option>)}
            </NativeSelect>
          </Field>
          <Field id={id("max-daily")} label={`Maximum daily dose (${d.unit})`} error={e.maxDailyDose}>
            <Input id={id("max-daily")} name="maxDailyDose" type="number" step="any" min={0} defaultValue={d.maxDailyDose ?? ""} />
          </Field>
        </>
      ) : null}
      <Field id={id("schedule")} label="Timing note (optional)" error={e.schedule}>
        <Input id={id("schedule")} name="schedule" maxLength={PLAN_TEXT_LIMITS.timingNote} defaultValue={d.schedule} />
      </Field>
      <FormError error={e.form} />
      <Button type="submit" disabled={form.busy}>Save doses per day and timing</Button>
    </form>
  );
}

/**
 * Planned steps, each withdrawn by sending the whole new list (steps are added in the item's edit
 * form): the domain checks that only future steps change, so a stale list reaches the conflict panel.
 */
export function TitrationStepsForm({ item }: { item: MedicationItem }) {
  const { data } = useEditor();
  const name = interventionName(item);
  const d = item.details;
  return (
    <div className={planFormClassName}>
      <h4 className="font-semibold">Planned titration steps</h4>
      {d.titrationSteps.length === 0 ? <p className="text-muted-foreground">No steps planned.</p> : null}
      {d.titrationSteps.length > 0 ? (
        <RowList aria-label={`Titration steps of ${name}`}>
          {d.titrationSteps.map((step) => (
            <li key={step.startsOn}>
              {formatDose(step.dose, d.unit)} from {formatCalendarDate(step.startsOn)}
              {step.note ? ` (${step.note})` : ""}
              {step.startsOn > data.today ? <RemoveStepButton item={item} step={step} /> : <span className="text-muted-foreground"> · started</span>}
            </li>
          ))}
        </RowList>
      ) : null}
    </div>
  );
}

function RemoveStepButton({ item, step }: { item: MedicationItem; step: TitrationStep }) {
  const { data } = useEditor();
  const remove = useCommandForm(() => ({
    type: "updateIntervention",
    interventionId: item.id,
    details: { titrationSteps: item.details.titrationSteps.filter((s) => s.startsOn !== step.startsOn) },
  }));
  const label = `Remove the step from ${formatCalendarDate(step.startsOn)}`;
  return (
    <form key={data.version} className="ml-2 inline" onSubmit={remove.onSubmit} aria-label={label}>
      <Button type="submit" variant="secondary" size="sm" disabled={remove.busy}>{label}</Button>
    </form>
  );
}
