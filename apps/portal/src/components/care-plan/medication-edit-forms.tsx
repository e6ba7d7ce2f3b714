"use client";
import {
  type Intervention,
  MEDICATION_ROUTES,
  type MedicationRoute,
  ROUTE_LABELS,
  type TitrationStep,
  addCalendarDays,
  formatCalendarDate,
  formatDose,
  getTherapy,
  interventionName,
} from "@concord/domain";
import { useEditor } from "./care-plan-editor";
import { Field, num, optional, useCommandForm } from "./form-kit";

type MedicationItem = Intervention & { details: Extract<Intervention["details"], { kind: "medication" }> };

export function isMedicationItem(item: Intervention): item is MedicationItem {
  return item.details.kind === "medication";
}

/** Only the catalogue's routes are offered: the server refuses any other, so the form should too. */
function allowedRoutes(item: MedicationItem): readonly MedicationRoute[] {
  const therapy = item.therapyId && !item.custom ? getTherapy(item.therapyId) : undefined;
  return therapy?.prescriptionKind === "medication" ? therapy.routes : MEDICATION_ROUTES;
}

/** Route and schedule; the dose itself changes through the trial log so its history stays complete. */
export function MedicationScheduleForm({ item }: { item: MedicationItem }) {
  const { data } = useEditor();
  const name = interventionName(item);
  const d = item.details;
  const id = (field: string) => `${item.id}-med-${field}`;
  const routes = allowedRoutes(item);
  const form = useCommandForm((get) => {
    const route = get("route");
    const schedule = get("schedule").trim();
    return {
      type: "updateIntervention",
      interventionId: item.id,
      details: { ...(route !== d.route ? { route } : {}), ...(schedule !== d.schedule ? { schedule } : {}) },
    };
  });
  return (
    <form key={data.version} className="stack" onSubmit={form.onSubmit} aria-label={`Edit the route and schedule of ${name}`}>
      <h4 style={{ margin: 0 }}>Route and schedule</h4>
      <Field id={id("route")} label="Route" hint={routes.length === 1 ? `The catalogue records ${name} as ${ROUTE_LABELS[routes[0] ?? d.route]} only.` : undefined}>
        <select id={id("route")} name="route" defaultValue={d.route} aria-describedby={routes.length === 1 ? `${id("route")}-hint` : undefined}>
          {routes.map((r) => <option key={r} value={r}>{ROUTE_LABELS[r]}</option>)}
        </select>
      </Field>
      <Field id={id("schedule")} label="Schedule">
        <input id={id("schedule")} name="schedule" required minLength={2} maxLength={200} defaultValue={d.schedule} />
      </Field>
      <button type="submit" disabled={form.busy}>Save route and schedule</button>
    </form>
  );
}

const byDate = (steps: readonly TitrationStep[]) => [...steps].sort((a, b) => a.startsOn.localeCompare(b.startsOn));

/**
 * Planned steps, each sent as the whole new list: the domain checks order, dose bounds and that
 * only future steps are added or withdrawn, so a stale list reaches the conflict panel, not the plan.
 */
export function TitrationStepsForm({ item }: { item: MedicationItem }) {
  const { data } = useEditor();
  const name = interventionName(item);
  const d = item.details;
  const id = (field: string) => `${item.id}-titration-${field}`;
  const tomorrow = addCalendarDays(data.today, 1);
  const add = useCommandForm((get) => ({
    type: "updateIntervention",
    interventionId: item.id,
    details: {
      titrationSteps: byDate([...d.titrationSteps, { startsOn: get("startsOn"), dose: num(get("dose")), ...(optional(get("note")) ? { note: optional(get("note")) } : {}) }]),
    },
  }));
  return (
    <div className="stack">
      <h4 style={{ margin: 0 }}>Planned titration steps</h4>
      {d.titrationSteps.length === 0 ? <p className="muted" style={{ margin: 0 }}>No steps planned.</p> : null}
      {d.titrationSteps.length > 0 ? (
        <ul className="plain titration-steps" aria-label={`Titration steps of ${name}`}>
          {d.titrationSteps.map((step) => (
            <li key={step.startsOn}>
              {formatDose(step.dose, d.unit)} from {formatCalendarDate(step.startsOn)}
              {step.note ? ` (${step.note})` : ""}
              {step.startsOn > data.today ? <RemoveStepButton item={item} step={step} /> : <span className="muted"> · started</span>}
            </li>
          ))}
        </ul>
      ) : null}
      <form key={data.version} className="stack" onSubmit={add.onSubmit} aria-label={`Add a titration step to ${name}`}>
        <div className="inline">
          <Field id={id("date")} label="Starts on">
            <input id={id("date")} name="startsOn" type="date" required min={tomorrow} />
          </Field>
          <Field id={id("dose")} label={`Dose (${d.unit})`}>
            <input id={id("dose")} name="dose" type="number" step="any" min={0} required />
          </Field>
        </div>
        <Field id={id("note")} label="Note (optional)"><input id={id("note")} name="note" maxLength={500} /></Field>
        <button type="submit" className="secondary" disabled={add.busy}>Add step</button>
      </form>
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
    <form key={data.version} className="inline-form" onSubmit={remove.onSubmit} aria-label={label}>
      <button type="submit" className="secondary small" disabled={remove.busy}>{label}</button>
    </form>
  );
}
