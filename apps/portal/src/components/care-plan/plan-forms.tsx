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
  defaultOwner,
  getTherapy,
  goalLabel,
  interventionName,
  newItemIdentity,
  ownerChoices,
  takesGmiStage,
} from "@concord/domain/client";
import { Button } from "@concord/ui/button";
import { CheckboxField } from "@concord/ui/checkbox";
import { Fieldset } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { NativeSelect } from "@concord/ui/native-select";
import { Textarea } from "@concord/ui/textarea";
import { CardGrid } from "~/components/layout";
import { useEditor } from "./editor-context";
import { Field, type FieldErrors, type Fields, num, optional, useCommandForm, planFormClassName } from "./form-kit";
import { TargetFields, type TargetKind, buildTarget } from "./goal-targets";
import { GmiStageForm } from "./intervention-edit-forms";
import {
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
    <form className={planFormClassName} onSubmit={form.onSubmit} aria-label="Set the plan review date">
      <h3>Plan review date</h3>
      <Field id="plan-review" label="Next multidisciplinary review">
        <Input id="plan-review" name="reviewDueAt" type="date" required min={data.today} defaultValue={data.plan.reviewDueAt >= data.today ? data.plan.reviewDueAt : ""} />
      </Field>
      <Button type="submit" disabled={form.busy}>Set review date</Button>
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
    <form className={planFormClassName} onSubmit={add.onSubmit} aria-label="Add a goal">
      <h3>Add a goal</h3>
      <Field id="goal-id" label="Goal">
        <NativeSelect id="goal-id" name="goalId">
          {missing.map((g) => (
            <option key={g} value={g}>{goalLabel(g)}</option>
          ))}
        </NativeSelect>
      </Field>
      <TargetFields prefix="goal" label="Measurable target" kind={kind} onKind={(k) => setKind(k ?? "pain_average_at_most")} />
      <Field id="goal-status" label="Status">
        <NativeSelect id="goal-status" name="status" defaultValue="not_started">
          {GOAL_STATUSES.map((s) => (
            <option key={s} value={s}>{s.replace("_", " ")}</option>
          ))}
        </NativeSelect>
      </Field>
      <Button type="submit" disabled={add.busy}>Add goal</Button>
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
    <form className={planFormClassName} onSubmit={form.onSubmit} aria-label="Add an intervention">
      <h3>Add an intervention</h3>
      <div>
        <CheckboxField id="iv-custom" checked={custom} onChange={(e) => setCustom(e.target.checked)} label="Not in the catalogue (custom)" />
      </div>
      {custom ? (
        <>
          <Field id="iv-custom-name" label="Name"><Input id="iv-custom-name" name="customName" /></Field>
          <Field id="iv-category" label="Category">
            <NativeSelect
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
            </NativeSelect>
          </Field>
          <Field id="iv-owner" label="Owning discipline">
            <NativeSelect id="iv-owner" name="ownerDiscipline" value={customOwner} onChange={(e) => setOwnerChoice(e.target.value as Discipline)}>
              {choices.map((d) => (
                <option key={d} value={d}>{DISCIPLINE_LABELS[d]}</option>
              ))}
            </NativeSelect>
          </Field>
        </>
      ) : (
        <Field id="iv-therapy" label="Therapy">
          <NativeSelect
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
          </NativeSelect>
        </Field>
      )}
      <p className="text-muted-foreground" aria-live="polite">
        Owned by {owners.map((d) => DISCIPLINE_LABELS[d]).join(" or ")}. <span data-testid="addition-offer">{offer?.message}</span>
      </p>
      {canStart && offer ? (
        <Field id="iv-status" label="Start as">
          <NativeSelect id="iv-status" name="status" defaultValue={offer.startOptions[0]}>
            {offer.startOptions.map((s) => (
              <option key={s} value={s}>{START_LABELS[s]}</option>
            ))}
          </NativeSelect>
        </Field>
      ) : (
        <input type="hidden" name="status" value="proposed" />
      )}
      {data.plan.goals.length > 0 ? (
        <Fieldset legend="Goals it serves (leave empty for the usual ones)" className="gap-0">
          {data.plan.goals.map((g) => (
            <CheckboxField key={g.id} id={`iv-goal-${g.id}`} name="goalIds" value={g.id} label={goalLabel(g.id)} />
          ))}
        </Fieldset>
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
          <Field id="iv-sets" label="Sets"><Input id="iv-sets" name="sets" type="number" {...EXERCISE_BOUNDS.sets} /></Field>
          <Field id="iv-reps" label="Repetitions"><Input id="iv-reps" name="repetitions" type="number" {...EXERCISE_BOUNDS.repetitions} /></Field>
          <Field id="iv-duration" label="Minutes (optional)"><Input id="iv-duration" name="durationMinutes" type="number" {...EXERCISE_BOUNDS.durationMinutes} /></Field>
          {takesGmiStage({ custom, therapyId }) ? (
            <Field id="iv-stage" label="Graded motor imagery stage">
              <NativeSelect id="iv-stage" name="stage">
                {GMI_STAGES.map((s) => <option key={s} value={s}>{GMI_STAGE_LABELS[s]}</option>)}
              </NativeSelect>
            </Field>
          ) : null}
        </>
      ) : null}
      {kind === "psychological" ? (
        <>
          <Field id="iv-session" label="Session type">
            <NativeSelect id="iv-session" name="sessionType">
              {SESSION_TYPES.map((s) => <option key={s} value={s}>{s}</option>)}
            </NativeSelect>
          </Field>
          <Field id="iv-next-session" label="Next session (optional)"><Input id="iv-next-session" name="nextSessionDate" type="date" /></Field>
        </>
      ) : null}
      {kind === "exercise" || kind === "psychological" || kind === "self_management" ? (
        <Field id="iv-frequency" label="How often"><Input id="iv-frequency" name="frequency" maxLength={PLAN_TEXT_LIMITS.frequency} placeholder="e.g. daily" /></Field>
      ) : null}
      {kind === "exercise" || kind === "self_management" ? (
        <Field id="iv-instructions" label="Instructions for the patient"><Textarea id="iv-instructions" name="instructions" maxLength={PLAN_TEXT_LIMITS.instructions} /></Field>
      ) : null}
      {kind === "procedure" ? (
        <>
          <Field id="iv-planned" label="Planned date"><Input id="iv-planned" name="plannedDate" type="date" /></Field>
          <Field id="iv-side" label="Side">
            <NativeSelect id="iv-side" name="side">
              {PROCEDURE_SIDES.map((s) => <option key={s} value={s}>{s}</option>)}
            </NativeSelect>
          </Field>
          <Field id="iv-level" label="Level (optional)"><Input id="iv-level" name="level" maxLength={PLAN_TEXT_LIMITS.procedureLevel} /></Field>
          <CheckboxField id="iv-record-pain" name="recordPainBeforeAfter" defaultChecked label="Record pain before and after" />
        </>
      ) : null}
      {kind === "experimental" ? (
        <>
          <Field id="iv-consent" label="Consent recorded on (required before activation)"><Input id="iv-consent" name="consentRecordedAt" type="date" /></Field>
          <Field id="iv-study" label="Study reference (required before activation)"><Input id="iv-study" name="studyReference" maxLength={PLAN_TEXT_LIMITS.studyReference} /></Field>
        </>
      ) : null}
      <Field id="iv-next-review" label="Next review (optional)"><Input id="iv-next-review" name="nextReviewDate" type="date" /></Field>
      <Field id="iv-note" label="Note for the team (optional)"><Textarea id="iv-note" name="note" maxLength={PLAN_TEXT_LIMITS.note} /></Field>
      <Button type="submit" disabled={form.busy}>{canStart ? "Add intervention" : "Propose intervention"}</Button>
    </form>
  );
}

/** The forms of an item's "Record or review" disclosure (plan-disclosures.tsx decides which it shows). */
export function InterventionActionForms({ item, show }: { item: Intervention; show: { observable: boolean; legacy: boolean; steps: boolean; gmi: boolean } }) {
  const name = interventionName(item);
  const id = (field: string) => `${item.id}-${field}`;
  const { data } = useEditor();
  const today = data.today;
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
  const { observable, legacy, steps, gmi } = show;

  // The item's own changes are in its one edit form (ItemEditSheet); what stays here is recording
  // what happened (a response, a side effect), the next GMI stage, and withdrawing a planned step.
  return (
      <CardGrid className="gap-x-8 gap-y-6">
        {observable ? (
          <>
            <form className={planFormClassName} onSubmit={response.onSubmit} aria-label={`Record the response to ${name}`}>
              <Field id={id("pain")} label={`Pain reported (${TRIAL_PAIN_RANGE.min}–${TRIAL_PAIN_RANGE.max})`}><Input id={id("pain")} name="pain" type="number" {...TRIAL_PAIN_RANGE} /></Field>
              <Field id={id("response-note")} label="Note (optional)"><Input id={id("response-note")} name="note" maxLength={PLAN_TEXT_LIMITS.responseNote} /></Field>
              <Button type="submit" variant="secondary" disabled={response.busy}>Record response</Button>
            </form>
            <form className={planFormClassName} onSubmit={sideEffect.onSubmit} aria-label={`Record a side effect of ${name}`}>
              <Field id={id("side-effect")} label="Side effect"><Input id={id("side-effect")} name="name" maxLength={PLAN_TEXT_LIMITS.sideEffectName} /></Field>
              <Field id={id("severity")} label="Severity">
                <NativeSelect id={id("severity")} name="severity">
                  {SIDE_EFFECT_SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
                </NativeSelect>
              </Field>
              <Button type="submit" variant="secondary" disabled={sideEffect.busy}>Record side effect</Button>
            </form>
          </>
        ) : null}
        {legacy && isMedicationItem(item) ? <MedicationScheduleForm item={item} /> : null}
        {steps && isMedicationItem(item) ? <TitrationStepsForm item={item} /> : null}
        {gmi ? <GmiStageForm item={item} /> : null}
      </CardGrid>
  );
}
