"use client";
import {
  EXERCISE_BOUNDS,
  GMI_STAGES,
  GMI_STAGE_DAYS,
  GMI_STAGE_LABELS,
  type GmiStage,
  type Intervention,
  PLAN_TEXT_LIMITS,
  PROCEDURE_SIDES,
  SESSION_TYPES,
  daysBetween,
  formatCalendarDate,
  interventionName,
  nextGmiStage,
  takesGmiStage,
} from "@concord/domain/client";
import { Button } from "@concord/ui/button";
import { CheckboxField } from "@concord/ui/checkbox";
import { Input } from "@concord/ui/input";
import { NativeSelect } from "@concord/ui/native-select";
import { Textarea } from "@concord/ui/textarea";
import { useEditor } from "./editor-context";
import { Field, type Fields, num, optional, useCommandForm, planFormClassName } from "./form-kit";

type Details = Intervention["details"];

/**
 * Only the fields the clinician actually changed go into the command: the server merges them over
 * the current prescription, so re-applying after a conflict cannot undo a colleague's other edits.
 * A cleared optional field is sent as null, which the domain reads as "remove".
 */
export function changedFields(current: Details, next: Record<string, unknown>): Record<string, unknown> {
  const before = current as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const after = value === undefined ? null : value;
    if (!Object.is(before[key] ?? null, after)) patch[key] = after;
  }
  return patch;
}

export function prescriptionFrom(item: Intervention, get: Fields, form: FormData, today: string): Record<string, unknown> {
  const d = item.details;
  switch (d.kind) {
    case "exercise": {
      const stage = optional(get("stage")) as GmiStage | undefined;
      return {
        sets: num(get("sets")),
        repetitions: num(get("repetitions")),
        frequency: get("frequency").trim(),
        durationMinutes: optional(get("durationMinutes")) === undefined ? undefined : num(get("durationMinutes")),
        instructions: get("instructions").trim(),
        ...(isGmi(item) ? { stage, stageStartedOn: stage === d.stage ? d.stageStartedOn : stage ? today : undefined } : {}),
      };
    }
    case "psychological":
      return { sessionType: get("sessionType"), frequency: get("frequency").trim(), nextSessionDate: optional(get("nextSessionDate")) };
    case "procedure":
      return { plannedDate: get("plannedDate"), side: get("side"), level: optional(get("level")), recordPainBeforeAfter: form.get("recordPainBeforeAfter") === "on" };
    case "experimental":
      return { consentRecordedAt: optional(get("consentRecordedAt")) ?? null, studyReference: optional(get("studyReference")) ?? null };
    case "self_management":
      return { frequency: get("frequency").trim(), instructions: get("instructions").trim() };
    case "medication":
      return {};
  }
}

const isGmi = (item: Intervention) => takesGmiStage(item);

/** What the item edit sheet calls its prescription section: the title for a non-medication item's details. */
export function prescriptionTitle(item: Intervention): string {
  const d = item.details;
  return d.kind === "experimental" ? "Research details" : d.kind === "procedure" ? "Procedure details" : "Prescription";
}

/**
 * The fields of a non-medication item's prescription (a medication's dose changes go through its
 * trial log), inside the one edit form of the item; `prescriptionFrom` reads them back.
 */
export function PrescriptionFields({ item, errors = {} }: { item: Intervention; errors?: Partial<Record<string, string>> }) {
  const { data } = useEditor();
  const id = (field: string) => `${item.id}-rx-${field}`;
  const d = item.details;
  if (d.kind === "medication") return null;
  return (
    <>
      {d.kind === "exercise" ? (
        <>
          <div className="flex flex-wrap items-start gap-3">
            <Field id={id("sets")} label="Sets" error={errors.sets}><Input id={id("sets")} name="sets" type="number" {...EXERCISE_BOUNDS.sets} required defaultValue={d.sets} /></Field>
            <Field id={id("reps")} label="Repetitions" error={errors.repetitions}><Input id={id("reps")} name="repetitions" type="number" {...EXERCISE_BOUNDS.repetitions} required defaultValue={d.repetitions} /></Field>
            <Field id={id("duration")} label="Minutes (optional)" error={errors.durationMinutes}><Input id={id("duration")} name="durationMinutes" type="number" {...EXERCISE_BOUNDS.durationMinutes} defaultValue={d.durationMinutes ?? ""} /></Field>
          </div>
          {isGmi(item) ? (
            <Field id={id("stage")} label="Graded motor imagery stage">
              <NativeSelect id={id("stage")} name="stage" defaultValue={d.stage ?? ""}>
                {d.stage ? null : <option value="">Not staged</option>}
                {GMI_STAGES.map((s) => <option key={s} value={s}>{GMI_STAGE_LABELS[s]}</option>)}
              </NativeSelect>
            </Field>
          ) : null}
        </>
      ) : null}
      {d.kind === "psychological" ? (
        <>
          <Field id={id("session")} label="Session type">
            <NativeSelect id={id("session")} name="sessionType" defaultValue={d.sessionType}>
              {SESSION_TYPES.map((s) => <option key={s} value={s}>{s}</option>)}
            </NativeSelect>
          </Field>
          <Field id={id("next-session")} label="Next session (optional)"><Input id={id("next-session")} name="nextSessionDate" type="date" defaultValue={d.nextSessionDate ?? ""} /></Field>
        </>
      ) : null}
      {d.kind === "exercise" || d.kind === "psychological" || d.kind === "self_management" ? (
        <Field id={id("frequency")} label="How often" error={errors.frequency}><Input id={id("frequency")} name="frequency" maxLength={PLAN_TEXT_LIMITS.frequency} required defaultValue={d.frequency} /></Field>
      ) : null}
      {d.kind === "exercise" || d.kind === "self_management" ? (
        <Field id={id("instructions")} label="Instructions for the patient" error={errors.instructions}><Textarea id={id("instructions")} name="instructions" maxLength={PLAN_TEXT_LIMITS.instructions} defaultValue={d.instructions} /></Field>
      ) : null}
      {d.kind === "procedure" ? (
        <>
          <Field id={id("planned")} label="Planned date" error={errors.plannedDate}><Input id={id("planned")} name="plannedDate" type="date" required defaultValue={d.plannedDate} /></Field>
          <Field id={id("side")} label="Side">
            <NativeSelect id={id("side")} name="side" defaultValue={d.side}>
              {PROCEDURE_SIDES.map((s) => <option key={s} value={s}>{s}</option>)}
            </NativeSelect>
          </Field>
          <Field id={id("level")} label="Level (optional)"><Input id={id("level")} name="level" maxLength={PLAN_TEXT_LIMITS.procedureLevel} defaultValue={d.level ?? ""} /></Field>
          <CheckboxField id={id("record-pain")} name="recordPainBeforeAfter" defaultChecked={d.recordPainBeforeAfter} label="Record pain before and after" />
        </>
      ) : null}
      {d.kind === "experimental" ? (
        <>
          <Field id={id("consent")} label="Consent recorded on" hint={item.status === "proposed" ? "Needed, with the study reference, before it can be activated." : undefined}>
            <Input id={id("consent")} name="consentRecordedAt" type="date" max={data.today} defaultValue={d.consentRecordedAt ?? ""} />
          </Field>
          <Field id={id("study")} label="Study reference" error={errors.studyReference}><Input id={id("study")} name="studyReference" maxLength={PLAN_TEXT_LIMITS.studyReference} defaultValue={d.studyReference ?? ""} /></Field>
        </>
      ) : null}
    </>
  );
}

/** Graded motor imagery moves on one stage at a time, about two weeks each; the team decides when. */
export function GmiStageForm({ item }: { item: Intervention }) {
  const { data } = useEditor();
  const d = item.details;
  const next = d.kind === "exercise" ? (d.stage ? nextGmiStage(d.stage) : GMI_STAGES[0]) : null;
  const form = useCommandForm(() => ({
    type: "updateIntervention",
    interventionId: item.id,
    details: { stage: next, stageStartedOn: data.today },
  }));
  if (!isGmi(item) || d.kind !== "exercise") return null;
  const name = interventionName(item);
  const days = d.stageStartedOn ? daysBetween(d.stageStartedOn, data.today) : null;
  return (
    <form key={data.version} className={planFormClassName} onSubmit={form.onSubmit} aria-label={`Move ${name} to the next stage`}>
      <h4 className="font-semibold">Graded motor imagery stage</h4>
      <p>
        {d.stage ? `Now: ${GMI_STAGE_LABELS[d.stage]}` : "Not staged yet"}
        {d.stageStartedOn && days !== null ? ` since ${formatCalendarDate(d.stageStartedOn)} (${days} ${days === 1 ? "day" : "days"})` : ""}.{" "}
        <span className="text-muted-foreground">Each stage usually lasts about {GMI_STAGE_DAYS / 7} weeks.</span>
      </p>
      {next ? (
        <Button type="submit" variant="secondary" disabled={form.busy}>Move to the next stage: {GMI_STAGE_LABELS[next]}</Button>
      ) : (
        <p className="text-muted-foreground">This is the last stage.</p>
      )}
    </form>
  );
}
