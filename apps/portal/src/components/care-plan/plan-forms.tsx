"use client";
import { useState } from "react";
import {
  CATEGORY_PRESCRIPTION_KIND,
  type AdditionStatus,
  type DISCIPLINES,
  type Discipline,
  DISCIPLINE_LABELS,
  EXERCISE_BOUNDS,
  GMI_STAGES,
  GMI_STAGE_LABELS,
  GOAL_IDS,
  GOAL_STATUSES,
  type Intervention,
  PLAN_TEXT_LIMITS,
  PROCEDURE_SIDES,
  type PrescriptionKind,
  SESSION_TYPES,
  SIDE_EFFECT_SEVERITIES,
  THERAPY_CATALOGUE,
  THERAPY_CATEGORIES,
  THERAPY_CATEGORY_LABELS,
  TRIAL_PAIN_RANGE,
  type TherapyCategory,
  additionOffer,
  allowedStatusChanges,
  defaultOwner,
  getTherapy,
  goalLabel,
  interventionName,
  isFinalStatus,
  newItemIdentity,
  ownerChoices,
  takesGmiStage,
} from "@concord/domain";
import { useEditor } from "./editor-context";
import { Field, type FieldErrors, type Fields, num, optional, useCommandForm } from "./form-kit";
import { TargetFields, type TargetKind, buildTarget } from "./goal-targets";
import { GmiStageForm, ItemDetailsForm, PrescriptionForm } from "./intervention-edit-forms";
import {
  DoseChangeForm,
  MedicationScheduleForm,
  NewMedicationFields,
  TitrationStepsForm,
  checkNewMedication,
  isMedicationItem,
  newMedicationDetails,
} from "./medication-edit-forms";

const START_LABELS: Record<AdditionStatus, string> = { active: "Active", proposed: "Proposed" };

export function ReviewDateForm() {
  const { data } = useEditor();
  const form = useCommandForm((get) => ({ type: "setReviewDate", reviewDueAt: get("reviewDueAt") }));
  return (
    <form className="stack" onSubmit={form.onSubmit} aria-label="Set the plan review date">
      <h3 style={{ margin: 0 }}>Plan review date</h3>
      <Field id="plan-review" label="Next multidisciplinary review">
        <input id="plan-review" name="reviewDueAt" type="date" required min={data.today} defaultValue={data.plan.reviewDueAt >= data.today ? data.plan.reviewDueAt : ""} />
      </Field>
      <button type="submit" disabled={form.busy}>Set review date</button>
    </form>
  );
}

export function AddGoalForm() {
  const { data } = useEditor();
  const missing = GOAL_IDS.filter((g) => !data.plan.goals.some((x) => x.id === g));
  const [kind, setKind] = useState<TargetKind>("pain_average_at_most");
  const add = useCommandForm((get) => ({
    type: "addGoal",
    goalId: get("goalId") as (typeof GOAL_IDS)[number],
    status: get("status") as (typeof GOAL_STATUSES)[number],
    targets: [buildTarget(kind, get)],
  }));
  // Targets and status of an existing goal are edited on the goal itself.
  if (missing.length === 0) return null;
  return (
    <form className="stack" onSubmit={add.onSubmit} aria-label="Add a goal">
      <h3 style={{ margin: 0 }}>Add a goal</h3>
      <Field id="goal-id" label="Goal">
        <select id="goal-id" name="goalId">
          {missing.map((g) => (
            <option key={g} value={g}>{goalLabel(g)}</option>
          ))}
        </select>
      </Field>
      <TargetFields prefix="goal" label="Measurable target" kind={kind} onKind={(k) => setKind(k ?? "pain_average_at_most")} />
      <Field id="goal-status" label="Status">
        <select id="goal-status" name="status" defaultValue="not_started">
          {GOAL_STATUSES.map((s) => (
            <option key={s} value={s}>{s.replace("_", " ")}</option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={add.busy}>Add goal</button>
    </form>
  );
}

function detailsFor(kind: PrescriptionKind, get: Fields, form: FormData, medication: { custom: boolean; agentId: string }): Record<string, unknown> {
  switch (kind) {
    case "medication":
      return newMedicationDetails(get, medication.custom, medication.agentId);
    case "exercise":
      return {
        sets: num(get("sets")),
        repetitions: num(get("repetitions")),
        frequency: get("frequency"),
        durationMinutes: optional(get("durationMinutes")) === undefined ? undefined : num(get("durationMinutes")),
        instructions: get("instructions"),
        stage: optional(get("stage")),
      };
    case "psychological":
      return { sessionType: get("sessionType"), frequency: get("frequency"), nextSessionDate: optional(get("nextSessionDate")) };
    case "procedure":
      return { plannedDate: get("plannedDate"), side: get("side"), level: optional(get("level")), recordPainBeforeAfter: form.get("recordPainBeforeAfter") === "on" };
    case "experimental":
      return { consentRecordedAt: optional(get("consentRecordedAt")) ?? null, studyReference: optional(get("studyReference")) ?? null };
    case "self_management":
      return { frequency: get("frequency"), instructions: get("instructions") };
  }
}

export function AddInterventionForm() {
  const { data } = useEditor();
  const viewer = data.viewerDiscipline;
  const [custom, setCustom] = useState(false);
  const [therapyId, setTherapyId] = useState(THERAPY_CATALOGUE[0]?.id ?? "");
  const [category, setCategory] = useState<TherapyCategory>("self_management");
  // A class (NSAIDs, bisphosphonates) starts with no medicine chosen; a single-agent therapy names its own.
  const [agentId, setAgentId] = useState("");
  const therapy = custom ? undefined : getTherapy(therapyId);
  const chosenAgent = therapy?.prescriptionKind === "medication" && therapy.agents.length === 1 ? (therapy.agents[0]?.id ?? "") : agentId;
  const effectiveCategory = therapy?.category ?? category;
  const kind = CATEGORY_PRESCRIPTION_KIND[effectiveCategory];
  // A custom item is owned by the discipline chosen for it: what the form offers follows that choice.
  const [ownerChoice, setOwnerChoice] = useState<Discipline | null>(null);
  const choices = ownerChoices(category);
  const customOwner = ownerChoice !== null && choices.includes(ownerChoice) ? ownerChoice : defaultOwner(category, viewer);
  const identity = newItemIdentity(custom ? { custom: true, name: "", category, ownerDiscipline: customOwner } : { custom: false, therapyId }, viewer);
  const offer = identity ? additionOffer(viewer, identity) : null;
  const owners = offer?.owners ?? choices;
  const canStart = offer !== null && !offer.willBeProposed;
  const medication = { custom, agentId: chosenAgent };
  const customRef = (get: Fields) => ({
    custom: true as const,
    name: get("customName"),
    category,
    ownerDiscipline: get("ownerDiscipline") as (typeof DISCIPLINES)[number],
  });
  const form = useCommandForm(
    (get, raw) => {
      const goalIds = raw.getAll("goalIds").map(String) as Array<(typeof GOAL_IDS)[number]>;
      return {
        type: "addIntervention",
        therapy: custom ? customRef(get) : { therapyId },
        goalIds: goalIds.length > 0 ? goalIds : undefined,
        status: get("status") === "active" ? "active" : "proposed",
        nextReviewDate: optional(get("nextReviewDate")),
        note: optional(get("note")) ?? null,
        details: detailsFor(kind, get, raw, medication),
      };
    },
    {
      // Medication details are checked by the domain before sending, so a refusal sits by its field.
      check: (get, raw): FieldErrors | null =>
        kind === "medication"
          ? checkNewMedication(custom ? { ...customRef(get), name: get("customName").trim() || "This medication" } : therapyId, detailsFor(kind, get, raw, medication))
          : null,
    },
  );

  return (
    <form className="stack" onSubmit={form.onSubmit} aria-label="Add an intervention">
      <h3 style={{ margin: 0 }}>Add an intervention</h3>
      <div>
        <label>
          <input type="checkbox" checked={custom} onChange={(e) => setCustom(e.target.checked)} style={{ width: "auto" }} /> Not in the catalogue (custom)
        </label>
      </div>
      {custom ? (
        <>
          <Field id="iv-custom-name" label="Name"><input id="iv-custom-name" name="customName" /></Field>
          <Field id="iv-category" label="Category">
            <select
              id="iv-category"
              value={category}
              onChange={(e) => {
                setCategory(e.target.value as TherapyCategory);
                setOwnerChoice(null);
              }}
            >
              {THERAPY_CATEGORIES.map((c) => (
                <option key={c} value={c}>{THERAPY_CATEGORY_LABELS[c]}</option>
              ))}
            </select>
          </Field>
          <Field id="iv-owner" label="Owning discipline">
            <select id="iv-owner" name="ownerDiscipline" value={customOwner} onChange={(e) => setOwnerChoice(e.target.value as Discipline)}>
              {choices.map((d) => (
                <option key={d} value={d}>{DISCIPLINE_LABELS[d]}</option>
              ))}
            </select>
          </Field>
        </>
      ) : (
        <Field id="iv-therapy" label="Therapy">
          <select
            id="iv-therapy"
            value={therapyId}
            onChange={(e) => {
              setTherapyId(e.target.value);
              setAgentId("");
            }}
          >
            {THERAPY_CATEGORIES.map((c) => (
              <optgroup key={c} label={THERAPY_CATEGORY_LABELS[c]}>
                {THERAPY_CATALOGUE.filter((t) => t.category === c).map((t) => (
                  <option key={t.id} value={t.id}>{t.name}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      )}
      <p className="muted" style={{ margin: 0 }} aria-live="polite">
        Owned by {owners.map((d) => DISCIPLINE_LABELS[d]).join(" or ")}. <span data-testid="addition-offer">{offer?.message}</span>
      </p>
      {canStart && offer ? (
        <Field id="iv-status" label="Start as">
          <select id="iv-status" name="status" defaultValue={offer.startOptions[0]}>
            {offer.startOptions.map((s) => (
              <option key={s} value={s}>{START_LABELS[s]}</option>
            ))}
          </select>
        </Field>
      ) : (
        <input type="hidden" name="status" value="proposed" />
      )}
      {data.plan.goals.length > 0 ? (
        <fieldset>
          <legend>Goals it serves (leave empty for the usual ones)</legend>
          {data.plan.goals.map((g) => (
            <label key={g.id} style={{ fontWeight: 400 }}>
              <input type="checkbox" name="goalIds" value={g.id} style={{ width: "auto" }} /> {goalLabel(g.id)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {kind === "medication" ? (
        <NewMedicationFields
          key={custom ? "custom" : therapyId}
          therapyId={custom ? null : therapyId}
          custom={custom}
          errors={form.errors}
          agentId={chosenAgent}
          onAgent={setAgentId}
        />
      ) : null}
      {kind === "exercise" ? (
        <>
          <Field id="iv-sets" label="Sets"><input id="iv-sets" name="sets" type="number" {...EXERCISE_BOUNDS.sets} /></Field>
          <Field id="iv-reps" label="Repetitions"><input id="iv-reps" name="repetitions" type="number" {...EXERCISE_BOUNDS.repetitions} /></Field>
          <Field id="iv-duration" label="Minutes (optional)"><input id="iv-duration" name="durationMinutes" type="number" {...EXERCISE_BOUNDS.durationMinutes} /></Field>
          {takesGmiStage({ custom, therapyId }) ? (
            <Field id="iv-stage" label="Graded motor imagery stage">
              <select id="iv-stage" name="stage">
                {GMI_STAGES.map((s) => <option key={s} value={s}>{GMI_STAGE_LABELS[s]}</option>)}
              </select>
            </Field>
          ) : null}
        </>
      ) : null}
      {kind === "psychological" ? (
        <>
          <Field id="iv-session" label="Session type">
            <select id="iv-session" name="sessionType">
              {SESSION_TYPES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </Field>
          <Field id="iv-next-session" label="Next session (optional)"><input id="iv-next-session" name="nextSessionDate" type="date" /></Field>
        </>
      ) : null}
      {kind === "exercise" || kind === "psychological" || kind === "self_management" ? (
        <Field id="iv-frequency" label="How often"><input id="iv-frequency" name="frequency" maxLength={PLAN_TEXT_LIMITS.frequency} placeholder="e.g. daily" /></Field>
      ) : null}
      {kind === "exercise" || kind === "self_management" ? (
        <Field id="iv-instructions" label="Instructions for the patient"><textarea id="iv-instructions" name="instructions" maxLength={PLAN_TEXT_LIMITS.instructions} /></Field>
      ) : null}
      {kind === "procedure" ? (
        <>
          <Field id="iv-planned" label="Planned date"><input id="iv-planned" name="plannedDate" type="date" /></Field>
          <Field id="iv-side" label="Side">
            <select id="iv-side" name="side">
              {PROCEDURE_SIDES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </Field>
          <Field id="iv-level" label="Level (optional)"><input id="iv-level" name="level" maxLength={PLAN_TEXT_LIMITS.procedureLevel} /></Field>
          <label style={{ fontWeight: 400 }}>
            <input type="checkbox" name="recordPainBeforeAfter" defaultChecked style={{ width: "auto" }} /> Record pain before and after
          </label>
        </>
      ) : null}
      {kind === "experimental" ? (
        <>
          <Field id="iv-consent" label="Consent recorded on (required before activation)"><input id="iv-consent" name="consentRecordedAt" type="date" /></Field>
          <Field id="iv-study" label="Study reference (required before activation)"><input id="iv-study" name="studyReference" maxLength={PLAN_TEXT_LIMITS.studyReference} /></Field>
        </>
      ) : null}
      <Field id="iv-next-review" label="Next review (optional)"><input id="iv-next-review" name="nextReviewDate" type="date" /></Field>
      <Field id="iv-note" label="Note for the team (optional)"><textarea id="iv-note" name="note" maxLength={PLAN_TEXT_LIMITS.note} /></Field>
      <button type="submit" disabled={form.busy}>{canStart ? "Add intervention" : "Propose intervention"}</button>
    </form>
  );
}

/** The changes one item allows: status, prescription and details for its owners, observations for the whole team. */
export function InterventionActions({ item, canAct }: { item: Intervention; canAct: boolean }) {
  const name = interventionName(item);
  const id = (field: string) => `${item.id}-${field}`;
  const { data } = useEditor();
  const next = allowedStatusChanges(item, data.viewerDiscipline);
  const terminal = isFinalStatus(item.status);
  const isMedication = item.details.kind === "medication";
  const today = data.today;
  const status = useCommandForm((get) => ({
    type: "changeInterventionStatus",
    interventionId: item.id,
    to: get("to") as Intervention["status"],
    reason: optional(get("reason")),
  }));
  const response = useCommandForm((get) => ({
    type: "recordTrialEntry",
    interventionId: item.id,
    entry: { type: "response", pain: num(get("pain")), note: get("note"), date: today },
  }));
  const sideEffect = useCommandForm((get) => ({
    type: "recordTrialEntry",
    interventionId: item.id,
    entry: { type: "side_effect", name: get("name"), severity: get("severity") as (typeof SIDE_EFFECT_SEVERITIES)[number], date: today },
  }));
  const observable = isMedication && item.status !== "proposed";
  if (terminal && !observable) return null;
  if (!canAct && !observable) return null;

  return (
    <details className="no-print">
      <summary>Change {name}</summary>
      <div className="grid form-grid">
        {canAct && next.length > 0 ? (
          <form className="stack" onSubmit={status.onSubmit} aria-label={`Change the status of ${name}`}>
            <Field id={id("to")} label="New status">
              <select id={id("to")} name="to">
                {next.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
            </Field>
            <Field id={id("reason")} label="Reason (required to stop)"><input id={id("reason")} name="reason" maxLength={PLAN_TEXT_LIMITS.statusReason} /></Field>
            <button type="submit" disabled={status.busy}>Change status</button>
          </form>
        ) : null}
        {canAct && isMedicationItem(item) && (item.status === "active" || item.status === "paused") ? (
          // Keyed by version: the typed dose (and its preview of withdrawn steps) resets once saved.
          <DoseChangeForm key={data.version} item={item} />
        ) : null}
        {observable ? (
          <>
            <form className="stack" onSubmit={response.onSubmit} aria-label={`Record the response to ${name}`}>
              <Field id={id("pain")} label={`Pain reported (${TRIAL_PAIN_RANGE.min}–${TRIAL_PAIN_RANGE.max})`}><input id={id("pain")} name="pain" type="number" {...TRIAL_PAIN_RANGE} /></Field>
              <Field id={id("response-note")} label="Note (optional)"><input id={id("response-note")} name="note" maxLength={PLAN_TEXT_LIMITS.responseNote} /></Field>
              <button type="submit" className="secondary" disabled={response.busy}>Record response</button>
            </form>
            <form className="stack" onSubmit={sideEffect.onSubmit} aria-label={`Record a side effect of ${name}`}>
              <Field id={id("side-effect")} label="Side effect"><input id={id("side-effect")} name="name" maxLength={PLAN_TEXT_LIMITS.sideEffectName} /></Field>
              <Field id={id("severity")} label="Severity">
                <select id={id("severity")} name="severity">
                  {SIDE_EFFECT_SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </Field>
              <button type="submit" className="secondary" disabled={sideEffect.busy}>Record side effect</button>
            </form>
          </>
        ) : null}
        {canAct && !terminal ? (
          <>
            <PrescriptionForm item={item} />
            {isMedicationItem(item) ? (
              <>
                <MedicationScheduleForm item={item} />
                <TitrationStepsForm item={item} />
              </>
            ) : null}
            <GmiStageForm item={item} />
            <ItemDetailsForm item={item} />
          </>
        ) : null}
      </div>
    </details>
  );
}
