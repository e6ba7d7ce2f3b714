"use client";
import {
  DISCIPLINE_LABELS,
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
  ownersOf,
  takesGmiStage,
} from "@concord/domain";
import { useEditor } from "./editor-context";
import { Field, type Fields, num, optional, useCommandForm } from "./form-kit";

type Details = Intervention["details"];

/**
 * Only the fields the clinician actually changed go into the command: the server merges them over
 * the current prescription, so re-applying after a conflict cannot undo a colleague's other edits.
 * A cleared optional field is sent as null, which the domain reads as "remove".
 */
function changedFields(current: Details, next: Record<string, unknown>): Record<string, unknown> {
  const before = current as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const after = value === undefined ? null : value;
    if (!Object.is(before[key] ?? null, after)) patch[key] = after;
  }
  return patch;
}

function prescriptionFrom(item: Intervention, get: Fields, form: FormData, today: string): Record<string, unknown> {
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

/** The prescription of a non-medication item (a medication's dose changes go through its trial log). */
export function PrescriptionForm({ item }: { item: Intervention }) {
  const { data } = useEditor();
  const name = interventionName(item);
  const id = (field: string) => `${item.id}-rx-${field}`;
  const form = useCommandForm((get, raw) => ({
    type: "updateIntervention",
    interventionId: item.id,
    details: changedFields(item.details, prescriptionFrom(item, get, raw, data.today)),
  }));
  const d = item.details;
  if (d.kind === "medication") return null;
  const title =
    d.kind === "experimental" ? `Research details of ${name}` : d.kind === "procedure" ? `Procedure details of ${name}` : `Prescription of ${name}`;
  return (
    <form key={data.version} className="stack" onSubmit={form.onSubmit} aria-label={`Edit the ${title.charAt(0).toLowerCase()}${title.slice(1)}`}>
      <h4 style={{ margin: 0 }}>{title}</h4>
      {d.kind === "exercise" ? (
        <>
          <div className="inline">
            <Field id={id("sets")} label="Sets"><input id={id("sets")} name="sets" type="number" {...EXERCISE_BOUNDS.sets} required defaultValue={d.sets} /></Field>
            <Field id={id("reps")} label="Repetitions"><input id={id("reps")} name="repetitions" type="number" {...EXERCISE_BOUNDS.repetitions} required defaultValue={d.repetitions} /></Field>
            <Field id={id("duration")} label="Minutes (optional)"><input id={id("duration")} name="durationMinutes" type="number" {...EXERCISE_BOUNDS.durationMinutes} defaultValue={d.durationMinutes ?? ""} /></Field>
          </div>
          {isGmi(item) ? (
            <Field id={id("stage")} label="Graded motor imagery stage">
              <select id={id("stage")} name="stage" defaultValue={d.stage ?? ""}>
                {d.stage ? null : <option value="">Not staged</option>}
                {GMI_STAGES.map((s) => <option key={s} value={s}>{GMI_STAGE_LABELS[s]}</option>)}
              </select>
            </Field>
          ) : null}
        </>
      ) : null}
      {d.kind === "psychological" ? (
        <>
          <Field id={id("session")} label="Session type">
            <select id={id("session")} name="sessionType" defaultValue={d.sessionType}>
              {SESSION_TYPES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </Field>
          <Field id={id("next-session")} label="Next session (optional)"><input id={id("next-session")} name="nextSessionDate" type="date" defaultValue={d.nextSessionDate ?? ""} /></Field>
        </>
      ) : null}
      {d.kind === "exercise" || d.kind === "psychological" || d.kind === "self_management" ? (
        <Field id={id("frequency")} label="How often"><input id={id("frequency")} name="frequency" maxLength={PLAN_TEXT_LIMITS.frequency} required defaultValue={d.frequency} /></Field>
      ) : null}
      {d.kind === "exercise" || d.kind === "self_management" ? (
        <Field id={id("instructions")} label="Instructions for the patient"><textarea id={id("instructions")} name="instructions" maxLength={PLAN_TEXT_LIMITS.instructions} defaultValue={d.instructions} /></Field>
      ) : null}
      {d.kind === "procedure" ? (
        <>
          <Field id={id("planned")} label="Planned date"><input id={id("planned")} name="plannedDate" type="date" required defaultValue={d.plannedDate} /></Field>
          <Field id={id("side")} label="Side">
            <select id={id("side")} name="side" defaultValue={d.side}>
              {PROCEDURE_SIDES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </Field>
          <Field id={id("level")} label="Level (optional)"><input id={id("level")} name="level" maxLength={PLAN_TEXT_LIMITS.procedureLevel} defaultValue={d.level ?? ""} /></Field>
          <label style={{ fontWeight: 400 }}>
            <input type="checkbox" name="recordPainBeforeAfter" defaultChecked={d.recordPainBeforeAfter} style={{ width: "auto" }} /> Record pain before and after
          </label>
        </>
      ) : null}
      {d.kind === "experimental" ? (
        <>
          <Field id={id("consent")} label="Consent recorded on" hint={item.status === "proposed" ? "Needed, with the study reference, before it can be activated." : undefined}>
            <input id={id("consent")} name="consentRecordedAt" type="date" max={data.today} defaultValue={d.consentRecordedAt ?? ""} aria-describedby={item.status === "proposed" ? `${id("consent")}-hint` : undefined} />
          </Field>
          <Field id={id("study")} label="Study reference"><input id={id("study")} name="studyReference" maxLength={PLAN_TEXT_LIMITS.studyReference} defaultValue={d.studyReference ?? ""} /></Field>
        </>
      ) : null}
      <button type="submit" disabled={form.busy}>Save {d.kind === "experimental" ? "research details" : d.kind === "procedure" ? "procedure details" : "prescription"}</button>
    </form>
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
    <form key={data.version} className="stack" onSubmit={form.onSubmit} aria-label={`Move ${name} to the next stage`}>
      <h4 style={{ margin: 0 }}>Graded motor imagery stage</h4>
      <p style={{ margin: 0 }}>
        {d.stage ? `Now: ${GMI_STAGE_LABELS[d.stage]}` : "Not staged yet"}
        {d.stageStartedOn && days !== null ? ` since ${formatCalendarDate(d.stageStartedOn)} (${days} ${days === 1 ? "day" : "days"})` : ""}.{" "}
        <span className="muted">Each stage usually lasts about {GMI_STAGE_DAYS / 7} weeks.</span>
      </p>
      {next ? (
        <button type="submit" className="secondary" disabled={form.busy}>Move to the next stage: {GMI_STAGE_LABELS[next]}</button>
      ) : (
        <p className="muted" style={{ margin: 0 }}>This is the last stage.</p>
      )}
    </form>
  );
}

/** Note, next review and the responsible clinician: a member of the team from an owning discipline. */
export function ItemDetailsForm({ item }: { item: Intervention }) {
  const { data } = useEditor();
  const name = interventionName(item);
  const id = (field: string) => `${item.id}-item-${field}`;
  const owners = ownersOf(item);
  const candidates = data.team.filter((m) => owners.includes(m.discipline));
  const current = item.responsibleClinicianId;
  const formerMember = current !== null && !candidates.some((m) => m.clinicianId === current);
  const form = useCommandForm((get) => {
    const note = optional(get("note")) ?? null;
    const nextReviewDate = optional(get("nextReviewDate")) ?? null;
    // "" is "Not assigned", sent as null so the domain hands the item back to nobody.
    const responsible = optional(get("responsibleClinicianId")) ?? null;
    return {
      type: "updateIntervention",
      interventionId: item.id,
      note: note !== item.note ? note : undefined,
      nextReviewDate: nextReviewDate !== item.nextReviewDate ? nextReviewDate : undefined,
      responsibleClinicianId: responsible !== current ? responsible : undefined,
    };
  });
  return (
    <form key={data.version} className="stack" onSubmit={form.onSubmit} aria-label={`Edit the note, review and responsible clinician of ${name}`}>
      <h4 style={{ margin: 0 }}>Note, review and responsibility</h4>
      <Field id={id("responsible")} label="Responsible clinician">
        <select id={id("responsible")} name="responsibleClinicianId" defaultValue={current ?? ""}>
          <option value="">Not assigned</option>
          {formerMember ? <option value={current}>{`${data.names[current] ?? "A former team member"} (no longer on the team)`}</option> : null}
          {candidates.map((m) => (
            <option key={m.clinicianId} value={m.clinicianId}>{m.name} ({DISCIPLINE_LABELS[m.discipline]})</option>
          ))}
        </select>
      </Field>
      <Field id={id("next-review")} label="Next review (leave empty for none)">
        <input id={id("next-review")} name="nextReviewDate" type="date" defaultValue={item.nextReviewDate ?? ""} />
      </Field>
      <Field id={id("note")} label="Note for the team">
        <textarea id={id("note")} name="note" maxLength={PLAN_TEXT_LIMITS.note} defaultValue={item.note ?? ""} />
      </Field>
      <button type="submit" className="secondary" disabled={form.busy}>Save note, review and responsibility</button>
    </form>
  );
}
